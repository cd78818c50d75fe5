// Targeted recommendations through the API for Huize laborers (会泽县 堂琅社区): a matching
// run with progress, three recommendations with Chinese reasons, the fewer-than-three list
// with why, pushes that are sent once per channel, tracking to a hire that writes the
// employment spell and fills an opening, the employer's masked view (again after the laborer
// withdraws its consent, or an officer records the withdrawal the laborer asked for by phone),
// the funnel, a job fair and an organized export batch.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.ts';
import {
  type BuiltPerson,
  buildHousehold,
  buildUser,
  loginAs,
  PASSWORD,
  shanghaiDay,
  VILLAGES,
} from '../../../test/factories.ts';
import type { Database } from '../../db/connection.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { hashPassword } from '../auth/password.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let people: BuiltPerson[];
const as: Record<string, Record<string, string>> = {};
const jobIds: string[] = [];
let employerId = '';

const get = (u: string, url: string) => app.inject({ method: 'GET', url, headers: as[u] });
const post = (u: string, url: string, payload: unknown) =>
  app.inject({ method: 'POST', url, headers: as[u], payload: payload as object });

async function runFor(region: string): Promise<{ id: string; status: string }> {
  const res = await post('huize', '/api/matching/runs', { region });
  expect(res.statusCode).toBe(202);
  const id = res.json().id as string;
  for (let i = 0; i < 200; i++) {
    const r = (await get('huize', `/api/matching/runs/${id}`)).json();
    if (r.status === 'done' || r.status === 'failed') return r;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error('run did not finish');
}

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  const db = database.kysely;
  people = (
    await buildHousehold(db, {
      village: VILLAGES.tanglang,
      members: [
        { name: '陈国华', birth: '1988-04-02' },
        { name: '王老汉', birth: '1962-01-05', relationship: '父亲' },
        { name: '李秀英', sex: '女', birth: '1990-02-11', willing: false },
      ],
    })
  ).persons;
  await db
    .updateTable('persons')
    .set({ preferred_work: ['电子装配'] })
    .where('id', '=', (people[0] as BuiltPerson).id)
    .execute();
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
  const job = (title: string, place: string, work: string, o: Record<string, unknown> = {}) => ({
    employer_id: e.id,
    region_code: '530326',
    title,
    occupation_code: '6-25-04-00',
    work_region_code: work,
    work_place: place,
    openings: 2,
    wage_min_fen: 450000,
    wage_max_fen: 600000,
    accommodation: true,
    meals: true,
    age_min: 18,
    age_max: 45,
    ...o,
  });
  const rows = await db
    .insertInto('job_posts')
    .values([
      job('电子装配工', '广东省深圳市宝安区', '440306'),
      job('贴片操作工', '广东省深圳市宝安区', '440306'),
      job('电子组装普工', '云南省昆明市五华区', '530102'),
      job('分拣员', '云南省曲靖市麒麟区', '530302', { accommodation: false, meals: false }),
    ])
    .returning('id')
    .execute();
  jobIds.push(...rows.map((r) => r.id));
  await buildUser(db, { username: 'huize', role: 'county', region: '530326' });
  await buildUser(db, { username: 'keqi', role: 'county', region: '150425' });
  await db
    .insertInto('users')
    .values({
      username: 'boss',
      display_name: '刘经理',
      password_hash: await hashPassword(PASSWORD),
      role: 'employer',
      region_code: '530326',
      employer_id: e.id,
      locked_until: null,
    })
    .execute();
  for (const u of ['huize', 'keqi', 'boss']) as[u] = await loginAs(app, u);
});
afterAll(() => close());

const p = (i: number) => people[i] as BuiltPerson;

describe('a matching run', () => {
  let runId = '';
  it('gives a laborer who wants to migrate at least three jobs, best first, each with Chinese reasons', async () => {
    const run = await runFor(VILLAGES.tanglang);
    runId = run.id;
    expect(run).toMatchObject({ status: 'done', total: 2, processed: 2, withThree: 1, fewer: 1, percent: 100 });
    const res = await get('huize', `/api/laborers/${p(0).id}/recommendations`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.length).toBeGreaterThanOrEqual(3);
    expect(body.items.map((r: { rank: number }) => r.rank)).toEqual(body.items.map((_: unknown, i: number) => i + 1));
    const scores = body.items.map((r: { score: number }) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const top = body.items[0];
    expect(top.reasons.join('；')).toContain('意向工种一致');
    expect(top.reasons.join('；')).toMatch(/包吃住|距家 \d+ 公里/);
    expect(top.job.title).toMatch(/电子|贴片/);
    expect(body.laborer.idNumber).toContain('*');
  });

  it('lists the laborer with fewer than three jobs and the constraint that ruled them out', async () => {
    const res = await get('huize', `/api/recommendations/shortfalls?runId=${runId}`);
    const body = res.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ name: '王老汉', found: 0 });
    expect(body.items[0].mainReason).toContain('年龄不符');
    expect(body.items[0].excluded[0]).toMatchObject({ constraint: 'age', name: '年龄不符', jobs: 4 });
    expect(body.byReason[0]).toMatchObject({ constraint: 'age', laborers: 1 });
  });

  it('is refused outside the officer’s scope and to an employer', async () => {
    expect((await post('keqi', '/api/matching/runs', { region: VILLAGES.tanglang })).statusCode).toBe(403);
    expect((await get('keqi', `/api/laborers/${p(0).id}/recommendations`)).statusCode).toBe(404);
    expect((await post('boss', '/api/matching/runs', { region: VILLAGES.tanglang })).statusCode).toBe(403);
  });
});

describe('pushes and tracking', () => {
  it('sends each recommendation once per channel and marks it pushed', async () => {
    const recs = (await get('huize', `/api/laborers/${p(0).id}/recommendations`)).json().items.slice(0, 3);
    const ids = recs.map((r: { id: string }) => r.id);
    const first = (
      await post('huize', '/api/recommendations/push', { recommendationIds: ids, channels: ['sms', 'inapp', 'wechat'] })
    ).json();
    expect(first).toMatchObject({ recommendations: 3, queued: 6, alreadyQueued: 0, delivery: { sent: 6, retry: 0, failed: 0 } });
    expect(first.skipped).toHaveLength(3);
    expect(first.skipped[0].reason).toBe('陈国华未绑定微信');
    const again = (
      await post('huize', '/api/recommendations/push', { recommendationIds: ids, channels: ['sms', 'inapp'] })
    ).json();
    expect(again).toMatchObject({ queued: 0, alreadyQueued: 6, delivery: null });
    const outbox = (await get('huize', '/api/outbox?channel=sms')).json();
    expect(outbox.total).toBe(3);
    expect(outbox.items[0]).toMatchObject({ status: 'sent', statusName: '已发送', attempts: 1 });
    expect(outbox.items[0].recipient).toContain('****');
    expect(outbox.items[0].text).toContain('【就业帮扶】陈国华您好');
    const inapp = await database.kysely.selectFrom('inapp_messages').select('title').where('person_id', '=', p(0).id).execute();
    expect(inapp).toHaveLength(3);
    const after = (await get('huize', `/api/laborers/${p(0).id}/recommendations`)).json().items[0];
    expect(after.tracking).toMatchObject({ step: 'pushed', stepName: '已推送' });
  });

  it('shows an employer the laborer masked until the laborer agrees, then by name', async () => {
    const rec = (await get('huize', `/api/laborers/${p(0).id}/recommendations`)).json().items[0];
    const before = (await get('boss', `/api/jobs/${rec.jobId}/matches`)).json();
    expect(before.items[0].laborer).toMatchObject({ name: '陈**', phone: '', personId: null, consented: false });
    const officer = (await get('huize', `/api/jobs/${rec.jobId}/matches`)).json();
    expect(officer.items[0].laborer).toMatchObject({ personId: p(0).id, name: '陈国华' });
    expect(officer.items.map((i: { laborer: { name: string } }) => i.laborer.name)).not.toContain('王老汉');
    const c = await post('huize', `/api/recommendations/${rec.id}/events`, { event: 'consent', version: rec.version });
    expect(c.statusCode).toBe(200);
    const after = (await get('boss', `/api/jobs/${rec.jobId}/matches`)).json();
    expect(after.items[0].laborer).toMatchObject({ name: '陈国华', consented: true });
  });

  it('after the laborer withdraws (撤回同意) the employer sees it masked again; the officer sees the state and history and may record consent again', async () => {
    const rec = (await get('huize', `/api/laborers/${p(0).id}/recommendations`)).json().items[0];
    expect(rec.tracking).toMatchObject({ consentState: 'given', consentStateName: '已同意公开' });
    // What the laborer's portal writes (src/modules/laborer withdrawConsent).
    await database.kysely
      .updateTable('recommendations')
      .set({ consent_withdrawn_at: new Date(), version: rec.version + 1 })
      .where('id', '=', rec.id)
      .execute();
    const employer = (await get('boss', `/api/jobs/${rec.jobId}/matches`)).json();
    expect(employer.items[0].laborer).toMatchObject({ name: '陈**', phone: '', personId: null, consented: false });
    const officer = (await get('huize', `/api/jobs/${rec.jobId}/matches`)).json();
    expect(officer.items.find((i: { recommendationId: string }) => i.recommendationId === rec.id)).toMatchObject({
      consented: false,
    });
    const withdrawn = (await get('huize', `/api/laborers/${p(0).id}/recommendations`)).json().items[0];
    expect(withdrawn.tracking).toMatchObject({ consentState: 'withdrawn', consentStateName: '已撤回同意' });
    const again = await post('huize', `/api/recommendations/${rec.id}/events`, { event: 'consent', version: withdrawn.version });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().tracking).toMatchObject({ consentState: 'given' });
    expect((await get('boss', `/api/jobs/${rec.jobId}/matches`)).json().items[0].laborer).toMatchObject({ name: '陈国华' });
    const history = (await get('huize', `/api/recommendations/${rec.id}/consent`)).json();
    expect(history.consentState).toBe('given');
    expect(history.history).toEqual([
      expect.objectContaining({ action: 'consent', by: '经办人员记录', actorName: expect.stringContaining('huize') }),
      expect.objectContaining({ action: 'consent', by: '经办人员记录' }),
    ]);
    expect((await get('keqi', `/api/recommendations/${rec.id}/consent`)).statusCode).toBe(404);
    expect((await get('boss', `/api/recommendations/${rec.id}/consent`)).statusCode).toBe(403);
  });

  it('a hire writes the employment spell into the register and fills an opening; nothing follows a hire', async () => {
    let rec = (await get('huize', `/api/laborers/${p(0).id}/recommendations`)).json().items[0];
    for (const event of ['seen', 'interested', 'applied', 'interviewed']) {
      const r = await post('huize', `/api/recommendations/${rec.id}/events`, { event, version: rec.version });
      expect(r.statusCode).toBe(200);
      rec = r.json();
    }
    const stale = await post('huize', `/api/recommendations/${rec.id}/events`, { event: 'hired', version: rec.version - 1 });
    expect(stale.statusCode).toBe(409);
    const today = todayInShanghai();
    const hired = await post('huize', `/api/recommendations/${rec.id}/events`, {
      event: 'hired',
      version: rec.version,
      date: today,
    });
    expect(hired.statusCode).toBe(200);
    expect(hired.json().tracking).toMatchObject({ step: 'hired', hiredOn: today, stable3: 'pending', stable3Name: '未满期' });
    const detail = (await get('huize', `/api/laborers/${p(0).id}`)).json();
    // Linked to the job's employer, whose code the officer never typed.
    expect(detail.spells[0]).toMatchObject({
      channel: '外出务工(有组织)',
      startDate: today,
      employer: '深圳宝安某电子有限公司',
      employerId,
    });
    const job = await database.kysely
      .selectFrom('job_posts')
      .select(['filled'])
      .where('id', '=', rec.jobId)
      .executeTakeFirstOrThrow();
    expect(job.filled).toBe(1);
    const again = await post('huize', `/api/recommendations/${rec.id}/events`, { event: 'seen', version: rec.version + 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已于');
  });

  it('the funnel per village counts each step reached and the hire', async () => {
    const f = (await get('huize', '/api/recommendations/funnel?region=530326001')).json();
    expect(f.items).toHaveLength(1);
    expect(f.items[0]).toMatchObject({
      regionCode: VILLAGES.tanglang,
      laborers: 1,
      pushed: 3,
      seen: 1,
      applied: 1,
      hired: 1,
      due3: 0,
      stable3: 0,
    });
  });
});

describe('job fairs and export batches', () => {
  it('records a fair’s jobs, invitations from recommendations, attendance and an on-site hire; counts fairs per county', async () => {
    const today = todayInShanghai();
    const f = await post('huize', '/api/fairs', {
      region: '530326',
      title: '春风行动专场招聘会',
      date: today,
      venue: '会泽县人力资源市场',
    });
    expect(f.statusCode).toBe(201);
    const id = f.json().id;
    // A post whose season ended before the fair's day was not on offer at it.
    const ended = await database.kysely
      .updateTable('job_posts')
      .set({ season_from: shanghaiDay(-90), season_to: shanghaiDay(-1) })
      .where('id', '=', jobIds[1] as string)
      .returning('title')
      .executeTakeFirstOrThrow();
    const refused = await post('huize', `/api/fairs/${id}/jobs`, { jobIds: [jobIds[1], jobIds[2]] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe(
      `招聘会“春风行动专场招聘会”：参会岗位“${ended.title}”季节性用工期至 ${shanghaiDay(-1)}，早于招聘会日期 ${today}`,
    );
    await database.kysely
      .updateTable('job_posts')
      .set({ season_from: null, season_to: null })
      .where('id', '=', jobIds[1] as string)
      .execute();
    await post('huize', `/api/fairs/${id}/jobs`, { jobIds: [jobIds[2], jobIds[3]] });
    const inv = (await post('huize', `/api/fairs/${id}/invitations`, { fromRecommendations: true })).json();
    expect(inv.counts).toMatchObject({ jobs: 2, invited: 1 });
    const notAtFair = await post('huize', `/api/fairs/${id}/attendance`, {
      personId: p(0).id,
      attended: true,
      hiredJobId: jobIds[0],
    });
    expect(notAtFair.statusCode).toBe(400);
    const done = (
      await post('huize', `/api/fairs/${id}/attendance`, { personId: p(2).id, attended: true, hiredJobId: jobIds[3] })
    ).json();
    expect(done).toMatchObject({ status: 'held', counts: { invited: 2, attended: 1, hired: 1 } });
    const cov = (await get('huize', `/api/fairs/coverage?year=${today.slice(0, 4)}`)).json();
    expect(cov.items).toEqual([{ countyCode: '530326', countyName: expect.any(String), fairs: 1, required: 2, met: false }]);
  });

  it('an export batch writes 外出务工(有组织) spells at departure and reports stability as not yet due', async () => {
    const today = todayInShanghai();
    const b = await post('huize', '/api/export-batches', {
      region: '530326',
      destination: '广东省深圳市宝安区',
      employerId,
      transport: '包车',
      departureDate: today,
      leader: '张队长',
    });
    expect(b.statusCode).toBe(201);
    const id = b.json().id;
    const m = (await post('huize', `/api/export-batches/${id}/members`, { personIds: [p(1).id] })).json();
    const d = await post('huize', `/api/export-batches/${id}/depart`, { version: m.version });
    expect(d.statusCode).toBe(200);
    expect(d.json()).toMatchObject({ status: 'departed', people: 1, stability: { pending3: 1, stable3: 0, left3: 0 } });
    const spells = await database.kysely.selectFrom('employment_spells').selectAll().where('person_id', '=', p(1).id).execute();
    expect(spells).toMatchObject([
      { channel: '外出务工(有组织)', out_of_province: true, start_date: today, employer_id: employerId },
    ]);
    expect((await post('huize', `/api/export-batches/${id}/depart`, { version: m.version + 1 })).statusCode).toBe(409);
  });
});

describe('撤回同意 recorded by an officer the laborer told', () => {
  const withdraw = (u: string, id: string, payload: unknown) => post(u, `/api/recommendations/${id}/consent/withdraw`, payload);
  /** A recommendation of 陈国华 in the latest run not hired, its consent given by the officer. */
  let rec: { id: string; jobId: string; version: number };
  const row = (id: string) =>
    database.kysely
      .selectFrom('recommendations')
      .select(['consent_at', 'consent_withdrawn_at', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const withdrawals = (id: string) =>
    database.kysely
      .selectFrom('audit_log')
      .select(['actor_name', 'region_code', 'before', 'after'])
      .where('entity', '=', 'recommendation')
      .where('entity_id', '=', id)
      .where('action', '=', 'recommendation.consent_withdrawn')
      .orderBy('seq')
      .execute();
  const employerSees = async (jobId: string) => {
    const res = await get('boss', `/api/jobs/${jobId}/matches`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items[0].laborer;
  };

  beforeAll(async () => {
    const db = database.kysely;
    await buildUser(db, { username: 'qujing', role: 'city', region: '5303' });
    await buildUser(db, { username: 'shenji', role: 'auditor', region: '530326' });
    await buildUser(db, { username: 'cunyuan', role: 'village', region: VILLAGES.tanglang, displayName: '张村干' });
    for (const u of ['qujing', 'shenji', 'cunyuan']) as[u] = await loginAs(app, u);
    const items = (await get('huize', `/api/laborers/${p(0).id}/recommendations`)).json().items as {
      id: string;
      jobId: string;
      version: number;
      tracking: { hiredOn: string | null; consentState: string };
    }[];
    const open = items.find((r) => !r.tracking.hiredOn && r.tracking.consentState === 'none');
    if (!open) throw new Error('no recommendation left without consent');
    const c = await post('huize', `/api/recommendations/${open.id}/events`, { event: 'consent', version: open.version });
    expect(c.statusCode, c.body).toBe(200);
    rec = { id: open.id, jobId: open.jobId, version: c.json().version };
    expect(await employerSees(rec.jobId)).toMatchObject({ name: '陈国华', consented: true });
  });

  it('is refused to read-only roles and the employer (forbidden), and not found outside the officer’s region', async () => {
    for (const u of ['qujing', 'shenji', 'boss']) {
      const res = await withdraw(u, rec.id, { version: rec.version, note: '本人电话告知' });
      expect(res.statusCode, u).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/^无权操作：代劳动力撤回同意/) });
    }
    const away = await withdraw('keqi', rec.id, { version: rec.version, note: '本人电话告知' });
    expect(away.statusCode).toBe(404);
    expect(away.json()).toMatchObject({ code: 'NOT_FOUND', message: `推荐（ID ${rec.id}）不存在或不在您的管辖范围内` });
    expect(await row(rec.id)).toMatchObject({ consent_withdrawn_at: null, version: rec.version });
    expect(await withdrawals(rec.id)).toEqual([]);
  });

  it('needs the note of how the laborer asked (1-200 characters once trimmed) and the version the officer saw', async () => {
    const missing = await withdraw('huize', rec.id, { version: rec.version });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'REQUEST_INVALID', details: { problems: [{ field: 'note' }] } });
    for (const note of ['   ', '话'.repeat(201)]) {
      const bad = await withdraw('huize', rec.id, { version: rec.version, note });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(/^推荐 \d+（陈国华：.+）：撤回说明(不能为空|不能超过200个字)/),
        details: { problems: [{ field: 'note', label: '撤回说明' }] },
      });
    }
    const stale = await withdraw('huize', rec.id, { version: rec.version - 1, note: '本人电话告知' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'RECOMMENDATION_VERSION_CONFLICT',
      message: expect.stringContaining(`已更新（当前版本 ${rec.version}），请刷新后重试`),
    });
    expect(await row(rec.id)).toMatchObject({ consent_withdrawn_at: null, version: rec.version });
    expect(await withdrawals(rec.id)).toEqual([]);
  });

  it('masks the laborer for the employer again, on the same job’s later recommendation too, audited with the officer and the note', async () => {
    // A later run recommended the same job again and the laborer agreed there too.
    const db = database.kysely;
    const run2 = await db
      .insertInto('matching_runs')
      .values({ region_code: '530326', as_of: todayInShanghai(), status: 'done' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const again = await db
      .insertInto('recommendations')
      .values({
        run_id: run2.id,
        person_id: p(0).id,
        job_id: rec.jobId,
        region_code: p(0).villageCode,
        rank: 1,
        score: 0.9,
        consent_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const res = await withdraw('cunyuan', rec.id, { version: rec.version, note: '  本人电话告知 ' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: rec.id,
      version: rec.version + 1,
      tracking: { consentState: 'withdrawn', consentStateName: '已撤回同意', consentWithdrawnAt: expect.any(String) },
    });
    // What the employer sees, as after the laborer's own withdrawal.
    expect(await employerSees(rec.jobId)).toMatchObject({ name: '陈**', phone: '', personId: null, consented: false });
    expect((await row(again.id)).consent_withdrawn_at).not.toBeNull();

    const [entry] = await withdrawals(rec.id);
    expect(entry).toMatchObject({
      actor_name: '张村干(cunyuan)',
      region_code: p(0).villageCode,
      before: { consentAt: expect.any(String), consentWithdrawnAt: null },
      after: { event: '撤回同意', by: '经办人员代为记录', requestNote: '本人电话告知' },
    });
    expect(await withdrawals(again.id)).toMatchObject([
      { actor_name: '张村干(cunyuan)', after: { by: '经办人员代为记录', requestNote: '本人电话告知', with: rec.id } },
    ]);

    const history = (await get('huize', `/api/recommendations/${rec.id}/consent`)).json();
    expect(history).toMatchObject({ consentState: 'withdrawn', consentStateName: '已撤回同意' });
    expect(history.history[0]).toEqual({
      at: expect.any(String),
      action: 'consent_withdrawn',
      actionName: '撤回同意',
      actorName: '张村干(cunyuan)',
      by: '经办人员代为记录',
      note: '本人电话告知',
    });
    expect(history.history[1]).toMatchObject({ action: 'consent', by: '经办人员记录', note: null });
  });

  it('is refused, in Chinese and naming the recommendation, when no consent is in force', async () => {
    const now = await row(rec.id);
    const again = await withdraw('huize', rec.id, { version: now.version, note: '本人当面提出' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'CONSENT_ALREADY_WITHDRAWN',
      message: expect.stringMatching(
        /^推荐 \d+（陈国华：.+）：劳动力已于 \d{4}-\d{2}-\d{2} 撤回同意，用人单位已看不到其姓名和电话$/,
      ),
    });
    const never = (await get('huize', `/api/laborers/${p(0).id}/recommendations`)).json();
    const none = [...never.items, ...never.earlier].find(
      (r: { tracking: { consentState: string } }) => r.tracking.consentState === 'none',
    );
    const res = await withdraw('huize', none.id, { version: none.version, note: '本人电话告知' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'CONSENT_NOT_GIVEN',
      message: expect.stringMatching(/：劳动力尚未同意向用人单位公开信息，无需撤回$/),
    });
    expect(await withdrawals(none.id)).toEqual([]);
    expect(await withdrawals(rec.id)).toHaveLength(1);
  });

  it('the API description lists the officer’s withdrawal', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/recommendations/{id}/consent/withdraw'].post.summary).toContain('撤回同意');
  });
});
