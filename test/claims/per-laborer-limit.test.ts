// A unit that claims per laborer (湖南 SVC-HN: 200 yuan for each registered poor laborer an
// agency places; "每名贫困劳动力每年只享受一次") is limited per laborer, not per unit: one agency
// claims for many laborers, but no laborer is paid for twice in a year, whichever agency asks.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../app.ts';
import { type BuiltPerson, buildHousehold, buildUser, creditCode, loginAs, shanghaiDay } from '../factories.ts';
import { api } from './helpers.ts';

/** 湖南 湘西州 龙山县 民安街道 凤阳社区 */
const FENGYANG = '433130001001';

let app: FastifyInstance;
let close: () => Promise<void>;
let people: BuiltPerson[];
let call: ReturnType<typeof api>;

beforeAll(async () => {
  const t = await createTestApp();
  ({ app, close } = t);
  people = (
    await buildHousehold(t.database.kysely, {
      village: FENGYANG,
      members: [{ name: '彭德福' }, { name: '向春花', sex: '女', birth: '1990-04-02' }],
    })
  ).persons;
  await buildUser(t.database.kysely, { username: 'longshan', role: 'county', region: '433130' });
  call = api(app, { longshan: await loginAs(app, 'longshan') });
});
afterAll(() => close());

const placement = (personId: string | undefined, agency: { name: string; key: string }) => ({
  rule: 'SVC-HN',
  ...(personId ? { personId } : {}),
  subject: { kind: 'agency', ...agency },
  region: '433130',
  caseDate: '2019-09-30',
  facts: { agencyQualified: true, organizedExport: true, registeredPoor: true, stableMonths: 6 },
  bankName: '湖南龙山农村商业银行',
  bankAccount: '6230910199001234567',
});
const AGENCY_A = { name: '龙山县惠民劳务有限公司', key: creditCode('91433130MA4L0XY01') };
const AGENCY_B = { name: '湘西众联人力资源有限公司', key: creditCode('91433100MA4L1ABC2') };

describe('a per-laborer limit on a unit claim', () => {
  it('refuses a unit credit code whose check character is wrong, naming the field', async () => {
    const wrong = `${AGENCY_A.key.slice(0, 17)}${AGENCY_A.key.endsWith('0') ? '1' : '0'}`;
    const res = await call.post('longshan', '/api/claims', placement(people[0]?.id, { ...AGENCY_A, key: wrong }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details.problems[0]).toMatchObject({ field: 'subject.key', value: wrong });
    expect(res.json().message).toContain('校验码错误');
  });

  it('asks which laborer the claim is about', async () => {
    const res = await call.post('longshan', '/api/claims', placement(undefined, AGENCY_A));
    expect(res.statusCode).toBe(400);
    expect(res.json().details.problems[0]).toMatchObject({ field: 'personId' });
    expect(res.json().message).toContain('按劳动力计次');
  });

  it('lets one agency claim for two laborers in the same year (200 yuan each), each claim naming its laborer', async () => {
    for (const p of people) {
      const res = await call.post('longshan', '/api/claims', placement(p.id, AGENCY_A));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().claim).toMatchObject({ amountFen: 20000, beneficiaryName: AGENCY_A.name });
    }
    // The review queue tells the agency's two claims apart by the laborer, ID number masked.
    const list = await call.get('longshan', '/api/claims?rule=SVC-HN');
    const named = list
      .json()
      .items.map((c: { laborerName: string; laborerIdNumber: string }) => [c.laborerName, c.laborerIdNumber]);
    expect(named.map(([n]: string[]) => n).sort()).toEqual(['向春花', '彭德福'].sort());
    for (const [, id] of named) expect(id).toMatch(/^433130\*{8}[0-9X]{4}$/);
  });

  it('publishes the agency twice, each line naming its laborer beside the laborer’s masked ID number', async () => {
    const claims = (await call.get('longshan', '/api/claims?rule=SVC-HN')).json().items as { id: string; version: number }[];
    for (const c of claims) {
      const r = await call.post('longshan', `/api/claims/${c.id}/actions`, { action: 'review', version: c.version });
      expect(r.statusCode, r.body).toBe(200);
    }
    const created = await call.post('longshan', '/api/publicity', {
      region: '433130',
      title: '龙山县2019年就业服务补贴公示',
      from: shanghaiDay(-1),
      to: shanghaiDay(6),
      claimIds: claims.map((c) => c.id),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().list.id;
    const items = (await call.get('longshan', `/api/publicity/${id}`)).json().items as {
      beneficiaryName: string;
      laborerName: string;
      idNumber: string;
    }[];
    expect(items.map((i) => i.laborerName).sort()).toEqual(['向春花', '彭德福'].sort());
    for (const i of items)
      expect(i).toMatchObject({ beneficiaryName: AGENCY_A.name, idNumber: expect.stringMatching(/^433130\*+/) });
    const print = (await call.get('longshan', `/api/publicity/${id}/print`)).body;
    expect(print).toContain(`${AGENCY_A.name}（所涉劳动力：彭德福）`);
  });

  it('refuses a second agency claiming for a laborer already claimed for that year, naming the laborer', async () => {
    const res = await call.post('longshan', '/api/claims', placement(people[0]?.id, AGENCY_B));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CLAIM_LIMIT_REACHED');
    expect(res.json().message).toContain('彭德福');
    expect(res.json().message).toContain('2019');
  });
});

describe('an office claim for an employer about one laborer (POST-HN)', () => {
  const post = (personId: string, stated: Record<string, unknown> = {}) => ({
    rule: 'POST-HN',
    personId,
    subject: { kind: 'employer', name: '龙山县湘龙农产品加工有限公司', key: creditCode('91433130MA4L2DEF3') },
    region: '433130',
    caseDate: '2019-09-30',
    facts: {
      laborContract: true,
      monthsInPost: 12,
      insured: true,
      employerInPoorArea: true,
      employerIsEnterprise: true,
      ...stated,
    },
    bankName: '湖南龙山农村商业银行',
    bankAccount: '6230910199007654321',
  });

  it('the catalogue says the claim names a laborer whose home village the register gives', async () => {
    const rules = (await call.get('longshan', '/api/rules')).json().rules as {
      id: string;
      namesLaborer: boolean;
      facts: { name: string; fromRegister: boolean }[];
    }[];
    const rule = rules.find((r) => r.id === 'POST-HN');
    expect(rule?.namesLaborer).toBe(true);
    expect(rule?.facts.find((f) => f.name === 'laborerHomeRegion')?.fromRegister).toBe(true);
    expect(rule?.facts.find((f) => f.name === 'laborContract')?.fromRegister).toBe(false);
    expect(rules.find((r) => r.id === 'ABS-HZ')?.namesLaborer).toBe(false);
  });

  it('reads where the laborer is from in the register, not from what was typed: a local poor laborer gets 1500 yuan', async () => {
    const p = people[0] as BuiltPerson;
    const res = await call.post('longshan', '/api/claims', post(p.id, { laborerHomeRegion: '430102' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().claim).toMatchObject({ amountFen: 150000 });
    const detail = (await call.get('longshan', `/api/claims/${res.json().claim.id}`)).json();
    expect(JSON.stringify(detail)).toContain(FENGYANG);
  });
});
