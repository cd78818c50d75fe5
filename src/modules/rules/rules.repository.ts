// SQL the rules module needs from the register and the claims: a person's record for
// person-facts and who already has a live claim (政策找人 reads the register through snapshot/).
// Runs inside a scoped transaction (row-level security hides what is outside the scope).
import { sql } from 'kysely';
import type { Scoped } from '../../db/connection.ts';

/** Claim statuses that no longer hold an entitlement. */
export const DEAD_CLAIM_STATUSES = ['refused', 'withdrawn'] as const;

export interface PersonFactsRow {
  id: string;
  name: string;
  id_number: string;
  sex: '男' | '女';
  birth_date: string;
  village_code: string;
  work_capacity: string;
  student_status: string;
  disability: string | null;
  health: string | null;
  migrate_willing: boolean;
  household_type: string;
  relocated: boolean;
}

export interface SpellFactsRow {
  person_id: string;
  start_date: string;
  end_date: string | null;
  channel: string;
  place_code: string | null;
  out_of_province: boolean;
  monthly_income_fen: string;
  insured: boolean;
}

const PERSON_COLUMNS = [
  'p.id',
  'p.name',
  'p.id_number',
  'p.sex',
  'p.birth_date',
  'p.village_code',
  'p.work_capacity',
  'p.student_status',
  'p.disability',
  'p.health',
  'p.migrate_willing',
  'h.type as household_type',
  'h.relocated',
] as const;

export async function personForFacts(trx: Scoped, id: string): Promise<PersonFactsRow | undefined> {
  return trx
    .selectFrom('persons as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .select([...PERSON_COLUMNS])
    .where('p.id', '=', id)
    .where('p.merged_into', 'is', null)
    .executeTakeFirst();
}

export async function spellsOf(trx: Scoped, personIds: readonly string[]): Promise<SpellFactsRow[]> {
  if (personIds.length === 0) return [];
  return trx
    .selectFrom('employment_spells')
    .select(['person_id', 'start_date', 'end_date', 'channel', 'place_code', 'out_of_province', 'monthly_income_fen', 'insured'])
    .where('person_id', 'in', [...personIds])
    .execute();
}

/** Persons (of those given) holding a live claim for one of `rules` in the window (a year, or any time). */
export async function personsWithLiveClaims(
  trx: Scoped,
  rules: readonly string[],
  year: number | null,
  region: string,
): Promise<Set<string>> {
  let q = trx
    .selectFrom('claims')
    .select('person_id')
    .distinct()
    .where('rule_id', 'in', [...rules])
    .where('person_id', 'is not', null)
    .where('status', 'not in', [...DEAD_CLAIM_STATUSES])
    .where('region_code', 'like', `${region}%`);
  if (year !== null) q = q.where('claim_year', '=', year);
  const rows = await q.execute();
  return new Set(rows.map((r) => String(r.person_id)));
}

/** The 帮扶车间 and 就业帮扶基地 registered under a region. */
export async function carriersUnder(trx: Scoped, region: string) {
  return trx
    .selectFrom('employers')
    .select(['id', 'name', 'credit_code', 'region_code', 'is_workshop', 'is_base'])
    .where('region_code', 'like', `${region}%`)
    .where((eb) => eb.or([eb('is_workshop', '=', true), eb('is_base', '=', true)]))
    .orderBy('id')
    .execute();
}

/** The employers registered under a region (政策找单位 lists their laborers). */
export async function employersUnder(trx: Scoped, region: string) {
  return trx
    .selectFrom('employers')
    .select(['id', 'name', 'credit_code', 'region_code'])
    .where('region_code', 'like', `${region}%`)
    .orderBy('id')
    .execute();
}

/**
 * Live claims under the rules (in the year when given) about these laborers: who claimed
 * (subject_key: the unit's credit code, or person:<id> where the limit is per laborer) for whom.
 */
export async function laborerClaims(trx: Scoped, rules: readonly string[], year: number | null, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  let q = trx
    .selectFrom('claims')
    .select(['subject_key', 'person_id'])
    .where('rule_id', 'in', [...rules])
    .where('person_id', 'in', [...personIds])
    .where('status', 'not in', [...DEAD_CLAIM_STATUSES]);
  if (year !== null) q = q.where('claim_year', '=', year);
  return q.execute();
}

/** Which of these units (by credit code) hold a live claim under the rules, in the year when given. */
export async function unitsWithLiveClaims(
  trx: Scoped,
  rules: readonly string[],
  year: number | null,
  creditCodes: readonly string[],
): Promise<Set<string>> {
  if (creditCodes.length === 0) return new Set();
  let q = trx
    .selectFrom('claims')
    .select('subject_key')
    .distinct()
    .where('rule_id', 'in', [...rules])
    .where('subject_key', 'in', [...creditCodes])
    .where('status', 'not in', [...DEAD_CLAIM_STATUSES]);
  if (year !== null) q = q.where('claim_year', '=', year);
  return new Set((await q.execute()).map((r) => r.subject_key));
}

/** A person's live claims, as the engine's history for frequency limits. */
export async function liveClaimsOf(trx: Scoped, personId: string) {
  return trx
    .selectFrom('claims')
    .select(['rule_id', sql<string>`case_date::text`.as('case_date'), 'amount_fen'])
    .where('person_id', '=', personId)
    .where('status', 'not in', [...DEAD_CLAIM_STATUSES])
    .execute();
}

/** The persons of one page of 政策找人, with their village names. */
export async function personsForList(trx: Scoped, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return trx
    .selectFrom('persons as p')
    .leftJoin('regions as v', (j) => j.onRef('v.code', '=', 'p.village_code').on('v.valid_to', 'is', null))
    .select(['p.id', 'p.name', 'p.id_number', 'p.sex', 'p.birth_date', 'p.village_code', 'p.phone', 'v.name as village_name'])
    .where('p.id', 'in', [...ids])
    .execute();
}
