// SQL of the laborer portal. Every query runs inside inScope(…, 'person:<id>'): row-level
// security (migration 20261121170200) shows the laborer its own rows only, so a query here
// that forgot its person filter would still see nothing of anyone else.
import { sql } from 'kysely';
import type { Scoped } from '../../db/connection.ts';

export function ownPerson(trx: Scoped, personId: string) {
  return trx
    .selectFrom('persons as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .select([
      'p.id',
      'p.id_number',
      'p.name',
      'p.sex',
      'p.birth_date',
      'p.village_code',
      'p.relationship',
      'p.ethnicity',
      'p.education',
      'p.work_capacity',
      'p.health',
      'p.disability',
      'p.phone',
      'p.skills',
      'p.certificates',
      'p.migrate_willing',
      'p.preferred_places',
      'p.preferred_work',
      'p.training_needs',
      'p.updated_at',
      'h.number as household_number',
      'h.type as household_type',
      'h.monitoring_category',
      'h.relocated',
    ])
    .where('p.id', '=', personId)
    .where('p.merged_into', 'is', null)
    .executeTakeFirst();
}

export function ownSpells(trx: Scoped, personId: string) {
  return trx
    .selectFrom('employment_spells')
    .select([
      'id',
      'start_date',
      'end_date',
      'place_name',
      'place_code',
      'out_of_province',
      'employer',
      'channel',
      'monthly_income_fen',
    ])
    .where('person_id', '=', personId)
    .orderBy('start_date', 'desc')
    .execute();
}

/** Region names of a village and its ancestors (township, county, city, province). */
export async function placeNames(trx: Scoped, village: string): Promise<string[]> {
  const codes = [village.slice(0, 2), village.slice(0, 4), village.slice(0, 6), village.slice(0, 9), village];
  const rows = await trx
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('code', 'in', codes)
    .where('valid_to', 'is', null)
    .execute();
  const byCode = new Map(rows.map((r) => [r.code, r.name]));
  return codes.map((c) => byCode.get(c) ?? '').filter(Boolean);
}

/** Counties (and county-level districts) of a province, current, for the destination picker. */
export function countiesOf(trx: Scoped, province: string) {
  return trx
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('level', '=', 3)
    .where('code', 'like', `${province}%`)
    .where('valid_to', 'is', null)
    .orderBy('code')
    .execute();
}

/** Employers' public particulars (name, where, what kind): never their contact person. */
export async function employersPublic(trx: Scoped, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { name: string; address: string; is_workshop: boolean; is_base: boolean }>();
  const rows = await trx
    .selectFrom('employers')
    .select(['id', 'name', 'address', 'is_workshop', 'is_base'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Effective status of job posts (open / filled / expired) through the view every reader uses. */
export async function jobStatuses(trx: Scoped, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<{ id: string; effective_status: string }>`
    SELECT id::text AS id, effective_status FROM job_posts_current WHERE id = ANY(${[...ids]}::bigint[])`.execute(trx);
  return new Map(rows.rows.map((r) => [r.id, r.effective_status]));
}

export function ownClaims(trx: Scoped, personId: string) {
  return trx.selectFrom('claims').selectAll().where('person_id', '=', personId).orderBy('id', 'desc').execute();
}
