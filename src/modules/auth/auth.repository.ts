import type { Kysely } from 'kysely';
import type { DB, Role } from '../../db/schema.ts';

export function findUserByUsername(db: Kysely<DB>, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function recordFailedLogin(db: Kysely<DB>, userId: string, maxFailures: number, lockMinutes: number) {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', userId)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  if (row.failed_logins >= maxFailures) {
    const until = new Date(Date.now() + lockMinutes * 60_000);
    await db.updateTable('users').set({ locked_until: until, failed_logins: 0 }).where('id', '=', userId).execute();
    return until;
  }
  return undefined;
}

export async function clearFailedLogins(db: Kysely<DB>, userId: string) {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

export async function createSession(db: Kysely<DB>, s: { tokenHash: string; userId: string; csrf: string; expiresAt: Date }) {
  await db
    .insertInto('sessions')
    .values({ token_hash: s.tokenHash, user_id: s.userId, csrf_token: s.csrf, expires_at: s.expiresAt })
    .execute();
}

export function findSessionUser(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.region_code',
      'u.can_view_full_id',
      'u.disabled',
      'u.employer_id',
      'u.person_id',
      's.csrf_token',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', new Date())
    .executeTakeFirst();
}

export async function deleteSession(db: Kysely<DB>, tokenHash: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function insertUser(
  db: Kysely<DB>,
  u: { username: string; displayName: string; passwordHash: string; role: Role; regionCode: string; canViewFullId: boolean },
) {
  return db
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      role: u.role,
      region_code: u.regionCode,
      can_view_full_id: u.canViewFullId,
      locked_until: null,
    })
    .onConflict((oc) =>
      oc.column('username').doUpdateSet({
        display_name: u.displayName,
        password_hash: u.passwordHash,
        role: u.role,
        region_code: u.regionCode,
        can_view_full_id: u.canViewFullId,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
}
