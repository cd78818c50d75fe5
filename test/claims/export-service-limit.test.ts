// The province (云人社通〔2018〕68号 一, EXP-YN) and Huize county (会政发〔2018〕20号 第16条,
// EXP-HZ) both pay an organizer for placing a poor laborer through organized export. They
// share one limit group per laborer, so a Huize laborer is paid for once, under either
// document, whichever organizer asks; the refusal names the first claim.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../app.ts';
import { type BuiltPerson, buildHousehold, buildUser, creditCode, loginAs, VILLAGES } from '../factories.ts';
import { api } from './helpers.ts';

let app: FastifyInstance;
let close: () => Promise<void>;
let people: BuiltPerson[];
let call: ReturnType<typeof api>;

beforeAll(async () => {
  const t = await createTestApp();
  ({ app, close } = t);
  people = (
    await buildHousehold(t.database.kysely, {
      village: VILLAGES.tanglang,
      members: [{ name: '马德贵' }, { name: '马桂英', sex: '女', birth: '1991-03-03', relationship: '配偶' }],
    })
  ).persons;
  await buildUser(t.database.kysely, { username: 'huize', role: 'county', region: '530326' });
  call = api(app, { huize: await loginAs(app, 'huize') });
});
afterAll(() => close());

const VILLAGE_COMMITTEE = { name: '会泽县古城街道堂琅社区居民委员会', key: creditCode('55530326MEA123456') };
const AGENCY = { name: '曲靖市滇东人力资源服务有限公司', key: creditCode('91530300MA6K98765') };

const exportClaim = (
  rule: 'EXP-HZ' | 'EXP-YN',
  personId: string,
  organizer: { name: string; key: string },
  caseDate: string,
) => ({
  rule,
  personId,
  subject: { kind: 'agency', ...organizer },
  region: '530326',
  caseDate,
  facts: {
    organizerFiled: true,
    registeredPoor: true,
    employed: true,
    contractMonths: 3,
    homeRegion: VILLAGES.tanglang,
    workRegion: '440306',
  },
  bankName: '会泽县农村信用合作联社',
  bankAccount: '2000012345670001',
});

describe('organized export paid by the province and the county', () => {
  it('a Huize laborer placed out of province earns 300 yuan for the organizer once; the province is refused, naming the county claim', async () => {
    const p = people[0] as BuiltPerson;
    const first = await call.post('huize', '/api/claims', exportClaim('EXP-HZ', p.id, VILLAGE_COMMITTEE, '2019-06-01'));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().claim).toMatchObject({ rule: 'EXP-HZ', amountFen: 30000 });
    const number = first.json().claim.number;

    const second = await call.post('huize', '/api/claims', exportClaim('EXP-YN', p.id, AGENCY, '2019-07-01'));
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('CLAIM_LIMIT_REACHED');
    expect(second.json().message).toContain('马德贵');
    expect(second.json().message).toContain(number);
    // Another year does not open the door: the documents pay per laborer placed, not per year.
    const nextYear = await call.post('huize', '/api/claims', exportClaim('EXP-HZ', p.id, AGENCY, '2020-03-01'));
    expect(nextYear.statusCode).toBe(409);
    expect(nextYear.json().message).toContain(number);
  });

  it('the other way round: a province claim first, then the county claim is refused', async () => {
    const p = people[1] as BuiltPerson;
    const first = await call.post('huize', '/api/claims', exportClaim('EXP-YN', p.id, AGENCY, '2019-06-01'));
    expect(first.statusCode, first.body).toBe(201);
    const second = await call.post('huize', '/api/claims', exportClaim('EXP-HZ', p.id, VILLAGE_COMMITTEE, '2019-06-15'));
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toContain(first.json().claim.number);
  });
});
