import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.ts';
import { type BuiltPerson, buildHousehold, buildUser, loginAs, VILLAGES } from '../../../test/factories.ts';
import { readSheet } from '../../../test/fixtures/imports.ts';
import type { Database } from '../../db/connection.ts';
import { makeIdNumber } from '../../domain/idcard/gb11643.ts';
import { creditCheckChar } from '../../domain/jobs/credit-code.ts';
import { verifyAuditChain } from '../audit/audit.repository.ts';
import { scanDuplicates } from './duplicates.repository.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let hedong: BuiltPerson[];
let wengniute: BuiltPerson[];
let huize: BuiltPerson[];
const as: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  const db = database.kysely;
  hedong = (
    await buildHousehold(db, {
      village: VILLAGES.hedong,
      members: [{ name: '王建国' }, { name: '李秀英', sex: '女', birth: '1987-06-15' }],
    })
  ).persons;
  await buildHousehold(db, { village: VILLAGES.henandian, members: [{ name: '赵志强' }] });
  wengniute = (await buildHousehold(db, { village: VILLAGES.shanzuizi, members: [{ name: '孙立军' }] })).persons;
  huize = (await buildHousehold(db, { village: VILLAGES.tanglang, members: [{ name: '陈国华' }] })).persons;
  await buildUser(db, { username: 'county', role: 'county', region: '150425', fullId: true });
  await buildUser(db, { username: 'village', role: 'village', region: VILLAGES.hedong });
  await buildUser(db, { username: 'province', role: 'province', region: '15' });
  await buildUser(db, { username: 'huize', role: 'county', region: '530326' });
  for (const u of ['county', 'village', 'province', 'huize']) as[u] = await loginAs(app, u);
});
afterAll(() => close());

const get = (user: string, url: string) => app.inject({ method: 'GET', url, headers: as[user] });
const send = (user: string, method: 'POST' | 'PATCH', url: string, payload: unknown) =>
  app.inject({ method, url, headers: as[user], payload: payload as object });

describe('access to the register by region', () => {
  it('a county officer lists the laborers of the county and none of another county', async () => {
    const res = await get('county', '/api/laborers?pageSize=100');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.items.every((i: { villageCode: string }) => i.villageCode.startsWith('150425'))).toBe(true);
    expect(body.items.map((i: { villageName: string }) => i.villageName)).toContain('河东村委会');
  });

  it('a county officer asking for a person of another county by ID gets nothing', async () => {
    const res = await get('county', `/api/laborers/${wengniute[0]?.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    const huizeRes = await get('county', `/api/laborers/${huize[0]?.id}`);
    expect(huizeRes.statusCode).toBe(404);
  });

  it('filtering by a region outside the scope is refused', async () => {
    const res = await get('county', '/api/laborers?region=150426');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'REGION_OUT_OF_SCOPE' });
    expect(res.json().message).toContain('150426');
  });

  it('a village collector sees only the own village', async () => {
    const res = await get('village', '/api/laborers');
    expect(res.json().total).toBe(2);
  });

  it('a province user sees every county below and cannot edit', async () => {
    expect((await get('province', '/api/laborers')).json().total).toBe(4);
    const res = await send('province', 'PATCH', `/api/laborers/${hedong[0]?.id}`, {
      version: 1,
      fields: { phone: '13900001111' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('requests without a session are refused, writes without the CSRF token too', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/laborers' })).statusCode).toBe(401);
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/laborers/${hedong[0]?.id}`,
      headers: { cookie: as.county?.cookie ?? '' },
      payload: { version: 1, fields: {} },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_INVALID');
  });
});

describe('masking of personal numbers', () => {
  it('masks ID and phone for a collector without the right; the county officer sees phones, IDs only on request', async () => {
    const masked = (await get('village', '/api/laborers')).json().items[0];
    expect(masked.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(masked.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const officer = (await get('county', `/api/laborers?q=${encodeURIComponent('王建国')}`)).json().items[0];
    expect(officer.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(officer.phone).toMatch(/^1\d{10}$/);
    const detail = (await get('county', `/api/laborers/${hedong[0]?.id}`)).json();
    expect(detail.person.idNumber).toBe(officer.idNumber);
  });

  it('showing a full ID is audited, and refused without the right', async () => {
    expect((await send('village', 'POST', `/api/laborers/${hedong[0]?.id}/reveal-id`, {})).statusCode).toBe(403);
    const res = await send('county', 'POST', `/api/laborers/${hedong[0]?.id}/reveal-id`, {});
    expect(res.json()).toEqual({ idNumber: hedong[0]?.idNumber });
    const audit = (await get('county', `/api/laborers/${hedong[0]?.id}/audit`)).json();
    expect(audit[0]).toMatchObject({ action: 'person.view_id', actorName: 'county(county)' });
  });
});

describe('search', () => {
  it('finds by name, by pinyin initials and by the start of the ID number', async () => {
    expect((await get('county', '/api/laborers?q=wjg')).json().items.map((i: { name: string }) => i.name)).toEqual(['王建国']);
    expect((await get('county', `/api/laborers?q=${encodeURIComponent('秀英')}`)).json().total).toBe(1);
    const prefix = hedong[1]?.idNumber.slice(0, 14) ?? '';
    expect((await get('county', `/api/laborers?q=${prefix}`)).json().items[0].name).toBe('李秀英');
  });
});

describe('correcting a record', () => {
  it('updates a field, increments the version and audits before and after', async () => {
    const id = hedong[0]?.id;
    const res = await send('county', 'PATCH', `/api/laborers/${id}`, {
      version: 1,
      fields: { education: '高中', phone: '13912345678' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().person).toMatchObject({ version: 2, education: '高中', phone: '13912345678' });
    // A collector without the right sees the phone masked in the history too.
    const seen = (await get('village', `/api/laborers/${id}/audit`))
      .json()
      .find((a: { action: string }) => a.action === 'person.update');
    expect(seen.after.phone).toBe('139****5678');
    const audit = (await get('county', `/api/laborers/${id}/audit`)).json();
    const upd = audit.find((a: { action: string }) => a.action === 'person.update');
    expect(upd.before).toMatchObject({ education: '初中' });
    expect(upd.after).toMatchObject({ education: '高中', phone: '13912345678' });
  });

  it('refuses a stale version', async () => {
    const res = await send('county', 'PATCH', `/api/laborers/${hedong[0]?.id}`, { version: 1, fields: { education: '小学' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('PERSON_VERSION_CONFLICT');
  });

  it('names the record and the field of a bad value, and writes nothing', async () => {
    const res = await send('county', 'PATCH', `/api/laborers/${hedong[1]?.id}`, {
      version: 1,
      fields: { birthDate: '1987-02-30', workCapacity: '很强' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toContain('李秀英');
    expect(body.details.problems.map((p: { field: string }) => p.field).sort()).toEqual(['birthDate', 'workCapacity']);
    expect((await get('county', `/api/laborers/${hedong[1]?.id}`)).json().person.version).toBe(1);
  });

  it('a collector sending masked numbers back keeps the stored ones', async () => {
    const detail = (await get('village', `/api/laborers/${hedong[1]?.id}`)).json();
    const res = await send('village', 'PATCH', `/api/laborers/${hedong[1]?.id}`, {
      version: detail.person.version,
      fields: { idNumber: detail.person.idNumber, phone: detail.person.phone, skills: '电焊、驾驶' },
    });
    expect(res.statusCode).toBe(200);
    expect((await send('county', 'POST', `/api/laborers/${hedong[1]?.id}/reveal-id`, {})).json().idNumber).toBe(
      hedong[1]?.idNumber,
    );
    expect(res.json().person.skills).toEqual(['电焊', '驾驶']);
  });
});

describe('registering people', () => {
  const fields = (o: Record<string, string>) => ({
    householdNumber: '1504251002000099',
    villageCode: VILLAGES.hedong,
    householdType: '脱贫户',
    relationship: '户主',
    name: '刘海',
    idNumber: makeIdNumber('150425', '1990-01-01', 501, '男'),
    workCapacity: '普通劳动力',
    migrateWilling: '是',
    ...o,
  });

  it('refuses a second record for an ID registered in another county, saying where', async () => {
    const res = await send('county', 'POST', '/api/laborers', { fields: fields({ idNumber: wengniute[0]?.idNumber ?? '' }) });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('PERSON_DUPLICATE_ID');
    expect(res.json().message).toContain('翁牛特旗');
    expect(res.json().message).toContain(VILLAGES.shanzuizi);
  });

  it('refuses a village outside the scope and an unknown village code', async () => {
    const out = await send('village', 'POST', '/api/laborers', { fields: fields({ villageCode: VILLAGES.henandian }) });
    expect(out.statusCode).toBe(400);
    expect(out.json().details.problems[0]).toMatchObject({ field: 'villageCode' });
    const unknown = await send('county', 'POST', '/api/laborers', { fields: fields({ villageCode: '150425999999' }) });
    expect(unknown.json().message).toContain('不是现行的村级区划代码');
  });

  it('creates a person and household, then records an employment spell', async () => {
    const created = await send('county', 'POST', '/api/laborers', { fields: fields({}) });
    expect(created.statusCode).toBe(201);
    const id = created.json().person.id;
    expect(created.json().person.status).toBe('未就业');
    expect(created.json().household.zeroEmployment).toBe(true);
    const spell = await send('county', 'POST', `/api/laborers/${id}/spells`, {
      fields: {
        channel: '外出务工(有组织)',
        startDate: '2026-03-01',
        place: '省外:北京市朝阳区',
        employer: '北京某物业公司',
        monthlyIncome: '4500',
        insured: '是',
      },
    });
    expect(spell.statusCode).toBe(201);
    expect(spell.json().person.status).toBe('已就业');
    expect(spell.json().household.zeroEmployment).toBe(false);
    expect(spell.json().spells[0]).toMatchObject({ monthlyIncomeFen: 450000, outOfProvince: true, placeName: '北京市朝阳区' });
    const again = await send('county', 'POST', `/api/laborers/${id}/spells`, {
      fields: { channel: '外出务工(有组织)', startDate: '2026-03-01' },
    });
    expect(again.statusCode).toBe(409);
    const ended = await send('county', 'PATCH', `/api/laborers/${id}/spells/${spell.json().spells[0].id}`, {
      fields: { endDate: '2026-06-30' },
    });
    expect(ended.json().person.status).toBe('未就业');
    expect(ended.json().spells[0].endDate).toBe('2026-06-30');
    const bad = await send('county', 'POST', `/api/laborers/${id}/spells`, {
      fields: { channel: '种地', startDate: '2026-13-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .details.problems.map((p: { field: string }) => p.field)
        .sort(),
    ).toEqual(['channel', 'startDate']);
  });
});

describe('linking an employment spell to a registered employer', () => {
  const creditCode = (org: string) => `91150425${org}${creditCheckChar(`91150425${org}`)}`;

  it('links by credit code, takes the registered name when none is written, refuses an unknown or malformed code, and unlinks when another employer is named', async () => {
    const db = database.kysely;
    const code = creditCode('MA0LNK01X');
    const employer = await db
      .insertInto('employers')
      .values({ credit_code: code, name: '克什克腾旗河东村帮扶车间', region_code: VILLAGES.hedong, is_workshop: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    const person = hedong[0]?.id ?? '';
    const added = await send('county', 'POST', `/api/laborers/${person}/spells`, {
      fields: { channel: '帮扶车间', startDate: '2025-04-01', place: VILLAGES.hedong, employerCreditCode: code.toLowerCase() },
    });
    expect(added.statusCode).toBe(201);
    const spell = added.json().spells.find((x: { startDate: string }) => x.startDate === '2025-04-01');
    expect(spell).toMatchObject({ employer: '克什克腾旗河东村帮扶车间', employerId: employer.id, employerCreditCode: code });

    const unknown = creditCode('MA0LNK02Y');
    const refused = await send('county', 'POST', `/api/laborers/${person}/spells`, {
      fields: { channel: '就地就近', startDate: '2025-05-01', employer: '某公司', employerCreditCode: unknown },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('务工单位统一社会信用代码未在用工单位名录中登记');
    expect(refused.json().details.problems[0]).toMatchObject({ field: 'employerCreditCode', value: unknown });
    const malformed = await send('county', 'POST', `/api/laborers/${person}/spells`, {
      fields: {
        channel: '就地就近',
        startDate: '2025-05-01',
        employerCreditCode: `${code.slice(0, 17)}${code.endsWith('0') ? '1' : '0'}`,
      },
    });
    expect(malformed.json().details.problems[0]).toMatchObject({ field: 'employerCreditCode' });
    expect(malformed.json().message).toContain('校验码错误');
    const spells = await db.selectFrom('employment_spells').select('start_date').where('person_id', '=', person).execute();
    expect(spells.map((x) => x.start_date)).not.toContain('2025-05-01');

    // The employer's page lists the register's laborers there, to the officers of their region only.
    const at = await get('county', `/api/employers/${employer.id}/laborers?date=2026-04-01`);
    expect(at.json()).toMatchObject({ date: '2026-04-01', total: 1, poor: 1 });
    expect(at.json().items[0]).toMatchObject({
      id: person,
      name: '王建国',
      channel: '帮扶车间',
      startDate: '2025-04-01',
      monthsThere: 12,
      householdType: '脱贫户',
    });
    expect(at.json().items[0].idNumber).toContain('*');
    expect((await get('huize', `/api/employers/${employer.id}/laborers`)).json()).toMatchObject({ total: 0, items: [] });
    expect((await get('county', `/api/employers/${employer.id}/laborers?date=2025-03-31`)).json().total).toBe(0);
    const badDate = await get('county', `/api/employers/${employer.id}/laborers?date=2026-02-30`);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().message).toContain('统计日期');
    expect((await get('county', '/api/employers/999999/laborers')).statusCode).toBe(404);
    await db
      .insertInto('users')
      .values({
        username: 'workshop',
        display_name: '河东村帮扶车间',
        password_hash: (
          await db.selectFrom('users').select('password_hash').where('username', '=', 'county').executeTakeFirstOrThrow()
        ).password_hash,
        role: 'employer',
        region_code: VILLAGES.hedong,
        employer_id: employer.id,
      })
      .execute();
    as.workshop = await loginAs(app, 'workshop');
    expect((await get('workshop', `/api/employers/${employer.id}/laborers`)).statusCode).toBe(403);

    // The income corrected: still linked. Another employer named without a code: the link goes.
    const income = await send('county', 'PATCH', `/api/laborers/${person}/spells/${spell.id}`, {
      fields: { monthlyIncome: '1800' },
    });
    expect(income.json().spells.find((x: { id: string }) => x.id === spell.id)).toMatchObject({ employerId: employer.id });
    const moved = await send('county', 'PATCH', `/api/laborers/${person}/spells/${spell.id}`, {
      fields: { employer: '河东村养殖合作社' },
    });
    expect(moved.json().spells.find((x: { id: string }) => x.id === spell.id)).toMatchObject({
      employer: '河东村养殖合作社',
      employerId: null,
      employerCreditCode: null,
    });
    const trail = await get('county', `/api/laborers/${person}/audit`);
    expect(trail.json()[0]).toMatchObject({
      action: 'spell.update',
      before: { employer_id: employer.id },
      after: { employer_id: null },
    });
  });
});

describe('linking the register to an employer registered after its laborers', () => {
  it('links in one go the current spells written under its exact name, each audited; refused for a shared name or a stale count', async () => {
    const db = database.kysely;
    const name = '克什克腾旗河东村养殖合作社';
    const coop = await db
      .insertInto('employers')
      .values({ credit_code: `91150425MA0LNK03A${creditCheckChar('91150425MA0LNK03A')}`, name, region_code: VILLAGES.hedong })
      .returning('id')
      .executeTakeFirstOrThrow();
    const person = hedong[1]?.id ?? '';
    const added = await send('county', 'POST', `/api/laborers/${person}/spells`, {
      fields: { channel: '就地就近', startDate: '2025-09-01', place: VILLAGES.hedong, employer: ` ${name}` },
    });
    expect(added.statusCode).toBe(201);
    const before = (await get('county', `/api/employers/${coop.id}/laborers`)).json();
    expect(before).toMatchObject({ total: 0, unlinkedSameName: 1, employersSameName: 1 });

    const stale = await send('county', 'POST', `/api/employers/${coop.id}/link-spells`, { expected: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'LINK_COUNT_CHANGED' });
    expect((await send('province', 'POST', `/api/employers/${coop.id}/link-spells`, { expected: 1 })).statusCode).toBe(403);
    const linked = await send('county', 'POST', `/api/employers/${coop.id}/link-spells`, { expected: 1 });
    expect(linked.json()).toEqual({ linked: 1 });
    const after = (await get('county', `/api/employers/${coop.id}/laborers`)).json();
    expect(after).toMatchObject({ total: 1, unlinkedSameName: 0 });
    expect(after.items[0]).toMatchObject({ id: person, name: '李秀英' });
    const trail = (await get('county', `/api/laborers/${person}/audit`)).json();
    expect(trail[0]).toMatchObject({ action: 'spell.link_employer', after: { employer_id: coop.id } });

    // The list as Excel for the visit to the employer: full ID numbers only with the right; audited.
    const full = await readSheet((await get('county', `/api/employers/${coop.id}/laborers.xlsx`)).rawPayload);
    expect(full[0]?.slice(0, 3)).toEqual(['序号', '姓名', '身份证号']);
    expect(full[1]?.slice(1, 3)).toEqual(['李秀英', hedong[1]?.idNumber]);
    const masked = await readSheet((await get('village', `/api/employers/${coop.id}/laborers.xlsx`)).rawPayload);
    expect(masked[1]?.[2]).toContain('*');
    expect(
      await db.selectFrom('audit_log').select('after').where('action', '=', 'employer.laborers_export').execute(),
    ).toHaveLength(2);

    // Another employer registered under the same name: which one is for the officer to say.
    await db
      .insertInto('employers')
      .values({ credit_code: `91150425MA0LNK04B${creditCheckChar('91150425MA0LNK04B')}`, name, region_code: '150425' })
      .execute();
    const shared = await send('county', 'POST', `/api/employers/${coop.id}/link-spells`, { expected: 0 });
    expect(shared.statusCode).toBe(409);
    expect(shared.json().message).toContain('另有 1 个登记单位同名');
  });
});

describe('workbench', () => {
  it('counts the laborers of the region and splits them by township', async () => {
    const res = (await get('county', '/api/workbench')).json();
    expect(res.regionName).toBe('克什克腾旗');
    expect(res.laborers).toBeGreaterThanOrEqual(3);
    expect(res.byChild[0]).toMatchObject({ code: '150425100', name: '经棚镇' });
  });
});

describe('likely duplicates', () => {
  it('lists same name and birth date in one county, and a merge is audited', async () => {
    const db = database.kysely;
    const a = await buildHousehold(db, { village: VILLAGES.hedong, members: [{ name: '周明', birth: '1979-09-09' }] });
    const b = await buildHousehold(db, { village: VILLAGES.henandian, members: [{ name: '周明', birth: '1979-09-09' }] });
    expect((await send('village', 'POST', '/api/duplicates/scan', {})).statusCode).toBe(403);
    expect((await send('county', 'POST', '/api/duplicates/scan', {})).json().found).toBe(1);
    expect(await scanDuplicates(db, '15')).toBe(0); // already recorded
    const list = (await get('county', '/api/duplicates')).json();
    const cand = list.find((c: { a: { name: string } }) => c.a.name === '周明');
    expect(cand.reason).toBe('同县同名同出生日期');
    expect((await send('village', 'POST', `/api/duplicates/${cand.id}/merge`, { keep: a.persons[0]?.id })).statusCode).toBe(403);
    const merged = await send('county', 'POST', `/api/duplicates/${cand.id}/merge`, {
      keep: a.persons[0]?.id,
      note: '同一人，身份证号录错',
    });
    expect(merged.json()).toMatchObject({ status: 'merged', retired: b.persons[0]?.id });
    expect((await get('county', `/api/laborers?q=${encodeURIComponent('周明')}`)).json().total).toBe(1);
    const audit = (await get('county', `/api/laborers/${b.persons[0]?.id}/audit`)).json();
    expect(audit[0]).toMatchObject({ action: 'person.merge' });
    expect((await send('county', 'POST', `/api/duplicates/${cand.id}/dismiss`, {})).statusCode).toBe(409);
  });
});

describe('audit log', () => {
  it('the hash chain verifies after all of the above', async () => {
    const r = await verifyAuditChain(database.kysely);
    expect(r.ok).toBe(true);
    expect(r.entries).toBeGreaterThan(5);
  });
});
