// SQL of the region tree. Every read names the date it answers for: a region row is
// valid from valid_from (inclusive) to valid_to (exclusive, NULL while still valid).
// Prefix queries use a code range (see prefixRange) so that they use the primary key.
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ChangeLogEntry } from '../../domain/region/region-change.ts';
import { ancestry, type RegionLevel } from '../../domain/region/region-code.ts';
import { prefixRange, type RegionVersion } from '../../domain/region/region-version.ts';

type Db = Kysely<DB>;

export interface RegionSummary {
  code: string;
  name: string;
  level: RegionLevel;
}

const VERSION_COLUMNS = ['code', 'name', 'level', 'parent_code', 'valid_from', 'valid_to'] as const;

function toVersion(r: {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  valid_from: string;
  valid_to: string | null;
}): RegionVersion {
  return {
    code: r.code,
    name: r.name,
    level: r.level as RegionLevel,
    parentCode: r.parent_code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  };
}

/** `regions` rows valid on `date`. */
function validOn(date: string) {
  return (eb: ExpressionBuilder<DB, 'regions'>) =>
    eb.and([
      eb('regions.valid_from', '<=', date),
      eb.or([eb('regions.valid_to', 'is', null), eb('regions.valid_to', '>', date)]),
    ]);
}

/** `regions` rows whose code starts with `prefix`. */
function under(prefix: string) {
  const { from, to } = prefixRange(prefix);
  return (eb: ExpressionBuilder<DB, 'regions'>) =>
    to === undefined ? eb('regions.code', '>=', from) : eb.and([eb('regions.code', '>=', from), eb('regions.code', '<', to)]);
}

export async function findRegionOn(db: Db, code: string, date: string): Promise<RegionVersion | undefined> {
  const row = await db
    .selectFrom('regions')
    .select(VERSION_COLUMNS)
    .where('code', '=', code)
    .where(validOn(date))
    .executeTakeFirst();
  return row && toVersion(row);
}

/** The children of `code` valid on `date`, each with its number of children on that date. */
export async function findChildrenOn(db: Db, code: string, date: string): Promise<(RegionSummary & { childCount: number })[]> {
  const rows = await db
    .selectFrom('regions')
    .select(['regions.code', 'regions.name', 'regions.level'])
    .select(
      sql<number>`(SELECT count(*)::int FROM regions c WHERE c.parent_code = regions.code
        AND c.valid_from <= ${date} AND (c.valid_to IS NULL OR c.valid_to > ${date}))`.as('child_count'),
    )
    .where('regions.parent_code', '=', code)
    .where(validOn(date))
    .orderBy('regions.code')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, level: r.level as RegionLevel, childCount: r.child_count }));
}

/** The provinces valid on `date`. */
export async function findProvincesOn(db: Db, date: string): Promise<RegionSummary[]> {
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name', 'level'])
    .where('level', '=', 1)
    .where(validOn(date))
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ ...r, level: r.level as RegionLevel }));
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Regions valid on `date` whose name contains `q`, inside `within` (a code prefix; '' for
 * everywhere): exact names first, then names starting with `q`, then by level and code.
 */
export async function searchByName(
  db: Db,
  opts: { q: string; within: string; date: string; limit: number },
): Promise<RegionSummary[]> {
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name', 'level'])
    .where('name', 'like', likePattern(opts.q))
    .where(under(opts.within))
    .where(validOn(opts.date))
    .orderBy(sql`name = ${opts.q}`, 'desc')
    .orderBy(sql`starts_with(name, ${opts.q})`, 'desc')
    .orderBy('level')
    .orderBy('code')
    .limit(opts.limit)
    .execute();
  return rows.map((r) => ({ ...r, level: r.level as RegionLevel }));
}

/** Regions valid on `date` whose code starts with `prefix`, by level and code. */
export async function searchByCodePrefix(
  db: Db,
  opts: { prefix: string; date: string; limit: number },
): Promise<RegionSummary[]> {
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name', 'level'])
    .where(under(opts.prefix))
    .where(validOn(opts.date))
    .orderBy('level')
    .orderBy('code')
    .limit(opts.limit)
    .execute();
  return rows.map((r) => ({ ...r, level: r.level as RegionLevel }));
}

/** Names of the given codes on `date` (codes not valid then are left out). */
export async function namesOn(db: Db, codes: readonly string[], date: string): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('code', 'in', [...new Set(codes)])
    .where(validOn(date))
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The region and the regions above it on `date`, province first. */
export async function findPathOn(db: Db, code: string, date: string): Promise<RegionSummary[]> {
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name', 'level'])
    .where('code', 'in', ancestry(code))
    .where(validOn(date))
    .orderBy('level')
    .execute();
  return rows.map((r) => ({ ...r, level: r.level as RegionLevel }));
}

/**
 * Which of `codes` are villages (level 5) valid on `date`, with their names: the check an
 * import runs on every row's village code, in one query per batch.
 */
export async function villageNamesOn(db: Db, codes: readonly string[], date: string): Promise<Map<string, string>> {
  const wanted = [...new Set(codes)].filter((c) => /^\d{12}$/.test(c));
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where(sql<boolean>`code = ANY(${wanted}::text[])`)
    .where('level', '=', 5)
    .where(validOn(date))
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The number of villages valid on `date` at or under `code`. */
export async function countVillagesUnder(db: Db, code: string, date: string): Promise<number> {
  const row = await db
    .selectFrom('regions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('level', '=', 5)
    .where(under(code))
    .where(validOn(date))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every version, of every date, of the regions whose code starts with `prefix`. */
export async function versionsUnder(db: Db, prefix: string): Promise<RegionVersion[]> {
  const rows = await db
    .selectFrom('regions')
    .select(VERSION_COLUMNS)
    .where(under(prefix))
    .orderBy('code')
    .orderBy('valid_from')
    .execute();
  return rows.map(toVersion);
}

/** Every version, of every date, of the given codes, oldest first. */
export async function versionsOf(db: Db, codes: readonly string[]): Promise<RegionVersion[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('regions')
    .select(VERSION_COLUMNS)
    .where(sql<boolean>`code = ANY(${[...new Set(codes)]}::text[])`)
    .orderBy('code')
    .orderBy('valid_from')
    .execute();
  return rows.map(toVersion);
}

/** Ends the given open versions on the day before `validTo`; returns how many were still open. */
export async function closeVersions(db: Db, versions: readonly RegionVersion[], validTo: string): Promise<number> {
  let closed = 0;
  for (let i = 0; i < versions.length; i += 1000) {
    const chunk = versions.slice(i, i + 1000);
    const r = await db
      .updateTable('regions')
      .set({ valid_to: validTo })
      .where('valid_to', 'is', null)
      .where(
        sql<boolean>`(code, valid_from) IN (SELECT * FROM unnest(${chunk.map((v) => v.code)}::text[], ${chunk.map(
          (v) => v.validFrom,
        )}::date[]))`,
      )
      .executeTakeFirst();
    closed += Number(r.numUpdatedRows);
  }
  return closed;
}

export async function insertVersions(db: Db, versions: readonly RegionVersion[], source: string): Promise<void> {
  for (let i = 0; i < versions.length; i += 1000) {
    await db
      .insertInto('regions')
      .values(
        versions.slice(i, i + 1000).map((v) => ({
          code: v.code,
          name: v.name,
          level: v.level,
          parent_code: v.parentCode,
          valid_from: v.validFrom,
          valid_to: v.validTo,
          source,
        })),
      )
      .execute();
  }
}

export async function insertChanges(db: Db, entries: readonly ChangeLogEntry[], effective: string): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000) {
    await db
      .insertInto('region_changes')
      .values(
        entries
          .slice(i, i + 1000)
          .map((e) => ({ kind: e.kind, old_code: e.oldCode, new_code: e.newCode, effective, note: e.note })),
      )
      .execute();
  }
}

/** The recorded changes that a code went through or came from, oldest first. */
export async function changesOf(db: Db, code: string) {
  return db
    .selectFrom('region_changes')
    .select(['kind', 'old_code', 'new_code', 'effective', 'note'])
    .where((eb) => eb.or([eb('old_code', '=', code), eb('new_code', '=', code)]))
    .orderBy('effective')
    .orderBy('id')
    .execute();
}

/** The provinces loaded from a dataset, with the dataset and the number of rows. */
export async function listLoads(db: Db) {
  return db
    .selectFrom('region_loads')
    .select(['province_code', 'source', 'valid_from', 'rows'])
    .orderBy('province_code')
    .execute();
}
