/** The console's frame: sign-in, the menu the signed-in role may use, and the screens. */
import { AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router';
import type { ConsoleConfig } from '../auth/config.js';
import { canSee, type Screen, screensFor } from '../lib/roles.js';
import { ApprovalsScreen } from '../screens/approvals.js';
import { ClientScreen } from '../screens/client.js';
import { ClientLedgerScreen } from '../screens/client-ledger.js';
import { ContractsScreen } from '../screens/contracts.js';
import { DashboardScreen } from '../screens/dashboard.js';
import { IndividualContractScreen } from '../screens/individual-contract.js';
import { InquiryScreen } from '../screens/inquiry.js';
import { InquiryInboxScreen } from '../screens/inquiry-inbox.js';
import { MyWorkScreen } from '../screens/my-work.js';
import { OrdersScreen } from '../screens/orders.js';
import { OverdueScreen } from '../screens/overdue.js';
import { PhoneInquiryScreen } from '../screens/phone-inquiry.js';
import { SignInScreen } from '../screens/sign-in.js';
import { StaffDirectoryScreen } from '../screens/staff-directory.js';
import { SyncScreen } from '../screens/sync.js';
import { VisitScreen } from '../screens/visit.js';
import { useI18n, useSession } from './session.js';

const PATHS: Record<Screen, string> = {
  myWork: '/',
  dashboard: '/dashboard',
  clientLedger: '/clients',
  inquiryInbox: '/inquiries',
  phoneInquiry: '/inquiries/new',
  approvals: '/approvals',
  overdue: '/overdue',
  sync: '/sync',
  orders: '/orders',
  contracts: '/contracts',
  staffDirectory: '/staff',
};

function Shell({ config }: { config: ConsoleConfig }) {
  const { actor, me, signOut, setLanguage } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const [opened, { toggle }] = useDisclosure();
  const location = useLocation();
  if (!actor || !me) return <SignInScreen config={config} />;
  const screens = screensFor(actor);
  const guard = (screen: Screen, element: React.ReactNode) =>
    canSee(actor, screen) ? element : <Navigate to="/" replace />;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav')} />
            <Title order={1} size="h4">
              {t('appName')}
            </Title>
          </Group>
          <Group wrap="nowrap" gap="xs">
            <Text size="sm" data-testid="signed-in-as">
              {i18n.person(me.staffMember?.name ?? me.userId, me.role, me.department)}
            </Text>
            <Button
              variant="subtle"
              size="xs"
              onClick={() => setLanguage(i18n.language === 'ja' ? 'en' : 'ja')}
            >
              {t('language')}
            </Button>
            <Button variant="default" size="xs" onClick={signOut}>
              {t('signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav')}>
        {screens.map((screen) => (
          <NavLink
            key={screen}
            component={Link}
            to={PATHS[screen]}
            label={t(screen)}
            active={location.pathname === PATHS[screen]}
            aria-current={location.pathname === PATHS[screen] ? 'page' : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <Routes>
          <Route path="/" element={<MyWorkScreen />} />
          <Route path="/dashboard" element={<DashboardScreen />} />
          <Route path="/clients" element={<ClientLedgerScreen />} />
          <Route path="/clients/:id" element={<ClientScreen />} />
          <Route path="/inquiries" element={guard('inquiryInbox', <InquiryInboxScreen />)} />
          <Route path="/inquiries/new" element={guard('phoneInquiry', <PhoneInquiryScreen />)} />
          <Route path="/inquiries/:id" element={<InquiryScreen />} />
          <Route path="/visits/:id" element={<VisitScreen />} />
          <Route path="/approvals" element={guard('approvals', <ApprovalsScreen />)} />
          <Route path="/overdue" element={guard('overdue', <OverdueScreen />)} />
          <Route path="/sync" element={guard('sync', <SyncScreen />)} />
          <Route path="/orders" element={<OrdersScreen />} />
          <Route path="/contracts" element={guard('contracts', <ContractsScreen />)} />
          <Route path="/individual-contracts/:id" element={<IndividualContractScreen />} />
          <Route path="/staff" element={guard('staffDirectory', <StaffDirectoryScreen />)} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </AppShell.Main>
    </AppShell>
  );
}

export function App({ config }: { config: ConsoleConfig }) {
  return (
    <BrowserRouter>
      <Shell config={config} />
    </BrowserRouter>
  );
}
