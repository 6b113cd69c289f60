/** Who is signed in: the token (in memory only), `me` as the API sees it, and the language (the only thing kept in the browser). */
import type { TadaDocumentNode } from 'gql.tada';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { request } from '../api/client.js';
import { graphql, type ResultOf } from '../api/graphql.js';
import { type Language, storedLanguage, storeLanguage, type Translator, translator } from '../lib/i18n.js';
import type { Actor, Role } from '../lib/roles.js';

export const MeQuery = graphql(`
  query Me {
    me { userId role department staffMember { name email supervisorId } }
  }
`);

export type Me = ResultOf<typeof MeQuery>['me'];

interface Session {
  token: string | undefined;
  me: Me | undefined;
  actor: Actor | undefined;
  signIn(token: string): Promise<void>;
  signOut(): void;
  api<R, V>(document: TadaDocumentNode<R, V>, variables: V): Promise<R>;
  i18n: Translator;
  setLanguage(language: Language): void;
}

/** Local storage, when the browser lets the console use it (it holds only the language). */
function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children, onSignOut }: { children: ReactNode; onSignOut?: () => void }) {
  const [token, setToken] = useState<string>();
  const [me, setMe] = useState<Me>();
  const [language, setLanguageState] = useState<Language>(() => storedLanguage(browserStorage()));
  const setLanguage = useCallback((chosen: Language) => {
    storeLanguage(browserStorage(), chosen);
    setLanguageState(chosen);
  }, []);
  const i18n = useMemo(() => translator(language), [language]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const signIn = useCallback(async (newToken: string) => {
    const data = await request(newToken, MeQuery, {});
    setToken(newToken);
    setMe(data.me);
  }, []);
  const signOut = useCallback(() => {
    setToken(undefined);
    setMe(undefined);
    onSignOut?.();
  }, [onSignOut]);
  const api = useCallback(
    <R, V>(document: TadaDocumentNode<R, V>, variables: V) => request(token, document, variables),
    [token],
  );
  const actor = useMemo<Actor | undefined>(
    () => (me ? { userId: me.userId, role: me.role as Role, department: me.department } : undefined),
    [me],
  );
  const value = useMemo(
    () => ({ token, me, actor, signIn, signOut, api, i18n, setLanguage }),
    [token, me, actor, signIn, signOut, api, i18n, setLanguage],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** A signed-in screen: the actor is always there. */
export function useActor(): Actor {
  const { actor } = useSession();
  if (!actor) throw new Error('not signed in');
  return actor;
}

export function useI18n(): Translator {
  return useSession().i18n;
}
