// Likely duplicates with different ID numbers: same name and birth date in one county, or
// same name and phone in one village. Found by a system scan; decided by a county officer.
import { type Kysely, sql } from 'kysely';
import type { Scoped } from '../../db/connection.ts';
import type { DB } from '../../db/schema.ts';

/**
 * Records new candidate pairs under `region` (a code prefix). Runs outside RLS: it is a
 * system job, and each pair is stored with the region that both records share.
 * Returns the number of new pairs.
 */
export async function scanDuplicates(db: Kysely<DB>, region: string): Promise<number> {
  const r = await sql`
    INSERT INTO duplicate_candidates (person_a, person_b, village_code, reason)
    SELECT a.id, b.id, substr(a.village_code, 1, 6), '同县同名同出生日期'
    FROM persons a JOIN persons b
      ON a.name = b.name AND a.birth_date = b.birth_date AND a.id < b.id
     AND substr(a.village_code, 1, 6) = substr(b.village_code, 1, 6)
    WHERE a.village_code LIKE ${`${region}%`} AND a.merged_into IS NULL AND b.merged_into IS NULL
    UNION
    SELECT a.id, b.id, a.village_code, '同村同名同手机号'
    FROM persons a JOIN persons b
      ON a.name = b.name AND a.phone = b.phone AND a.village_code = b.village_code AND a.id < b.id
    WHERE a.village_code LIKE ${`${region}%`} AND a.phone IS NOT NULL AND a.merged_into IS NULL AND b.merged_into IS NULL
    ON CONFLICT (person_a, person_b) DO NOTHING`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export function listCandidates(trx: Scoped, status: 'open' | 'merged' | 'dismissed', limit: number) {
  return trx.selectFrom('duplicate_candidates').selectAll().where('status', '=', status).orderBy('id').limit(limit).execute();
}

export function getCandidate(trx: Scoped, id: string) {
  return trx.selectFrom('duplicate_candidates').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function decideCandidate(trx: Scoped, id: string, status: 'merged' | 'dismissed', userId: string, note: string) {
  return trx
    .updateTable('duplicate_candidates')
    .set({ status, decided_by: userId, decided_at: new Date(), note })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

/** Moves the retired record's spells to the kept one, except spells the kept one already has. */
export async function moveSpells(trx: Scoped, fromPerson: string, toPerson: string, villageCode: string) {
  return trx
    .updateTable('employment_spells as s')
    .set({ person_id: toPerson, village_code: villageCode })
    .where('s.person_id', '=', fromPerson)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('employment_spells as k')
            .select('k.id')
            .where('k.person_id', '=', toPerson)
            .whereRef('k.start_date', '=', 's.start_date')
            .whereRef('k.channel', '=', 's.channel'),
        ),
      ),
    )
    .returning('s.id')
    .execute();
}

export function retirePerson(trx: Scoped, id: string, into: string) {
  return trx
    .updateTable('persons')
    .set((eb) => ({ merged_into: into, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();
}
