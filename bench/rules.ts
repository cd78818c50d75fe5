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
import { StringDecoder } from 'node:string_decoder';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { evaluateRule, type FactInput, type RegionalSetting, type Rule, valueOn } from '../src/domain/rules/index.ts';
import { personFacts, type RegisterPerson } from '../src/domain/rules/person-facts.ts';
import { loadCatalog } from '../src/modules/rules/index.ts';
import { seedPopulation } from '../src/modules/seed/index.ts';

const DATE = '2020-06-30';
const HUIZE = '530326';
const CONTRACT_CHANNELS = ['外出务工(有组织)', '外出务工(自主)', '帮扶车间', '就地就近'];
/** 云南 2018 minimum wage, lowest class (1350 yuan a month): the wage condition of WS-YN. */
const MIN_WAGE_FEN = 135000;
const RULES = ['TR-HZ', 'TR-YN', 'POST-HN', 'PWP-YN', 'WS-YN'] as const;
type RuleId = (typeof RULES)[number];

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

/** The laborers on DATE with their current spell: the rows both sides start from. */
const LABORERS = `
  WITH cur AS (
    SELECT DISTINCT ON (person_id) person_id, channel, start_date, place_code, out_of_province, insured, employer, monthly_income_fen
    FROM employment_spells
    WHERE start_date <= DATE '${DATE}' AND (end_date IS NULL OR end_date >= DATE '${DATE}')
    ORDER BY person_id, start_date DESC
  )
  SELECT p.id, p.village_code, h.type AS household_type, h.relocated, p.sex, p.birth_date::text AS birth_date, p.work_capacity,
         p.student_status, p.disability, p.health, p.migrate_willing,
         c.channel, c.start_date::text AS start_date, c.place_code, c.out_of_province, c.insured, c.employer, c.monthly_income_fen
  FROM persons p
  JOIN households h ON h.id = p.household_id
  LEFT JOIN cur c ON c.person_id = p.id
  WHERE p.merged_into IS NULL AND p.work_capacity NOT IN ('丧失劳动力', '无劳动力') AND p.student_status <> '在校生'
    AND date_part('year', age(DATE '${DATE}', p.birth_date)) BETWEEN 16 AND CASE WHEN p.sex = '男' THEN 60 ELSE 55 END`;

interface Totals {
  count: number;
  sumFen: number;
}
type Result = Record<RuleId, Totals> & { laborers: number; workshops: number };

function emptyResult(): Result {
  const r = { laborers: 0, workshops: 0 } as Result;
  for (const id of RULES) r[id] = { count: 0, sumFen: 0 };
  return r;
}

function param(rule: Rule, name: string): number {
  const p = rule.parameters[name];
  const v = p ? valueOn(p.values, DATE) : undefined;
  if (typeof v?.value !== 'number') throw new Error(`${rule.id}.${name} 在 ${DATE} 没有数值`);
  return v.value;
}

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

/** One laborer row of the COPY text format (tab-separated, \N for null). */
interface Row {
  id: string;
  village: string;
  person: RegisterPerson;
  channel: string | null;
  employer: string;
  willing: boolean;
}

function parseRow(line: string): Row {
  const f = line.split('\t');
  const v = (i: number) => (f[i] === '\\N' ? null : (f[i] as string));
  const channel = v(11);
  return {
    id: f[0] as string,
    village: f[1] as string,
    channel,
    employer: v(16) ?? '',
    willing: f[10] === 't',
    person: {
      householdType: f[2] as string,
      relocated: f[3] === 't',
      sex: f[4] as '男' | '女',
      birthDate: f[5] as string,
      workCapacity: f[6] as string,
      studentStatus: f[7] as string,
      disability: v(8),
      health: v(9),
      migrateWilling: f[10] === 't',
      spells:
        channel === null
          ? []
          : [
              {
                channel,
                startDate: f[12] as string,
                endDate: null,
                placeCode: v(13),
                outOfProvince: f[14] === 't',
                insured: f[15] === 't',
                monthlyIncomeFen: Number(f[17]),
              },
            ],
    },
  };
}

/** The engine over the rows as they stream out of the database. */
async function runEngine(
  client: pg.Client,
  rules: Record<RuleId, Rule>,
  settings: RegionalSetting[],
  evaluate = true,
): Promise<Result> {
  const cat = { documents: [], rules: Object.values(rules) };
  const r = emptyResult();
  const add = (id: RuleId, d: { status: string; amountFen: number | null; maxAmountFen: number | null }) => {
    if (d.status !== 'eligible') return;
    r[id].count++;
    r[id].sumFen += d.amountFen ?? d.maxAmountFen ?? 0;
  };
  const opts = { settings, trace: false };
  const workshops = new Map<string, { village: string; n: number; minMonths: number; minWage: number }>();
  const minWorked = param(rules['WS-YN'], 'min_worked_months');

  const evaluateRow = (row: Row) => {
    r.laborers++;
    const facts = personFacts(row.person, DATE) as Record<string, FactInput>;
    const base = { subject: { kind: 'person' as const }, region: row.village, date: DATE };
    if (row.village.startsWith(HUIZE)) add('TR-HZ', evaluateRule(cat, rules['TR-HZ'], { ...base, facts }, opts));
    if (row.village.startsWith('53')) {
      add(
        'TR-YN',
        evaluateRule(cat, rules['TR-YN'], { ...base, facts: { ...facts, workingAway: facts.migrant as boolean } }, opts),
      );
      if (facts.publicWelfarePost) {
        const age = facts.age as number;
        const group =
          age >= 50 ? '大龄劳动力' : facts.disabled ? '残疾人家庭劳动力' : facts.seriouslyIll ? '重病患者家庭劳动力' : '其他';
        const pwpFacts = {
          deepPovertyCounty: true,
          registeredPoor: facts.registeredPoor as boolean,
          cannotLeave: !row.willing,
          group,
          placedInPost: true,
          monthsInPost: Math.min(facts.monthsInPost as number, 12),
        };
        add('PWP-YN', evaluateRule(cat, rules['PWP-YN'], { ...base, facts: pwpFacts }, opts));
      }
      if (row.channel === '帮扶车间') {
        const key = `${row.employer}\u0000${row.village}`;
        let w = workshops.get(key);
        if (!w) {
          w = { village: row.village, n: 0, minMonths: Number.MAX_SAFE_INTEGER, minWage: Number.MAX_SAFE_INTEGER };
          workshops.set(key, w);
        }
        const months = facts.stableMonths as number;
        if (facts.registeredPoor && months >= minWorked) {
          w.n++;
          w.minMonths = Math.min(w.minMonths, months);
          w.minWage = Math.min(w.minWage, facts.monthlyIncomeFen as number);
        }
      }
    } else if (row.village.startsWith('43') && facts.employed) {
      const postFacts = {
        registeredPoor: facts.registeredPoor as boolean,
        laborerHomeRegion: row.village,
        laborContract: CONTRACT_CHANNELS.includes(row.channel as string),
        monthsInPost: facts.monthsInPost as number,
        insured: facts.insured as boolean,
      };
      add(
        'POST-HN',
        evaluateRule(
          cat,
          rules['POST-HN'],
          { subject: { kind: 'employer' }, region: row.village, date: DATE, facts: postFacts },
          opts,
        ),
      );
    }
  };

  // Rows are taken off the socket as they arrive (flowing mode) and evaluated a chunk at a
  // time, yielding between chunks, so that the database keeps producing rows on its core while
  // the engine evaluates on the other.
  const stream = client.query(copyTo(`COPY (${LABORERS}) TO STDOUT`));
  const queue: Buffer[] = [];
  let ended = false;
  let failed: Error | undefined;
  let wake: (() => void) | undefined;
  stream.on('data', (c: Buffer) => {
    queue.push(c);
    wake?.();
  });
  stream.on('end', () => {
    ended = true;
    wake?.();
  });
  stream.on('error', (e: Error) => {
    failed = e;
    wake?.();
  });
  const decoder = new StringDecoder('utf8'); // a chunk may end inside a multi-byte character
  let rest = '';
  for (;;) {
    if (failed) throw failed;
    const chunk = queue.shift();
    if (chunk === undefined) {
      if (ended) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
      continue;
    }
    const text = rest + decoder.write(chunk);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      if (evaluate) evaluateRow(parseRow(text.slice(start, nl)));
      else r.laborers++;
      start = nl + 1;
    }
    rest = text.slice(start);
    if (queue.length === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (rest !== '') evaluateRow(parseRow(rest));
  if (!evaluate) return r;

  for (const w of workshops.values()) {
    r.workshops++;
    const facts = {
      ruralSite: true,
      poorLaborers: w.n,
      shortestContractMonths: w.n > 0 ? w.minMonths : 0,
      shortestWorkedMonths: w.n > 0 ? w.minMonths : 0,
      wageAtLeastMinimum: w.n > 0 && w.minWage >= MIN_WAGE_FEN,
    };
    add(
      'WS-YN',
      evaluateRule(cat, rules['WS-YN'], { subject: { kind: 'workshop' }, region: w.village, date: DATE, facts }, opts),
    );
  }
  return r;
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
      keep: { type: 'boolean', default: false },
    },
  });
  const laborers = Number(values.laborers);
  const rounds = Math.max(1, Number(values.rounds));
  const baseUrl = loadConfig().databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `bangfu_bench_rules_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: withDatabase(baseUrl, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = withDatabase(baseUrl, name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  const client = new pg.Client({ connectionString: url });
  console.log(
    `规则基准：劳动力 ${laborers.toLocaleString('en-US')} 人（云南、湖南），日期 ${DATE}，数据库 ${name}，负载 ${await loadAverage()}`,
  );
  try {
    let t = performance.now();
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
    client.on('error', () => {}); // DROP DATABASE ... WITH (FORCE) at the end ends every session
    await client.connect();
    await client.query('VACUUM ANALYZE');
    // Huize reads 第16条 (county lines) for work elsewhere in Qujing: a regional setting.
    await client.query(
      `INSERT INTO rule_settings (rule_id, parameter, region_code, valid_from, value, note)
       VALUES ('TR-HZ', 'distance_basis', '${HUIZE}', '2018-01-01', 'county', '基准测试')`,
    );
    const catalog = await loadCatalog();
    const rules = Object.fromEntries(
      RULES.map((id) => {
        const rule = catalog.rules.find((x) => x.id === id);
        if (!rule) throw new Error(`目录中没有规则 ${id}`);
        return [id, rule];
      }),
    ) as Record<RuleId, Rule>;
    const settings: RegionalSetting[] = [
      {
        id: 'setting:1',
        rule: 'TR-HZ',
        parameter: 'distance_basis',
        region: HUIZE,
        from: '2018-01-01',
        to: null,
        value: 'county',
      },
    ];
    const query = sqlQuery(rules, 'county');

    let bestSql = Number.POSITIVE_INFINITY;
    let bestEngine = Number.POSITIVE_INFINITY;
    let sqlResult: Result | undefined;
    let engineResult: Result | undefined;
    for (let i = 1; i <= rounds; i++) {
      t = performance.now();
      sqlResult = await runSql(client, query);
      const sqlMs = performance.now() - t;
      t = performance.now();
      engineResult = await runEngine(client, rules, settings);
      const engineMs = performance.now() - t;
      bestSql = Math.min(bestSql, sqlMs);
      bestEngine = Math.min(bestEngine, engineMs);
      console.log(
        `第 ${i} 轮：SQL ${secs(sqlMs)}（${perSec(sqlResult.laborers, sqlMs)} 人/秒），` +
          `引擎（含读取）${secs(engineMs)}（${perSec(engineResult.laborers, engineMs)} 人/秒），负载 ${await loadAverage()}`,
      );
    }
    t = performance.now();
    await runEngine(client, rules, settings, false);
    const readMs = performance.now() - t;
    console.log(
      `其中读取：同一 COPY 只读不评估 ${secs(readMs)}；评估约 ${secs(bestEngine - readMs)}（${perSec(laborers, bestEngine - readMs)} 人/秒）`,
    );
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
    console.log(`最佳：SQL ${perSec(s.laborers, bestSql)} 人/秒，引擎 ${perSec(e.laborers, bestEngine)} 人/秒`);
    console.log(`rules/sql ratio: ${(bestSql / bestEngine).toFixed(3)}`);
    return 0;
  } finally {
    await client.end().catch(() => {});
    await database.close();
    if (!values.keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    else console.log(`保留数据库 ${name}`);
    await admin.end();
  }
}
