// Register imports as the web app and the command line use them: who may start one, in
// which scope, where the upload is kept, how a job is run in the background and resumed
// after a restart, and what the client sees of it.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { type Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BackgroundRuns } from '../../background/runs.ts';
import { type Database, inScope } from '../../db/connection.ts';
import { AppError, errors } from '../../http/errors.ts';
import { type Actor, canWriteRegister } from '../auth/actor.ts';
import { writeErrorReport } from './error-report.ts';
import { type ImportProgress, inspectFile, runImport, workerAlive } from './import-runner.ts';
import {
  type ErrorLine,
  errorsAfter,
  findImport,
  findStranded,
  findUnfinished,
  type ImportRow,
  insertImport,
  listImports,
  updateFilePath,
} from './imports.repository.ts';

const STATUS_NAMES: Record<ImportRow['status'], string> = { queued: '排队中', running: '导入中', done: '已完成', failed: '失败' };

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  await pipeline(createReadStream(path), h);
  return h.digest('hex');
}

/** What the client sees of an import. totalRows is an estimate until the file is read to its end. */
export function presentImport(imp: ImportRow) {
  const size = Number(imp.file_size);
  const fraction = imp.status === 'done' ? 1 : size > 0 ? Number(imp.bytes_done) / size : 0;
  const percent = imp.status === 'done' ? 100 : Math.min(99, Math.floor(fraction * 100));
  const estimate =
    imp.status === 'done'
      ? imp.total_rows
      : fraction > 0
        ? Math.max(imp.processed_rows, Math.round(imp.processed_rows / fraction))
        : 0;
  return {
    id: imp.id,
    fileName: imp.file_name,
    regionCode: imp.region_code,
    status: imp.status,
    statusName: STATUS_NAMES[imp.status],
    percent,
    totalRows: estimate,
    totalKnown: imp.status === 'done',
    processedRows: imp.processed_rows,
    inserted: imp.inserted,
    updated: imp.updated,
    unchanged: imp.unchanged,
    failed: imp.failed,
    stats: imp.stats,
    format: imp.format,
    encoding: imp.encoding,
    ignoredColumns: imp.ignored_columns,
    errorCode: imp.error_code || null,
    message: imp.message,
    createdAt: new Date(imp.created_at).toISOString(),
    startedAt: imp.started_at ? new Date(imp.started_at).toISOString() : null,
    finishedAt: imp.finished_at ? new Date(imp.finished_at).toISOString() : null,
    errorsUrl: imp.failed > 0 ? `/api/imports/${imp.id}/errors.xlsx` : null,
  };
}
export type ImportView = ReturnType<typeof presentImport>;

/** Background import jobs of this process, restarted after a crash or restart. */
export class ImportJobs extends BackgroundRuns {
  constructor(database: Database, log: (msg: string, err?: unknown) => void = () => {}) {
    super(
      (id, signal) => runImport(database, id, { signal }),
      async () => (await findStranded(database.kysely)).map((i) => ({ id: i.id, worker: i.worker, heartbeatAt: i.heartbeat_at })),
      log,
      '导入',
    );
  }
}

function assertRegionWithin(actor: Actor, region: string | undefined): string {
  if (!region) return actor.scope;
  if (!/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(region)) {
    throw errors.invalid('导入', [{ field: 'region', message: '应为2、4、6、9或12位区划代码', value: region }]);
  }
  if (!region.startsWith(actor.scope)) throw errors.outOfScope(region);
  return region;
}

export interface Upload {
  fileName: string;
  stream: Readable;
}

/** Keeps the upload under dataDir/imports, checks its header, then queues the import. */
export async function acceptUpload(
  database: Database,
  jobs: ImportJobs,
  dataDir: string,
  actor: Actor,
  upload: Upload,
  region: string | undefined,
): Promise<ImportView> {
  if (!canWriteRegister(actor)) throw errors.forbidden('导入劳动力台账（当前角色只能查看）');
  const scope = assertRegionWithin(actor, region);
  const ext = extname(upload.fileName).toLowerCase();
  if (!['.xlsx', '.csv', '.txt'].includes(ext)) throw new AppError('IMPORT_UNSUPPORTED_TYPE', '仅支持 .xlsx 和 .csv 文件');
  const dir = join(dataDir, 'imports');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${new Date().toISOString().slice(0, 10)}-${randomBytes(8).toString('hex')}${ext}`);
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(upload.stream, hashing, createWriteStream(path));
    await inspectFile(path, upload.fileName);
  } catch (e) {
    await rm(path, { force: true });
    throw e;
  }
  const size = (await stat(path)).size;
  const id = await inScope(database.kysely, actor.scope, (trx) =>
    insertImport(trx, {
      fileName: basename(upload.fileName),
      filePath: path,
      sha256: hash.digest('hex'),
      size,
      regionCode: scope,
      userId: actor.userId,
    }),
  );
  jobs.start(id);
  const imp = await inScope(database.kysely, actor.scope, (trx) => findImport(trx, id));
  return presentImport(imp as ImportRow);
}

export async function importForActor(database: Database, actor: Actor, id: string): Promise<ImportView> {
  return inScope(database.kysely, actor.scope, async (trx) => {
    const imp = await findImport(trx, id);
    if (!imp) throw errors.notFound(`导入任务 ${id} `);
    return presentImport(imp);
  });
}

export async function recentImports(database: Database, actor: Actor, limit = 50): Promise<ImportView[]> {
  return inScope(database.kysely, actor.scope, async (trx) => (await listImports(trx, limit)).map((i) => presentImport(i)));
}

/** Streams the error report; the errors are read in the actor's scope. */
export async function errorReportForActor(database: Database, actor: Actor, id: string, out: Writable): Promise<void> {
  const imp = await inScope(database.kysely, actor.scope, (trx) => findImport(trx, id));
  if (!imp) throw errors.notFound(`导入任务 ${id} `);
  if (imp.status !== 'done' && imp.status !== 'failed')
    throw new AppError('IMPORT_NOT_FINISHED', '导入尚未结束，请稍后再下载错误报告', 409);
  await writeErrorReport(database.kysely, imp, out);
}

// ---- command line ----

export interface CliImportOptions {
  region?: string;
  chunkRows?: number;
  /** Start a new import even if an unfinished one of the same file exists. */
  fresh?: boolean;
}

/** Finds an unfinished import of the same file and scope whose process died, or creates one. */
export async function prepareCliImport(
  database: Database,
  path: string,
  o: CliImportOptions,
): Promise<{ id: string; resumed: boolean; processedRows: number }> {
  const region = o.region ?? '';
  if (region) {
    const r = await database.kysely
      .selectFrom('regions')
      .select('code')
      .where('code', '=', region)
      .where('valid_to', 'is', null)
      .executeTakeFirst();
    if (!r) throw new AppError('REGION_UNKNOWN', `区划代码 ${region} 不存在（或已撤销）`);
  }
  const sha256 = await sha256File(path);
  if (!o.fresh) {
    const candidate = (await findUnfinished(database.kysely, sha256, region)).find((i) => !workerAlive(i));
    if (candidate) {
      // The same content, perhaps moved: read it from where it is now.
      if (candidate.file_path !== path) await updateFilePath(database.kysely, candidate.id, path);
      return { id: candidate.id, resumed: true, processedRows: candidate.processed_rows };
    }
  }
  const size = (await stat(path)).size;
  const id = await insertImport(database.kysely, {
    fileName: basename(path),
    filePath: path,
    sha256,
    size,
    regionCode: region,
    userId: null,
  });
  return { id, resumed: false, processedRows: 0 };
}

export async function runCliImport(
  database: Database,
  id: string,
  o: CliImportOptions,
  onProgress: (p: ImportProgress) => void,
): Promise<ImportRow> {
  try {
    return await runImport(database, id, { ...(o.chunkRows ? { chunkRows: o.chunkRows } : {}), onProgress });
  } catch (e) {
    const imp = await findImport(database.kysely, id);
    if (imp && e instanceof AppError) return imp;
    throw e;
  }
}

export function importSummaryLines(imp: ImportRow): string[] {
  if (imp.status !== 'done') return [`导入 #${imp.id} 失败：${imp.message}`];
  const s = imp.stats;
  return [
    `导入 #${imp.id} 完成：共 ${imp.total_rows} 行（${imp.format === 'xlsx' ? 'Excel' : `CSV，${imp.encoding}`}）`,
    `  新增 ${imp.inserted} 人，更新 ${imp.updated} 人，未变 ${imp.unchanged} 人，失败 ${imp.failed} 行`,
    `  户：新增 ${s.householdsInserted}，更新 ${s.householdsUpdated}；就业记录：新增 ${s.spellsInserted}，更新 ${s.spellsUpdated}`,
    ...(imp.ignored_columns.length ? [`  已忽略未识别的列：${imp.ignored_columns.join('、')}`] : []),
  ];
}

export async function recentErrors(database: Database, id: string, n: number): Promise<ErrorLine[]> {
  return errorsAfter(database.kysely, id, 0, n);
}

export async function writeErrorsFor(database: Database, imp: ImportRow, out: Writable): Promise<number> {
  return writeErrorReport(database.kysely, imp, out);
}
