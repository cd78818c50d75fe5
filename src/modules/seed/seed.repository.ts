// SQL of the demo-data seed: reading the region tree it seeds into, and bulk writes with
// COPY inside one session (the caller owns the transaction).
import { type Kysely, sql } from 'kysely';
import type { RawSession } from '../../db/connection.ts';
import type { DB } from '../../db/schema.ts';

export interface RegionName {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
}

/** Current regions of the given levels whose code starts with one of the prefixes. */
export async function regionsUnder(
  db: Kysely<DB>,
  prefixes: readonly string[],
  levels: readonly number[],
): Promise<RegionName[]> {
  if (prefixes.length === 0) return [];
  return db
    .selectFrom('regions')
    .select(['code', 'name', 'level', 'parent_code'])
    .where('valid_to', 'is', null)
    .where('level', 'in', [...levels])
    .where((eb) => eb.or(prefixes.map((p) => eb('code', 'like', `${p}%`))))
    .orderBy('code')
    .execute();
}

/** Provinces whose regions are loaded. */
export async function loadedProvinces(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('region_loads').select('province_code').distinct().execute();
  return rows.map((r) => r.province_code);
}

/** Households already registered under each prefix (only prefixes that have some). */
export async function householdsUnder(db: Kysely<DB>, prefixes: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const p of prefixes) {
    const row = await db
      .selectFrom('households')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('village_code', 'like', `${p}%`)
      .executeTakeFirstOrThrow();
    if (Number(row.n) > 0) out[p] = Number(row.n);
  }
  return out;
}

export async function countHouseholds(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('households')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The highest household sequence number in each village, for numbers of the form village + digits. */
export async function lastHouseholdSequence(db: Kysely<DB>, villages: readonly string[]): Promise<Record<string, number>> {
  if (villages.length === 0) return {};
  const rows = await sql<{ village_code: string; last: number }>`
    SELECT village_code, max(substr(number, 13)::int) AS last
    FROM households
    WHERE village_code = ANY(${villages}::text[]) AND number ~ '^[0-9]{13,16}$' AND left(number, 12) = village_code
    GROUP BY village_code`.execute(db);
  return Object.fromEntries(rows.rows.map((r) => [r.village_code, Number(r.last)]));
}

/** Whether any registered person holds an ID number issued by one of the counties. */
export async function anyIdIssuedIn(db: Kysely<DB>, counties: readonly string[]): Promise<boolean> {
  if (counties.length === 0) return false;
  const row = await sql<{ found: boolean }>`
    SELECT EXISTS (SELECT 1 FROM persons WHERE left(id_number, 6) = ANY(${counties}::text[])) AS found`.execute(db);
  return row.rows[0]?.found ?? false;
}

// ---- writes in the seed's session ----

/** Draws `n` keys from a table's id sequence (safe beside concurrent inserts). */
export async function takeIds(s: RawSession, table: 'households' | 'persons', n: number): Promise<string[]> {
  if (n === 0) return [];
  const rows = await s.query<{ id: string }>(
    `SELECT nextval(pg_get_serial_sequence($1, 'id'))::text AS id FROM generate_series(1, $2)`,
    [table, n],
  );
  return rows.map((r) => r.id);
}

/** Which of the ID numbers are already registered. */
export async function registeredIdNumbers(s: RawSession, idNumbers: readonly string[]): Promise<Set<string>> {
  if (idNumbers.length === 0) return new Set();
  const rows = await s.query<{ id_number: string }>('SELECT id_number FROM persons WHERE id_number = ANY($1::text[])', [
    idNumbers,
  ]);
  return new Set(rows.map((r) => r.id_number));
}

export const HOUSEHOLD_COLUMNS = [
  'id',
  'number',
  'village_code',
  'type',
  'monitoring_category',
  'relocated',
  'relocation_site',
] as const;
export const PERSON_COLUMNS = [
  'id',
  'id_number',
  'name',
  'name_initials',
  'sex',
  'birth_date',
  'household_id',
  'relationship',
  'village_code',
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
] as const;
export const SPELL_COLUMNS = [
  'person_id',
  'village_code',
  'start_date',
  'end_date',
  'place_code',
  'place_name',
  'out_of_province',
  'employer',
  'channel',
  'monthly_income_fen',
  'insured',
] as const;

export async function copyRows(
  s: RawSession,
  table: 'households' | 'persons' | 'employment_spells',
  columns: readonly string[],
  csv: string,
) {
  if (csv.length > 0) await s.copyCsv(table, columns, csv);
}

/** Records likely duplicates (pairs of ID numbers: the earlier record, the later one) for review. */
export async function insertDuplicateCandidates(
  s: RawSession,
  pairs: readonly [string, string][],
  reason: string,
): Promise<number> {
  if (pairs.length === 0) return 0;
  const rows = await s.query<{ id: string }>(
    `INSERT INTO duplicate_candidates (person_a, person_b, village_code, reason)
     SELECT least(a.id, b.id), greatest(a.id, b.id), b.village_code, $3
     FROM unnest($1::text[], $2::text[]) AS d(a, b)
     JOIN persons a ON a.id_number = d.a
     JOIN persons b ON b.id_number = d.b
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1]), reason],
  );
  return rows.length;
}
