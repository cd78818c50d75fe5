// SQL of the register export. Runs in the actor's scoped transactions (row-level security).
import type { Scoped } from '../../db/connection.ts';
import { applyLaborerFilters, type LaborerFilters } from '../registry/laborer-filters.ts';

/** The villages that have people under `region`, in code order (the export goes village by village). */
export async function villagesWithPeople(trx: Scoped, region: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('persons')
    .select('village_code')
    .distinct()
    .where('village_code', 'like', `${region}%`)
    .orderBy('village_code')
    .execute();
  return rows.map((r) => r.village_code);
}

/** The filtered people of some villages with their households, in the list's order. */
export function peopleOf(trx: Scoped, villages: readonly string[], filters: LaborerFilters, today: string) {
  return applyLaborerFilters(
    trx.selectFrom('persons').innerJoin('households', 'households.id', 'persons.household_id'),
    filters,
    today,
  )
    .where('persons.village_code', 'in', villages)
    .select([
      'persons.id',
      'persons.id_number',
      'persons.name',
      'persons.sex',
      'persons.birth_date',
      'persons.relationship',
      'persons.village_code',
      'persons.ethnicity',
      'persons.education',
      'persons.work_capacity',
      'persons.health',
      'persons.disability',
      'persons.student_status',
      'persons.phone',
      'persons.skills',
      'persons.certificates',
      'persons.migrate_willing',
      'persons.preferred_places',
      'persons.preferred_work',
      'persons.service_needs',
      'persons.training_needs',
      'households.number as household_number',
      'households.type as household_type',
      'households.monitoring_category',
      'households.relocated',
      'households.relocation_site',
    ])
    .orderBy('persons.village_code')
    .orderBy('households.number')
    .orderBy('persons.id')
    .execute();
}
export type ExportPerson = Awaited<ReturnType<typeof peopleOf>>[number];

/** Spells current on `today` of these people, with the credit code of the employer each is linked to. */
export function currentSpellsOf(trx: Scoped, personIds: readonly string[], today: string) {
  if (personIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('employment_spells as s')
    .leftJoin('employers as e', 'e.id', 's.employer_id')
    .selectAll('s')
    .select('e.credit_code as employer_credit_code')
    .where('s.person_id', 'in', personIds)
    .where('s.start_date', '<=', today)
    .where((w) => w.or([w('s.end_date', 'is', null), w('s.end_date', '>=', today)]))
    .execute();
}
export type ExportSpell = Awaited<ReturnType<typeof currentSpellsOf>>[number];
