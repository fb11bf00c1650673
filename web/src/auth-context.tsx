import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, apiRequest, setCsrfToken, setUnauthorizedHandler } from './api';
import type { SessionInfo, User } from './api-types';
import { useLocale } from './locale-context';

const SESSION_KEY = ['auth', 'session'] as const;

interface AuthContextValue {
  /** `undefined` while the session probe is in flight, `null` when nobody is logged in. */
  user: User | null | undefined;
  sessionError: Error | null;
  /**
   * True after the user logged out on purpose, so the login guard does not offer to bring the next
   * person back to the page the previous one was on.
   */
  loggedOut: boolean;
  retrySession: () => void;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** Asks the server who is logged in; "nobody" (401) is an answer here, not an error. */
async function fetchSession(): Promise<User | null> {
  try {
    const session = await apiRequest<SessionInfo>('GET', '/api/auth/me', { allowUnauthenticated: true });
    setCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const { t } = useLocale();
  const session = useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [loggedOut, setLoggedOut] = useState(false);

  // Drops the session and every cached answer, so the next user never sees the previous user's data.
  const forgetSession = useCallback(() => {
    setCsrfToken(null);
    queryClient.setQueryData(SESSION_KEY, null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  }, [queryClient]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      forgetSession();
      message.warning(t('app.sessionExpired'));
    });
    return () => setUnauthorizedHandler(null);
  }, [forgetSession, message, t]);

  const login = useCallback(
    async (username: string, password: string) => {
      const result = await apiRequest<SessionInfo>('POST', '/api/auth/login', {
        body: { username, password },
        allowUnauthenticated: true,
      });
      forgetSession();
      setLoggedOut(false);
      setCsrfToken(result.csrfToken);
      queryClient.setQueryData(SESSION_KEY, result.user);
      return result.user;
    },
    [forgetSession, queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await apiRequest<void>('POST', '/api/auth/logout', { allowUnauthenticated: true });
    } catch {
      // Logging out must always succeed for the person at the keyboard: if the server cannot be told,
      // the session still ends here and expires on the server on its own.
    }
    setLoggedOut(true);
    forgetSession();
  }, [forgetSession]);

  const { refetch } = session;
  const value = useMemo<AuthContextValue>(
    () => ({
      user: session.data,
      sessionError: session.error,
      loggedOut,
      retrySession: () => void refetch(),
      login,
      logout,
    }),
    [session.data, session.error, loggedOut, refetch, login, logout],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** For components that only render behind the login guard, where a user is guaranteed. */
export function useCurrentUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser must be used behind the login guard');
  return user;
}

export function hasPermission(user: User, permission: string | null): boolean {
  return permission === null || user.permissions.includes(permission);
}

/** The permission check pages use to decide which actions to offer. */
export function useCan(): (permission: string | null) => boolean {
  const user = useCurrentUser();
  return useCallback((permission) => hasPermission(user, permission), [user]);
}
