// An organized export batch from Huize to Shenzhen in 2019 feeds the export service subsidy:
// each member's months at the employer, read from the spell written at departure, decide
// 会政发〔2018〕20号 第16条 (300 yuan a person out of province after 3 months of contract) and
// 云人社通〔2018〕68号 一; what the batch cannot know (the organizer's filing) is asked for.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.ts';
import { type BuiltPerson, buildHousehold, buildUser, loginAs, VILLAGES } from '../../../test/factories.ts';
import { creditCheckChar } from '../../domain/jobs/credit-code.ts';

let app: FastifyInstance;
let close: () => Promise<void>;
let people: BuiltPerson[];
let headers: Record<string, string>;
let batchId: string;

const get = (url: string) => app.inject({ method: 'GET', url, headers });
const post = (url: string, payload: object) => app.inject({ method: 'POST', url, headers, payload });

beforeAll(async () => {
  const t = await createTestApp();
  ({ app, close } = t);
  const db = t.database.kysely;
  people = (
    await buildHousehold(db, {
      village: VILLAGES.tanglang,
      members: [{ name: '赵永福' }, { name: '钱春兰', sex: '女', birth: '1992-05-06', relationship: '配偶' }],
    })
  ).persons;
  await buildUser(db, { username: 'huize', role: 'county', region: '530326' });
  headers = await loginAs(app, 'huize');
  const first17 = '91440306MA5F00001';
  const employer = await post('/api/employers', {
    creditCode: first17 + creditCheckChar(first17),
    name: '深圳宝安某电子有限公司',
    regionCode: '440306',
  });
  expect(employer.statusCode, employer.body).toBe(201);
  const b = await post('/api/export-batches', {
    region: '530326',
    destination: '广东省深圳市宝安区',
    destinationCode: '440306',
    employerId: employer.json().id,
    transport: '包车',
    departureDate: '2019-03-01',
  });
  expect(b.statusCode, b.body).toBe(201);
  batchId = b.json().id;
  const m = await post(`/api/export-batches/${batchId}/members`, { personIds: people.map((p) => p.id) });
  const d = await post(`/api/export-batches/${batchId}/depart`, { version: m.json().version });
  expect(d.statusCode, d.body).toBe(200);
});
afterAll(() => close());

type Item = {
  name: string;
  decisions: { rule: string; status: string; amountFen: number | null; message: string; missingFacts: string[] }[];
};
const decision = (items: Item[], name: string, rule: string) =>
  items.find((i) => i.name === name)?.decisions.find((d) => d.rule === rule);

describe('the subsidies an organized export batch earns', () => {
  it('asks for the organizer’s filing the batch does not record', async () => {
    const res = await get(`/api/export-batches/${batchId}/subsidies?date=2019-06-01`);
    expect(res.statusCode, res.body).toBe(200);
    const d = decision(res.json().items, '赵永福', 'EXP-HZ');
    expect(d).toMatchObject({ status: 'incomplete', missingFacts: ['organizerFiled'] });
  });

  it('pays nothing before 3 months of contract, 300 yuan a person out of province from the third month', async () => {
    const early = (await get(`/api/export-batches/${batchId}/subsidies?date=2019-05-31&organizerFiled=true`)).json();
    expect(decision(early.items, '赵永福', 'EXP-HZ')).toMatchObject({ status: 'not_eligible', amountFen: null });
    const due = (await get(`/api/export-batches/${batchId}/subsidies?date=2019-06-01&organizerFiled=true`)).json();
    expect(decision(due.items, '赵永福', 'EXP-HZ')).toMatchObject({ status: 'eligible', amountFen: 30000 });
    expect(decision(due.items, '钱春兰', 'EXP-YN')).toMatchObject({ status: 'eligible', amountFen: 30000 });
    expect(due.outOfPeriod).toEqual([]);
    expect(due.totals).toContainEqual({
      rule: 'EXP-HZ',
      title: expect.any(String),
      eligible: 2,
      amountFen: 60000,
      amountYuan: '600.00',
      // Huize's and Yunnan's export subsidies pay for the same placement: alternatives, not a sum.
      sharesLimitWith: ['EXP-YN'],
    });
    expect(due.totals.find((t: { rule: string }) => t.rule === 'EXP-YN')?.sharesLimitWith).toEqual(['EXP-HZ']);
  });

  it('answers "not in force" after the Huize document ended, saying once per rule which document ended when, and refuses a future date', async () => {
    const late = (await get(`/api/export-batches/${batchId}/subsidies?date=2021-03-01&organizerFiled=true`)).json();
    expect(decision(late.items, '赵永福', 'EXP-HZ')?.status).toBe('not_in_force');
    expect(decision(late.items, '赵永福', 'EXP-HZ')?.message).toBe(
      '不在有效期内：会泽县人民政府关于进一步做好就业创业工作的实施意见（会政发〔2018〕20号）有效期为 2018-01-01 至 2020-12-31，已于 2020-12-31 期满；案例日期 2021-03-01',
    );
    expect(late.outOfPeriod).toEqual([
      {
        rule: 'EXP-HZ',
        title: '有组织转移就业补贴（会泽县）',
        from: '2018-01-01',
        to: '2020-12-31',
        message:
          '会泽县人民政府关于进一步做好就业创业工作的实施意见（会政发〔2018〕20号）有效期为 2018-01-01 至 2020-12-31，已于 2020-12-31 期满',
      },
      {
        rule: 'EXP-YN',
        title: '有组织劳务输出补贴（云南省）',
        from: '2018-01-01',
        to: '2020-12-31',
        message:
          '关于进一步加强就业扶贫工作的通知（云人社通〔2018〕68号）有效期为 2018-01-01 至 2020-12-31，已于 2020-12-31 期满',
      },
    ]);
    const future = await get(`/api/export-batches/${batchId}/subsidies?date=2999-01-01`);
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('测算日期');
  });
});
