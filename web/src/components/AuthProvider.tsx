// The signed-in user for the whole app: loaded once from GET /api/auth/me, replaced on
// login, cleared on logout or on any 401 (which also sends the user to the login page).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Result, Spin } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { logout as apiLogout, fetchMe } from '../api/auth.ts';
import { setCsrfToken, setUnauthenticatedHandler } from '../api/client.ts';
import type { Me } from '../api/types.ts';

interface Auth {
  me: Me | null;
  loading: boolean;
  signedIn(me: Me): void;
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);
const ME_KEY = ['me'];

/** Drops every cached answer of the previous user but keeps the observed `me` query alive. */
function forgetOtherQueries(queryClient: ReturnType<typeof useQueryClient>) {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
}

/** 劳动者服务 (/me) has its own login by SMS code; every other screen the officers' login. */
export function loginPathFor(pathname: string): string {
  return pathname === '/me' || pathname.startsWith('/me/') ? '/me/login' : '/login';
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const query = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY });

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      queryClient.setQueryData(ME_KEY, null);
      const login = loginPathFor(location.pathname);
      if (location.pathname !== login) navigate(login, { replace: true, state: { from: location.pathname + location.search } });
    });
  }, [queryClient, navigate, location]);

  const signedIn = useCallback(
    (me: Me) => {
      setCsrfToken(me.csrfToken);
      forgetOtherQueries(queryClient);
      queryClient.setQueryData(ME_KEY, me);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await apiLogout();
    } finally {
      setCsrfToken('');
      forgetOtherQueries(queryClient);
      queryClient.setQueryData(ME_KEY, null);
      navigate(loginPathFor(window.location.pathname), { replace: true });
    }
  }, [queryClient, navigate]);

  const value = useMemo<Auth>(
    () => ({ me: query.data ?? null, loading: query.isPending, signedIn, signOut }),
    [query.data, query.isPending, signedIn, signOut],
  );
  if (query.isError) {
    return <Result status="error" title="无法连接服务器" subTitle={(query.error as Error).message} />;
  }
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The signed-in user; only for components under RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Spin size="large" fullscreen description="加载中…" />;
  if (!me) return <Navigate to={loginPathFor(location.pathname)} replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** Duplicates may be decided by county officers (server: canDecideDuplicates). */
export function canDecide(me: Me): boolean {
  return me.canDecideDuplicates;
}
