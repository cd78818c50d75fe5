// SQL of the laborer's login: the request rows of login_codes, the person an ID number and
// phone name, and the laborer's users row. Runs as the connecting role before any session
// exists (like the password login), so row-level security does not apply here.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

export async function recentRequests(db: Kysely<DB>, phoneHash: string, ip: string, since: Date) {
  const r = await db
    .selectFrom('login_codes')
    .select([
      sql<string>`count(*) FILTER (WHERE phone_hash = ${phoneHash})`.as('phone_n'),
      sql<Date | null>`max(created_at) FILTER (WHERE phone_hash = ${phoneHash})`.as('phone_last'),
      sql<string>`count(*) FILTER (WHERE ip = ${ip})`.as('ip_n'),
    ])
    .where('created_at', '>', since)
    .where((eb) => eb.or([eb('phone_hash', '=', phoneHash), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  return {
    phoneInHour: Number(r.phone_n),
    phoneLastAt: r.phone_last ? new Date(r.phone_last) : null,
    ipInHour: Number(r.ip_n),
  };
}

/** The person of the register with this ID number (not merged into another), with its household. */
export function personByIdNumber(db: Kysely<DB>, idNumber: string) {
  return db
    .selectFrom('persons as p')
    .select(['p.id', 'p.name', 'p.phone', 'p.village_code'])
    .where('p.id_number', '=', idNumber)
    .where('p.merged_into', 'is', null)
    .executeTakeFirst();
}

export function insertRequest(
  db: Kysely<DB>,
  r: {
    idHash: string;
    phoneHash: string;
    ip: string;
    personId: string | null;
    salt: string | null;
    codeHash: string | null;
    expiresAt: Date;
  },
) {
  return db
    .insertInto('login_codes')
    .values({
      id_hash: r.idHash,
      phone_hash: r.phoneHash,
      ip: r.ip,
      person_id: r.personId,
      salt: r.salt,
      code_hash: r.codeHash,
      expires_at: r.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The latest request for this ID number and phone, locked: two logins with one code cannot both win. */
export function latestRequest(db: Kysely<DB>, idHash: string, phoneHash: string) {
  return db
    .selectFrom('login_codes')
    .selectAll()
    .where('id_hash', '=', idHash)
    .where('phone_hash', '=', phoneHash)
    .orderBy('id', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

export async function countTry(db: Kysely<DB>, id: string) {
  await db
    .updateTable('login_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function markUsed(db: Kysely<DB>, id: string) {
  await db.updateTable('login_codes').set({ used_at: new Date() }).where('id', '=', id).execute();
}

/**
 * The laborer's users row, made on its first login: role laborer, bound to the person, no
 * usable password ('!' is no argon2 hash; the password login refuses role laborer anyway).
 * The name follows the register on every login.
 */
export async function upsertLaborerUser(db: Kysely<DB>, p: { id: string; name: string; village_code: string }) {
  return db
    .insertInto('users')
    .values({
      username: `laborer:${p.id}`,
      display_name: p.name,
      password_hash: '!',
      role: 'laborer',
      region_code: p.village_code,
      person_id: p.id,
      locked_until: null,
    })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ display_name: p.name, region_code: p.village_code }))
    .returning(['id', 'username', 'display_name', 'disabled'])
    .executeTakeFirstOrThrow();
}
