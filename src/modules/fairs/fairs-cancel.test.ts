// Cancelling a job fair that will not take place and an organized export batch that will not
// depart, as the Huize county office (会泽县) does: only from 'planned', with a reason, at the
// version the officer saw, by the officers who create them, audited. A cancelled fair keeps
// its invitations, takes nothing new and no longer counts toward the two fairs a year; a
// cancelled batch keeps its members, takes no new ones, cannot depart and earns no subsidy.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.ts';
import { type BuiltPerson, buildHousehold, buildJobPost, buildUser, loginAs, VILLAGES } from '../../../test/factories.ts';
import type { Database } from '../../db/connection.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let people: BuiltPerson[];
let employerId = '';
let jobId = '';
const as: Record<string, Record<string, string>> = {};

const get = (u: string, url: string) => app.inject({ method: 'GET', url, headers: as[u] });
const post = (u: string, url: string, payload: object) => app.inject({ method: 'POST', url, headers: as[u], payload });
const p = (i: number) => people[i] as BuiltPerson;

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  const db = database.kysely;
  people = (
    await buildHousehold(db, {
      village: VILLAGES.tanglang,
      members: [{ name: '赵永福' }, { name: '钱春兰', sex: '女', birth: '1992-05-06', relationship: '配偶' }],
    })
  ).persons;
  const e = await db
    .insertInto('employers')
    .values({
      credit_code: '91440300MA5F000001',
      name: '深圳宝安某电子有限公司',
      region_code: '530326',
      contact_name: '刘经理',
      contact_phone: '13900000000',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  employerId = e.id;
  const j = await buildJobPost(db, e.id, { age_min: 18, age_max: 45 });
  jobId = j.id;
  await buildUser(db, { username: 'huize', role: 'county', region: '530326', displayName: '李经办' });
  await buildUser(db, { username: 'keqi', role: 'county', region: '150425' });
  await buildUser(db, { username: 'auditor', role: 'auditor', region: '53' });
  await buildUser(db, { username: 'qujing', role: 'city', region: '5303' });
  for (const u of ['huize', 'keqi', 'auditor', 'qujing']) as[u] = await loginAs(app, u);
});
afterAll(() => close());

async function newFair(title: string, date: string) {
  const res = await post('huize', '/api/fairs', { region: '530326', title, date, venue: '会泽县人力资源市场' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; status: string };
}

async function newBatch(departureDate: string) {
  const res = await post('huize', '/api/export-batches', {
    region: '530326',
    destination: '广东省深圳市宝安区',
    destinationCode: '440306',
    employerId,
    transport: '包车',
    departureDate,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; status: string };
}

async function auditOf(entity: string, id: string, action: string) {
  return database.kysely
    .selectFrom('audit_log')
    .select(['before', 'after', 'actor_name'])
    .where('entity', '=', entity)
    .where('entity_id', '=', String(id))
    .where('action', '=', action)
    .execute();
}

describe('cancelling a job fair', () => {
  it('cancels a planned fair with the reason, keeps its invitations and refuses new jobs, invitations and attendance', async () => {
    const f = await newFair('2031年春风行动专场招聘会', '2031-03-10');
    const inv = await post('huize', `/api/fairs/${f.id}/invitations`, { personIds: [p(0).id] });
    expect(inv.statusCode, inv.body).toBe(200);
    const version = inv.json().version as number;

    const res = await post('huize', `/api/fairs/${f.id}/cancel`, { reason: '  天气原因  ', version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'cancelled',
      statusName: '已取消',
      version: version + 1,
      cancellation: { reason: '天气原因', byName: '李经办', at: expect.any(String) },
      counts: { invited: 1 },
    });
    expect(res.json().invitations).toMatchObject([{ personId: p(0).id, name: '赵永福' }]);

    expect(await auditOf('job_fair', f.id, 'fair.cancel')).toMatchObject([
      {
        before: { status: 'planned', version },
        after: { status: 'cancelled', version: version + 1, reason: '天气原因' },
        actor_name: '李经办(huize)',
      },
    ]);

    const list = (await get('huize', '/api/fairs?year=2031&status=cancelled')).json();
    expect(list.items).toMatchObject([{ id: f.id, status: 'cancelled', statusName: '已取消', cancelReason: '天气原因' }]);
    expect((await get('huize', '/api/fairs?year=2031&status=planned')).json().items).toEqual([]);

    for (const [url, body] of [
      [`/api/fairs/${f.id}/jobs`, { jobIds: [jobId] }],
      [`/api/fairs/${f.id}/invitations`, { personIds: [p(1).id] }],
      [`/api/fairs/${f.id}/attendance`, { personId: p(0).id, attended: true }],
    ] as const) {
      const r = await post('huize', url, body);
      expect(r.statusCode, url).toBe(409);
      expect(r.json()).toMatchObject({
        code: 'FAIR_CANCELLED',
        message: expect.stringContaining('2031年春风行动专场招聘会”已取消'),
      });
    }
    const again = await post('huize', `/api/fairs/${f.id}/cancel`, { reason: '用工单位取消', version: version + 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'FAIR_NOT_PLANNED', message: expect.stringContaining('“已取消”') });
  });

  it('refuses to cancel a fair already held, naming the fair and its status', async () => {
    const f = await newFair('堂琅社区就业援助月招聘会', todayInShanghai());
    const held = await post('huize', `/api/fairs/${f.id}/attendance`, { personId: p(1).id, attended: true });
    expect(held.json()).toMatchObject({ status: 'held' });
    const res = await post('huize', `/api/fairs/${f.id}/cancel`, { reason: '天气原因', version: held.json().version });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'FAIR_NOT_PLANNED' });
    expect(res.json().message).toContain('招聘会“堂琅社区就业援助月招聘会”');
    expect(res.json().message).toContain('“已举办”');
  });

  it('asks for a reason, refuses a stale version, another county and the read-only roles; the fair stays planned', async () => {
    const f = await newFair('2032年民营企业招聘月', '2032-05-20');
    const url = `/api/fairs/${f.id}/cancel`;
    const missing = await post('huize', url, { version: f.version });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'REQUEST_INVALID', details: { problems: [{ field: 'reason' }] } });
    const blank = await post('huize', url, { reason: '   ', version: f.version });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '招聘会“2032年民营企业招聘月”（2032-05-20）：取消原因不能为空',
      details: { problems: [{ field: 'reason', label: '取消原因' }] },
    });
    const stale = await post('huize', url, { reason: '天气原因', version: f.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'FAIR_VERSION_CONFLICT', message: expect.stringContaining('已被他人修改') });
    const other = await post('keqi', url, { reason: '天气原因', version: f.version });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('NOT_FOUND');
    for (const u of ['auditor', 'qujing']) {
      const r = await post(u, url, { reason: '天气原因', version: f.version });
      expect(r.statusCode, u).toBe(403);
      expect(r.json()).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('取消招聘会') });
    }
    expect((await get('huize', `/api/fairs/${f.id}`)).json()).toMatchObject({
      status: 'planned',
      version: f.version,
      cancellation: null,
    });
    expect(await auditOf('job_fair', f.id, 'fair.cancel')).toEqual([]);
  });

  it('no longer counts a cancelled fair toward the county’s two fairs a year', async () => {
    const a = await newFair('2033年春季招聘会', '2033-03-01');
    await newFair('2033年秋季招聘会', '2033-09-01');
    const before = (await get('huize', '/api/fairs/coverage?year=2033')).json();
    expect(before).toMatchObject({ short: 0, items: [{ countyCode: '530326', fairs: 2, required: 2, met: true }] });
    const cancelled = await post('huize', `/api/fairs/${a.id}/cancel`, { reason: '用工单位取消', version: a.version });
    expect(cancelled.statusCode).toBe(200);
    const after = (await get('huize', '/api/fairs/coverage?year=2033')).json();
    expect(after).toMatchObject({ short: 1, items: [{ countyCode: '530326', fairs: 1, required: 2, met: false }] });
  });
});

describe('cancelling an organized export batch', () => {
  it('cancels a planned batch with the reason, keeps its members, takes no new ones, cannot depart and feeds no subsidy', async () => {
    const b = await newBatch('2031-02-20');
    const m = await post('huize', `/api/export-batches/${b.id}/members`, { personIds: [p(0).id] });
    expect(m.statusCode, m.body).toBe(200);
    const version = m.json().version as number;

    const res = await post('huize', `/api/export-batches/${b.id}/cancel`, { reason: '用工单位取消', version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'cancelled',
      statusName: '已取消',
      version: version + 1,
      people: 1,
      cancellation: { reason: '用工单位取消', byName: '李经办' },
    });
    expect(await auditOf('export_batch', b.id, 'export.cancel')).toMatchObject([
      { before: { status: 'planned', version }, after: { status: 'cancelled', version: version + 1, reason: '用工单位取消' } },
    ]);
    const list = (await get('huize', '/api/export-batches?year=2031&status=cancelled')).json();
    expect(list.items).toMatchObject([{ id: b.id, statusName: '已取消', cancelReason: '用工单位取消', people: 1 }]);

    const add = await post('huize', `/api/export-batches/${b.id}/members`, { personIds: [p(1).id] });
    expect(add.statusCode).toBe(409);
    expect(add.json()).toMatchObject({
      code: 'EXPORT_NOT_PLANNED',
      message: '劳务输出批次（广东省深圳市宝安区，2031-02-20）已取消，不能再添加人员',
    });
    const depart = await post('huize', `/api/export-batches/${b.id}/depart`, { version: version + 1 });
    expect(depart.statusCode).toBe(409);
    expect(depart.json()).toMatchObject({ code: 'EXPORT_NOT_PLANNED', message: expect.stringContaining('已取消，不能登记出发') });
    const subsidies = await get('huize', `/api/export-batches/${b.id}/subsidies`);
    expect(subsidies.statusCode).toBe(409);
    expect(subsidies.json()).toMatchObject({ code: 'EXPORT_CANCELLED', message: expect.stringContaining('不产生劳务输出补贴') });
    const again = await post('huize', `/api/export-batches/${b.id}/cancel`, { reason: '天气原因', version: version + 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'EXPORT_NOT_PLANNED', message: expect.stringContaining('“已取消”') });
  });

  it('refuses to cancel a batch that departed, naming the batch and its status', async () => {
    const b = await newBatch('2019-03-01');
    const m = (await post('huize', `/api/export-batches/${b.id}/members`, { personIds: [p(1).id] })).json();
    const d = await post('huize', `/api/export-batches/${b.id}/depart`, { version: m.version });
    expect(d.statusCode, d.body).toBe(200);
    const res = await post('huize', `/api/export-batches/${b.id}/cancel`, { reason: '天气原因', version: d.json().version });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'EXPORT_NOT_PLANNED',
      message: '劳务输出批次（广东省深圳市宝安区，2019-03-01）状态为“已出发”，只有待出发的批次可以取消',
    });
  });

  it('asks for a reason, refuses a stale version, another county and the read-only roles; the batch stays planned', async () => {
    const b = await newBatch('2032-02-15');
    const url = `/api/export-batches/${b.id}/cancel`;
    const missing = await post('huize', url, { version: b.version });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'REQUEST_INVALID', details: { problems: [{ field: 'reason' }] } });
    const blank = await post('huize', url, { reason: '', version: b.version });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '劳务输出批次（广东省深圳市宝安区，2032-02-15）：取消原因不能为空',
    });
    const stale = await post('huize', url, { reason: '用工单位取消', version: b.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'EXPORT_VERSION_CONFLICT', message: expect.stringContaining('已被他人修改') });
    const other = await post('keqi', url, { reason: '用工单位取消', version: b.version });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('NOT_FOUND');
    for (const u of ['auditor', 'qujing']) {
      const r = await post(u, url, { reason: '用工单位取消', version: b.version });
      expect(r.statusCode, u).toBe(403);
      expect(r.json()).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('取消劳务输出批次') });
    }
    expect((await get('huize', `/api/export-batches/${b.id}`)).json()).toMatchObject({
      status: 'planned',
      version: b.version,
      cancellation: null,
    });
    expect(await auditOf('export_batch', b.id, 'export.cancel')).toEqual([]);
  });

  it('documents both cancel routes with their body in the OpenAPI description', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/fairs/{id}/cancel', '/api/export-batches/{id}/cancel']) {
      const op = doc.paths[path]?.post;
      expect(op, path).toBeDefined();
      expect(op.requestBody.content['application/json'].schema.required).toEqual(['reason', 'version']);
    }
  });
});
