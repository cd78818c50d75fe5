// Runs one register import: streams the file, validates rows as they arrive, and commits
// them in chunks, one transaction each (staging COPY, set-based merge, errors, audit,
// progress). A process killed half way leaves whole chunks only; running the import again
// resumes after the last committed chunk, and re-importing the same rows changes nothing.
//
// While the database merges one chunk, the next is read and validated: the reading loop
// gives the event loop a turn every few hundred rows so that database replies get handled.
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Kysely } from 'kysely';
import { otherWorkerAlive, THIS_WORKER } from '../../background/runs.ts';
import type { Database, RawSession } from '../../db/connection.ts';
import type { DB } from '../../db/schema.ts';
import {
  type CheckedRow,
  checkRow,
  FileChecks,
  isBlankRow,
  mergeByColumn,
  type RowProblem,
  type SourceRow,
  type VillageCheck,
} from '../../domain/import/row.ts';
import type { HeaderMap } from '../../domain/import/template.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { nameInitials } from '../../domain/registry/name-initials.ts';
import { FIELD_LABELS } from '../../domain/registry/person-input.ts';
import { SPELL_FIELD_LABELS } from '../../domain/registry/spell-input.ts';
import { AppError } from '../../http/errors.ts';
import { type AuditInput, appendAudit } from '../audit/audit.repository.ts';
import { ENCODING_NAMES, findHeader, openTable, type TableSource } from './file-reader.ts';
import {
  type ChunkProgress,
  claimImport,
  copyErrors,
  EMPTY_STATS,
  type ErrorLine,
  findImport,
  type ImportRow,
  type ImportStats,
  insertErrors,
  markDone,
  markFailed,
  markInterrupted,
  recordChunk,
  recordFileFacts,
} from './imports.repository.ts';
import {
  type Changed,
  type ChunkKeys,
  copyStage,
  enterScope,
  locateEmployers,
  locateHouseholds,
  locatePersons,
  type MergeResult,
  mergeStage,
  prepareStage,
  stageLine,
  stageTail,
} from './merge.repository.ts';
import { sessionKysely } from './session-kysely.ts';

export const DEFAULT_CHUNK_ROWS = 5000;
/** Rows read and validated between two turns of the event loop. */
const YIELD_EVERY_ROWS = 50;
const MAX_ATTEMPTS = 3;
const UNIQUE_VIOLATION = '23505';

/**
 * The import's live memory is small (a chunk, the ID table, the household index: well under
 * 100 MB for a million rows), but it allocates fast, and V8 then lets garbage pile up to
 * several hundred MB before it collects. When the heap has grown this much beyond what it
 * held live when the import started, the import asks for a full collection between chunks (about
 * 30 ms each), which keeps the process's RSS bounded without a command-line flag.
 */
const HEAP_GROWTH_LIMIT = 128 * 1024 * 1024;
const collectGarbage: (() => void) | undefined = (() => {
  try {
    v8.setFlagsFromString('--expose_gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
})();

function heapGuard(): () => void {
  collectGarbage?.(); // what is live before the import, without the garbage of whatever ran before
  const limit = v8.getHeapStatistics().used_heap_size + HEAP_GROWTH_LIMIT;
  return () => {
    if (collectGarbage && v8.getHeapStatistics().used_heap_size > limit) collectGarbage();
  };
}

/** Imports this process is running now. */
const RUNNING = new Set<string>();

/** Is the process recorded as running this import still alive? */
export function workerAlive(imp: Pick<ImportRow, 'id' | 'worker' | 'heartbeat_at'>): boolean {
  if (!imp.worker) return false;
  if (imp.worker === THIS_WORKER) return RUNNING.has(imp.id);
  return otherWorkerAlive(imp.worker, imp.heartbeat_at);
}

export interface ImportProgress {
  importId: string;
  processedRows: number;
  percent: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export interface RunOptions {
  chunkRows?: number;
  /** The date rows are validated against (no birth or employment after it). */
  today?: string;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** Milliseconds spent per phase, added up over the run (for the benchmark). */
  phases?: Record<string, number>;
}

export class ImportInterrupted extends Error {}

/**
 * A valid row as the chunk writer needs it: the keys it checks against the database and
 * its staging line. The rest of the row is garbage by then, which keeps chunks small.
 */
interface StagedRow {
  rowNumber: number;
  idNumber: string;
  householdNumber: string;
  villageCode: string;
  /** Has a current-employment spell. */
  employed: boolean;
  /** The spell's employer, when the row names a registered one by its credit code. */
  employerCreditCode: string | null;
  tail: string;
}
type Prepared = ({ ok: true } & StagedRow) | { ok: false; rowNumber: number; problems: RowProblem[] };

function prepare(c: CheckedRow): Prepared {
  if (!c.ok) return c;
  return {
    ok: true,
    rowNumber: c.rowNumber,
    idNumber: c.person.idNumber,
    householdNumber: c.person.householdNumber,
    villageCode: c.person.villageCode,
    employed: c.spell !== null,
    employerCreditCode: c.spell?.employerCreditCode ?? null,
    tail: stageTail(c, nameInitials(c.person.name)),
  };
}

function regionForAudit(codes: Iterable<string>): string {
  let prefix: string | undefined;
  for (const c of codes) {
    if (prefix === undefined) prefix = c;
    else {
      let i = 0;
      while (i < prefix.length && i < c.length && prefix[i] === c[i]) i++;
      prefix = prefix.slice(0, i);
    }
  }
  const p = prefix ?? '';
  for (const len of [12, 9, 6, 4, 2]) if (p.length >= len) return p.slice(0, len);
  return '';
}

function diff(c: Changed): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const k of Object.keys(c.after)) {
    if (JSON.stringify(c.before[k]) !== JSON.stringify(c.after[k])) {
      before[k] = c.before[k];
      after[k] = c.after[k];
    }
  }
  return { before, after };
}

async function timed<T>(phases: Record<string, number> | undefined, name: string, fn: () => Promise<T>): Promise<T> {
  if (!phases) return fn();
  const t = performance.now();
  try {
    return await fn();
  } finally {
    phases[name] = (phases[name] ?? 0) + performance.now() - t;
  }
}

/**
 * Whether a village code exists now and lies inside the scope. The current villages of the
 * scope are held in memory (a county has a few hundred, all three loaded provinces 57,000);
 * a code outside them is looked up only to say which of the two reasons applies.
 */
class VillageRules {
  readonly #inScope = new Set<string>();
  readonly #exists = new Map<string, boolean>();
  constructor(
    private readonly kysely: Kysely<DB>,
    private readonly scope: string,
    private readonly scopeLabel: string,
  ) {}

  async load(): Promise<void> {
    const rows = await this.kysely
      .selectFrom('regions')
      .select('code')
      .where('level', '=', 5)
      .where('valid_to', 'is', null)
      .where('code', 'like', `${this.scope}%`)
      .execute();
    for (const r of rows) this.#inScope.add(r.code);
  }

  readonly check: VillageCheck = (code) => {
    if (this.#inScope.has(code)) return undefined;
    if (this.scope && this.#exists.get(code)) return this.outside(code);
    return { code: 'ROW_REGION_UNKNOWN', reason: `村代码 ${code} 不是现行有效的村级统计用区划代码` };
  };

  private outside(code: string) {
    return { code: 'ROW_REGION_OUT_OF_SCOPE' as const, reason: `村代码 ${code} 不在您的管辖范围（${this.scopeLabel}）内` };
  }

  /** Tells "outside your scope" from "no such village" for the rows that failed the check. */
  async refine(rows: Prepared[]): Promise<void> {
    if (!this.scope) return;
    const bad = (r: Prepared) => (r.ok ? [] : r.problems.filter((p) => p.code === 'ROW_REGION_UNKNOWN'));
    const todo = [...new Set(rows.flatMap((r) => bad(r).map((p) => p.value)))].filter((c) => !this.#exists.has(c));
    if (todo.length) {
      const found = await this.kysely
        .selectFrom('regions')
        .select('code')
        .where('code', 'in', todo)
        .where('level', '=', 5)
        .where('valid_to', 'is', null)
        .execute();
      const exists = new Set(found.map((r) => r.code));
      for (const c of todo) this.#exists.set(c, exists.has(c));
    }
    for (const r of rows) for (const p of bad(r)) if (this.#exists.get(p.value)) Object.assign(p, this.outside(p.value));
  }
}

async function scopeLabel(kysely: Kysely<DB>, scope: string): Promise<string> {
  if (!scope) return '全部';
  const r = await kysely
    .selectFrom('regions')
    .select('name')
    .where('code', '=', scope)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  return r ? `${r.name} ${scope}` : scope;
}

async function actorName(kysely: Kysely<DB>, userId: string | null): Promise<string> {
  if (!userId) return '命令行导入';
  const u = await kysely.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
  return u?.display_name ?? `用户${userId}`;
}

/** Opens the file and reads its header: what the upload handler checks before accepting a file. */
export async function inspectFile(path: string, fileName: string) {
  const table = await openTable(path, fileName);
  try {
    const { headerRow, map } = await findHeader(table.batches);
    return { format: table.format, encoding: table.encoding, headerRow, map };
  } finally {
    await table.batches.return(undefined).catch(() => {});
    table.close();
  }
}

interface Totals {
  processedRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  stats: ImportStats;
}

class ChunkWriter {
  constructor(
    private readonly database: Database,
    private readonly imp: ImportRow,
    private readonly actor: { id: string | null; name: string },
    private readonly totals: Totals,
    private readonly phases: Record<string, number> | undefined,
  ) {}

  /** Commits the chunk; again when a concurrent import registered one of its people meanwhile. */
  async write(chunk: Prepared[], bytesDone: number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(chunk, bytesDone);
      } catch (e) {
        if (attempt >= MAX_ATTEMPTS || (e as { code?: string }).code !== UNIQUE_VIOLATION) throw e;
      }
    }
  }

  /** One transaction: checks against the database, staging, merge, errors, audit, progress. */
  private async attempt(chunk: Prepared[], bytesDone: number): Promise<void> {
    const ph = this.phases;
    const scope = this.imp.region_code;
    const errors: ErrorLine[] = [];
    const addErrors = (rowNumber: number, problems: RowProblem[]) => {
      for (const p of mergeByColumn(problems)) errors.push({ rowNumber, ...p });
    };
    const valid: StagedRow[] = [];
    for (const c of chunk) {
      if (c.ok) valid.push(c);
      else addErrors(c.rowNumber, c.problems);
    }

    await this.database.withSession(async (s) => {
      await s.exec('BEGIN');
      try {
        const staged = await timed(ph, 'locate', () => this.checkAgainstDatabase(s, valid, addErrors));
        let merged: MergeResult | undefined;
        if (staged.rows.length) {
          await timed(ph, 'stage', async () => {
            await prepareStage(s);
            const csv = staged.rows.map((r) =>
              stageLine(
                r.rowNumber,
                {
                  person: staged.personIds.get(r),
                  household: staged.householdIds.get(r.householdNumber),
                  employer: r.employerCreditCode ? staged.employerIds.get(r.employerCreditCode) : undefined,
                },
                r.tail,
              ),
            );
            await copyStage(s, csv.join(''));
          });
        }
        await timed(ph, 'errors', () => copyErrors(s, this.imp.id, errors));
        if (scope) await enterScope(s, scope);
        if (staged.rows.length) {
          const idNumberOf = new Map<string, string>();
          for (const [r, id] of staged.personIds) idNumberOf.set(id, r.idNumber);
          const keys: ChunkKeys = {
            existingPersons: staged.personIds.size > 0,
            existingHouseholds: staged.householdIds.size > 0,
            spells: staged.rows.some((r) => r.employed),
            idNumberOf,
          };
          merged = await timed(ph, 'merge', () => mergeStage(s, keys, ph));
        }

        const late: ErrorLine[] = [];
        const counts = this.count(staged.rows, staged.personIds, merged, late);
        if (late.length) await insertErrors(s, this.imp.id, late);
        if (merged) await timed(ph, 'audit', () => appendAudit(sessionKysely(s), this.auditEntries(merged, staged.rows)));

        const t = this.totals;
        const next: ChunkProgress = {
          processedRows: t.processedRows + chunk.length,
          bytesDone,
          inserted: t.inserted + counts.inserted,
          updated: t.updated + counts.updated,
          unchanged: t.unchanged + counts.unchanged,
          failed: t.failed + chunk.length - staged.rows.length + counts.failed,
          stats: addStats(t.stats, merged),
        };
        await recordChunk(s, this.imp.id, next);
        await timed(ph, 'commit', () => s.exec('COMMIT'));
        Object.assign(this.totals, next);
      } catch (e) {
        await s.exec('ROLLBACK').catch(() => {});
        throw e;
      }
    });
  }

  /**
   * ID numbers and household numbers already registered in another village are refused, and
   * so are credit codes of employers not registered here (the row meant a registered one).
   */
  private async checkAgainstDatabase(
    s: RawSession,
    valid: StagedRow[],
    addErrors: (row: number, problems: RowProblem[]) => void,
  ): Promise<{
    rows: StagedRow[];
    personIds: Map<StagedRow, string>;
    householdIds: Map<string, string>;
    employerIds: Map<string, string>;
  }> {
    const persons = new Map(
      (
        await locatePersons(
          s,
          valid.map((r) => r.idNumber),
        )
      ).map((l) => [l.key, l]),
    );
    const households = new Map(
      (await locateHouseholds(s, [...new Set(valid.map((r) => r.householdNumber))])).map((l) => [l.key, l]),
    );
    const codes = new Set<string>();
    for (const r of valid) if (r.employerCreditCode) codes.add(r.employerCreditCode);
    const employerIds = new Map((await locateEmployers(s, [...codes])).map((e) => [e.key, e.id]));
    const rows: StagedRow[] = [];
    const personIds = new Map<StagedRow, string>();
    const householdIds = new Map<string, string>();
    for (const r of valid) {
      const problems: RowProblem[] = [];
      const p = persons.get(r.idNumber);
      if (p && p.villageCode !== r.villageCode) {
        problems.push({
          code: 'ROW_ID_REGISTERED_ELSEWHERE',
          column: FIELD_LABELS.idNumber,
          value: r.idNumber,
          reason: `身份证号已登记在 ${p.villageName ?? '其他村'}（${p.villageCode}），同一人不能重复登记；如已迁入本村，请先由原村办理迁出`,
        });
      }
      const h = households.get(r.householdNumber);
      if (h && h.villageCode !== r.villageCode) {
        problems.push({
          code: 'ROW_HOUSEHOLD_ELSEWHERE',
          column: FIELD_LABELS.householdNumber,
          value: r.householdNumber,
          reason: `户编号已登记在 ${h.villageName ?? '其他村'}（${h.villageCode}），户编号不能重复`,
        });
      }
      if (r.employerCreditCode && !employerIds.has(r.employerCreditCode)) {
        problems.push({
          code: 'ROW_EMPLOYER_UNKNOWN',
          column: SPELL_FIELD_LABELS.employerCreditCode,
          value: r.employerCreditCode,
          reason: '未在用工单位名录中登记：请先登记该用工单位，或不填此列只写务工单位名称',
        });
      }
      if (problems.length) addErrors(r.rowNumber, problems);
      else {
        rows.push(r);
        if (p) personIds.set(r, p.id);
        if (h) householdIds.set(r.householdNumber, h.id);
      }
    }
    return { rows, personIds, householdIds, employerIds };
  }

  private count(rows: StagedRow[], personIds: Map<StagedRow, string>, m: MergeResult | undefined, late: ErrorLine[]) {
    const out = { inserted: 0, updated: 0, unchanged: 0, failed: 0 };
    if (!m) return out;
    const inserted = new Set(m.personsInserted.map((x) => x.key));
    const updated = new Set(m.personsUpdated.map((x) => x.key));
    const touchedHouseholds = new Set(m.householdsUpdated.map((x) => x.key));
    const touchedSpells = new Set([...m.spellsInserted, ...m.spellsUpdated].map((x) => x.key));
    for (const r of rows) {
      if (inserted.has(r.idNumber)) out.inserted += 1;
      else if (!personIds.has(r)) {
        // Not inserted although nobody had it: its household is registered out of sight.
        out.failed += 1;
        late.push({
          rowNumber: r.rowNumber,
          column: FIELD_LABELS.householdNumber,
          value: r.householdNumber,
          reason: '户编号刚被同时进行的另一次导入登记在其他村，请核对后重新导入本行',
          code: 'ROW_CONFLICT_CONCURRENT',
        });
      } else if (updated.has(r.idNumber) || touchedHouseholds.has(r.householdNumber) || touchedSpells.has(r.idNumber))
        out.updated += 1;
      else out.unchanged += 1;
    }
    return out;
  }

  private auditEntries(m: MergeResult, rows: StagedRow[]): AuditInput[] {
    const base = { actorId: this.actor.id, actorName: this.actor.name };
    const entries: AuditInput[] = [];
    const created = [...m.householdsInserted, ...m.personsInserted, ...m.spellsInserted];
    if (created.length) {
      // One entry per chunk for what it created; corrections get one entry each, below.
      entries.push({
        ...base,
        action: 'import.create',
        entity: 'import',
        entityId: this.imp.id,
        regionCode: regionForAudit(created.map((c) => c.village_code)),
        after: {
          rows: [rows[0]?.rowNumber, rows[rows.length - 1]?.rowNumber],
          households: m.householdsInserted.map((x) => x.id),
          persons: m.personsInserted.map((x) => x.id),
          spells: m.spellsInserted.map((x) => x.id),
        },
      });
    }
    const updates: [string, Changed[]][] = [
      ['household', m.householdsUpdated],
      ['person', m.personsUpdated],
      ['spell', m.spellsUpdated],
    ];
    for (const [entity, list] of updates) {
      for (const c of list) {
        entries.push({
          ...base,
          action: `${entity}.import_update`,
          entity,
          entityId: c.id,
          regionCode: c.village_code,
          ...diff(c),
        });
      }
    }
    return entries;
  }
}

function addStats(s: ImportStats, m: MergeResult | undefined): ImportStats {
  if (!m) return s;
  return {
    householdsInserted: s.householdsInserted + m.householdsInserted.length,
    householdsUpdated: s.householdsUpdated + m.householdsUpdated.length,
    personsInserted: s.personsInserted + m.personsInserted.length,
    personsUpdated: s.personsUpdated + m.personsUpdated.length,
    spellsInserted: s.spellsInserted + m.spellsInserted.length,
    spellsUpdated: s.spellsUpdated + m.spellsUpdated.length,
  };
}

function progressOf(imp: ImportRow, t: Totals, bytesDone: number): ImportProgress {
  const size = Number(imp.file_size) || 1;
  return {
    importId: imp.id,
    processedRows: t.processedRows,
    percent: Math.min(99, Math.floor((bytesDone / size) * 100)),
    inserted: t.inserted,
    updated: t.updated,
    unchanged: t.unchanged,
    failed: t.failed,
  };
}

/**
 * Runs (or resumes) the import `importId`. The caller has created the imports row; the
 * scope is its region_code ('' for the command line without --region: all regions).
 */
export async function runImport(database: Database, importId: string, opts: RunOptions = {}): Promise<ImportRow> {
  const kysely = database.kysely;
  const first = await findImport(kysely, importId);
  if (!first) throw new AppError('IMPORT_NOT_FOUND', `导入任务 ${importId} 不存在`, 404);
  if (first.status === 'done') return first;
  if ((first.status === 'running' && workerAlive(first)) || !(await claimImport(kysely, importId, THIS_WORKER, first.worker))) {
    throw new AppError('IMPORT_BUSY', `导入任务 ${importId} 正由其他进程（${first.worker}）执行`, 409);
  }
  RUNNING.add(importId);
  let table: TableSource | undefined;
  try {
    const imp = (await findImport(kysely, importId)) as ImportRow;
    const chunkRows = Math.max(1, opts.chunkRows ?? DEFAULT_CHUNK_ROWS);
    const today = opts.today ?? todayInShanghai();
    const villages = new VillageRules(kysely, imp.region_code, await scopeLabel(kysely, imp.region_code));
    await villages.load();
    const totals: Totals = {
      processedRows: imp.processed_rows,
      inserted: imp.inserted,
      updated: imp.updated,
      unchanged: imp.unchanged,
      failed: imp.failed,
      stats: { ...EMPTY_STATS, ...(imp.stats ?? {}) },
    };
    const writer = new ChunkWriter(
      database,
      imp,
      { id: imp.user_id, name: await actorName(kysely, imp.user_id) },
      totals,
      opts.phases,
    );

    table = await openTable(imp.file_path, imp.file_name);
    const { headerRow, map, rest } = await findHeader(table.batches);
    await recordFileFacts(kysely, imp.id, {
      format: table.format,
      encoding: table.encoding ? ENCODING_NAMES[table.encoding] : '',
      headerRow,
      ignored: map.ignored,
    });
    await readChunks(table, rest, map, imp, chunkRows, today, villages, writer, totals, opts);
    await markDone(
      kysely,
      imp.id,
      `共 ${totals.processedRows} 行：新增 ${totals.inserted}，更新 ${totals.updated}，未变 ${totals.unchanged}，失败 ${totals.failed}` +
        (map.ignored.length ? `；已忽略未识别的列：${map.ignored.join('、')}` : ''),
    );
  } catch (e) {
    if (e instanceof AppError) await markFailed(kysely, importId, e.code, e.message);
    else if (e instanceof ImportInterrupted) {
      // Left 'running' without a live worker: resumed at the next start.
    } else await markInterrupted(kysely, importId, `导入中断：${(e as Error).message}；重新运行可从中断处继续`);
    throw e;
  } finally {
    RUNNING.delete(importId);
    if (table) {
      await table.batches.return(undefined).catch(() => {});
      table.close();
    }
  }
  return (await findImport(kysely, importId)) as ImportRow;
}

async function readChunks(
  table: TableSource,
  rest: SourceRow[],
  map: HeaderMap,
  imp: ImportRow,
  chunkRows: number,
  today: string,
  villages: VillageRules,
  writer: ChunkWriter,
  totals: Totals,
  opts: RunOptions,
): Promise<void> {
  const checks = new FileChecks();
  const keepHeapSmall = heapGuard();
  // Rows committed by an earlier run are read again only to remember their ID numbers and
  // households, so that duplicates across the resume point are still found.
  const skip = imp.processed_rows;
  const noVillageCheck: VillageCheck = () => undefined;
  const ph = opts.phases;
  let seen = 0;
  let chunk: Prepared[] = [];
  let pending: Promise<void> | undefined;
  let failure: unknown;

  const flush = async () => {
    const rows = chunk;
    chunk = [];
    keepHeapSmall();
    await villages.refine(rows);
    const bytes = table.bytesRead();
    const w = performance.now();
    if (pending) await pending;
    if (ph) ph.waitForDatabase = (ph.waitForDatabase ?? 0) + performance.now() - w;
    if (failure) throw failure;
    if (opts.signal?.aborted) throw new ImportInterrupted('导入已中断（服务停止），重新运行即可从中断处继续');
    pending = writer.write(rows, bytes).then(
      () => opts.onProgress?.(progressOf(imp, totals, bytes)),
      (e) => {
        failure = e;
      },
    );
  };

  let t = performance.now();
  const add = (ph: Record<string, number> | undefined) => {
    if (ph) ph.readAndValidate = (ph.readAndValidate ?? 0) + performance.now() - t;
  };
  let batch: SourceRow[] | undefined = rest;
  while (batch) {
    for (const row of batch) {
      if (isBlankRow(row.cells)) continue;
      seen += 1;
      if (seen <= skip) {
        checkRow(row, map, today, noVillageCheck, checks);
        continue;
      }
      chunk.push(prepare(checkRow(row, map, today, villages.check, checks)));
      if (chunk.length >= chunkRows) {
        add(ph);
        await flush();
        t = performance.now();
      } else if (seen % YIELD_EVERY_ROWS === 0) {
        // Let database replies in: awaiting the reader's promises alone never gives I/O a turn.
        add(ph);
        await new Promise((r) => setImmediate(r));
        t = performance.now();
      }
    }
    const next = await table.batches.next();
    batch = next.done ? undefined : next.value;
  }
  add(ph);
  if (chunk.length) await flush();
  if (pending) await pending;
  if (failure) throw failure;
  if (seen === 0) throw new AppError('IMPORT_EMPTY', '文件中只有表头，没有数据行');
}
