// SQL of the register. Every function runs inside a scoped transaction (inScope), so
// row-level security already hides what the actor may not see.

import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Scoped } from '../../db/connection.ts';
import type { EmploymentSpellsTable, HouseholdsTable, PersonUpdate, SpellRow } from '../../db/schema.ts';
import { applyLaborerFilters, type LaborerFilters } from './laborer-filters.ts';

export const LIST_COLUMNS = [
  'persons.id',
  'persons.name',
  'persons.id_number',
  'persons.sex',
  'persons.birth_date',
  'persons.village_code',
  'persons.household_id',
  'persons.work_capacity',
  'persons.migrate_willing',
  'persons.phone',
  'households.number as household_number',
  'households.type as household_type',
] as const;

export async function listLaborers(trx: Scoped, filters: LaborerFilters, today: string, page: number, pageSize: number) {
  const base = applyLaborerFilters(
    trx.selectFrom('persons').innerJoin('households', 'households.id', 'persons.household_id'),
    filters,
    today,
  );
  const [{ total }] = (await base.select((eb) => eb.fn.countAll<string>().as('total')).execute()) as [{ total: string }];
  const items = await base
    .select([...LIST_COLUMNS])
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('employment_spells as s')
          .select(['s.channel'])
          .whereRef('s.person_id', '=', 'persons.id')
          .where('s.start_date', '<=', today)
          .where((w) => w.or([w('s.end_date', 'is', null), w('s.end_date', '>=', today)]))
          .orderBy('s.start_date', 'desc')
          .limit(1)
          .as('cur'),
      (join) => join.onTrue(),
    )
    .leftJoin('regions as v', (j) => j.onRef('v.code', '=', 'persons.village_code').on('v.valid_to', 'is', null))
    .select(['cur.channel as current_channel', 'v.name as village_name'])
    .orderBy('persons.village_code')
    .orderBy('households.number')
    .orderBy('persons.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total), items };
}

export function getPerson(trx: Scoped, id: string) {
  return trx.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
}

export function getHousehold(trx: Scoped, id: string) {
  return trx.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findHouseholdByNumber(trx: Scoped, number: string) {
  return trx.selectFrom('households').selectAll().where('number', '=', number).executeTakeFirst();
}

/** Household numbers are national: tells whether a number is taken outside the scope too. */
export async function householdNumberTakenAnywhere(trx: Scoped, number: string): Promise<boolean> {
  const r = await sql<{ taken: boolean }>`SELECT household_number_taken(${number}) AS taken`.execute(trx);
  return r.rows[0]?.taken ?? false;
}

export function householdMembers(trx: Scoped, householdId: string) {
  return trx
    .selectFrom('persons')
    .select(['id', 'name', 'relationship', 'sex', 'birth_date', 'work_capacity', 'student_status'])
    .where('household_id', '=', householdId)
    .where('merged_into', 'is', null)
    .orderBy('id')
    .execute();
}

/** A spell with the credit code of the registered employer it is linked to, if any. */
export type LinkedSpell = SpellRow & { employer_credit_code: string | null };

function linkedSpells(trx: Scoped) {
  return trx
    .selectFrom('employment_spells as s')
    .leftJoin('employers as e', 'e.id', 's.employer_id')
    .selectAll('s')
    .select('e.credit_code as employer_credit_code');
}

export function spellsOf(trx: Scoped, personIds: string[]): Promise<LinkedSpell[]> {
  if (personIds.length === 0) return Promise.resolve([]);
  return linkedSpells(trx).where('s.person_id', 'in', personIds).orderBy('s.start_date', 'desc').execute();
}

export function getSpell(trx: Scoped, personId: string, spellId: string): Promise<LinkedSpell | undefined> {
  return linkedSpells(trx).where('s.id', '=', spellId).where('s.person_id', '=', personId).executeTakeFirst();
}

/**
 * The register's laborers (in the actor's scope) whose spell linked to this employer is current
 * on `date`, longest there first. At most `limit`: a big employer may hold thousands.
 */
export function laborersAtEmployer(trx: Scoped, employerId: string, date: string, limit: number) {
  const current = trx
    .selectFrom('employment_spells as s')
    .innerJoin('persons as p', 'p.id', 's.person_id')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .where('s.employer_id', '=', employerId)
    .where('s.start_date', '<=', date)
    .where((w) => w.or([w('s.end_date', 'is', null), w('s.end_date', '>=', date)]))
    .where('p.merged_into', 'is', null);
  return Promise.all([
    current
      .select((eb) => [
        eb.fn.countAll<string>().as('total'),
        eb.fn.count<string>('p.id').filterWhere('h.type', '=', '脱贫户').as('poor'),
      ])
      .executeTakeFirstOrThrow(),
    current
      .leftJoin('regions as v', (j) => j.onRef('v.code', '=', 'p.village_code').on('v.valid_to', 'is', null))
      .select([
        'p.id',
        'p.name',
        'p.id_number',
        'p.sex',
        'p.birth_date',
        'p.village_code',
        'v.name as village_name',
        'h.type as household_type',
        's.id as spell_id',
        's.channel',
        's.start_date',
        's.end_date',
        's.monthly_income_fen',
        's.insured',
      ])
      .orderBy('s.start_date')
      .orderBy('p.id')
      .limit(limit)
      .execute(),
  ]);
}

/**
 * The register's current spells (in the actor's scope) written under exactly this employer name
 * and linked to no registered employer: those an officer may link to the employer of that name.
 */
export function unlinkedSpellsNamed(trx: Scoped, name: string, date: string) {
  return trx
    .selectFrom('employment_spells as s')
    .innerJoin('persons as p', 'p.id', 's.person_id')
    .select(['s.id', 's.person_id', 's.village_code'])
    .where('s.employer_id', 'is', null)
    .where(sql<string>`btrim(s.employer)`, '=', name.trim())
    .where('s.start_date', '<=', date)
    .where((w) => w.or([w('s.end_date', 'is', null), w('s.end_date', '>=', date)]))
    .where('p.merged_into', 'is', null)
    .orderBy('s.id')
    .execute();
}

/** How many registered employers have exactly this name (a name two share links to neither). */
export async function employersNamed(trx: Scoped, name: string): Promise<number> {
  const r = await trx
    .selectFrom('employers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(sql<string>`btrim(name)`, '=', name.trim())
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function linkSpells(trx: Scoped, spellIds: readonly string[], employerId: string) {
  if (spellIds.length === 0) return Promise.resolve([]);
  return trx
    .updateTable('employment_spells')
    .set({ employer_id: employerId })
    .where('id', 'in', [...spellIds])
    .where('employer_id', 'is', null)
    .returning(['id', 'person_id', 'village_code'])
    .execute();
}

/** The registered employer with this 统一社会信用代码 (employers are readable by every officer). */
export function employerByCreditCode(trx: Scoped, creditCode: string) {
  return trx
    .selectFrom('employers')
    .select(['id', 'name', 'credit_code'])
    .where('credit_code', '=', creditCode)
    .executeTakeFirst();
}

export function employerById(trx: Scoped, id: string) {
  return trx.selectFrom('employers').select(['id', 'name', 'credit_code']).where('id', '=', id).executeTakeFirst();
}

/** Where an ID number is registered, across the whole database (definer function). */
export async function locateIdNumber(trx: Scoped, idNumber: string) {
  const r = await sql<{ person_id: string; village_code: string }>`
    SELECT person_id::text, village_code FROM locate_id_numbers(ARRAY[${idNumber}]::text[])`.execute(trx);
  return r.rows[0];
}

export function insertHousehold(trx: Scoped, h: Insertable<HouseholdsTable>) {
  return trx.insertInto('households').values(h).returningAll().executeTakeFirstOrThrow();
}

export function updateHousehold(trx: Scoped, id: string, patch: Updateable<HouseholdsTable>) {
  return trx
    .updateTable('households')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function insertPerson(trx: Scoped, p: Parameters<ReturnType<Scoped['insertInto']>['values']>[0]) {
  return trx
    .insertInto('persons')
    .values(p as never)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Optimistic locking: updates only if nobody changed the record since `version`. */
export function updatePersonAtVersion(trx: Scoped, id: string, version: number, patch: PersonUpdate) {
  return trx
    .updateTable('persons')
    .set({ ...patch, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function insertSpell(trx: Scoped, s: Insertable<EmploymentSpellsTable>) {
  return trx.insertInto('employment_spells').values(s).returningAll().executeTakeFirstOrThrow();
}

export function updateSpell(trx: Scoped, id: string, patch: Updateable<EmploymentSpellsTable>) {
  return trx.updateTable('employment_spells').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function villageName(trx: Scoped, code: string) {
  return trx
    .selectFrom('regions')
    .select(['name', 'level'])
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}
