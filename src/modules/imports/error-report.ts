// The error report of an import: the rejected rows exactly as the file had them, plus the
// reasons, so that a user can correct them in place and import the report again (the extra
// columns are ignored on import). Streams the stored original and the errors in row order.
import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isBlankRow, type SourceRow } from '../../domain/import/row.ts';
import { AppError } from '../../http/errors.ts';
import { findHeader, openTable } from './file-reader.ts';
import { type ErrorLine, errorsAfter, type ImportRow } from './imports.repository.ts';
import { SafeSheetWriter } from './workbooks.ts';

export const REASON_HEADER = '错误原因';
export const ROW_HEADER = '原行号';
const PAGE = 5000;

/** Errors grouped by row, in row order, a page at a time. */
async function* errorGroups(db: Kysely<DB>, importId: string): AsyncGenerator<{ rowNumber: number; lines: ErrorLine[] }> {
  let after = 0;
  let limit = PAGE;
  for (;;) {
    const page = await errorsAfter(db, importId, after, limit);
    if (page.length === 0) return;
    let usable = page;
    if (page.length === limit) {
      // The last row of a full page may continue on the next one: keep it for then.
      const last = (page[page.length - 1] as ErrorLine).rowNumber;
      usable = page.filter((e) => e.rowNumber !== last);
      if (usable.length === 0) {
        limit *= 2;
        continue;
      }
    }
    let group: ErrorLine[] = [];
    for (const e of usable) {
      if (group.length && (group[0] as ErrorLine).rowNumber !== e.rowNumber) {
        yield { rowNumber: (group[0] as ErrorLine).rowNumber, lines: group };
        group = [];
      }
      group.push(e);
    }
    if (group.length) yield { rowNumber: (group[0] as ErrorLine).rowNumber, lines: group };
    after = (usable[usable.length - 1] as ErrorLine).rowNumber;
    if (page.length < limit) return;
  }
}

export function reasonText(lines: readonly ErrorLine[]): string {
  return lines.map((e) => `${e.column}${e.value ? `“${e.value}”` : ''}：${e.reason}`).join('；');
}

/** `db` must see the import's errors (a scoped transaction or the owner). */
export async function writeErrorReport(db: Kysely<DB>, imp: ImportRow, out: Writable): Promise<number> {
  if (imp.error_code) throw new AppError('IMPORT_FAILED', `该导入未能读取文件：${imp.message}`, 409);
  const table = await openTable(imp.file_path, imp.file_name).catch((e: unknown) => {
    if (e instanceof AppError) throw e;
    throw new AppError('IMPORT_FILE_GONE', '导入的原始文件已不存在，无法生成错误报告', 410);
  });
  let written = 0;
  try {
    const { map, rest } = await findHeader(table.batches);
    const width = map.headers.length;
    const sheet = new SafeSheetWriter(out, '错误行', [...map.headers, REASON_HEADER, ROW_HEADER], {
      widths: [...map.headers.map(() => 14), 60, 8],
    });
    const groups = errorGroups(db, imp.id);
    let next = await groups.next();
    let batch: SourceRow[] | undefined = rest;
    while (batch && !next.done) {
      for (const row of batch) {
        if (next.done) break;
        if (isBlankRow(row.cells)) continue;
        while (!next.done && next.value.rowNumber < row.rowNumber) next = await groups.next();
        if (next.done || next.value.rowNumber !== row.rowNumber) continue;
        const cells = Array.from({ length: width }, (_, i) => row.cells[i] ?? '');
        sheet.addRow([...cells, reasonText(next.value.lines), row.rowNumber]);
        written += 1;
        next = await groups.next();
      }
      const more = await table.batches.next();
      batch = more.done ? undefined : more.value;
    }
    await groups.return(undefined);
    await sheet.finish();
  } finally {
    await table.batches.return(undefined).catch(() => {});
    table.close();
  }
  return written;
}
