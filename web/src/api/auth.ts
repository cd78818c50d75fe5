import { api, request, setCsrfToken } from './client.ts';
import type { Me } from './types.ts';

export async function login(username: string, password: string): Promise<Me> {
  const me = await request<Me>('/api/auth/login', { method: 'POST', body: { username, password }, redirectOn401: false });
  setCsrfToken(me.csrfToken);
  return me;
}

/** The signed-in user, or null when there is no session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await request<Me>('/api/auth/me', { redirectOn401: false });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if ((e as { status?: number }).status === 401) return null;
    throw e;
  }
}

export function logout(): Promise<unknown> {
  return api.post('/api/auth/logout');
}
