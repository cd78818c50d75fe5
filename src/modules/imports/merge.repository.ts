// SQL of one import chunk: the valid rows are COPYed into a temporary staging table, then
// merged into households, persons and employment_spells with a few set-based statements.
// Everything here runs inside the chunk's transaction on one session (see import-runner.ts).

import type { RawSession } from '../../db/connection.ts';
import { csvField } from '../../db/copy-csv.ts';
import type { ValidRow } from '../../domain/import/row.ts';

const STAGE_TABLE = 'import_stage';

const STAGE_DDL = `
CREATE TEMP TABLE IF NOT EXISTS ${STAGE_TABLE} (
  row_number          integer NOT NULL,
  existing            boolean NOT NULL,   -- the person is registered already (in this village)
  person_id           bigint,             -- that person, or the one inserted for this row
  household_id        bigint,             -- the household registered already, or the one inserted
  employer_id         bigint,             -- the registered employer the spell's credit code names
  household_number    text NOT NULL,
  village_code        text NOT NULL,
  household_type      text NOT NULL,
  monitoring_category text,
  relocated           boolean NOT NULL,
  relocation_site     text,
  relationship        text NOT NULL,
  name                text NOT NULL,
  name_initials       text NOT NULL,
  id_number           text NOT NULL,
  sex                 text NOT NULL,
  birth_date          date NOT NULL,
  ethnicity           text,
  education           text,
  work_capacity       text NOT NULL,
  health              text,
  disability          text,
  student_status      text NOT NULL,
  phone               text,
  skills              text[] NOT NULL,
  certificates        text[] NOT NULL,
  migrate_willing     boolean NOT NULL,
  preferred_places    text[] NOT NULL,
  preferred_work      text[] NOT NULL,
  service_needs       text[] NOT NULL,
  training_needs      text[] NOT NULL,
  row_hash            text NOT NULL,
  spell_channel       text,
  spell_start         date,
  spell_end           date,
  place_code          text,
  place_name          text,
  out_of_province     boolean,
  employer            text,
  monthly_income_fen  bigint,
  insured             boolean
) ON COMMIT DELETE ROWS`;

export const STAGE_COLUMNS = [
  'row_number',
  'existing',
  'person_id',
  'household_id',
  'employer_id',
  'household_number',
  'village_code',
  'household_type',
  'monitoring_category',
  'relocated',
  'relocation_site',
  'relationship',
  'name',
  'name_initials',
  'id_number',
  'sex',
  'birth_date',
  'ethnicity',
  'education',
  'work_capacity',
  'health',
  'disability',
  'student_status',
  'phone',
  'skills',
  'certificates',
  'migrate_willing',
  'preferred_places',
  'preferred_work',
  'service_needs',
  'training_needs',
  'row_hash',
  'spell_channel',
  'spell_start',
  'spell_end',
  'place_code',
  'place_name',
  'out_of_province',
  'employer',
  'monthly_income_fen',
  'insured',
] as const;

const bool = (b: boolean) => (b ? 't' : 'f');

/** The staging line of a valid row after its first five fields (row number, existing, person, household and employer id). */
export function stageTail(r: ValidRow, initials: string): string {
  const p = r.person;
  const s = r.spell;
  let line =
    `${csvField(p.householdNumber)},${p.villageCode},${csvField(p.householdType)},${csvField(p.monitoringCategory)},` +
    `${bool(p.relocated)},${csvField(p.relocationSite)},${csvField(p.relationship)},${csvField(p.name)},${csvField(initials)},` +
    `${p.idNumber},${p.sex},${p.birthDate},${csvField(p.ethnicity)},${csvField(p.education)},${csvField(p.workCapacity)},` +
    `${csvField(p.health)},${csvField(p.disability)},${csvField(p.studentStatus)},${csvField(p.phone)},` +
    `${csvField(p.skills)},${csvField(p.certificates)},${bool(p.migrateWilling)},${csvField(p.preferredPlaces)},` +
    `${csvField(p.preferredWork)},${csvField(p.serviceNeeds)},${csvField(p.trainingNeeds)},${csvField(r.rowHash)},`;
  if (s) {
    line +=
      `${csvField(s.channel)},${s.startDate},${s.endDate ?? ''},${csvField(s.placeCode)},${csvField(s.placeName)},` +
      `${bool(s.outOfProvince)},${csvField(s.employer)},${s.monthlyIncomeFen},${bool(s.insured)}`;
  } else line += ',,,,,,,,';
  return `${line}\n`;
}

export function stageLine(
  rowNumber: number,
  ids: { person: string | undefined; household: string | undefined; employer: string | undefined },
  tail: string,
): string {
  return `${rowNumber},${ids.person ? 't' : 'f'},${ids.person ?? ''},${ids.household ?? ''},${ids.employer ?? ''},${tail}`;
}

/** Creates the session's staging table once and lets the application role read it. */
export async function prepareStage(s: RawSession): Promise<void> {
  const [found] = await s.query<{ t: string | null }>(`SELECT to_regclass('pg_temp.${STAGE_TABLE}')::text AS t`);
  if (found?.t) return;
  await s.exec(STAGE_DDL);
  await s.exec(`GRANT SELECT ON pg_temp.${STAGE_TABLE} TO bangfu_app`);
}

export async function copyStage(s: RawSession, csv: string): Promise<void> {
  await s.copyCsv(STAGE_TABLE, STAGE_COLUMNS, csv);
  // A temporary table gets no statistics unless asked: without them the planner may join a
  // chunk of thousands of rows to tables of millions by scanning them, or the other way round.
  await s.exec(`ANALYZE ${STAGE_TABLE} (existing, person_id, household_id, household_number, id_number, spell_channel)`);
}

export interface Located {
  key: string;
  id: string;
  villageCode: string;
  villageName: string | null;
}

/** The registered employers with these credit codes (employers are readable by every officer). */
export async function locateEmployers(s: RawSession, codes: readonly string[]): Promise<{ key: string; id: string }[]> {
  if (codes.length === 0) return [];
  return s.query(`SELECT credit_code AS key, id::text AS id FROM employers WHERE credit_code = ANY($1::text[])`, [codes]);
}

/** Where these ID numbers are registered, in any village (SECURITY DEFINER function). */
export async function locatePersons(s: RawSession, ids: readonly string[]): Promise<Located[]> {
  if (ids.length === 0) return [];
  return s.query<Located>(
    `SELECT l.id_number AS key, l.person_id::text AS id, l.village_code AS "villageCode", r.name AS "villageName"
       FROM locate_id_numbers($1::text[]) l
       LEFT JOIN regions r ON r.code = l.village_code AND r.valid_to IS NULL`,
    [ids],
  );
}

export async function locateHouseholds(s: RawSession, numbers: readonly string[]): Promise<Located[]> {
  if (numbers.length === 0) return [];
  return s.query<Located>(
    `SELECT l.number AS key, l.household_id::text AS id, l.village_code AS "villageCode", r.name AS "villageName"
       FROM locate_household_numbers($1::text[]) l
       LEFT JOIN regions r ON r.code = l.village_code AND r.valid_to IS NULL`,
    [numbers],
  );
}

export interface Changed {
  id: string;
  key: string;
  village_code: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export interface Inserted {
  id: string;
  key: string;
  village_code: string;
}

export interface MergeResult {
  householdsInserted: Inserted[];
  householdsUpdated: Changed[];
  personsInserted: Inserted[];
  personsUpdated: Changed[];
  spellsInserted: Inserted[];
  spellsUpdated: Changed[];
}

// The chunk's check against the database found which people and households are registered
// already, and their ids are in the staging table. So no statement looks a staged row up in
// the big tables by anything but a primary key: a chunk is a few thousand rows, the tables
// millions, and a join the planner chose to do by scanning would read all of them per chunk.

// Changed households: the attributes differ (their village is the row's: checked before staging).
const UPDATE_HOUSEHOLDS = `
WITH src AS (
  SELECT DISTINCT ON (household_id) household_id, village_code, household_type, monitoring_category, relocated, relocation_site
    FROM ${STAGE_TABLE} WHERE household_id IS NOT NULL ORDER BY household_id, row_number)
UPDATE households h
   SET type = src.household_type, monitoring_category = src.monitoring_category,
       relocated = src.relocated, relocation_site = src.relocation_site, updated_at = now()
  FROM src, households o
 WHERE h.id = src.household_id AND o.id = src.household_id AND o.village_code = src.village_code
   AND (o.type, o.monitoring_category, o.relocated, o.relocation_site)
       IS DISTINCT FROM (src.household_type, src.monitoring_category, src.relocated, src.relocation_site)
RETURNING h.id::text AS id, h.number AS key, h.village_code,
  jsonb_build_object('type', o.type, 'monitoring_category', o.monitoring_category, 'relocated', o.relocated,
                     'relocation_site', o.relocation_site) AS before,
  jsonb_build_object('type', h.type, 'monitoring_category', h.monitoring_category, 'relocated', h.relocated,
                     'relocation_site', h.relocation_site) AS after`;

// New households, once each (the first row of each describes it).
const INSERT_HOUSEHOLDS = `
INSERT INTO households (number, village_code, type, monitoring_category, relocated, relocation_site)
SELECT DISTINCT ON (household_number) household_number, village_code, household_type, monitoring_category, relocated, relocation_site
  FROM ${STAGE_TABLE} WHERE household_id IS NULL ORDER BY household_number, row_number
RETURNING id::text AS id, number AS key, village_code`;

/** The person columns an import writes, with the staging expression for each. */
const PERSON_SET: [string, string][] = [
  ['name', 's.name'],
  ['name_initials', 's.name_initials'],
  ['sex', 's.sex'],
  ['birth_date', 's.birth_date'],
  ['household_id', 'coalesce(s.household_id, nh.id)'],
  ['relationship', 's.relationship'],
  ['ethnicity', 's.ethnicity'],
  ['education', 's.education'],
  ['work_capacity', 's.work_capacity'],
  ['health', 's.health'],
  ['disability', 's.disability'],
  ['student_status', 's.student_status'],
  ['phone', 's.phone'],
  ['skills', 's.skills'],
  ['certificates', 's.certificates'],
  ['migrate_willing', 's.migrate_willing'],
  ['preferred_places', 's.preferred_places'],
  ['preferred_work', 's.preferred_work'],
  ['service_needs', 's.service_needs'],
  ['training_needs', 's.training_needs'],
];
const jsonOf = (alias: string) => `jsonb_build_object(${PERSON_SET.map(([c]) => `'${c}', ${alias}.${c}`).join(', ')})`;

// Households inserted by this chunk, by number: $1 numbers, $2 ids (from INSERT_HOUSEHOLDS).
const NEW_HOUSEHOLDS = `LEFT JOIN unnest($1::text[], $2::bigint[]) AS nh(number, id)
       ON s.household_id IS NULL AND nh.number = s.household_number`;

// A row whose hash differs and whose values differ: a correction. New version, audited.
const UPDATE_PERSONS = `
UPDATE persons p
   SET ${PERSON_SET.map(([c, e]) => `${c} = ${e}`).join(', ')},
       row_hash = s.row_hash, version = p.version + 1, updated_at = now()
  FROM ${STAGE_TABLE} s ${NEW_HOUSEHOLDS}, persons o
 WHERE s.existing AND p.id = s.person_id AND o.id = s.person_id AND o.village_code = s.village_code
   AND o.row_hash IS DISTINCT FROM s.row_hash
   AND (${PERSON_SET.map(([c]) => `o.${c}`).join(', ')}) IS DISTINCT FROM (${PERSON_SET.map(([, e]) => e).join(', ')})
RETURNING p.id::text AS id, p.id_number AS key, p.village_code, ${jsonOf('o')} AS before, ${jsonOf('p')} AS after`;

// Same values under another hash (a record entered by hand, then imported): remember the hash only.
const REHASH_PERSONS = `
UPDATE persons p SET row_hash = s.row_hash
  FROM ${STAGE_TABLE} s
 WHERE s.existing AND p.id = s.person_id AND p.village_code = s.village_code AND p.row_hash IS DISTINCT FROM s.row_hash`;

const INSERT_PERSONS = `
INSERT INTO persons (id_number, village_code, row_hash, ${PERSON_SET.map(([c]) => c).join(', ')})
SELECT s.id_number, s.village_code, s.row_hash, ${PERSON_SET.map(([, e]) => e).join(', ')}
  FROM ${STAGE_TABLE} s ${NEW_HOUSEHOLDS}
 WHERE NOT s.existing
RETURNING id::text AS id, id_number AS key, village_code`;

// A credit code without a name takes the registered employer's name (a primary-key look-up).
const EMPLOYER_NAME = `coalesce(nullif(s.employer, ''), (SELECT name FROM employers WHERE id = s.employer_id), '')`;
const SPELL_SET: [string, string][] = [
  ['end_date', 's.spell_end'],
  ['place_code', 's.place_code'],
  ['place_name', 's.place_name'],
  ['out_of_province', 's.out_of_province'],
  ['employer', EMPLOYER_NAME],
  ['monthly_income_fen', 's.monthly_income_fen'],
  ['insured', 's.insured'],
];
// A row without a credit code keeps the spell's link while it names the same employer: files
// made before the column existed, or typed without it, do not undo a link an officer made.
const SPELL_LINK = `CASE WHEN s.employer_id IS NOT NULL THEN s.employer_id WHEN o.employer = ${EMPLOYER_NAME} THEN o.employer_id END`;
const SPELL_UPDATE_SET: [string, string][] = [...SPELL_SET, ['employer_id', SPELL_LINK]];
const spellJson = (alias: string) => `jsonb_build_object(${SPELL_UPDATE_SET.map(([c]) => `'${c}', ${alias}.${c}`).join(', ')})`;

// The same spell (person, start date, channel) with other details: a correction, audited.
const UPDATE_SPELLS = `
UPDATE employment_spells e
   SET ${SPELL_UPDATE_SET.map(([c, x]) => `${c} = ${x}`).join(', ')}
  FROM ${STAGE_TABLE} s, employment_spells o
 WHERE s.existing AND s.spell_channel IS NOT NULL
   AND o.person_id = s.person_id AND o.start_date = s.spell_start AND o.channel = s.spell_channel AND e.id = o.id
   AND (${SPELL_UPDATE_SET.map(([c]) => `o.${c}`).join(', ')}) IS DISTINCT FROM (${SPELL_UPDATE_SET.map(([, x]) => x).join(', ')})
RETURNING e.id::text AS id, s.id_number AS key, e.village_code, ${spellJson('o')} AS before, ${spellJson('e')} AS after`;

// A spell not there yet (only people registered before can have it already).
// $1 ID numbers and $2 ids of the people this chunk inserted (from INSERT_PERSONS).
const INSERT_SPELLS = `
INSERT INTO employment_spells (person_id, village_code, start_date, channel, employer_id, ${SPELL_SET.map(([c]) => c).join(', ')})
SELECT coalesce(s.person_id, np.id), s.village_code, s.spell_start, s.spell_channel, s.employer_id, ${SPELL_SET.map(([, x]) => x).join(', ')}
  FROM ${STAGE_TABLE} s LEFT JOIN unnest($1::text[], $2::bigint[]) AS np(id_number, id)
       ON NOT s.existing AND np.id_number = s.id_number
 WHERE s.spell_channel IS NOT NULL
   AND (NOT s.existing OR NOT EXISTS (SELECT 1 FROM employment_spells e
                                       WHERE e.person_id = s.person_id AND e.start_date = s.spell_start AND e.channel = s.spell_channel))
RETURNING id::text AS id, person_id::text AS key, village_code`;

/** The merge statements, for review and for EXPLAIN in tests and benchmarks. */
export const MERGE_SQL = {
  UPDATE_HOUSEHOLDS,
  INSERT_HOUSEHOLDS,
  UPDATE_PERSONS,
  REHASH_PERSONS,
  INSERT_PERSONS,
  UPDATE_SPELLS,
  INSERT_SPELLS,
} as const;

/** What the chunk's check against the database found: statements with nothing to do are skipped. */
export interface ChunkKeys {
  /** Some person of the chunk is registered already (in the row's village). */
  existingPersons: boolean;
  /** Some household of the chunk is registered already. */
  existingHouseholds: boolean;
  /** Some row has a current-employment spell. */
  spells: boolean;
  /** ID number of each staged person registered already, by person id (to name the spells). */
  idNumberOf: Map<string, string>;
}

/**
 * The inserts are plain (no ON CONFLICT, whose speculative insertion costs a third more):
 * the chunk checked where every ID and household number is registered in this transaction,
 * and a concurrent import that registers one meanwhile makes the insert fail with a unique
 * violation, after which the chunk is run again (see import-runner.ts).
 */
export async function mergeStage(s: RawSession, k: ChunkKeys, phases?: Record<string, number>): Promise<MergeResult> {
  const run = async <R>(name: string, text: string, params?: unknown[]): Promise<R[]> => {
    const t = performance.now();
    const rows = await s.query<R>(text, params);
    if (phases) phases[`merge.${name}`] = (phases[`merge.${name}`] ?? 0) + performance.now() - t;
    return rows;
  };
  const householdsUpdated = k.existingHouseholds ? await run<Changed>('householdsUpdate', UPDATE_HOUSEHOLDS) : [];
  const householdsInserted = await run<Inserted>('householdsInsert', INSERT_HOUSEHOLDS);
  const newHouseholds = [householdsInserted.map((h) => h.key), householdsInserted.map((h) => h.id)];
  const personsUpdated = k.existingPersons ? await run<Changed>('personsUpdate', UPDATE_PERSONS, newHouseholds) : [];
  if (k.existingPersons) await run('personsRehash', REHASH_PERSONS);
  const personsInserted = await run<Inserted>('personsInsert', INSERT_PERSONS, newHouseholds);
  const newPersons = [personsInserted.map((p) => p.key), personsInserted.map((p) => p.id)];
  const spellsUpdated = k.existingPersons && k.spells ? await run<Changed>('spellsUpdate', UPDATE_SPELLS) : [];
  const spellsInserted = k.spells ? await run<Inserted>('spellsInsert', INSERT_SPELLS, newPersons) : [];
  // Spells are named by their person's ID number, like the rows they came from.
  const idNumberOf = new Map(k.idNumberOf);
  for (const p of personsInserted) idNumberOf.set(p.id, p.key);
  for (const sp of spellsInserted) sp.key = idNumberOf.get(sp.key) ?? sp.key;
  return { householdsInserted, householdsUpdated, personsInserted, personsUpdated, spellsInserted, spellsUpdated };
}

/** Switches the rest of the transaction to the application role with the importer's scope. */
export async function enterScope(s: RawSession, scope: string): Promise<void> {
  await s.exec('SET LOCAL ROLE bangfu_app');
  await s.query(`SELECT set_config('bangfu.scope', $1, true)`, [scope]);
}
