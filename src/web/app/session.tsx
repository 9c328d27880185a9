import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { CurrentUser } from '../../contract/auth.js';
import { api, PASSWORD_CHANGE_REQUIRED_EVENT, UNAUTHENTICATED_EVENT } from '../shared/api.js';
import { FullPageLoading } from './FullPageLoading.js';

interface Session {
  /** `undefined` while the first /auth/me is under way. */
  user: CurrentUser | null | undefined;
  /** Signed out on purpose (not expired): the login page then does not send them back where they were. */
  signedOut: boolean;
  login(login: string, password: string): Promise<CurrentUser>;
  logout(): Promise<void>;
  /** Reads who is signed in again, after something changed it (their own new password). */
  refresh(): Promise<void>;
}

/** Where an account that must first choose its own password is sent, and the only page it may see. */
export const SET_PASSWORD_PATH = '/set-password';

const SessionContext = createContext<Session | null>(null);

const SESSION_KEY = ['session'] as const;

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [signedOut, setSignedOut] = useState(false);
  const { data: user } = useQuery({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) =>
      // A visitor without a session is answered `{ user: null }`, so public pages log no failed request.
      api<{ user: CurrentUser | null }>('/auth/me', { signal }).then(
        (r) => r.user,
        // The server cannot be reached: the login page says so when used.
        () => null,
      ),
    staleTime: Infinity,
  });

  useEffect(() => {
    const expired = () => queryClient.setQueryData(SESSION_KEY, null);
    // An administrator required a new password while this page was open: /auth/me now says so.
    const mustChange = () => void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    window.addEventListener(UNAUTHENTICATED_EVENT, expired);
    window.addEventListener(PASSWORD_CHANGE_REQUIRED_EVENT, mustChange);
    return () => {
      window.removeEventListener(UNAUTHENTICATED_EVENT, expired);
      window.removeEventListener(PASSWORD_CHANGE_REQUIRED_EVENT, mustChange);
    };
  }, [queryClient]);

  /** Everything cached was read as the previous user: nothing of it may show to the next one. */
  const forgetServerState = useCallback(
    () => queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] }),
    [queryClient],
  );

  const login = useCallback(
    async (loginName: string, password: string) => {
      const { user: signedIn } = await api<{ user: CurrentUser }>('/auth/login', {
        method: 'POST',
        body: { login: loginName, password },
      });
      forgetServerState();
      queryClient.setQueryData(SESSION_KEY, signedIn);
      setSignedOut(false);
      return signedIn;
    },
    [queryClient, forgetServerState],
  );

  const logout = useCallback(async () => {
    await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
    setSignedOut(true);
    queryClient.setQueryData(SESSION_KEY, null);
    forgetServerState();
  }, [queryClient, forgetServerState]);

  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: SESSION_KEY }), [queryClient]);

  const value = useMemo(
    () => ({ user, signedOut, login, logout, refresh }),
    [user, signedOut, login, logout, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only inside RequireSession. */
export function useUser(): CurrentUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser outside RequireSession');
  return user;
}

/**
 * Renders its child routes for a signed-in user; sends anyone else to the login page and back afterwards, and
 * an account that must first choose its own password to the page where it does.
 */
export function RequireSession() {
  const { user, signedOut } = useSession();
  const location = useLocation();
  if (user === undefined) return <FullPageLoading />;
  if (user === null) {
    if (signedOut) return <Navigate to="/login" replace />;
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (user.mustChangePassword && location.pathname !== SET_PASSWORD_PATH) {
    return <Navigate to={SET_PASSWORD_PATH} replace />;
  }
  return <Outlet />;
}
