// Rules benchmark: the engine over a million generated laborers in batch (tracing off),
// against one plain SQL query computing the same amounts in the same run.
//
//   npm run bench -- rules [--laborers 1000000] [--rounds 2] [--areas 43,53] [--keep]
//
// DATABASE_URL (or postgres://postgres@127.0.0.1:5432/postgres) names the server; the
// benchmark creates and drops its own database there. It seeds Yunnan (53) and Hunan (43)
// with the demo generator as of 2020-06-30 (src/domain/seed through the seed module's COPY
// writer), keeps the laborers (working age, able, not students) and evaluates on that date:
//   TR-HZ   会泽县交通补助 (Huize laborers; the county's reading 第16条 set as a regional setting)
//   TR-YN   云南交通补助 (every Yunnan laborer)
//   POST-HN 湖南岗位补贴 (each Hunan laborer as a case of their employer)
//   PWP-YN  云南乡村公共服务岗位补贴 (every Yunnan laborer)
//   WS-YN   云南扶贫车间一次性奖补 (one case per workshop: the laborers of a 帮扶车间 grouped by employer and village)
// Register facts come from src/domain/rules/person-facts.ts; what the register does not hold is
// derived by `casesOf` below (the SQL derives the same), e.g. no ticket price, so transport
// answers "up to" its cap, and the bench takes every Yunnan county as a deep-poverty county.
// The engine's time includes reading its rows (COPY of the laborers with their current spell);
// the SQL computes counts and sums per rule in one statement. Both must agree exactly.
import { availableParallelism } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import type { Rule } from '../src/domain/rules/index.ts';
import { loadCatalog } from '../src/modules/rules/index.ts';
import { seedPopulation } from '../src/modules/seed/index.ts';
import {
  CONTRACT_CHANNELS,
  DATE,
  decideWorkshops,
  emptyResult,
  HUIZE,
  MIN_WAGE_FEN,
  laborersQuery,
  mergeInto,
  param,
  type Result,
  RowEvaluator,
  RULES,
  type RuleId,
  rulesOf,
  type Workshop,
} from './rules-engine.ts';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perSec = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US');

async function loadAverage(): Promise<string> {
  const { loadavg } = await import('node:os');
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

const LABORERS = laborersQuery();

/** The same amounts in one SQL statement, with the parameters of the catalogue on DATE. */
function sqlQuery(rules: Record<RuleId, Rule>, huizeBasis: string): string {
  const months = `(date_part('year', age(DATE '${DATE}', start_date::date)) * 12 + date_part('month', age(DATE '${DATE}', start_date::date)))::int`;
  const hz = rules['TR-HZ'];
  const yn = rules['TR-YN'];
  const post = rules['POST-HN'];
  const pwp = rules['PWP-YN'];
  const ws = rules['WS-YN'];
  const qujingCap = huizeBasis === 'county' ? param(hz, 'cap_out_of_county_in_province') : param(hz, 'cap_in_county');
  return `
  WITH lab AS (${LABORERS}),
  f AS (
    SELECT *, household_type = '脱贫户' AS poor, ${months} AS months,
           date_part('year', age(DATE '${DATE}', birth_date::date))::int AS age
    FROM lab
  ),
  amounts AS (
    SELECT
      CASE WHEN left(village_code, 6) = '${HUIZE}' AND poor AND channel IS NOT NULL AND (out_of_province OR place_code IS NOT NULL)
                AND months >= ${param(hz, 'min_stable_months')} THEN
        CASE WHEN out_of_province OR left(place_code, 2) <> left(village_code, 2) THEN ${param(hz, 'cap_out_of_province')}
             WHEN length(place_code) >= 6 AND left(place_code, 6) = left(village_code, 6) THEN ${param(hz, 'cap_in_county')}
             WHEN length(place_code) >= 4 AND left(place_code, 4) = left(village_code, 4) THEN ${qujingCap}
             ELSE ${param(hz, 'cap_out_of_county_in_province')} END
      END AS tr_hz,
      CASE WHEN left(village_code, 2) = '53' AND poor AND channel LIKE '外出务工%' AND months >= ${param(yn, 'min_stable_months')}
           THEN ${param(yn, 'cap')} END AS tr_yn,
      CASE WHEN left(village_code, 2) = '43' AND poor AND channel IN (${CONTRACT_CHANNELS.map((c) => `'${c}'`).join(', ')})
                AND months >= ${param(post, 'min_months_in_post')} AND insured
           THEN ${param(post, 'amount_poor_area_local')} END AS post_hn,
      CASE WHEN left(village_code, 2) = '53' AND poor AND NOT migrate_willing AND channel = '公益性岗位' AND months >= 1
                AND (age >= 50 OR (disability IS NOT NULL AND disability NOT IN ('', '无')) OR health = '患有大病')
           THEN ${param(pwp, 'per_month')} * least(months, 12) END AS pwp_yn
    FROM f
  ),
  workshops AS (
    SELECT count(*) FILTER (WHERE poor AND months >= ${param(ws, 'min_worked_months')}) AS n,
           min(monthly_income_fen) FILTER (WHERE poor AND months >= ${param(ws, 'min_worked_months')}) AS min_wage
    FROM f WHERE channel = '帮扶车间' AND left(village_code, 2) = '53'
    GROUP BY employer, village_code
  ),
  ws AS (
    SELECT count(*) AS workshops,
           count(*) FILTER (WHERE n >= ${param(ws, 'min_laborers')} AND min_wage >= ${MIN_WAGE_FEN}) AS count,
           coalesce(sum(least(n * ${param(ws, 'per_laborer')}, ${param(ws, 'cap')})) FILTER (WHERE n >= ${param(ws, 'min_laborers')} AND min_wage >= ${MIN_WAGE_FEN}), 0) AS sum
    FROM workshops
  )
  SELECT (SELECT count(*) FROM amounts) AS laborers,
         count(tr_hz) AS tr_hz_n, coalesce(sum(tr_hz), 0) AS tr_hz_sum,
         count(tr_yn) AS tr_yn_n, coalesce(sum(tr_yn), 0) AS tr_yn_sum,
         count(post_hn) AS post_n, coalesce(sum(post_hn), 0) AS post_sum,
         count(pwp_yn) AS pwp_n, coalesce(sum(pwp_yn), 0) AS pwp_sum,
         (SELECT workshops FROM ws) AS workshops, (SELECT count FROM ws) AS ws_n, (SELECT sum FROM ws) AS ws_sum
  FROM amounts`;
}

async function runSql(client: pg.Client, text: string): Promise<Result> {
  const row = (await client.query(text)).rows[0] as Record<string, string>;
  const r = emptyResult();
  const n = (k: string) => Number(row[k]);
  r.laborers = n('laborers');
  r.workshops = n('workshops');
  r['TR-HZ'] = { count: n('tr_hz_n'), sumFen: n('tr_hz_sum') };
  r['TR-YN'] = { count: n('tr_yn_n'), sumFen: n('tr_yn_sum') };
  r['POST-HN'] = { count: n('post_n'), sumFen: n('post_sum') };
  r['PWP-YN'] = { count: n('pwp_n'), sumFen: n('pwp_sum') };
  r['WS-YN'] = { count: n('ws_n'), sumFen: n('ws_sum') };
  return r;
}

type Share = { result: Result; workshops: [string, Workshop][] };

/**
 * The engine's worker threads, started (and their catalogues loaded) before the clock runs, as
 * a server's pool would be. Each reads its own slice of the laborers (a range of person ids)
 * over its own connection and evaluates the rows as they arrive: the slices are read by as
 * many PostgreSQL backends at once as the SQL statement's parallel plan uses processes.
 */
class WorkerPool {
  private constructor(private readonly workers: Worker[]) {}

  static async start(n: number): Promise<WorkerPool> {
    const workers = await Promise.all(
      Array.from({ length: n }, async () => {
        const w = new Worker(new URL('./rules-worker.mjs', import.meta.url));
        await new Promise<void>((resolve, reject) => {
          w.once('message', () => resolve());
          w.once('error', reject);
        });
        return w;
      }),
    );
    return new WorkerPool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Each worker evaluates the slice of person ids it is given; answers their shares. */
  run(url: string, slices: readonly [string, string][]): Promise<Share[]> {
    return Promise.all(
      this.workers.map(
        (w, i) =>
          new Promise<Share>((resolve, reject) => {
            const fail = (e: Error) => reject(e);
            w.once('error', fail);
            w.once('message', (m: Share | { error: string }) => {
              w.off('error', fail);
              if ('error' in m) reject(new Error(m.error));
              else resolve(m);
            });
            w.postMessage({ url, slice: slices[i] });
          }),
      ),
    );
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Person id ranges with about the same number of persons each, one per worker. */
async function slices(client: pg.Client, n: number): Promise<[string, string][]> {
  const { rows } = await client.query<{ lo: string; hi: string }>(
    `SELECT min(id)::text AS lo, max(id)::text AS hi FROM (SELECT id, ntile($1) OVER (ORDER BY id) AS part FROM persons) t GROUP BY part ORDER BY part`,
    [n],
  );
  return rows.map((r) => [r.lo, r.hi]);
}

/**
 * The engine over the rows as they stream out of the database: in the main thread (no pool),
 * or by the pool's workers, a slice each. `evaluate: false` only reads (what reading costs).
 */
async function runEngine(
  client: pg.Client,
  rules: Record<RuleId, Rule>,
  pool: { workers: WorkerPool; url: string; slices: [string, string][] } | undefined,
  evaluate = true,
): Promise<Result> {
  const local = new RowEvaluator(rules);
  const all = { result: local.result, workshops: local.workshops };
  if (pool && evaluate) {
    for (const share of await pool.workers.run(pool.url, pool.slices)) mergeInto(all, share);
  } else {
    const stream = client.query(copyTo(`COPY (${LABORERS}) TO STDOUT`));
    const decoder = new StringDecoder('utf8'); // a chunk may end inside a multi-byte character
    let rest = '';
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (!evaluate) {
        for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) local.result.laborers++;
        continue;
      }
      const text = rest + decoder.write(chunk);
      const end = text.lastIndexOf('\n') + 1;
      local.lines(text.slice(0, end));
      rest = text.slice(end);
    }
    if (!evaluate) return local.result;
    if (rest !== '') local.lines(`${rest}\n`);
  }
  decideWorkshops(rules, all.result, all.workshops);
  return all.result;
}

function same(a: Result, b: Result): string[] {
  const diffs: string[] = [];
  if (a.laborers !== b.laborers) diffs.push(`劳动力 ${a.laborers} ≠ ${b.laborers}`);
  if (a.workshops !== b.workshops) diffs.push(`车间 ${a.workshops} ≠ ${b.workshops}`);
  for (const id of RULES) {
    if (a[id].count !== b[id].count || a[id].sumFen !== b[id].sumFen) {
      diffs.push(`${id}: 引擎 ${a[id].count} 人 ${a[id].sumFen} 分 ≠ SQL ${b[id].count} 人 ${b[id].sumFen} 分`);
    }
  }
  return diffs;
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      laborers: { type: 'string', default: '1000000' },
      rounds: { type: 'string', default: '2' },
      areas: { type: 'string', default: '43,53' },
      threads: { type: 'string', default: String(availableParallelism()) },
      db: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const laborers = Number(values.laborers);
  const rounds = Math.max(1, Number(values.rounds));
  const threads = Math.max(1, Number(values.threads));
  const baseUrl = loadConfig().databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  // --db NAME: a database a --keep run left behind, already seeded (skips the 3 minutes of seeding).
  const reuse = values.db;
  const name = reuse ?? `bangfu_bench_rules_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: withDatabase(baseUrl, 'postgres') });
  await admin.connect();
  if (!reuse) await admin.query(`CREATE DATABASE ${name}`);
  const url = withDatabase(baseUrl, name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  const client = new pg.Client({ connectionString: url });
  let pool: { workers: WorkerPool; url: string; slices: [string, string][] } | undefined;
  console.log(
    `规则基准：劳动力 ${laborers.toLocaleString('en-US')} 人（云南、湖南），日期 ${DATE}，数据库 ${name}，负载 ${await loadAverage()}`,
  );
  try {
    let t = performance.now();
    client.on('error', () => {}); // DROP DATABASE ... WITH (FORCE) at the end ends every session
    if (!reuse) {
      await migrate(database);
      const seeded = await seedPopulation(database, {
        areas: values.areas.split(','),
        laborers,
        seed: 2026,
        today: DATE,
        append: false,
      });
      console.log(
        `准备：生成并 COPY ${seeded.households.toLocaleString('en-US')} 户、${seeded.persons.toLocaleString('en-US')} 人、` +
          `${seeded.spells.toLocaleString('en-US')} 条就业记录，${secs(performance.now() - t)}`,
      );
      await client.connect();
      await client.query('VACUUM ANALYZE');
      // Huize reads 第16条 (county lines) for work elsewhere in Qujing: a regional setting
      // (the engine gets the same one, SETTINGS in rules-engine.ts).
      await client.query(
        `INSERT INTO rule_settings (rule_id, parameter, region_code, valid_from, value, note)
         VALUES ('TR-HZ', 'distance_basis', '${HUIZE}', '2018-01-01', 'county', '基准测试')`,
      );
    } else await client.connect();
    const rules = rulesOf(await loadCatalog());
    const query = sqlQuery(rules, 'county');
    // The workers start and load the catalogue before the clock runs, as a server's pool would.
    if (threads > 1) pool = { workers: await WorkerPool.start(threads), url, slices: await slices(client, threads) };
    const workers = pool ? `${threads} 个工作线程` : '主线程';

    let bestSql = Number.POSITIVE_INFINITY;
    let bestEngine = Number.POSITIVE_INFINITY;
    let bestSingle = Number.POSITIVE_INFINITY;
    let sqlResult: Result | undefined;
    let engineResult: Result | undefined;
    for (let i = 1; i <= rounds; i++) {
      t = performance.now();
      sqlResult = await runSql(client, query);
      const sqlMs = performance.now() - t;
      t = performance.now();
      engineResult = await runEngine(client, rules, pool);
      const engineMs = performance.now() - t;
      bestSql = Math.min(bestSql, sqlMs);
      bestEngine = Math.min(bestEngine, engineMs);
      let single = '';
      if (pool) {
        t = performance.now();
        const one = await runEngine(client, rules, undefined);
        const singleMs = performance.now() - t;
        bestSingle = Math.min(bestSingle, singleMs);
        if (same(one, engineResult).length > 0) throw new Error('单线程与多线程结果不一致');
        single = `；单线程 ${secs(singleMs)}（${perSec(one.laborers, singleMs)} 人/秒）`;
      }
      console.log(
        `第 ${i} 轮：SQL ${secs(sqlMs)}（${perSec(sqlResult.laborers, sqlMs)} 人/秒），` +
          `引擎（含读取，${workers}）${secs(engineMs)}（${perSec(engineResult.laborers, engineMs)} 人/秒）${single}，负载 ${await loadAverage()}`,
      );
    }
    t = performance.now();
    await runEngine(client, rules, undefined, false);
    const readMs = performance.now() - t;
    console.log(`其中读取：同一 COPY 只读不评估 ${secs(readMs)}`);
    const s = sqlResult as Result;
    const e = engineResult as Result;
    console.log(`劳动力 ${e.laborers.toLocaleString('en-US')} 人，帮扶车间 ${e.workshops.toLocaleString('en-US')} 个`);
    for (const id of RULES) {
      console.log(
        `  ${id.padEnd(8)} 符合 ${e[id].count.toLocaleString('en-US').padStart(9)}，金额 ${(e[id].sumFen / 100).toLocaleString('en-US')} 元`,
      );
    }
    const diffs = same(e, s);
    if (diffs.length > 0) {
      console.log(`引擎与 SQL 结果不一致：\n  ${diffs.join('\n  ')}`);
      return 1;
    }
    console.log('引擎与 SQL 的人数与金额完全一致');
    console.log(
      `最佳：SQL ${perSec(s.laborers, bestSql)} 人/秒，引擎 ${perSec(e.laborers, bestEngine)} 人/秒（${workers}）` +
        (pool ? `，单线程 ${perSec(e.laborers, bestSingle)} 人/秒（rules/sql ${(bestSql / bestSingle).toFixed(3)}）` : ''),
    );
    console.log(`rules/sql ratio: ${(bestSql / bestEngine).toFixed(3)}`);
    return 0;
  } finally {
    await pool?.workers.stop();
    await client.end().catch(() => {});
    await database.close();
    if (!values.keep && !reuse) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    else console.log(`保留数据库 ${name}`);
    await admin.end();
  }
}
