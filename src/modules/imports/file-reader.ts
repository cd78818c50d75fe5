// Streams the rows of an uploaded table: .xlsx through exceljs's streaming reader, .csv
// through csv-parse after decoding UTF-8, UTF-16 or GB18030/GBK. Rows are yielded one at a
// time, so memory does not grow with the file.
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { type Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { isBlankRow, type SourceRow } from '../../domain/import/row.ts';
import { countKnownHeaders, type HeaderMap, MIN_HEADER_MATCHES, resolveHeader } from '../../domain/import/template.ts';
import { AppError } from '../../http/errors.ts';

export type FileFormat = 'xlsx' | 'csv';
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface TableSource {
  format: FileFormat;
  encoding: TextEncoding | null;
  /** Bytes of the file consumed so far (for progress). */
  bytesRead(): number;
  /** Rows in file order, a batch at a time (a row at a time would cost a promise per row). */
  batches: AsyncGenerator<SourceRow[]>;
  close(): void;
}

const SNIFF_BYTES = 64 * 1024;
/** Rows above the header row that may hold a title (e.g. “XX村脱贫劳动力信息表”). */
const HEADER_SEARCH_ROWS = 10;

async function readHead(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export function detectFormat(head: Buffer, fileName: string): FileFormat {
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'xlsx';
  if (head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0) {
    throw new AppError('IMPORT_UNSUPPORTED_TYPE', '不支持旧版 Excel（.xls）文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入');
  }
  if (/\.(xlsx|xlsm)$/i.test(fileName))
    throw new AppError('IMPORT_UNREADABLE', '文件扩展名为 .xlsx，但内容不是有效的 Excel 文件');
  if (head.includes(0) && !(head[0] === 0xff && head[1] === 0xfe) && !(head[0] === 0xfe && head[1] === 0xff)) {
    throw new AppError('IMPORT_UNSUPPORTED_TYPE', '仅支持 .xlsx 和 .csv 文件');
  }
  return 'csv';
}

/** The BOM decides; without one, text that is valid UTF-8 is UTF-8 and anything else GB18030. */
export function detectEncoding(head: Buffer): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  try {
    // stream: true, so a character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

function detectDelimiter(firstLine: string): string {
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const candidates: [string, number][] = [
    [',', count(',')],
    ['\t', count('\t')],
    [';', count(';')],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0]?.[1] ? (candidates[0][0] as string) : ',';
}

export const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  gb18030: 'GB18030/GBK',
};

export async function openTable(path: string, fileName: string): Promise<TableSource> {
  const head = await readHead(path, SNIFF_BYTES);
  if (head.length === 0) throw new AppError('IMPORT_EMPTY', '文件是空的');
  const format = detectFormat(head, fileName);
  const input = createReadStream(path, { highWaterMark: 256 * 1024 });
  // Counts what the parser has taken (a 'data' listener would make the file flow unread into memory).
  const counted = { bytes: 0 };
  if (format === 'xlsx') {
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        counted.bytes += chunk.length;
        done(null, chunk);
      },
    });
    input.on('error', (e) => counter.destroy(e));
    return {
      format,
      encoding: null,
      bytesRead: () => counted.bytes,
      batches: xlsxRows(input.pipe(counter), input),
      close: () => input.destroy(),
    };
  }
  const encoding = detectEncoding(head);
  const sample = new TextDecoder(encoding).decode(head, { stream: true });
  const delimiter = detectDelimiter(sample.split(/\r?\n/, 1)[0] ?? '');
  return {
    format,
    encoding,
    bytesRead: () => counted.bytes,
    batches: csvRows(input, encoding, delimiter, counted),
    close: () => input.destroy(),
  };
}

/**
 * csv-parse is driven by hand: each chunk of the file is written to it, and the records it
 * emits (flowing mode, so it never waits for a reader) are handed on as one batch. UTF-8
 * goes in as bytes (csv-parse decodes it); other encodings are decoded with TextDecoder.
 */
async function* csvRows(
  input: Readable,
  encoding: TextEncoding,
  delimiter: string,
  counted: { bytes: number },
): AsyncGenerator<SourceRow[]> {
  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true });
  let failure: Error | undefined;
  let rows: SourceRow[] = [];
  let rowNumber = 0;
  parser.on('data', (cells: string[]) => {
    rowNumber += 1;
    rows.push({ rowNumber, cells });
  });
  parser.on('error', (e) => {
    failure = e;
  });
  const ended = once(parser, 'end').catch(() => {});
  const decoder = encoding === 'utf-8' ? undefined : new TextDecoder(encoding);
  const take = () => {
    const out = rows;
    rows = [];
    return out;
  };
  try {
    for await (const chunk of input) {
      counted.bytes += (chunk as Buffer).length;
      parser.write(decoder ? decoder.decode(chunk as Buffer, { stream: true }) : chunk);
      if (failure) throw failure;
      if (rows.length) yield take();
    }
    if (decoder) parser.write(decoder.decode());
    parser.end();
    await ended;
    if (failure) throw failure;
    if (rows.length) yield take();
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('IMPORT_UNREADABLE', `CSV 文件第 ${rowNumber + 1} 行附近格式错误：${(e as Error).message}`);
  } finally {
    input.destroy();
    parser.destroy();
  }
}

const EXACT_LIMIT = 2 ** 53;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A cell value as text; `inexact` when a number was too long for Excel to keep every digit. */
export function cellText(v: unknown): { text: string; inexact?: boolean } {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { text: String(v) };
    if (Math.abs(v) >= EXACT_LIMIT) return { text: BigInt(Math.round(v)).toString(), inexact: true };
    return { text: String(Number(v.toPrecision(15))) };
  }
  if (typeof v === 'boolean') return { text: v ? '是' : '否' };
  if (v instanceof Date) return { text: `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}` };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return { text: (o.richText as { text: string }[]).map((r) => r.text).join('') };
    if ('result' in o) return cellText(o.result);
    if ('formula' in o || 'sharedFormula' in o) return { text: '' };
    if (typeof o.error === 'string') return { text: o.error };
    if ('text' in o) return cellText(o.text);
  }
  return { text: String(v) };
}

const XLSX_BATCH = 500;

async function* xlsxRows(input: Readable, file: Readable): AsyncGenerator<SourceRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell dates from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let batch: SourceRow[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        let inexact: number[] | undefined;
        for (let i = 1; i < values.length; i++) {
          const c = cellText(values[i]);
          cells.push(c.text);
          if (c.inexact) {
            inexact ??= [];
            inexact.push(i - 1);
          }
        }
        batch.push(inexact ? { rowNumber: row.number, cells, inexact } : { rowNumber: row.number, cells });
        if (batch.length >= XLSX_BATCH) {
          yield batch;
          batch = [];
        }
      }
      break; // only the first sheet holds data; 填写说明 and others are ignored
    }
    if (batch.length) yield batch;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('IMPORT_UNREADABLE', `Excel 文件无法读取：${(e as Error).message}`);
  } finally {
    file.destroy();
    input.destroy();
  }
}

export interface HeaderFound {
  headerRow: number;
  map: HeaderMap;
  /** Rows after the header that came in the same batch. */
  rest: SourceRow[];
}

/** Reads batches until the header row; the batches then continue after it. */
export async function findHeader(batches: AsyncIterator<SourceRow[]>): Promise<HeaderFound> {
  let seen = 0;
  for (;;) {
    const next = await batches.next();
    if (next.done) break;
    const rows = next.value;
    for (let i = 0; i < rows.length && seen < HEADER_SEARCH_ROWS; i++) {
      const row = rows[i] as SourceRow;
      if (isBlankRow(row.cells)) continue;
      seen += 1;
      if (countKnownHeaders(row.cells) < MIN_HEADER_MATCHES) continue;
      const r = resolveHeader(row.cells);
      if (!r.ok) throw new AppError(r.problem.code, `第 ${row.rowNumber} 行表头：${r.problem.message}`);
      return { headerRow: row.rowNumber, map: r.map, rest: rows.slice(i + 1) };
    }
    if (seen >= HEADER_SEARCH_ROWS) break;
  }
  throw new AppError(
    'IMPORT_NO_HEADER',
    `前 ${HEADER_SEARCH_ROWS} 行中没有找到表头行（应包含“户编号”“村代码”“身份证号”等列名），请使用导入模板`,
  );
}
