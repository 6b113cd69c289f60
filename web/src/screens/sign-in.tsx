/**
 * Sign-in. Locally: pick a seeded staff member from the directory (dev sign-in). On AWS: the
 * Cognito hosted UI (code flow + PKCE); its callback lands on /auth/callback.
 */
import { Button, Center, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useI18n, useSession } from '../app/session.js';
import { ErrorNote } from '../app/ui.js';
import type { ConsoleConfig } from '../auth/config.js';
import { type DirectoryEntry, devDirectory, devToken } from '../auth/dev-sign-in.js';
import { userManager } from '../auth/oidc.js';

function DevSignIn() {
  const { signIn } = useSession();
  const i18n = useI18n();
  const [directory, setDirectory] = useState<DirectoryEntry[]>([]);
  const [picked, setPicked] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  useEffect(() => {
    devDirectory().then(setDirectory, (e: Error) => setError(e.message));
  }, []);
  const entry = directory.find((d) => d.userId === picked);
  return (
    <Stack>
      <Text size="sm">{i18n.t('signInDevHint')}</Text>
      <Select
        label={i18n.t('signInAs')}
        searchable
        // The whole directory fits: no scrolling region that a keyboard could not reach.
        withScrollArea={false}
        data={directory.map((d) => ({
          value: d.userId,
          label: i18n.person(d.name, d.role, d.department),
        }))}
        value={picked}
        onChange={setPicked}
      />
      <ErrorNote message={error} />
      <Button
        disabled={!entry}
        onClick={async () => {
          if (!entry) return;
          try {
            await signIn(await devToken(entry));
          } catch (e) {
            setError((e as Error).message);
          }
        }}
      >
        {i18n.t('signIn')}
      </Button>
    </Stack>
  );
}

function HostedSignIn({ config }: { config: Extract<ConsoleConfig, { signIn: 'oidc' }> }) {
  const { signIn } = useSession();
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const handled = useRef(false);
  const callback = location.pathname === '/auth/callback';
  useEffect(() => {
    if (!callback || handled.current) return;
    handled.current = true;
    userManager(config)
      .signinRedirectCallback()
      .then(async (user) => {
        if (!user.id_token) throw new Error('no ID token');
        await signIn(user.id_token);
        navigate('/', { replace: true });
      })
      .catch((e: Error) => setError(e.message));
  }, [callback, config, signIn, navigate]);
  return (
    <Stack>
      <ErrorNote message={error} />
      {callback && !error ? (
        <Text>{t('signingIn')}</Text>
      ) : (
        <Button onClick={() => void userManager(config).signinRedirect()}>{t('signInHosted')}</Button>
      )}
    </Stack>
  );
}

export function SignInScreen({ config }: { config: ConsoleConfig }) {
  const { t, language } = useI18n();
  const { setLanguage } = useSession();
  return (
    <Center mih="100vh" component="main">
      <Paper withBorder p="xl" w={440} shadow="sm">
        <Stack>
          <Group justify="space-between">
            <Title order={1} size="h3">
              {t('appName')}
            </Title>
            <Button variant="subtle" size="xs" onClick={() => setLanguage(language === 'ja' ? 'en' : 'ja')}>
              {t('language')}
            </Button>
          </Group>
          {config.signIn === 'dev' ? <DevSignIn /> : <HostedSignIn config={config} />}
        </Stack>
      </Paper>
    </Center>
  );
}
