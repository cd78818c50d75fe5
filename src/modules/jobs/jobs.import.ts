// Job posts from an Excel or CSV file: the register import's readers, each row validated
// like the form, valid rows saved in one transaction, rejected rows kept with their reasons
// for the error report (the rows exactly as the file had them plus 错误原因 and 原行号).
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../../db/connection.ts';
import { inScope } from '../../db/connection.ts';
import type { JobImportError } from '../../db/schema-jobs.ts';
import { restoreNeutralised } from '../../domain/import/formula.ts';
import { isBlankRow, type SourceRow } from '../../domain/import/row.ts';
import { normalizeCreditCode } from '../../domain/jobs/credit-code.ts';
import { type JobInput, validateJobPost } from '../../domain/jobs/job-input.ts';
import { JOB_TEMPLATE_COLUMNS, jobColumnLabel, mapJobRow, resolveJobHeader } from '../../domain/jobs/job-template.ts';
import { isInside, isRegionCode } from '../../domain/region/region-code.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { AppError, errors } from '../../http/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { REASON_HEADER, ROW_HEADER } from '../imports/error-report.ts';
import { openTable } from '../imports/file-reader.ts';
import { SafeSheetWriter } from '../imports/workbooks.ts';
import { canCollectJobs, checkWorkRegion, insertJob } from './jobs.service.ts';

const HEADER_SEARCH_ROWS = 10;
const MAX_ROWS = 20_000;

export interface JobImportResult {
  id: string;
  fileName: string;
  rows: number;
  imported: number;
  rejected: number;
  /** The first rejected rows with their reasons; all of them are in the error report. */
  errors: JobImportError[];
}

async function readRows(path: string, fileName: string) {
  const table = await openTable(path, fileName);
  try {
    let header: { row: number; cells: string[]; map: NonNullable<ReturnType<typeof resolveJobHeader>>['map'] } | undefined;
    const rows: SourceRow[] = [];
    let seen = 0;
    for await (const batch of table.batches) {
      for (const row of batch) {
        if (isBlankRow(row.cells)) continue;
        if (!header) {
          seen += 1;
          const r = resolveJobHeader(row.cells);
          if (r) {
            if (r.missing.length)
              throw new AppError('IMPORT_MISSING_COLUMNS', `第 ${row.rowNumber} 行表头缺少必填列：${r.missing.join('、')}`);
            header = { row: row.rowNumber, cells: row.cells.map((c) => c.trim()), map: r.map };
          } else if (seen >= HEADER_SEARCH_ROWS) break;
          continue;
        }
        rows.push({ ...row, cells: row.cells.map(restoreNeutralised) });
        if (rows.length > MAX_ROWS) throw new AppError('IMPORT_TOO_MANY_ROWS', `一次最多导入 ${MAX_ROWS} 个岗位，请分文件导入`);
      }
      if (!header && seen >= HEADER_SEARCH_ROWS) break;
    }
    if (!header) {
      throw new AppError(
        'IMPORT_NO_HEADER',
        `前 ${HEADER_SEARCH_ROWS} 行中没有找到表头行（应包含“岗位名称”“职业代码”“招聘人数”等列名），请使用岗位导入模板`,
      );
    }
    return { header, rows, format: table.format };
  } finally {
    await table.batches.return(undefined).catch(() => {});
    table.close();
  }
}

export async function importJobs(
  database: Database,
  dataDir: string,
  actor: Actor,
  upload: { fileName: string; stream: Readable },
  region: string | undefined,
): Promise<JobImportResult> {
  if (!canCollectJobs(actor)) throw errors.forbidden('导入岗位（当前角色只能查看）');
  const regionCode = region ?? actor.scope;
  if (!isRegionCode(regionCode) || !isInside(regionCode, actor.scope)) throw errors.outOfScope(regionCode);
  const ext = extname(upload.fileName).toLowerCase();
  if (!['.xlsx', '.csv', '.txt'].includes(ext)) throw new AppError('IMPORT_UNSUPPORTED_TYPE', '仅支持 .xlsx 和 .csv 文件');
  const dir = join(dataDir, 'job-imports');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${randomBytes(8).toString('hex')}${ext}`);
  const hash = createHash('sha256');
  upload.stream.on('data', (c: Buffer) => hash.update(c));
  try {
    await pipeline(upload.stream, createWriteStream(path));
    const { header, rows } = await readRows(path, upload.fileName);
    const today = todayInShanghai();
    const width = header.cells.length;

    // Employers by credit code and places of work, looked up once each.
    const codes = [...new Set(rows.map((r) => normalizeCreditCode(mapJobRow(r.cells, header.map).creditCode)).filter(Boolean))];
    const employers = new Map<string, string>();
    if (codes.length) {
      const found = await inScope(database.kysely, actor.scope, (trx) =>
        trx.selectFrom('employers').select(['id', 'credit_code']).where('credit_code', 'in', codes).execute(),
      );
      for (const e of found) employers.set(e.credit_code, e.id);
    }
    const regionProblems = new Map<string, string | undefined>();

    const valid: { employerId: string; value: JobInput }[] = [];
    const rejected: JobImportError[] = [];
    const seenRows = new Map<string, number>();
    for (const row of rows) {
      const m = mapJobRow(row.cells, header.map);
      const reasons = [...m.problems];
      const credit = normalizeCreditCode(m.creditCode);
      const creditLabel = JOB_TEMPLATE_COLUMNS[0]?.label as string;
      const employerId = employers.get(credit);
      if (!credit) reasons.push({ column: creditLabel, value: '', reason: '不能为空' });
      else if (!employerId)
        reasons.push({ column: creditLabel, value: m.creditCode, reason: '该单位尚未登记，请先登记用人单位' });
      const r = validateJobPost(m.raw, { today, creating: true });
      if (!r.ok) {
        for (const p of r.problems)
          if (!reasons.some((x) => x.column === jobColumnLabel(p.field)))
            reasons.push({ column: jobColumnLabel(p.field), value: p.value, reason: p.reason });
      } else {
        const code = r.value.workRegionCode;
        if (!regionProblems.has(code)) regionProblems.set(code, (await checkWorkRegion(database, code))?.reason);
        const problem = regionProblems.get(code);
        if (problem) reasons.push({ column: jobColumnLabel('workRegionCode'), value: code, reason: problem });
        const key = `${credit}|${r.value.title}|${code}`;
        const first = seenRows.get(key);
        if (first !== undefined)
          reasons.push({
            column: jobColumnLabel('title'),
            value: r.value.title,
            reason: `与第 ${first} 行重复（同一单位、岗位名称和工作地）`,
          });
        else seenRows.set(key, row.rowNumber);
      }
      if (reasons.length || !r.ok || !employerId) {
        rejected.push({ rowNumber: row.rowNumber, cells: Array.from({ length: width }, (_, i) => row.cells[i] ?? ''), reasons });
      } else valid.push({ employerId, value: r.value });
    }

    return await inScope(database.kysely, actor.scope, async (trx) => {
      for (const v of valid) await insertJob(trx, actor, { employerId: v.employerId, regionCode, source: 'import' }, v.value);
      const { id } = await trx
        .insertInto('job_imports')
        .values({
          region_code: regionCode,
          file_name: basename(upload.fileName),
          sha256: hash.digest('hex'),
          rows: rows.length,
          imported: valid.length,
          rejected: rejected.length,
          headers: header.cells,
          errors: JSON.stringify(rejected),
          created_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        id,
        fileName: basename(upload.fileName),
        rows: rows.length,
        imported: valid.length,
        rejected: rejected.length,
        errors: rejected.slice(0, 50),
      };
    });
  } finally {
    await rm(path, { force: true });
  }
}

export async function writeJobImportErrors(database: Database, actor: Actor, id: string, out: Writable): Promise<void> {
  const imp = await inScope(database.kysely, actor.scope, (trx) =>
    trx.selectFrom('job_imports').select(['headers', 'errors']).where('id', '=', id).executeTakeFirst(),
  );
  if (!imp) throw errors.notFound(`岗位导入 ${id} `);
  const sheet = new SafeSheetWriter(out, '错误行', [...imp.headers, REASON_HEADER, ROW_HEADER], {
    widths: [...imp.headers.map(() => 14), 60, 8],
  });
  for (const e of imp.errors) {
    const reason = e.reasons.map((x) => `${x.column}${x.value ? `“${x.value}”` : ''}：${x.reason}`).join('；');
    sheet.addRow([...e.cells, reason, e.rowNumber]);
  }
  await sheet.finish();
}

/** The empty template with a 填写说明 sheet. */
export async function writeJobTemplate(out: Writable): Promise<void> {
  const required = new Set(JOB_TEMPLATE_COLUMNS.filter((c) => c.required).map((c) => c.label));
  const w = new SafeSheetWriter(
    out,
    '岗位信息',
    JOB_TEMPLATE_COLUMNS.map((c) => c.label),
    { required, widths: JOB_TEMPLATE_COLUMNS.map((c) => Math.max(12, c.label.length * 2 + 2)) },
  );
  const guide = w.addSheet('填写说明');
  guide.columns = [{ width: 24 }, { width: 10 }, { width: 60 }, { width: 30 }];
  guide.addRow(['列名', '是否必填', '填写说明', '也可识别的列名']).commit();
  for (const c of JOB_TEMPLATE_COLUMNS)
    guide.addRow([c.label, c.required ? '必填' : '选填', c.note, c.aliases.join('、')]).commit();
  guide.addRow([]).commit();
  for (const line of [
    '1. 每行一个岗位；第一行为表头，列的顺序可以调整，未识别的列导入时忽略。',
    '2. 单位须先在“用人单位”中登记，按统一社会信用代码对应。',
    '3. 出错的行不会导入，可下载错误报告，按“错误原因”列修改后再次导入。',
    '4. 性别要求只能在国家规定不适合妇女的工种或岗位等法定情形下填写，并写明理由（就业促进法第二十七条）。',
  ])
    guide.addRow([line]).commit();
  guide.commit();
  await w.finish();
}
