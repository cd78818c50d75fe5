// The imports and import_errors tables. SQL only: access checks live in imports.service.ts.
import { type Kysely, type Selectable, sql } from 'kysely';
import type { RawSession } from '../../db/connection.ts';
import { csvField } from '../../db/copy-csv.ts';
import type { DB, ImportStats, ImportsTable } from '../../db/schema.ts';
import type { RowErrorCode } from '../../domain/import/row.ts';

export type { ImportStats };
export type ImportRow = Selectable<ImportsTable>;

export const EMPTY_STATS: ImportStats = {
  householdsInserted: 0,
  householdsUpdated: 0,
  personsInserted: 0,
  personsUpdated: 0,
  spellsInserted: 0,
  spellsUpdated: 0,
};

export interface NewImport {
  fileName: string;
  filePath: string;
  sha256: string;
  size: number;
  regionCode: string;
  userId: string | null;
}

export async function insertImport(db: Kysely<DB>, n: NewImport): Promise<string> {
  const row = await db
    .insertInto('imports')
    .values({
      file_name: n.fileName,
      file_path: n.filePath,
      file_sha256: n.sha256,
      file_size: n.size,
      region_code: n.regionCode,
      user_id: n.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findImport(db: Kysely<DB>, id: string): Promise<ImportRow | undefined> {
  return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Unfinished imports of the same file and scope, newest first (candidates to resume). */
export async function findUnfinished(db: Kysely<DB>, sha256: string, regionCode: string): Promise<ImportRow[]> {
  return db
    .selectFrom('imports')
    .selectAll()
    .where('file_sha256', '=', sha256)
    .where('region_code', '=', regionCode)
    .where('kind', '=', 'laborers')
    .where('status', 'in', ['queued', 'running', 'failed'])
    .where('error_code', '=', '')
    .orderBy('id', 'desc')
    .execute();
}

/** Imports left in 'queued' or 'running' (their process may have died). */
export async function findStranded(db: Kysely<DB>): Promise<ImportRow[]> {
  return db.selectFrom('imports').selectAll().where('status', 'in', ['queued', 'running']).orderBy('id').execute();
}

/** Takes the import for this worker; false when another live worker has it. */
export async function claimImport(db: Kysely<DB>, id: string, worker: string, expectedWorker: string): Promise<boolean> {
  const r = await db
    .updateTable('imports')
    .set({ status: 'running', worker, heartbeat_at: sql`now()`, started_at: sql`coalesce(started_at, now())`, message: '' })
    .where('id', '=', id)
    .where('worker', '=', expectedWorker)
    .where('status', '<>', 'done')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateFilePath(db: Kysely<DB>, id: string, filePath: string): Promise<void> {
  await db.updateTable('imports').set({ file_path: filePath }).where('id', '=', id).execute();
}

export async function recordFileFacts(
  db: Kysely<DB>,
  id: string,
  f: { format: string; encoding: string; headerRow: number; ignored: string[] },
): Promise<void> {
  await db
    .updateTable('imports')
    .set({ format: f.format, encoding: f.encoding, header_row: f.headerRow, ignored_columns: f.ignored })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(db: Kysely<DB>, id: string, code: string, message: string): Promise<void> {
  await db
    .updateTable('imports')
    .set({ status: 'failed', error_code: code, message, finished_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** An import that stopped for a reason that a re-run may not have (process stopping, database error). */
export async function markInterrupted(db: Kysely<DB>, id: string, message: string): Promise<void> {
  await db.updateTable('imports').set({ status: 'failed', message }).where('id', '=', id).execute();
}

export async function markDone(db: Kysely<DB>, id: string, message: string): Promise<void> {
  await db
    .updateTable('imports')
    .set({ status: 'done', total_rows: sql`processed_rows`, bytes_done: sql`file_size`, message, finished_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export interface ChunkProgress {
  processedRows: number;
  bytesDone: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  stats: ImportStats;
}

/** Inside the chunk transaction: the import's counters move with the rows they count. */
export async function recordChunk(s: RawSession, id: string, p: ChunkProgress): Promise<void> {
  await s.query(
    `UPDATE imports SET processed_rows = $2, bytes_done = $3, inserted = $4, updated = $5, unchanged = $6, failed = $7,
            stats = $8::jsonb, heartbeat_at = now()
      WHERE id = $1`,
    [id, p.processedRows, p.bytesDone, p.inserted, p.updated, p.unchanged, p.failed, JSON.stringify(p.stats)],
  );
}

export interface ErrorLine {
  rowNumber: number;
  column: string;
  value: string;
  reason: string;
  code: RowErrorCode;
}

const ERROR_COLUMNS = ['import_id', 'row_number', 'column_name', 'value', 'reason', 'code'] as const;

export async function copyErrors(s: RawSession, id: string, lines: readonly ErrorLine[]): Promise<void> {
  if (lines.length === 0) return;
  const csv = lines
    .map((e) => `${id},${e.rowNumber},${csvField(e.column)},${csvField(e.value)},${csvField(e.reason)},${e.code}\n`)
    .join('');
  await s.copyCsv('import_errors', ERROR_COLUMNS, csv);
}

export async function insertErrors(s: RawSession, id: string, lines: readonly ErrorLine[]): Promise<void> {
  for (const e of lines) {
    await s.query(
      `INSERT INTO import_errors (import_id, row_number, column_name, value, reason, code) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING`,
      [id, e.rowNumber, e.column, e.value, e.reason, e.code],
    );
  }
}

/** Errors in row order, a page at a time (keyset on row number). */
export async function errorsAfter(db: Kysely<DB>, id: string, afterRow: number, limit: number): Promise<ErrorLine[]> {
  const rows = await db
    .selectFrom('import_errors')
    .select(['row_number', 'column_name', 'value', 'reason', 'code'])
    .where('import_id', '=', id)
    .where('row_number', '>', afterRow)
    .orderBy('row_number')
    .orderBy('column_name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    rowNumber: r.row_number,
    column: r.column_name,
    value: r.value,
    reason: r.reason,
    code: r.code as RowErrorCode,
  }));
}

export async function listImports(db: Kysely<DB>, limit: number): Promise<ImportRow[]> {
  return db.selectFrom('imports').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

export async function countErrors(db: Kysely<DB>, id: string): Promise<number> {
  const r = await db
    .selectFrom('import_errors')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('import_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
