// Login with lockout, server-side sessions and the per-session CSRF token.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, Role } from '../../db/schema.ts';
import { errors } from '../../http/errors.ts';
import type { Actor } from './actor.ts';
import * as repo from './auth.repository.ts';
import { verifyPassword } from './password.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * An employer account sees no region: its scope `employer:<id>` matches no region code, so
 * row-level security hides the register from it; the jobs module lets it manage its posts.
 * A laborer's scope `person:<id>` likewise matches no region; the laborer portal's policies
 * let it read its own rows (migration 20261121170200).
 */
export function actorScope(u: {
  role: Role;
  region_code: string;
  employer_id: string | null;
  person_id: string | null;
}): Pick<Actor, 'role' | 'scope' | 'employerId' | 'personId'> {
  if (u.role === 'employer' && u.employer_id)
    return { role: u.role, scope: `employer:${u.employer_id}`, employerId: u.employer_id };
  if (u.role === 'laborer' && u.person_id) return { role: u.role, scope: `person:${u.person_id}`, personId: u.person_id };
  return { role: u.role, scope: u.region_code };
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  actor: Actor;
}

export async function login(db: Kysely<DB>, username: string, password: string, sessionHours: number): Promise<LoginResult> {
  const user = await repo.findUserByUsername(db, username);
  // A laborer's account has no password: it logs in with an SMS code (modules/laborer).
  if (!user || user.disabled || user.role === 'laborer') {
    // Spend the same time as a real check so that unknown names cannot be told apart.
    await verifyPassword(
      '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFy',
      password,
    );
    throw errors.badCredentials();
  }
  if (user.locked_until && user.locked_until > new Date()) throw errors.locked(user.locked_until);
  if (!(await verifyPassword(user.password_hash, password))) {
    const until = await repo.recordFailedLogin(db, user.id, MAX_FAILED_LOGINS, LOCK_MINUTES);
    if (until) throw errors.locked(until);
    throw errors.badCredentials();
  }
  await repo.clearFailedLogins(db, user.id);
  const { token, csrfToken } = await startSession(db, user.id, sessionHours);
  return {
    token,
    csrfToken,
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      ...actorScope(user),
      canViewFullId: user.can_view_full_id,
    },
  };
}

/** A new server-side session for a user who has proved who they are: the cookie token and the CSRF token. */
export async function startSession(db: Kysely<DB>, userId: string, sessionHours: number) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await repo.createSession(db, {
    tokenHash: hashToken(token),
    userId,
    csrf: csrfToken,
    expiresAt: new Date(Date.now() + sessionHours * 3_600_000),
  });
  return { token, csrfToken };
}

export async function actorForToken(db: Kysely<DB>, token: string): Promise<{ actor: Actor; csrfToken: string } | undefined> {
  const row = await repo.findSessionUser(db, hashToken(token));
  if (!row || row.disabled) return undefined;
  return {
    csrfToken: row.csrf_token,
    actor: {
      userId: row.id,
      username: row.username,
      displayName: row.display_name,
      ...actorScope(row),
      canViewFullId: row.can_view_full_id,
    },
  };
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function logout(db: Kysely<DB>, token: string): Promise<void> {
  await repo.deleteSession(db, hashToken(token));
}
