// The rules API as officers use it: the catalogue, 试算 of one case or many (facts from the
// register when a case names a laborer), the Huize county choosing its reading of the
// transport subsidy, and 政策找人 over the register. TR-HZ (policies/hz-2018-20) throughout.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.ts';
import { type BuiltPerson, buildHousehold, buildUser, loginAs, VILLAGES } from '../../../test/factories.ts';
import type { Database } from '../../db/connection.ts';
import { verifyAuditChain } from '../audit/audit.repository.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
const as: Record<string, Record<string, string>> = {};
let migrant: BuiltPerson; // 脱贫户, in Zhejiang since 2018-11-01 (4 months on 2019-03-01)
let newcomer: BuiltPerson; // 脱贫户, in Zhejiang since 2019-01-15 (1 month)
let claimed: BuiltPerson; // qualifies, but holds a live TR-HZ claim for 2019
let refusedBefore: BuiltPerson; // qualifies; an earlier 2019 claim was refused
let monitored: BuiltPerson; // 监测对象, not 建档立卡
let inQujing: BuiltPerson; // works in 麒麟区 (530302): the 县/市 reading decides the cap
const HUIZE_CASE = {
  rule: 'TR-HZ',
  region: VILLAGES.tanglang,
  date: '2019-03-01',
  facts: { registeredPoor: true, migrant: true, workRegion: '省外', stableMonths: 3, ticketPriceFen: 48000 },
};

async function spell(p: BuiltPerson, start: string, place: { code?: string; outOfProvince?: boolean }) {
  await database.kysely
    .insertInto('employment_spells')
    .values({
      person_id: p.id,
      village_code: p.villageCode,
      start_date: start,
      channel: '外出务工(自主)',
      place_code: place.code ?? null,
      place_name: place.outOfProvince ? '浙江省宁波市' : '',
      out_of_province: place.outOfProvince ?? false,
      monthly_income_fen: 450000,
    })
    .execute();
}

async function claim(p: BuiltPerson, status: 'submitted' | 'refused', n: number) {
  await database.kysely
    .insertInto('claims')
    .values({
      number: `BT2019-${String(n).padStart(6, '0')}`,
      rule_id: 'TR-HZ',
      document_code: 'HZ-2018-20',
      region_code: p.villageCode,
      subject_kind: 'person',
      person_id: p.id,
      subject_key: `person:${p.id}`,
      beneficiary_name: p.name,
      case_date: '2019-02-01',
      claim_year: 2019,
      facts: '{}',
      decision: '{}',
      parameter_version: 'test',
      amount_fen: 30000,
      fund_source: 'employment_fund',
      status,
    })
    .execute();
}

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  const db = database.kysely;
  const village = VILLAGES.tanglang;
  [migrant] = (await buildHousehold(db, { village, members: [{ name: '陈国华' }] })).persons as [BuiltPerson];
  [newcomer] = (await buildHousehold(db, { village, members: [{ name: '李小芳', sex: '女' }] })).persons as [BuiltPerson];
  [claimed] = (await buildHousehold(db, { village, members: [{ name: '王德明' }] })).persons as [BuiltPerson];
  [refusedBefore] = (await buildHousehold(db, { village, members: [{ name: '张永平' }] })).persons as [BuiltPerson];
  [monitored] = (await buildHousehold(db, { village, type: '监测对象', members: [{ name: '赵春梅', sex: '女' }] })).persons as [
    BuiltPerson,
  ];
  [inQujing] = (await buildHousehold(db, { village, members: [{ name: '刘海波' }] })).persons as [BuiltPerson];
  await buildHousehold(db, { village, members: [{ name: '马在家' }] }); // no employment
  for (const p of [migrant, claimed, refusedBefore, monitored]) await spell(p, '2018-11-01', { outOfProvince: true });
  await spell(newcomer, '2019-01-15', { outOfProvince: true });
  await spell(inQujing, '2018-10-01', { code: '530302' });
  await claim(claimed, 'submitted', 1);
  await claim(refusedBefore, 'refused', 2);
  await buildUser(db, { username: 'huize', role: 'county', region: '530326' });
  await buildUser(db, { username: 'qujing', role: 'city', region: '5303' });
  await buildUser(db, { username: 'tanglang', role: 'village', region: VILLAGES.tanglang });
  await buildUser(db, { username: 'xuanwei', role: 'county', region: '530381' });
  await buildUser(db, { username: 'auditor', role: 'auditor', region: '53' });
  await buildUser(db, { username: 'keshiketeng', role: 'county', region: '150425' });
  for (const u of ['huize', 'qujing', 'tanglang', 'xuanwei', 'auditor', 'keshiketeng']) as[u] = await loginAs(app, u);
});
afterAll(() => close());

const get = (user: string, url: string) => app.inject({ method: 'GET', url, headers: as[user] });
const post = (user: string, url: string, payload: unknown) =>
  app.inject({ method: 'POST', url, headers: as[user], payload: payload as object });

describe('the rule catalogue', () => {
  it('lists TR-HZ with its parameters, the article texts behind them, its period and the facts a case needs', async () => {
    const res = await get('tanglang', '/api/rules');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.documents.map((d: { code: string }) => d.code)).toContain('HZ-2018-20');
    const tr = body.rules.find((r: { id: string }) => r.id === 'TR-HZ');
    expect(tr.period).toEqual({ from: '2018-01-01', to: '2020-12-31' });
    expect(tr.citations[0]).toMatchObject({ document: 'HZ-2018-20', number: '会政发〔2018〕20号', article: '第16条' });
    expect(tr.citations[0].text).toContain('每人每年可享受一次交通补助');
    const cap = tr.parameters.find((p: { name: string }) => p.name === 'cap_out_of_province');
    expect(cap.values).toEqual([
      { from: '2018-01-01', to: null, value: 50000, citation: expect.objectContaining({ article: '第16条' }) },
    ]);
    const basis = tr.parameters.find((p: { name: string }) => p.name === 'distance_basis');
    expect(basis).toMatchObject({ setBy: 'county', setByName: '县（市、区）', setByDigits: 6 });
    expect(basis.choices.map((c: { citation: { article: string } }) => c.citation.article)).toEqual(['第16条', '政策问答十一']);
    expect(tr.facts.find((f: { name: string }) => f.name === 'migrant')).toMatchObject({
      type: 'boolean',
      label: '外出务工（就业渠道为外出务工）',
      need: 'eligibility',
      fromRegister: true,
    });
    const stable = tr.facts.find((f: { name: string }) => f.name === 'stableMonths');
    expect(stable).toMatchObject({ type: 'integer', need: 'eligibility', fromRegister: true });
    expect(tr.facts.find((f: { name: string }) => f.name === 'ticketPriceFen')).toMatchObject({
      need: 'amount',
      fromRegister: false,
      fromDesignation: false,
    });
    const pwp = body.rules.find((r: { id: string }) => r.id === 'PWP-YN');
    expect(pwp.facts.find((f: { name: string }) => f.name === 'deepPovertyCounty')).toMatchObject({ fromDesignation: true });
  });

  it('shows one rule by its id, and says which rule does not exist', async () => {
    expect((await get('tanglang', '/api/rules/TR-HZ')).json().title).toBe('外出务工交通补助（会泽县）');
    const missing = await get('tanglang', '/api/rules/TR-XX');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toContain('TR-XX');
  });

  it('quotes an article of another document a rule also rests on (JOBSEEK-NM and NM-2020-142 三)', async () => {
    const rule = (await get('huize', '/api/rules/JOBSEEK-NM')).json();
    const cited = rule.citations.find((c: { document: string }) => c.document === 'NM-2020-142');
    expect(cited).toMatchObject({ article: '三' });
    expect(cited.text).toContain('一次性求职创业补贴');
  });

  it('is in the OpenAPI document with the case schema', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/rules',
        '/api/rules/evaluate',
        '/api/rules/settings',
        '/api/rules/{id}/find-runs',
        '/api/find-runs/{id}/results',
      ]),
    );
  });

  it('needs a signed-in user', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/rules' })).statusCode).toBe(401);
  });
});

describe('试算 (POST /api/rules/evaluate)', () => {
  it('answers one case with its decisions: amount in fen, citations and trace', async () => {
    const res = await post('tanglang', '/api/rules/evaluate', { id: 'c1', ...HUIZE_CASE });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.caseId).toBe('c1');
    expect(body.decisions).toHaveLength(1);
    const [d] = body.decisions;
    expect(d).toMatchObject({ rule: 'TR-HZ', status: 'eligible', amountFen: 48000 });
    expect(d.citations).toContainEqual({ document: 'HZ-2018-20', article: '第16条' });
    expect(d.trace.some((s: { label: string; passed?: boolean }) => s.label === '稳定就业3个月以上' && s.passed)).toBe(true);
  });

  it('answers an array of cases with an array, in order', async () => {
    const res = await post('tanglang', '/api/rules/evaluate', [
      { id: 'a', ...HUIZE_CASE },
      { id: 'b', ...HUIZE_CASE, date: '2021-01-01' },
      { id: 'c', ...HUIZE_CASE, facts: { ...HUIZE_CASE.facts, stableMonths: 2 } },
    ]);
    expect(res.statusCode).toBe(200);
    expect(
      res.json().map((r: { caseId: string; decisions: { status: string }[] }) => [r.caseId, r.decisions[0]?.status]),
    ).toEqual([
      ['a', 'eligible'],
      ['b', 'not_in_force'],
      ['c', 'not_eligible'],
    ]);
  });

  it('refuses a malformed fact with VALIDATION_FAILED naming the case and the fact', async () => {
    const res = await post('tanglang', '/api/rules/evaluate', [
      { id: 'ok', ...HUIZE_CASE },
      { ...HUIZE_CASE, facts: { ...HUIZE_CASE.facts, ticketPriceFen: '四百八十' } },
    ]);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toContain('第 2 个案例');
    expect(body.message).toContain('实名制车票价格（分）');
    expect(body.details.problems[0]).toMatchObject({ field: 'ticketPriceFen', value: '四百八十' });
  });

  it('refuses a bad date naming the case', async () => {
    const res = await post('tanglang', '/api/rules/evaluate', { ...HUIZE_CASE, id: '王某', date: '2019-02-30' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/案例 王某.*日期/);
  });

  it('reads a laborer’s facts from the register; facts given in the case win', async () => {
    const res = await post('tanglang', '/api/rules/evaluate', {
      rule: 'TR-HZ',
      personId: migrant.id,
      date: '2019-03-01',
      facts: { ticketPriceFen: 52000 },
    });
    expect(res.statusCode).toBe(200);
    const [d] = res.json().decisions;
    expect(d).toMatchObject({ status: 'eligible', amountFen: 50000 });
    expect(d.trace.find((s: { label: string }) => s.label === '稳定就业3个月以上').value).toBe('4 个月');
    expect(d.trace.find((s: { label: string }) => s.label === '外出务工')).toMatchObject({ value: '是', passed: true });

    const noTicket = (
      await post('tanglang', '/api/rules/evaluate', { rule: 'TR-HZ', personId: migrant.id, date: '2019-03-01' })
    ).json();
    expect(noTicket.decisions[0]).toMatchObject({
      status: 'eligible',
      amountFen: null,
      maxAmountFen: 50000,
      missingFacts: ['ticketPriceFen'],
    });

    const overridden = (
      await post('tanglang', '/api/rules/evaluate', {
        rule: 'TR-HZ',
        personId: migrant.id,
        date: '2019-03-01',
        facts: { stableMonths: 2 },
      })
    ).json();
    expect(overridden.decisions[0].status).toBe('not_eligible');
  });

  it('counts a live claim of the same year from the register against the once-a-year limit', async () => {
    const res = (
      await post('tanglang', '/api/rules/evaluate', {
        rule: 'TR-HZ',
        personId: claimed.id,
        date: '2019-06-01',
        facts: { ticketPriceFen: 30000 },
      })
    ).json();
    expect(res.decisions[0].status).toBe('not_eligible');
    expect(res.decisions[0].message).toContain('限享受 1 次');
    const refused = (
      await post('tanglang', '/api/rules/evaluate', {
        rule: 'TR-HZ',
        personId: refusedBefore.id,
        date: '2019-06-01',
        facts: { ticketPriceFen: 30000 },
      })
    ).json();
    expect(refused.decisions[0]).toMatchObject({ status: 'eligible', amountFen: 30000 });
  });

  it('does not read a laborer outside the scope', async () => {
    const res = await post('xuanwei', '/api/rules/evaluate', { rule: 'TR-HZ', personId: migrant.id, date: '2019-03-01' });
    expect(res.statusCode).toBe(404);
  });
});

describe('regional settings (the Huize 县/市 reading of the transport subsidy)', () => {
  const qujingCase = { rule: 'TR-HZ', personId: '', date: '2019-03-01', facts: { ticketPriceFen: 25000 } };

  it('until Huize chooses, work in another county of Qujing is "eligible, amount not set by 县（市、区）"', async () => {
    const d = (await post('tanglang', '/api/rules/evaluate', { ...qujingCase, personId: inQujing.id })).json().decisions[0];
    expect(d.status).toBe('amount_not_set');
    expect(d.message).toContain('530326');
  });

  it('a village collector, an auditor or another county cannot set it', async () => {
    const body = { rule: 'TR-HZ', parameter: 'distance_basis', region: '530326', from: '2018-01-01', value: 'county' };
    expect((await post('tanglang', '/api/rules/settings', body)).statusCode).toBe(403);
    expect((await post('auditor', '/api/rules/settings', body)).statusCode).toBe(403);
    const other = await post('xuanwei', '/api/rules/settings', body);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('REGION_OUT_OF_SCOPE');
  });

  it('refuses a value outside the choices, the wrong level and a fixed parameter, naming the field', async () => {
    const bad = await post('huize', '/api/rules/settings', {
      rule: 'TR-HZ',
      parameter: 'distance_basis',
      region: '530326',
      from: '2018-01-01',
      value: 'township',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('应为以下之一：county、city');
    const level = await post('qujing', '/api/rules/settings', {
      rule: 'TR-HZ',
      parameter: 'distance_basis',
      region: '5303',
      from: '2018-01-01',
      value: 'city',
    });
    expect(level.statusCode).toBe(400);
    expect(level.json().message).toContain('由县（市、区）设定，应为 6 位');
    const fixed = await post('huize', '/api/rules/settings', {
      rule: 'TR-HZ',
      parameter: 'cap_in_county',
      region: '530326',
      from: '2018-01-01',
      value: 20000,
    });
    expect(fixed.statusCode).toBe(400);
    expect(fixed.json().message).toContain('由文件规定');
  });

  it('Huize sets 第16条 (county lines) from 2018, then 政策问答十一 (city lines) from 2019-07-01: each period keeps its value', async () => {
    const first = await post('huize', '/api/rules/settings', {
      rule: 'TR-HZ',
      parameter: 'distance_basis',
      region: '530326',
      from: '2018-01-01',
      value: 'county',
      note: '县人社局 2018 年第 1 次局务会',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json().setting).toMatchObject({ from: '2018-01-01', to: null, value: 'county' });

    // The Qujing city office may set a county's value too (a region above it).
    const second = await post('qujing', '/api/rules/settings', {
      rule: 'TR-HZ',
      parameter: 'distance_basis',
      region: '530326',
      from: '2019-07-01',
      value: 'city',
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().closed).toMatchObject({ from: '2018-01-01', to: '2019-06-30', value: 'county' });

    const march = (await post('tanglang', '/api/rules/evaluate', { ...qujingCase, personId: inQujing.id })).json().decisions[0];
    expect(march).toMatchObject({ status: 'eligible', amountFen: 25000 });
    expect(march.citations).toContainEqual({ document: 'HZ-2018-20', article: '第16条' });
    expect(march.parameters.find((p: { name: string }) => p.name === 'distance_basis')).toMatchObject({
      value: 'county',
      region: '530326',
      to: '2019-06-30',
    });

    const august = (
      await post('tanglang', '/api/rules/evaluate', { ...qujingCase, personId: inQujing.id, date: '2019-08-01' })
    ).json().decisions[0];
    expect(august).toMatchObject({ status: 'eligible', amountFen: 10000 });
    expect(august.citations).toContainEqual({ document: 'HZ-2018-20', article: '政策问答十一' });

    const list = (await get('tanglang', '/api/rules/settings?rule=TR-HZ&region=530326001001')).json();
    expect(list.items.map((s: { from: string; to: string | null; value: string }) => [s.from, s.to, s.value])).toEqual([
      ['2018-01-01', '2019-06-30', 'county'],
      ['2019-07-01', null, 'city'],
    ]);
  });

  it('never rewrites a period already in force: a start on or before the latest start is refused', async () => {
    for (const from of ['2019-07-01', '2018-06-01']) {
      const res = await post('huize', '/api/rules/settings', {
        rule: 'TR-HZ',
        parameter: 'distance_basis',
        region: '530326',
        from,
        value: 'county',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'SETTING_PERIOD_CLOSED' });
      expect(res.json().message).toContain('不能改写已执行的期间');
    }
  });

  it('records each setting and each closed period in the audit log', async () => {
    const rows = await database.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'region_code', 'after'])
      .where('entity', '=', 'rule_setting')
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [r.action, r.region_code])).toEqual([
      ['rule_setting.create', '530326'],
      ['rule_setting.close', '530326'],
      ['rule_setting.create', '530326'],
    ]);
    expect(rows[0]?.actor_name).toContain('huize');
    expect((await verifyAuditChain(database.kysely)).ok).toBe(true);
  });
});

async function findRun(user: string, rule: string, body: { region?: string; date?: string }) {
  const res = await post(user, `/api/rules/${rule}/find-runs`, body);
  if (res.statusCode !== 202) return res;
  const id = res.json().id as string;
  for (let i = 0; i < 200; i++) {
    const r = await get(user, `/api/find-runs/${id}`);
    if (r.json().status === 'done' || r.json().status === 'failed') return r;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error('find run did not finish');
}

describe('政策找人 (POST /api/rules/:id/find-runs, a background run)', () => {
  let runId = '';

  it('lists the laborers who qualify on the register and have no live claim this year, with masked ID numbers', async () => {
    const run = (await findRun('huize', 'TR-HZ', { date: '2019-03-01' })).json();
    runId = run.id;
    expect(run).toMatchObject({ status: 'done', percent: 100, evaluated: 7, alreadyClaimed: 1, qualified: 3, region: '530326' });
    // Transport is "up to" its cap until a ticket is shown: the run adds up the caps.
    expect(run.maxAmountFen).toBe(50000 + 50000 + 30000);
    expect(run.message).toContain('3 人符合');
    const body = (await get('huize', `/api/find-runs/${runId}/results`)).json();
    expect(body.total).toBe(3);
    const names = body.items.map((i: { name: string }) => i.name).sort();
    // 陈国华 and 张永平 (refused claim) out of province 4 months; 刘海波 in Qujing under the 2018 setting.
    expect(names).toEqual(['刘海波', '张永平', '陈国华'].sort());
    const chen = body.items.find((i: { name: string }) => i.name === '陈国华');
    expect(chen).toMatchObject({ status: 'eligible', amountFen: null, maxAmountFen: 50000, villageName: '堂琅社区居民委员会' });
    expect(chen.idNumber).toContain('*');
    expect(chen.idNumber).not.toBe(migrant.idNumber);
  });

  it('pages through the list and filters it by village', async () => {
    const page2 = (await get('huize', `/api/find-runs/${runId}/results?page=2&pageSize=2`)).json();
    expect(page2.total).toBe(3);
    expect(page2.items).toHaveLength(1);
    expect((await get('huize', `/api/find-runs/${runId}/results?village=${VILLAGES.tanglang}`)).json().total).toBe(3);
    const outside = await get('huize', `/api/find-runs/${runId}/results?village=530381001001`);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toContain('村（社区）');
  });

  it('keeps the runs of the region, newest first', async () => {
    const list = (await get('huize', '/api/find-runs?rule=TR-HZ')).json();
    expect(list.items[0]).toMatchObject({ id: runId, rule: 'TR-HZ', ruleTitle: '外出务工交通补助（会泽县）' });
  });

  it('exports the list to Excel for the village cadres, with masked numbers, and audits the export', async () => {
    const res = await get('huize', `/api/find-runs/${runId}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(2).value).toBe('姓名');
    expect(sheet?.rowCount).toBe(4);
    const ids = [2, 3, 4].map((r) => String(sheet?.getRow(r).getCell(3).value));
    for (const id of ids) expect(id).toContain('*');
    const audit = await database.kysely
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', '=', 'find_run.export')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ rows: 3, rule: 'TR-HZ' });
  });

  it('finds nobody outside the rule’s period, and refuses a region outside the scope or a bad date', async () => {
    expect((await findRun('huize', 'TR-HZ', { date: '2021-03-01' })).json()).toMatchObject({ status: 'done', qualified: 0 });
    expect((await post('huize', '/api/rules/TR-HZ/find-runs', { region: '530381', date: '2019-03-01' })).statusCode).toBe(403);
    const bad = await post('huize', '/api/rules/TR-HZ/find-runs', { date: '2019-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('日期');
  });

  it('refuses rules whose subject is neither a person, a workshop nor an employer claiming per laborer; a workshop rule finds workshops, SI-YN employers', async () => {
    const res = await post('huize', '/api/rules/EXP-YN/find-runs', { date: '2019-03-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('RULE_NOT_PERSONAL');
    expect(res.json().message).toContain('只能查找劳动力个人、帮扶车间，或按劳动力逐人申报的用人单位');
    const employers = await post('huize', '/api/rules/SI-YN/find-runs', { date: '2019-03-01' });
    expect(employers.statusCode).toBe(202);
    expect(employers.json()).toMatchObject({ rule: 'SI-YN', subject: 'employer' });
    const workshops = await post('huize', '/api/rules/WS-YN/find-runs', { date: '2019-03-01' });
    expect(workshops.statusCode).toBe(202);
    expect(workshops.json()).toMatchObject({ rule: 'WS-YN', subject: 'workshop', region: '530326' });
  });

  it('an officer of another county sees neither the run nor its list (row-level security)', async () => {
    expect((await get('xuanwei', `/api/find-runs/${runId}`)).statusCode).toBe(404);
    expect((await get('xuanwei', `/api/find-runs/${runId}/results`)).statusCode).toBe(404);
    expect((await get('xuanwei', `/api/find-runs/${runId}/export.xlsx`)).statusCode).toBe(404);
    expect((await get('xuanwei', '/api/find-runs')).json().total).toBe(0);
  });

  it('tells the people on the list where to apply, by SMS and in the portal inbox, once per channel', async () => {
    const first = await post('huize', `/api/find-runs/${runId}/notify`, { channels: ['sms', 'inapp'] });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ listed: 3, queued: 6, alreadyQueued: 0, skipped: [] });
    const again = (await post('huize', `/api/find-runs/${runId}/notify`, { channels: ['sms', 'inapp'] })).json();
    expect(again).toMatchObject({ listed: 3, queued: 0, alreadyQueued: 6 });
    const sms = await database.kysely
      .selectFrom('outbox')
      .select(['recipient', 'body', 'person_id'])
      .where('find_run_id', '=', runId)
      .where('channel', '=', 'sms')
      .execute();
    const chen = sms.find((m) => m.person_id === migrant.id);
    const phone = await database.kysely
      .selectFrom('persons')
      .select('phone')
      .where('id', '=', migrant.id)
      .executeTakeFirstOrThrow();
    expect(chen?.recipient).toBe(phone.phone);
    const text = (chen?.body as { text?: string } | undefined)?.text ?? '';
    expect(text).toContain('陈国华您好');
    expect(text).toContain('外出务工交通补助（会泽县）');
    expect(text).toContain('最高500元');
    // Delivered by the outbox's dispatcher: the in-app notice lands in the laborer's inbox.
    const { createDispatcher } = await import('../outbox/index.ts');
    const { loadConfig } = await import('../../config.ts');
    await createDispatcher(loadConfig({ BANGFU_DATA_DIR: '.tmp/test-data' }), database.kysely).drain();
    const inbox = await database.kysely
      .selectFrom('inapp_messages')
      .select(['title'])
      .where('person_id', '=', migrant.id)
      .execute();
    expect(inbox.map((m) => m.title)).toEqual(['您可能符合：外出务工交通补助（会泽县）']);
    const audit = await database.kysely.selectFrom('audit_log').select('after').where('action', '=', 'find_run.notify').execute();
    expect(audit[0]?.after).toMatchObject({ listed: 3, queued: 6 });
  });

  it('leaves notices to the officers who serve the people: not the auditor, not another county', async () => {
    expect((await post('auditor', `/api/find-runs/${runId}/notify`, { channels: ['sms'] })).statusCode).toBe(403);
    expect((await post('xuanwei', `/api/find-runs/${runId}/notify`, { channels: ['sms'] })).statusCode).toBe(404);
    expect((await post('huize', `/api/find-runs/${runId}/notify`, { channels: [] })).statusCode).toBe(400);
  });

  it('an officer of another province finds nobody', async () => {
    expect((await findRun('keshiketeng', 'TR-HZ', { date: '2019-03-01' })).json()).toMatchObject({ evaluated: 0, qualified: 0 });
  });
});
