// Import benchmark: a million generated laborer rows (real village codes of 15, 43 and 53,
// valid ID numbers) imported with full validation into a fresh PostgreSQL database, against
// a bare COPY of the same file into a plain table with the same columns.
//
//   npm run bench -- import [--rows 1000000] [--chunk 5000] [--keep] [--dir DIR]
//
// DATABASE_URL (or postgres://postgres@127.0.0.1:5432/postgres) names the server; the
// benchmark creates and drops its own database there. Prints rows/s, the ratio import/COPY,
// where the time went, and peak memory (RSS sampled every 50 ms, and resourceUsage maxRSS).
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { runImport } from '../src/modules/imports/import-runner.ts';
import { insertImport } from '../src/modules/imports/imports.repository.ts';
import { loadProvinces } from '../src/modules/regions/region-loader.ts';
import { generateRows, HEADERS, villagesUnder, writeCsv } from '../test/fixtures/laborers.ts';

const PROVINCES = ['15', '43', '53'];

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (rows: number, ms: number) => Math.round((rows / ms) * 1000);

async function loadAverage(): Promise<string> {
  const { loadavg } = await import('node:os');
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

/** COPY a file into a table through one client, timed. */
async function copyFile(client: pg.Client, sql: string, file: string): Promise<number> {
  const t = performance.now();
  await pipeline(createReadStream(file, { highWaterMark: 1024 * 1024 }), client.query(copyFrom(sql)));
  return performance.now() - t;
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string', default: '1000000' },
      chunk: { type: 'string', default: '5000' },
      keep: { type: 'boolean', default: false },
      dir: { type: 'string' },
    },
  });
  const rows = Number(values.rows);
  const baseUrl = loadConfig().databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const adminUrl = withDatabase(baseUrl, 'postgres');
  const name = `bangfu_bench_import_${Date.now().toString(36)}`;
  const dir = values.dir ?? join(tmpdir(), 'bangfu-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `laborers-${rows}.csv`);
  console.log(`导入基准：${rows} 行，数据库 ${name}，负载 ${await loadAverage()}`);

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = withDatabase(baseUrl, name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  const client = new pg.Client({ connectionString: url });
  try {
    let t = performance.now();
    await migrate(database);
    await loadProvinces(database, PROVINCES);
    const villages = (await Promise.all(PROVINCES.map((p) => villagesUnder(database.kysely, p, 1_000_000)))).flat();
    console.log(`准备：迁移并载入 ${PROVINCES.join('、')} 的区划（${villages.length} 个村）${secs(performance.now() - t)}`);

    t = performance.now();
    const bytes = await writeCsv(file, generateRows(rows, { villages, employedShare: 0.5 }));
    console.log(`生成：${file}，${mb(bytes)}，${secs(performance.now() - t)}`);

    // Baseline: the same file, bare COPY into a plain table of text columns (no checks, no indexes).
    await client.connect();
    await client.query(`CREATE TABLE bare_copy (${HEADERS.map((h) => `"${h}" text`).join(', ')})`);
    const copyMs = await copyFile(client, `COPY bare_copy FROM STDIN WITH (FORMAT csv, HEADER true)`, file);
    console.log(`裸 COPY：${secs(copyMs)}，${rate(rows, copyMs)} 行/秒（负载 ${await loadAverage()}）`);
    await client.query('DROP TABLE bare_copy');
    await client.query('CHECKPOINT').catch(() => {}); // start the import with no dirty buffers of the baseline

    // The import, with full validation, as `bangfu import laborers FILE` runs it.
    const id = await insertImport(database.kysely, {
      fileName: 'bench.csv',
      filePath: file,
      sha256: 'bench',
      size: statSync(file).size,
      regionCode: '',
      userId: null,
    });
    const phases: Record<string, number> = {};
    let peakRss = 0;
    let peakHeap = 0;
    const sample = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 50);
    let lastReport = 0;
    t = performance.now();
    const done = await runImport(database, id, {
      chunkRows: Number(values.chunk),
      phases,
      onProgress: (p) => {
        if (p.processedRows - lastReport >= 100_000) {
          lastReport = p.processedRows;
          const m = process.memoryUsage();
          console.log(`  ${p.processedRows} 行 ${secs(performance.now() - t)} rss ${mb(m.rss)} heap ${mb(m.heapUsed)}`);
        }
      },
    });
    const importMs = performance.now() - t;
    clearInterval(sample);
    const importRate = rate(done.total_rows, importMs);
    console.log(
      `导入：${secs(importMs)}，${importRate} 行/秒（负载 ${await loadAverage()}）：新增 ${done.inserted}，失败 ${done.failed}；` +
        `户 ${done.stats.householdsInserted}，就业记录 ${done.stats.spellsInserted}`,
    );
    const breakdown = Object.entries(phases)
      .filter(([k]) => !k.startsWith('merge.'))
      .map(([k, v]) => `${k} ${secs(v)}`)
      .join('，');
    const merge = Object.entries(phases)
      .filter(([k]) => k.startsWith('merge.'))
      .map(([k, v]) => `${k.slice(6)} ${secs(v)}`)
      .join('，');
    console.log(`  各阶段（墙钟，读取校验与数据库写入并行）：${breakdown}`);
    console.log(`  合并语句：${merge}`);
    console.log(
      `内存：RSS 峰值 ${mb(peakRss)}（每 50 ms 采样），maxRSS ${mb(process.resourceUsage().maxRSS * 1024)}，堆峰值 ${mb(peakHeap)}`,
    );

    // The floor: the rows the import wrote, COPYed into empty copies of the three tables with
    // the same indexes and checks (no foreign keys, no validation): what the storage alone costs.
    let floorMs = 0;
    for (const table of ['households', 'persons', 'employment_spells']) {
      const dump = join(dir, `${table}.copy`);
      const out = createWriteStream(dump);
      await pipeline(client.query(copyTo(`COPY ${table} TO STDOUT`)), out);
      await client.query(`CREATE TABLE floor_${table} (LIKE ${table} INCLUDING ALL)`);
      const t0 = performance.now();
      await pipeline(
        createReadStream(dump, { highWaterMark: 1024 * 1024 }),
        client.query(copyFrom(`COPY floor_${table} FROM STDIN`)),
      );
      floorMs += performance.now() - t0;
      rmSync(dump, { force: true });
    }
    console.log(
      `下限：同样的户、人、就业记录 COPY 进带同样索引的空表（无外键、无校验）${secs(floorMs)}，${rate(rows, floorMs)} 行/秒`,
    );

    const r = importRate / rate(rows, copyMs);
    console.log(`import/indexed-copy ratio: ${(importRate / rate(rows, floorMs)).toFixed(3)}`);
    // The last line, as the issue asks: the ratio to a bare COPY of the same file.
    console.log(`import/copy ratio: ${r.toFixed(3)}`);
    return 0;
  } finally {
    await client.end().catch(() => {});
    await database.close();
    if (!values.keep) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(file, { force: true });
    } else console.log(`保留数据库 ${name} 与文件 ${file}`);
    await admin.end();
  }
}
