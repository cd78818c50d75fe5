// Rules benchmark: the engine over a million generated laborers in batch (tracing off),
// against one plain SQL query computing the same amounts in the same run.
//
//   npm run bench -- rules [--laborers 1000000] [--rounds 2] [--areas 43,53] [--keep]
//
// DATABASE_URL (or postgres://postgres@127.0.0.1:5432/postgres) names the server; the
// benchmark creates and drops its own database there. It seeds Yunnan (53) and Hunan (43)
// with the demo generator as of 2020-06-30 (src/domain/seed through the seed module's COPY
// writer), keeps the laborers (working age, able, not students) and evaluates on that date:
//   TR-HZ   会泽县交通补助 (Huize laborers working away, 外出务工; the county's reading 第16条 set as a regional setting)
//   TR-YN   云南交通补助 (every Yunnan laborer working away, 外出务工)
//   POST-HN 湖南岗位补贴 (each Hunan laborer as a case of their employer)
//   PWP-YN  云南乡村公共服务岗位补贴 (every Yunnan laborer)
//   WS-YN   云南扶贫车间一次性奖补 (one case per workshop: the laborers of a 帮扶车间 grouped by employer and village)
// Register facts come from src/domain/rules/person-facts.ts; what the register does not hold is
// derived by `casesOf` below (the SQL derives the same), e.g. no ticket price, so transport
// answers "up to" its cap. Whether a county is a 深度贫困县 (PWP-YN) or in a 贫困地区 (POST-HN:
// 1500 yuan there, else 1000) comes from lists entered in the database (DESIGNATED: the
// counties of even code), which the engine reads through the index every evaluation gets and
// the SQL joins.
// The engine evaluates every person of the in-memory register 政策找人 runs on
// (src/modules/rules/snapshot): its first run reads the provinces in (timed and reported),
// every later run catches up on the change feed (timed, part of the engine's time) and
// evaluates from memory. The SQL computes counts and sums per rule in one statement over the
// tables. All must agree exactly.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import type { DesignationIndex } from '../src/domain/region/designation.ts';
import type { Rule } from '../src/domain/rules/index.ts';
import { designationIndex } from '../src/modules/regions/index.ts';
import { loadCatalog } from '../src/modules/rules/index.ts';
import { RegisterSnapshots } from '../src/modules/rules/snapshot/register-snapshots.ts';
import { seedPopulation } from '../src/modules/seed/index.ts';
import {
  CONTRACT_CHANNELS,
  DATE,
  DESIGNATED,
  DESIGNATED_FROM,
  decideWorkshops,
  emptyResult,
  HUIZE,
  isDesignatedCode,
  LaborerEvaluator,
  laborersQuery,
  MIN_WAGE_FEN,
  param,
  type Result,
  RULES,
  type RuleId,
  rulesOf,
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
  const listed = (kind: string) => `(SELECT m.county_code FROM designation_members m JOIN designation_lists l ON l.id = m.list_id
      WHERE l.kind = '${kind}' AND l.valid_from <= DATE '${DATE}' AND (m.until IS NULL OR m.until > DATE '${DATE}'))`;
  return `
  WITH lab AS (${LABORERS}),
  f AS (
    SELECT *, household_type = '脱贫户' AS poor, ${months} AS months,
           date_part('year', age(DATE '${DATE}', birth_date::date))::int AS age
    FROM lab
  ),
  amounts AS (
    SELECT
      CASE WHEN left(village_code, 6) = '${HUIZE}' AND poor AND channel LIKE '外出务工%' AND (out_of_province OR place_code IS NOT NULL)
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
           THEN CASE WHEN left(village_code, 6) IN ${listed('poor_county')} THEN ${param(post, 'amount_poor_area_local')}
                     ELSE ${param(post, 'amount_per_person_year')} END END AS post_hn,
      CASE WHEN left(village_code, 2) = '53' AND left(village_code, 6) IN ${listed('deep_poverty_county')} AND poor AND NOT migrate_willing AND channel = '公益性岗位' AND months >= 1
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

/** The engine over the in-memory registers of the provinces, each brought up to date first (a catch-up). */
async function runEngine(
  snapshots: RegisterSnapshots,
  areas: readonly string[],
  rules: Record<RuleId, Rule>,
  designations: DesignationIndex,
) {
  const evaluator = new LaborerEvaluator(rules, designations);
  let catchUpMs = 0;
  for (const area of areas) {
    const t = performance.now();
    const store = await snapshots.current(area);
    catchUpMs += performance.now() - t;
    evaluator.store(store);
  }
  decideWorkshops(rules, evaluator.result, evaluator.workshops);
  return { result: evaluator.result, catchUpMs };
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
      db: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const laborers = Number(values.laborers);
  const rounds = Math.max(1, Number(values.rounds));
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
      for (const d of DESIGNATED) {
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO designation_lists (kind, province_code, title, basis, valid_from)
           VALUES ($1, $2, $3, '基准测试', $4) RETURNING id`,
          [d.kind, d.province, d.title, DESIGNATED_FROM],
        );
        const counties = await client.query<{ code: string; name: string }>(
          `SELECT DISTINCT ON (code) code, name FROM regions WHERE level = 3 AND code LIKE $1 ORDER BY code, valid_from DESC`,
          [`${d.province}%`],
        );
        const listed = counties.rows.filter((c) => isDesignatedCode(c.code));
        await client.query(
          `INSERT INTO designation_members (list_id, county_code, county_name)
           SELECT $1, unnest($2::text[]), unnest($3::text[])`,
          [rows[0]?.id, listed.map((c) => c.code), listed.map((c) => c.name)],
        );
      }
    } else await client.connect();
    const rules = rulesOf(await loadCatalog());
    const designations = await database.kysely.transaction().execute((trx) => designationIndex(trx));
    const query = sqlQuery(rules, 'county');
    const areas = values.areas.split(',');
    // The first run in a province reads it into memory; every run after that catches up on
    // the change feed and evaluates from memory. Both are timed; R is on the second.
    const snapshots = new RegisterSnapshots(database);
    t = performance.now();
    const first = await runEngine(snapshots, areas, rules, designations);
    const firstMs = performance.now() - t;
    const loadMs = first.catchUpMs;
    console.log(
      `引擎首次运行：读入 ${areas.join('、')} 省的登记册 ${secs(loadMs)}（两次 COPY），评估 ${secs(firstMs - loadMs)}，合计 ${secs(firstMs)}，` +
        `RSS ${Math.round(process.memoryUsage().rss / 1048576)} MB`,
    );

    let bestSql = Number.POSITIVE_INFINITY;
    let bestEngine = Number.POSITIVE_INFINITY;
    let sqlResult: Result | undefined;
    let engineResult: Result = first.result;
    for (let i = 1; i <= rounds; i++) {
      t = performance.now();
      sqlResult = await runSql(client, query);
      const sqlMs = performance.now() - t;
      t = performance.now();
      const run = await runEngine(snapshots, areas, rules, designations);
      const engineMs = performance.now() - t;
      engineResult = run.result;
      if (same(run.result, first.result).length > 0) throw new Error('内存登记册更新后结果与首次运行不一致');
      bestSql = Math.min(bestSql, sqlMs);
      bestEngine = Math.min(bestEngine, engineMs);
      console.log(
        `第 ${i} 轮：SQL ${secs(sqlMs)}（${perSec(sqlResult.laborers, sqlMs)} 人/秒），` +
          `引擎 ${secs(engineMs)}（${perSec(engineResult.laborers, engineMs)} 人/秒，其中增量更新 ${secs(run.catchUpMs)}），负载 ${await loadAverage()}`,
      );
    }
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
      `最佳：SQL ${perSec(s.laborers, bestSql)} 人/秒，引擎 ${perSec(e.laborers, bestEngine)} 人/秒；` +
        `含首次读入时 ${perSec(e.laborers, firstMs)} 人/秒（rules/sql ${(bestSql / firstMs).toFixed(3)}）`,
    );
    console.log(`rules/sql ratio: ${(bestSql / bestEngine).toFixed(3)}`);
    return 0;
  } finally {
    await client.end().catch(() => {});
    await database.close();
    if (!values.keep && !reuse) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    else console.log(`保留数据库 ${name}`);
    await admin.end();
  }
}
