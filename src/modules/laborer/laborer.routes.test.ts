// 劳动者服务 through the API: the SMS-code login (right, wrong, expired and locked codes, the
// same answer for an unknown ID number and for a wrong phone, limits), and a signed-in
// laborer that sees only its own record and recommendations, says it is interested (which
// shows its contact to the employer), withdraws that consent (撤回同意: masked again) and gives
// it again, applies for the Huize transport subsidy with a ticket photo and finds the claim in
// its list and in the county's review queue marked 本人申请.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.ts';
import { type BuiltPerson, buildHousehold, buildJobPost, buildUser, loginAs, VILLAGES } from '../../../test/factories.ts';
import type { Database } from '../../db/connection.ts';
import { makeIdNumber } from '../../domain/idcard/gb11643.ts';
import { MAX_CODE_TRIES } from '../../domain/laborer/login-code.ts';
import { CODE_SENT_MESSAGE } from './login.service.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let me: BuiltPerson;
let other: BuiltPerson;
let stranger: BuiltPerson;
const recs: Record<string, string> = {};
let employerId = '';
let jobId = '';
let runId = '';
const PHONE = '13712340001';
const UNKNOWN_ID = makeIdNumber('530326', '1990-01-01', 777, '男');
const SMS_FILE = join('.tmp/test-data', 'outbox', 'sms.jsonl');

/** The last code the file sender wrote for this phone. */
function lastCode(phone: string): string {
  const lines = readFileSync(SMS_FILE, 'utf8').trim().split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = JSON.parse(lines[i] as string) as { to: string; text: string; template: string };
    if (m.to === phone && m.template === 'login_code') return /验证码为(\d{6})/.exec(m.text)?.[1] ?? '';
  }
  throw new Error(`no code for ${phone}`);
}

let ipSeq = 0;
const nextIp = () => `10.20.${Math.floor(++ipSeq / 200)}.${ipSeq % 200}`;
const askCode = (idNumber: string, phone: string, ip = nextIp()) =>
  app.inject({ method: 'POST', url: '/api/me/login/code', payload: { idNumber, phone }, remoteAddress: ip });
const enter = (idNumber: string, phone: string, code: string, ip = nextIp()) =>
  app.inject({ method: 'POST', url: '/api/me/login', payload: { idNumber, phone, code }, remoteAddress: ip });

/** Logs the laborer in through the SMS code and returns the session headers. */
async function logIn(p: BuiltPerson, phone: string) {
  // Earlier tests asked for codes a moment ago: move them out of the resend and hourly limits.
  await database.kysely.updateTable('login_codes').set({ created_at: sql`created_at - interval '2 hours'` }).execute();
  expect((await askCode(p.idNumber, phone)).statusCode).toBe(200);
  const res = await enter(p.idNumber, phone, lastCode(phone));
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'bangfu_session');
  return { cookie: `bangfu_session=${cookie?.value}`, 'x-csrf-token': res.json().csrfToken as string };
}

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  const db = database.kysely;
  [me, other] = (
    await buildHousehold(db, {
      village: VILLAGES.tanglang,
      members: [
        { name: '陈国华', birth: '1988-04-02', phone: PHONE },
        { name: '李秀英', sex: '女', birth: '1990-02-11', phone: '13712340002' },
      ],
    })
  ).persons as [BuiltPerson, BuiltPerson];
  [stranger] = (await buildHousehold(db, { village: VILLAGES.hedong, members: [{ name: '王强', phone: '13712340003' }] }))
    .persons as [BuiltPerson];
  await buildUser(db, { username: 'huize', role: 'county', region: '530326' });
  const e = await db
    .insertInto('employers')
    .values({
      credit_code: '91440300MA5F000001',
      name: '深圳宝安某电子有限公司',
      region_code: '530326',
      contact_name: '刘经理',
      contact_phone: '13900000000',
      address: '深圳市宝安区福永街道',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  employerId = e.id;
  await db
    .insertInto('users')
    .values({
      username: 'factory',
      display_name: '电子厂',
      password_hash: (
        await db.selectFrom('users').select('password_hash').where('username', '=', 'huize').executeTakeFirstOrThrow()
      ).password_hash,
      role: 'employer',
      region_code: '530326',
      employer_id: e.id,
      locked_until: null,
    })
    .execute();
  const job = await buildJobPost(db, e.id, { working_hours: '每天8小时' });
  const run = await db
    .insertInto('matching_runs')
    .values({ region_code: '530326', as_of: '2026-11-01', status: 'done' })
    .returning('id')
    .executeTakeFirstOrThrow();
  jobId = job.id;
  runId = run.id;
  for (const [key, p] of [
    ['mine', me],
    ['sister', other],
  ] as const) {
    const r = await db
      .insertInto('recommendations')
      .values({
        run_id: run.id,
        person_id: p.id,
        job_id: job.id,
        region_code: p.villageCode,
        rank: 1,
        score: 0.8,
        reasons: ['意向工种一致', '包吃住'],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    recs[key] = r.id;
  }
});
afterAll(() => close());

describe('login with an SMS code', () => {
  it('sends a 6-digit code through the SMS sender (the local file by default) and logs in with it', async () => {
    const res = await askCode(me.idNumber, PHONE);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ message: CODE_SENT_MESSAGE, expiresInSeconds: 300, resendAfterSeconds: 60 });
    const code = lastCode(PHONE);
    expect(code).toMatch(/^\d{6}$/);
    // The database keeps a salted hash only.
    const stored = await database.kysely.selectFrom('login_codes').selectAll().where('person_id', '=', me.id).execute();
    expect(JSON.stringify(stored)).not.toContain(code);

    const ok = await enter(me.idNumber, PHONE, code);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ role: 'laborer', roleName: '劳动者', displayName: '陈国华', personId: me.id });
    expect(ok.cookies.find((c) => c.name === 'bangfu_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // A code logs in once.
    const again = await enter(me.idNumber, PHONE, code);
    expect(again.json()).toMatchObject({ code: 'AUTH_CODE_EXPIRED', message: '验证码已使用过，请重新获取' });
    const audit = await database.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'laborer_login')
      .where('entity_id', '=', me.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['laborer.code_request', 'laborer.login', 'laborer.login_failed']),
    );
  });

  it('answers an unknown ID number and a wrong phone alike, and sends nothing to either', async () => {
    const unknownId = UNKNOWN_ID;
    const wrongPhone = await askCode(other.idNumber, '13799999999');
    const unknown = await askCode(unknownId, '13799999998');
    expect([wrongPhone.statusCode, unknown.statusCode]).toEqual([200, 200]);
    expect(wrongPhone.json()).toEqual(unknown.json());
    expect(readFileSync(SMS_FILE, 'utf8')).not.toMatch(/13799999999|13799999998/);
    const a = await enter(other.idNumber, '13799999999', '123456');
    const b = await enter(unknownId, '13799999998', '123456');
    expect([a.statusCode, b.statusCode]).toEqual([401, 401]);
    expect(a.json()).toEqual(b.json());
    expect(a.json()).toMatchObject({
      code: 'AUTH_CODE_INVALID',
      message: `身份证号、手机号或验证码不正确（还可再试 ${MAX_CODE_TRIES - 1} 次）`,
    });
  });

  it(`a wrong code counts a try; after ${MAX_CODE_TRIES} the code is dead even when right`, async () => {
    const phone = '13712340002';
    await askCode(other.idNumber, phone);
    const code = lastCode(phone);
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 1; i < MAX_CODE_TRIES; i++) {
      const r = await enter(other.idNumber, phone, wrong);
      expect(r.json()).toMatchObject({
        code: 'AUTH_CODE_INVALID',
        message: `身份证号、手机号或验证码不正确（还可再试 ${MAX_CODE_TRIES - i} 次）`,
      });
    }
    const locked = await enter(other.idNumber, phone, wrong);
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ code: 'AUTH_CODE_LOCKED' });
    expect((await enter(other.idNumber, phone, code)).json()).toMatchObject({ code: 'AUTH_CODE_LOCKED' });
  });

  it('an expired code is refused; a new one may be asked for after a minute', async () => {
    const phone = '13712340003';
    await askCode(stranger.idNumber, phone);
    const code = lastCode(phone);
    const early = await askCode(stranger.idNumber, phone);
    expect(early.statusCode).toBe(429);
    expect(early.json()).toMatchObject({ code: 'AUTH_CODE_RATE_LIMITED' });
    await database.kysely
      .updateTable('login_codes')
      .set({ expires_at: new Date(Date.now() - 1000), created_at: new Date(Date.now() - 120_000) })
      .where('person_id', '=', stranger.id)
      .execute();
    const expired = await enter(stranger.idNumber, phone, code);
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toEqual({
      code: 'AUTH_CODE_EXPIRED',
      message: '验证码已过期，请重新获取',
      details: { record: '劳动者登录' },
    });
    expect((await askCode(stranger.idNumber, phone)).statusCode).toBe(200);
  });

  it('names the field of a malformed ID number or phone, and refuses a laborer account at the password login', async () => {
    const badId = `${UNKNOWN_ID.slice(0, 17)}${UNKNOWN_ID[17] === '0' ? '1' : '0'}`;
    const bad = await askCode(badId, '23456789012');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.problems.map((p: { field: string }) => p.field)).toEqual(['idNumber', 'phone']);
    expect(bad.json().message).toMatch(/^劳动者登录：身份证号校验码错误.*；手机号应为11位手机号码$/);
    const pw = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: `laborer:${me.id}`, password: '!' },
    });
    expect(pw.json()).toMatchObject({ code: 'AUTH_BAD_CREDENTIALS' });
  });

  it('limits code requests from one address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await askCode(UNKNOWN_ID, `1360000${String(1000 + i)}`, '10.99.0.1')).statusCode);
    expect(codes.at(-1)).toBe(429);
  });
});

describe('a signed-in laborer', () => {
  let h: Record<string, string>;
  beforeAll(async () => {
    h = await logIn(me, PHONE);
  });
  const get = (url: string) => app.inject({ method: 'GET', url, headers: h });
  const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, headers: h, payload: payload as object });

  it('reads its own record with a note to ask the village to correct it', async () => {
    const res = await get('/api/me/profile');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '陈国华', phone: '137****0001', household: { type: '脱贫户' } });
    expect(res.json().idNumber).not.toBe(me.idNumber);
    expect(res.json().correction).toContain('联系村');
  });

  it('cannot list the register or use any officer API', async () => {
    for (const url of ['/api/laborers', `/api/laborers/${me.id}`, '/api/claims', '/api/workbench']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
  });

  it("sees its recommendation with reasons; another person's recommendation is 404", async () => {
    const list = await get('/api/me/recommendations');
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({
      id: recs.mine,
      reasons: ['意向工种一致', '包吃住'],
      job: { title: '电子装配工', employer: { name: '深圳宝安某电子有限公司' } },
    });
    expect(JSON.stringify(list.json())).not.toContain('13900000000');
    for (const url of [`/api/me/recommendations/${recs.sister}`, '/api/me/recommendations/999999']) {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect((await post(`/api/me/recommendations/${recs.sister}/response`, { answer: 'interested', version: 1 })).statusCode).toBe(
      404,
    );
  });

  it('opening records 已查看; 感兴趣 records interest and consent, and the employer then sees its name and phone', async () => {
    const factory = await loginAs(app, 'factory');
    const masked = await app.inject({
      method: 'GET',
      url: `/api/jobs/${(await get('/api/me/recommendations')).json().items[0].job.id}/matches`,
      headers: factory,
    });
    const seen = await post(`/api/me/recommendations/${recs.mine}/seen`, {});
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().seenAt).not.toBeNull();
    expect(seen.json().consentAt).toBeNull();
    const noCsrf = await app.inject({
      method: 'POST',
      url: `/api/me/recommendations/${recs.mine}/response`,
      headers: { cookie: h.cookie as string },
      payload: { answer: 'interested', version: seen.json().version },
    });
    expect(noCsrf.json()).toMatchObject({ code: 'CSRF_INVALID' });
    const stale = await post(`/api/me/recommendations/${recs.mine}/response`, { answer: 'interested', version: 1 });
    expect(stale.json()).toMatchObject({ code: 'RECOMMENDATION_VERSION_CONFLICT' });
    const yes = await post(`/api/me/recommendations/${recs.mine}/response`, {
      answer: 'interested',
      version: seen.json().version,
    });
    expect(yes.statusCode, yes.body).toBe(200);
    expect(yes.json().interestedAt).not.toBeNull();
    expect(yes.json().consentAt).not.toBeNull();
    const twice = await post(`/api/me/recommendations/${recs.mine}/response`, {
      answer: 'interested',
      version: yes.json().version,
    });
    expect(twice.json()).toMatchObject({ code: 'RECOMMENDATION_STEP_NOT_ALLOWED' });
    expect(masked.statusCode, masked.body).toBe(200);
    expect(JSON.stringify(masked.json())).not.toContain(PHONE);
    const after = await app.inject({ method: 'GET', url: `/api/jobs/${yes.json().job.id}/matches`, headers: factory });
    expect(JSON.stringify(after.json())).toContain(PHONE);
    const audit = await database.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity', '=', 'recommendation')
      .where('entity_id', '=', recs.mine as string)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['recommendation.seen', 'recommendation.interested', 'recommendation.consent']);
    expect(audit[0]?.actor_name).toBe(`陈国华(laborer:${me.id})`);
  });

  it('sees the policies of its area decided by the engine today, with reasons and citations', async () => {
    const res = await get('/api/me/policies');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const all = [...body.qualifies, ...body.needsFacts, ...body.notNow];
    expect(all.length).toBeGreaterThan(0);
    // Rules of Inner Mongolia or Hunan never show for a Huize laborer.
    expect(all.every((d: { inForce: { region: string } }) => VILLAGES.tanglang.startsWith(d.inForce.region))).toBe(true);
    const tr = all.find((d: { rule: string }) => d.rule === 'TR-HZ');
    expect(tr).toMatchObject({ status: 'not_in_force', statusName: '不在适用范围或有效期内' });
    expect(tr.message).not.toBe('');
  });

  it('applies for the Huize transport subsidy with a ticket photo; the engine decides; the county sees it marked 本人申请', async () => {
    const info = await get('/api/me/transport');
    expect(info.json().rule).toMatchObject({ id: 'TR-HZ', document: 'HZ-2018-20' });
    const body = {
      caseDate: '2019-06-01',
      destination: { kind: 'out_of_province' },
      workPlace: '广东省深圳市宝安区',
      stableMonths: 4,
      ticketPriceFen: 48000,
      bankName: '中国农业银行会泽县支行',
      bankAccount: '6228480086012345678',
      ticket: {
        fileName: '车票.jpg',
        contentType: 'image/jpeg',
        dataBase64: Buffer.from('ticket photo of 陈国华').toString('base64'),
      },
    };
    const bad = await post('/api/me/transport-claims', { ...body, ticket: { ...body.ticket, contentType: 'text/plain' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('交通补助申请：车票照片应为 JPG、PNG 图片或 PDF');
    const res = await post('/api/me/transport-claims', body);
    expect(res.statusCode, res.body).toBe(201);
    const claim = res.json();
    expect(claim).toMatchObject({
      rule: 'TR-HZ',
      amountFen: 48000,
      status: 'submitted',
      applicantName: '本人申请',
      bankAccount: '***************5678',
    });
    expect(claim.evidence).toEqual([expect.objectContaining({ kind: 'ticket', fileName: '车票.jpg' })]);
    expect(claim.steps[0]).toMatchObject({ action: 'submit', actorName: `陈国华（本人申请）(laborer:${me.id})` });
    expect(claim.steps[0].comment).toContain('广东省深圳市宝安区');
    const row = await database.kysely
      .selectFrom('claims as c')
      .innerJoin('users as u', 'u.id', 'c.created_by')
      .select(['u.role', 'c.applicant', 'c.region_code'])
      .where('c.id', '=', claim.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'laborer', applicant: 'laborer', region_code: VILLAGES.tanglang });

    // Once a year: a second application the same year is refused, and nothing of it is kept.
    const before = await database.kysely
      .selectFrom('claim_evidence')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const again = await post('/api/me/transport-claims', { ...body, caseDate: '2019-09-01' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CLAIM_LIMIT_REACHED');
    const after = await database.kysely
      .selectFrom('claim_evidence')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    const mine = await get('/api/me/claims');
    expect(mine.json().items.map((c: { id: string }) => c.id)).toEqual([claim.id]);
    const county = await loginAs(app, 'huize');
    const queue = await app.inject({ method: 'GET', url: '/api/claims?status=submitted', headers: county });
    expect(queue.json().items).toEqual([expect.objectContaining({ id: claim.id, applicantName: '本人申请' })]);
    // Another laborer's claim is 404 to this one.
    expect((await get('/api/me/claims/999999')).statusCode).toBe(404);
  });

  it('work inside the county is 外出务工 only when the register says so: a workshop post at home is refused, a job in the county town pays', async () => {
    const db = database.kysely;
    const laborer = async (name: string, phone: string, channel: string, place: string) => {
      const [p] = (await buildHousehold(db, { village: VILLAGES.tanglang, members: [{ name, phone }] })).persons as [BuiltPerson];
      await db
        .insertInto('employment_spells')
        .values({
          person_id: p.id,
          village_code: p.villageCode,
          start_date: '2018-12-01',
          channel,
          place_code: place,
          monthly_income_fen: 160000,
        })
        .execute();
      return p;
    };
    const atHome = await laborer('张车间', '13712340011', '帮扶车间', VILLAGES.tanglang);
    const inTown = await laborer('李县城', '13712340012', '外出务工(自主)', '530326001');
    const body = {
      caseDate: '2019-06-01',
      destination: { kind: 'in_county' },
      workPlace: '会泽县古城街道',
      stableMonths: 6,
      ticketPriceFen: 1500,
      bankName: '中国农业银行会泽县支行',
      bankAccount: '6228480086012345678',
      ticket: { fileName: '车票.jpg', contentType: 'image/jpeg', dataBase64: Buffer.from('ticket').toString('base64') },
    };
    const refused = await app.inject({
      method: 'POST',
      url: '/api/me/transport-claims',
      headers: await logIn(atHome, '13712340011'),
      payload: body,
    });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'CLAIM_NOT_ELIGIBLE' });
    expect(refused.json().message).toContain('不符合条件：外出务工');
    const kept = await db.selectFrom('claims').select('id').where('person_id', '=', atHome.id).execute();
    expect(kept).toEqual([]);

    const paid = await app.inject({
      method: 'POST',
      url: '/api/me/transport-claims',
      headers: await logIn(inTown, '13712340012'),
      payload: body,
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({ rule: 'TR-HZ', amountFen: 1500, status: 'submitted' });
  });

  it('the API description lists the laborer endpoints', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/me/login/code',
        '/api/me/login',
        '/api/me/recommendations/{id}/response',
        '/api/me/transport-claims',
      ]),
    );
  });
});

describe('撤回同意: withdrawing consent', () => {
  let h: Record<string, string>;
  let factory: Record<string, string>;
  let county: Record<string, string>;
  beforeAll(async () => {
    h = await logIn(me, PHONE);
    factory = await loginAs(app, 'factory');
    county = await loginAs(app, 'huize');
  });
  const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, headers: h, payload: payload as object });
  const withdraw = (id: string, version: number) => post(`/api/me/recommendations/${id}/consent/withdraw`, { version });
  const mine = async (id = recs.mine as string) =>
    (await app.inject({ method: 'GET', url: `/api/me/recommendations/${id}`, headers: h })).json();
  /** The job's matched laborers as the employer sees them, by person (the masked ones by surname). */
  const employerSees = async () => {
    const res = await app.inject({ method: 'GET', url: `/api/jobs/${jobId}/matches`, headers: factory });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { recommendationId: string; hired: boolean; laborer: Record<string, unknown> }[];
  };
  const auditOf = (id: string) =>
    database.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'before', 'after'])
      .where('entity', '=', 'recommendation')
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();

  it('masks the laborer for the employer again, exactly as before the consent, keeps the consent date and audits it', async () => {
    const before = await mine();
    expect(before).toMatchObject({ consentState: 'given', consentStateName: '已同意公开', consentWithdrawnAt: null });
    const shown = (await employerSees()).find((i) => i.recommendationId === recs.mine);
    expect(shown?.laborer).toMatchObject({ name: '陈国华', phone: PHONE, personId: me.id, consented: true });
    // The sister never agreed: what an employer sees of a laborer before consent.
    const neverAgreed = (await employerSees()).find((i) => i.recommendationId === recs.sister)?.laborer;
    expect(neverAgreed).toMatchObject({ name: '李**', phone: '', personId: null, consented: false });

    const stale = await withdraw(recs.mine as string, before.version - 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('RECOMMENDATION_VERSION_CONFLICT');
    const noCsrf = await app.inject({
      method: 'POST',
      url: `/api/me/recommendations/${recs.mine}/consent/withdraw`,
      headers: { cookie: h.cookie as string },
      payload: { version: before.version },
    });
    expect(noCsrf.json()).toMatchObject({ code: 'CSRF_INVALID' });

    const res = await withdraw(recs.mine as string, before.version);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: recs.mine,
      version: before.version + 1,
      consentAt: before.consentAt,
      consentState: 'withdrawn',
      consentStateName: '已撤回同意',
      consentNotice: null,
    });
    expect(res.json().consentWithdrawnAt).not.toBeNull();

    const masked = (await employerSees()).find((i) => i.recommendationId === recs.mine)?.laborer;
    expect(masked).toEqual({ ...neverAgreed, name: '陈**', sex: '男', age: shown?.laborer.age });
    expect(masked).toMatchObject({ personId: null, phone: '', consented: false });
    const page = JSON.stringify(await employerSees());
    expect(page).not.toContain(PHONE);
    expect(page).not.toContain('陈国华');

    const audit = (await auditOf(recs.mine as string)).at(-1);
    expect(audit).toMatchObject({
      action: 'recommendation.consent_withdrawn',
      actor_name: `陈国华(laborer:${me.id})`,
      before: { consentAt: expect.any(String), consentWithdrawnAt: null },
      after: { event: '撤回同意', by: '劳动者本人' },
    });
  });

  it('refuses a second withdrawal and one without consent, naming the recommendation', async () => {
    const again = await withdraw(recs.mine as string, (await mine()).version);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'CONSENT_ALREADY_WITHDRAWN',
      details: { record: `推荐岗位“电子装配工”（ID ${recs.mine}）` },
    });
    expect(again.json().message).toMatch(
      new RegExp(`^推荐岗位“电子装配工”（ID ${recs.mine}）：您已于 \\d{4}-\\d{2}-\\d{2} 撤回同意`),
    );

    const db = database.kysely;
    const other = await db
      .insertInto('job_posts')
      .values({
        employer_id: employerId,
        region_code: '530326',
        title: '包装工',
        occupation_code: '6-25-04-00',
        work_region_code: '440306',
        openings: 2,
        wage_min_fen: 400000,
        wage_max_fen: 500000,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rec = await db
      .insertInto('recommendations')
      .values({ run_id: runId, person_id: me.id, job_id: other.id, region_code: me.villageCode, rank: 2, score: 0.6 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const none = await withdraw(rec.id, 1);
    expect(none.statusCode).toBe(409);
    expect(none.json()).toEqual({
      code: 'CONSENT_NOT_GIVEN',
      message: `推荐岗位“包装工”（ID ${rec.id}）：您尚未同意向用人单位公开信息，无需撤回`,
      details: { record: `推荐岗位“包装工”（ID ${rec.id}）` },
    });
    expect((await auditOf(rec.id)).map((a) => a.action)).toEqual([]);
  });

  it("cannot withdraw another laborer's consent", async () => {
    await database.kysely
      .updateTable('recommendations')
      .set({ consent_at: new Date() })
      .where('id', '=', recs.sister as string)
      .execute();
    const res = await withdraw(recs.sister as string, 1);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: `推荐岗位（ID ${recs.sister}）不存在或不在您的管辖范围内` });
    const row = await database.kysely
      .selectFrom('recommendations')
      .select(['consent_withdrawn_at', 'version'])
      .where('id', '=', recs.sister as string)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ consent_withdrawn_at: null, version: 1 });
    expect((await employerSees()).find((i) => i.recommendationId === recs.sister)?.laborer).toMatchObject({
      name: '李秀英',
      consented: true,
    });
    expect(await auditOf(recs.sister as string)).toEqual([]);
  });

  it('gives consent again with 感兴趣; the officer sees the state and its history', async () => {
    const withdrawn = await mine();
    const res = await post(`/api/me/recommendations/${recs.mine}/response`, { answer: 'interested', version: withdrawn.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ consentState: 'given', interestedAt: withdrawn.interestedAt });
    expect(Date.parse(res.json().consentAt)).toBeGreaterThan(Date.parse(withdrawn.consentWithdrawnAt));
    expect(res.json().consentWithdrawnAt).toBe(withdrawn.consentWithdrawnAt);
    expect((await employerSees()).find((i) => i.recommendationId === recs.mine)?.laborer).toMatchObject({
      name: '陈国华',
      phone: PHONE,
      consented: true,
    });
    const audit = (await auditOf(recs.mine as string)).at(-1);
    // The consent it replaces is kept in the entry.
    expect(audit).toMatchObject({
      action: 'recommendation.consent',
      before: { consentAt: withdrawn.consentAt, consentWithdrawnAt: withdrawn.consentWithdrawnAt },
    });

    const officer = await app.inject({ method: 'GET', url: `/api/recommendations/${recs.mine}/consent`, headers: county });
    expect(officer.statusCode, officer.body).toBe(200);
    expect(officer.json()).toMatchObject({
      recommendationId: recs.mine,
      consentState: 'given',
      consentStateName: '已同意公开',
      consentWithdrawnAt: withdrawn.consentWithdrawnAt,
    });
    expect(
      officer.json().history.map((e: { action: string; actionName: string; by: string }) => [e.action, e.actionName, e.by]),
    ).toEqual([
      ['consent', '同意向用人单位公开信息', '劳动者本人'],
      ['consent_withdrawn', '撤回同意', '劳动者本人'],
      ['consent', '同意向用人单位公开信息', '劳动者本人'],
    ]);
    const list = await app.inject({ method: 'GET', url: `/api/laborers/${me.id}/recommendations`, headers: county });
    expect(list.json().items.find((r: { id: string }) => r.id === recs.mine).tracking).toMatchObject({
      consentState: 'given',
      consentStateName: '已同意公开',
      consentWithdrawnAt: withdrawn.consentWithdrawnAt,
    });
    // Neither the employer nor the laborer reads the officers' history.
    for (const headers of [factory, h]) {
      const refused = await app.inject({ method: 'GET', url: `/api/recommendations/${recs.mine}/consent`, headers });
      expect(refused.statusCode).toBe(403);
    }
  });

  it('a later run that recommends the same job again: one withdrawal masks the laborer for the job', async () => {
    const db = database.kysely;
    const run2 = await db
      .insertInto('matching_runs')
      .values({ region_code: '530326', as_of: '2026-11-15', status: 'done' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const again = await db
      .insertInto('recommendations')
      .values({ run_id: run2.id, person_id: me.id, job_id: jobId, region_code: me.villageCode, rank: 1, score: 0.9 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const yes = await post(`/api/me/recommendations/${again.id}/response`, { answer: 'interested', version: 1 });
    expect(yes.json()).toMatchObject({ consentState: 'given' });
    const res = await withdraw(again.id, yes.json().version);
    expect(res.statusCode, res.body).toBe(200);
    expect((await mine()).consentState).toBe('withdrawn');
    const seen = (await employerSees()).filter((i) => i.laborer.name === '陈国华' || i.laborer.name === '陈**');
    expect(seen).toEqual([expect.objectContaining({ laborer: expect.objectContaining({ name: '陈**', consented: false }) })]);
    expect((await auditOf(recs.mine as string)).at(-1)).toMatchObject({
      action: 'recommendation.consent_withdrawn',
      after: { with: again.id },
    });
  });

  it('after a hire: the withdrawal masks the list again, says the employment stays, and consent is not given again', async () => {
    const again = (await app.inject({ method: 'GET', url: '/api/me/recommendations', headers: h })).json().items[0];
    const consent = await post(`/api/me/recommendations/${again.id}/response`, { answer: 'interested', version: again.version });
    expect(consent.statusCode, consent.body).toBe(200);
    const officerView = (
      await app.inject({ method: 'GET', url: `/api/laborers/${me.id}/recommendations`, headers: county })
    ).json();
    const rec = officerView.items.find((r: { id: string }) => r.id === again.id);
    const hired = await app.inject({
      method: 'POST',
      url: `/api/recommendations/${again.id}/events`,
      headers: county,
      payload: { event: 'hired', version: rec.version },
    });
    expect(hired.statusCode, hired.body).toBe(200);
    const res = await withdraw(again.id, hired.json().version);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ consentState: 'withdrawn', hiredOn: hired.json().tracking.hiredOn });
    expect(res.json().consentNotice).toContain('录用记录、就业经历和您与单位的劳动关系不受影响');
    const row = (await employerSees()).find((i) => i.laborer.name === '陈**');
    expect(row).toMatchObject({ hired: true, laborer: { personId: null, phone: '' } });
    // The hire and its employment spell stay.
    const spell = await database.kysely
      .selectFrom('employment_spells')
      .select('employer')
      .where('id', '=', hired.json().tracking.spellId)
      .executeTakeFirstOrThrow();
    expect(spell.employer).toBe('深圳宝安某电子有限公司');
    const reconsent = await post(`/api/me/recommendations/${again.id}/response`, {
      answer: 'interested',
      version: res.json().version,
    });
    expect(reconsent.statusCode).toBe(409);
    expect(reconsent.json().code).toBe('RECOMMENDATION_STEP_NOT_ALLOWED');
  });

  it('the API description lists the withdrawal and the consent history', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/me/recommendations/{id}/consent/withdraw'].post.summary).toContain('撤回同意');
    expect(doc.paths['/api/recommendations/{id}/consent'].get).toBeDefined();
  });
});

describe('消息: the laborer’s inbox', () => {
  it('shows only its own in-app messages, newest first, and marks one read; another person’s is not found', async () => {
    const db = database.kysely;
    const add = (personId: string, title: string, outboxId: number) =>
      db
        .insertInto('inapp_messages')
        .values({
          person_id: personId,
          region_code: VILLAGES.tanglang,
          title,
          body: `${title}：请到村委会咨询`,
          outbox_id: outboxId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    await add(me.id, '为您推荐岗位：缝纫普工', 900001);
    const notice = await add(me.id, '您可能符合：外出务工交通补助（会泽县）', 900002);
    const theirs = await add(other.id, '您可能符合：外出务工交通补助（会泽县）', 900003);
    const headers = await logIn(me, PHONE);
    const list = await app.inject({ method: 'GET', url: '/api/me/messages', headers });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().unread).toBe(2);
    expect(list.json().items.map((m: { title: string }) => m.title)).toEqual([
      '您可能符合：外出务工交通补助（会泽县）',
      '为您推荐岗位：缝纫普工',
    ]);
    const read = await app.inject({ method: 'POST', url: `/api/me/messages/${notice.id}/read`, headers });
    expect(read.statusCode, read.body).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/me/messages', headers })).json().unread).toBe(1);
    // Marking it read again keeps the first time (read_at changes only from unread to now).
    const twice = await app.inject({ method: 'POST', url: `/api/me/messages/${notice.id}/read`, headers });
    expect(twice.statusCode, twice.body).toBe(200);
    expect(twice.json().readAt).toBe(read.json().readAt);
    const notMine = await app.inject({ method: 'POST', url: `/api/me/messages/${theirs.id}/read`, headers });
    expect(notMine.statusCode).toBe(404);
    const row = await db.selectFrom('inapp_messages').select('read_at').where('id', '=', theirs.id).executeTakeFirstOrThrow();
    expect(row.read_at).toBeNull();
  });
});
