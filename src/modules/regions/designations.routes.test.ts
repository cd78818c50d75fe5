// The designated-county lists as a province officer keeps them (区划认定): entering a list of
// 深度贫困县 with its document, a county leaving it (摘帽) on a day, only ever earlier; the
// rules engine reading the list for a Huize case; and who may not write, or write what.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.ts';
import { buildUser, loginAs, VILLAGES } from '../../../test/factories.ts';
import { type Database, inScope } from '../../db/connection.ts';
import { verifyAuditChain } from '../audit/audit.repository.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
const as: Record<string, Record<string, string>> = {};
let listId: string;

const LIST = {
  kind: 'deep_poverty_county',
  province: '53',
  title: '云南省深度贫困县名单',
  basis: '云南省人民政府关于深度贫困县的通知（测试）',
  from: '2018-03-01',
  counties: ['530326', '530381'],
};
const PWP_CASE = {
  rule: 'PWP-YN',
  region: VILLAGES.tanglang,
  date: '2019-12-31',
  facts: { registeredPoor: true, cannotLeave: true, group: '大龄劳动力', placedInPost: true, monthsInPost: 12 },
};

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  await buildUser(database.kysely, { username: 'yunnan', role: 'province', region: '53' });
  await buildUser(database.kysely, { username: 'neimenggu', role: 'province', region: '15' });
  await buildUser(database.kysely, { username: 'huize', role: 'county', region: '530326' });
  for (const u of ['yunnan', 'neimenggu', 'huize']) as[u] = await loginAs(app, u);
});
afterAll(() => close());

const get = (user: string, url: string) => app.inject({ method: 'GET', url, headers: as[user] });
const post = (user: string, url: string, payload: unknown) =>
  app.inject({ method: 'POST', url, headers: as[user], payload: payload as object });
const lists = async () => (await get('huize', '/api/designations?province=53')).json().items;

describe('entering a list', () => {
  it('a province officer enters its list with the counties on it; every officer reads it, the change audited', async () => {
    const res = await post('yunnan', '/api/designations', LIST);
    expect(res.statusCode).toBe(201);
    listId = res.json().id;
    expect(res.json()).toMatchObject({
      kind: 'deep_poverty_county',
      kindName: '深度贫困县',
      from: '2018-03-01',
      inForce: true,
      counties: [
        { code: '530326', name: '会泽县', until: null, designatedToday: true },
        { code: '530381', name: '宣威市', until: null, designatedToday: true },
      ],
    });
    const read = (await get('huize', '/api/designations')).json();
    expect(read.canEdit).toBe(false);
    expect(read.items.map((l: { title: string }) => l.title)).toEqual(['云南省深度贫困县名单']);
    const [audit] = await database.kysely
      .selectFrom('audit_log')
      .select(['action', 'region_code', 'after'])
      .where('entity', '=', 'designation_list')
      .execute();
    expect(audit).toMatchObject({ action: 'designation_list.create', region_code: '53' });
    expect((audit?.after as { counties?: string[] } | undefined)?.counties).toEqual(['530326', '530381']);
    expect((await verifyAuditChain(database.kysely)).ok).toBe(true);
  });

  it('a county officer may not enter a list, nor a province officer for another province', async () => {
    const county = await post('huize', '/api/designations', { ...LIST, from: '2019-01-01' });
    expect(county.statusCode).toBe(403);
    expect(county.json().message).toContain('由省级人员录入');
    const other = await post('neimenggu', '/api/designations', { ...LIST, from: '2019-01-01' });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('REGION_OUT_OF_SCOPE');
    expect(await lists()).toHaveLength(1);
  });

  it('names every wrong county and field, and writes nothing', async () => {
    const res = await post('yunnan', '/api/designations', {
      ...LIST,
      from: '2019-01-01',
      basis: ' ',
      counties: ['5303', '150425', '530326', '530326', '530399'],
    });
    expect(res.statusCode).toBe(400);
    const problems = res.json().details.problems.map((p: { message: string; value?: string }) => `${p.value ?? ''} ${p.message}`);
    expect(problems).toEqual([' 不能为空（文件名称及文号）']);
    const counties = await post('yunnan', '/api/designations', {
      ...LIST,
      from: '2019-01-01',
      counties: ['5303', '150425', '530326', '530326', '530399'],
    });
    expect(counties.statusCode).toBe(400);
    expect(counties.json().details.problems.map((p: { value?: string; message: string }) => `${p.value} ${p.message}`)).toEqual([
      '5303 应为6位县级区划代码',
      '150425 不在名单所属省份（53）',
      '530326 在本次录入中重复',
      '530399 不是已载入的县级区划',
    ]);
    expect(counties.json().message).toContain('53 的深度贫困县名单（2019-01-01）');
    expect(await lists()).toHaveLength(1);
  });

  it('refuses a second list of the same kind starting the same day', async () => {
    const res = await post('yunnan', '/api/designations', { ...LIST, counties: [] });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('DESIGNATION_LIST_EXISTS');
  });

  it('adds a county left out, and refuses one already on the list', async () => {
    const added = await post('yunnan', `/api/designations/${listId}/counties`, { counties: ['530302'] });
    expect(added.json()).toEqual({ added: 1 });
    const again = await post('yunnan', `/api/designations/${listId}/counties`, { counties: ['530302'] });
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toContain('已在名单内');
    expect(await post('huize', `/api/designations/${listId}/counties`, { counties: ['530303'] })).toHaveProperty(
      'statusCode',
      403,
    );
  });
});

describe('a county leaving the list (摘帽)', () => {
  const leave = (until: string, basis = '退出贫困县序列的批复（测试）') =>
    post('yunnan', `/api/designations/${listId}/counties/530302/leave`, { until, basis });

  it('records the day with its document, then only ever an earlier day', async () => {
    expect((await leave('2020-07-01')).json()).toEqual({ county: '530302', until: '2020-07-01' });
    const later = await leave('2020-12-01');
    expect(later.statusCode).toBe(400);
    expect(later.json().message).toContain('只能改为更早的日期');
    expect((await leave('2018-01-01')).json().message).toContain('不早于名单执行日期 2018-03-01');
    expect((await leave('2020-05-01', '')).json().message).toContain('退出依据不能为空');
    expect((await leave('2020-05-01')).statusCode).toBe(200);
    const county = (await lists())[0].counties.find((c: { code: string }) => c.code === '530302');
    expect(county).toMatchObject({ until: '2020-05-01', untilBasis: '退出贫困县序列的批复（测试）', designatedToday: false });
    const audits = await database.kysely
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'designation_member.leave')
      .orderBy('seq')
      .execute();
    expect(audits.map((a) => [(a.before as { until: string | null }).until, (a.after as { until: string }).until])).toEqual([
      [null, '2020-07-01'],
      ['2020-07-01', '2020-05-01'],
    ]);
  });

  it('says on a date whether a county (asked by a village in it) was on the list', async () => {
    const before = (await get('huize', '/api/regions/530302001001/designations?date=2020-04-30')).json();
    expect(before.items.find((i: { kind: string }) => i.kind === 'deep_poverty_county')).toMatchObject({ designated: true });
    const after = (await get('huize', '/api/regions/530302001001/designations?date=2020-05-01')).json();
    expect(after.items.find((i: { kind: string }) => i.kind === 'deep_poverty_county')).toMatchObject({
      designated: false,
      text: expect.stringContaining('2020-05-01 起不再列入深度贫困县'),
    });
    // No list of 贫困县 is entered for Yunnan: unknown, not "no".
    expect(after.items.find((i: { kind: string }) => i.kind === 'poor_county')).toMatchObject({ designated: null });
  });
});

describe('the rules engine reads the list', () => {
  it('试算 of PWP-YN for a Huize village needs no 深度贫困县 answer: the list gives it, and the trace names the list', async () => {
    const res = await post('huize', '/api/rules/evaluate', PWP_CASE);
    const [d] = res.json().decisions;
    expect(d).toMatchObject({ status: 'eligible', amountFen: 600000 });
    expect(d.trace).toContainEqual({
      kind: 'fact',
      label: '区划认定：所在县为深度贫困县',
      value: '会泽县（530326）列入《云南省深度贫困县名单》（云南省人民政府关于深度贫困县的通知（测试），2018-03-01 起执行）',
    });
    const before = (await post('huize', '/api/rules/evaluate', { ...PWP_CASE, date: '2018-02-28' })).json().decisions[0];
    expect(before).toMatchObject({ status: 'incomplete', missingFacts: ['deepPovertyCounty'] });
  });
});

describe('the tables under the application role', () => {
  it('cannot write a list or a county outside the scope, nor change a county once entered', async () => {
    await expect(
      inScope(database.kysely, '530326', (trx) =>
        sql`INSERT INTO designation_lists (kind, province_code, title, basis, valid_from) VALUES ('poor_county', '53', 't', 'b', '2019-01-01')`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      inScope(database.kysely, '53', (trx) => sql`UPDATE designation_members SET county_code = '530303'`.execute(trx)),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inScope(database.kysely, '53', (trx) => sql`UPDATE designation_members SET until = NULL`.execute(trx)),
    ).rejects.toThrow(/cannot be put back/);
    await expect(inScope(database.kysely, '53', (trx) => sql`DELETE FROM designation_members`.execute(trx))).rejects.toThrow(
      /permission denied/,
    );
  });
});
