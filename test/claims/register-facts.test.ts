// A claim for a laborer of the register is decided on the register's facts (household type,
// current employment spell and its channel: 外出务工 or a post at home) with the stated facts winning, and with the regional settings
// in force (the Huize 县/市 reading of TR-HZ).
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { createTestApp } from '../app.ts';
import { type BuiltPerson, buildHousehold, buildUser, loginAs, VILLAGES } from '../factories.ts';
import { api } from './helpers.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let people: BuiltPerson[];
const as: Record<string, Record<string, string>> = {};
let call: ReturnType<typeof api>;

async function spell(
  p: BuiltPerson,
  o: { start: string; place: string | null; outOfProvince: boolean; channel?: string; employer?: string },
) {
  await database.kysely
    .insertInto('employment_spells')
    .values({
      person_id: p.id,
      village_code: p.villageCode,
      start_date: o.start,
      end_date: null,
      place_code: o.place,
      place_name: o.outOfProvince ? '广东省深圳市' : '曲靖市麒麟区',
      out_of_province: o.outOfProvince,
      employer: o.employer ?? '某电子厂',
      channel: o.channel ?? '外出务工(自主)',
      monthly_income_fen: 420000,
      insured: true,
    })
    .execute();
}

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  const db = database.kysely;
  people = (
    await buildHousehold(db, {
      village: VILLAGES.tanglang,
      members: [
        { name: '马文才' },
        { name: '马秀兰', sex: '女', birth: '1990-04-04' },
        { name: '马建军', birth: '1993-05-05', relationship: '子' },
        { name: '马小梅', sex: '女', birth: '1995-06-06', relationship: '女' },
      ],
    })
  ).persons;
  const [a, b, c, d] = people as [BuiltPerson, BuiltPerson, BuiltPerson, BuiltPerson];
  await spell(a, { start: '2018-11-20', place: null, outOfProvince: true });
  await spell(b, { start: '2018-12-15', place: null, outOfProvince: true });
  await spell(c, { start: '2018-10-01', place: '530302', outOfProvince: false });
  await spell(d, {
    start: '2018-06-01',
    place: d.villageCode,
    outOfProvince: false,
    channel: '帮扶车间',
    employer: '堂琅社区帮扶车间',
  });
  await buildUser(db, { username: 'huize', role: 'county', region: '530326' });
  as.huize = await loginAs(app, 'huize');
  call = api(app, as);
});
afterAll(() => close());

const claim = (p: BuiltPerson, facts: Record<string, unknown>) => ({
  rule: 'TR-HZ',
  personId: p.id,
  caseDate: '2019-03-01',
  facts,
  bankName: '会泽县农村信用合作联社',
  bankAccount: '6224990012345678',
});

describe('facts from the register', () => {
  it('a laborer working outside the province since 2018-11-20 needs only the ticket price on 2019-03-01', async () => {
    const res = await call.post('huize', '/api/claims', claim(people[0] as BuiltPerson, { ticketPriceFen: 52000 }));
    expect(res.statusCode).toBe(201);
    expect(res.json().claim.amountFen).toBe(50000);
    const detail = (await call.get('huize', `/api/claims/${res.json().claim.id}`)).json();
    expect(detail.facts).toMatchObject({
      registeredPoor: true,
      migrant: true,
      workRegion: '省外',
      stableMonths: 3,
      ticketPriceFen: 52000,
    });
  });

  it('a laborer at the workshop of its own village is not 外出务工: no 县内 100 yuan (第16条)', async () => {
    const res = await call.post('huize', '/api/claims', claim(people[3] as BuiltPerson, { ticketPriceFen: 1500 }));
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('CLAIM_NOT_ELIGIBLE');
    expect(res.json().message).toContain('不符合条件：外出务工');
    expect(res.json().details.decision.trace).toContainEqual(
      expect.objectContaining({ label: '外出务工', value: '否', passed: false }),
    );
  });

  it('two months and a half since 2018-12-15 is not enough, whatever the ticket', async () => {
    const res = await call.post('huize', '/api/claims', claim(people[1] as BuiltPerson, { ticketPriceFen: 30000 }));
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('CLAIM_NOT_ELIGIBLE');
    expect(res.json().details.decision.trace).toContainEqual(
      expect.objectContaining({ label: '稳定就业3个月以上', value: '2 个月', passed: false }),
    );
  });
});

describe('regional settings', () => {
  it('work in another county of Qujing: refused until Huize sets its reading, then 300 yuan by 第16条', async () => {
    const p = people[2] as BuiltPerson;
    const before = await call.post('huize', '/api/claims', claim(p, { ticketPriceFen: 32000 }));
    expect(before.statusCode).toBe(422);
    expect(before.json().code).toBe('CLAIM_AMOUNT_NOT_SET');
    expect(before.json().message).toContain('530326');
    await sql`INSERT INTO rule_settings (rule_id, parameter, region_code, valid_from, value, note)
              VALUES ('TR-HZ', 'distance_basis', '530326', '2018-01-01', 'county', '县人社局会议纪要')`.execute(database.kysely);
    const after = await call.post('huize', '/api/claims', claim(p, { ticketPriceFen: 32000 }));
    expect(after.statusCode).toBe(201);
    expect(after.json().claim.amountFen).toBe(30000);
    expect(after.json().decision.parameters).toContainEqual(
      expect.objectContaining({ name: 'distance_basis', value: 'county', region: '530326' }),
    );
    expect(after.json().claim.parameterVersion).not.toBe('');
  });
});
