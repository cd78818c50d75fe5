// Limits that hold under concurrency, enforced by the database: parallel requests on the
// real PostgreSQL (DATABASE_URL) overlap in separate transactions; on PGlite they run one
// after the other and must give the same answers.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { createTestApp } from '../app.ts';
import { type BuiltPerson, buildHousehold, buildUser, loginAs, VILLAGES } from '../factories.ts';
import { api, bankFileDetailNos, OUT_OF_PROVINCE, shanghaiDay, transportClaim } from './helpers.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let people: BuiltPerson[];
const as: Record<string, Record<string, string>> = {};
let call: ReturnType<typeof api>;

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  people = (
    await buildHousehold(database.kysely, {
      village: VILLAGES.tanglang,
      members: [
        { name: '张德明' },
        { name: '王桂芬', sex: '女', birth: '1986-08-08' },
        { name: '张小龙', birth: '1996-06-06', relationship: '子' },
        { name: '张小凤', sex: '女', birth: '1999-09-19', relationship: '女' },
        { name: '张小虎', birth: '2001-01-21', relationship: '子' },
      ],
    })
  ).persons;
  for (const u of ['officer1', 'officer2']) {
    await buildUser(database.kysely, { username: u, role: 'county', region: '530326' });
    as[u] = await loginAs(app, u);
  }
  call = api(app, as);
});
afterAll(() => close());

const codes = (responses: { statusCode: number }[]) => responses.map((r) => r.statusCode).sort();

describe('two claims for the same person and year', () => {
  it('five parallel TR-HZ applications for one laborer: exactly one is stored, the others name the person and the year', async () => {
    const p = people[0] as BuiltPerson;
    const res = await Promise.all(
      Array.from({ length: 5 }, (_, i) => call.post(i % 2 ? 'officer1' : 'officer2', '/api/claims', transportClaim(p.id))),
    );
    expect(codes(res)).toEqual([201, 409, 409, 409, 409]);
    for (const r of res.filter((x) => x.statusCode === 409)) {
      expect(r.json().code).toBe('CLAIM_LIMIT_REACHED');
      expect(r.json().message).toContain('张德明');
      expect(r.json().message).toContain('2019 年');
    }
    const stored = await database.kysely.selectFrom('claims').select('id').where('person_id', '=', p.id).execute();
    expect(stored).toHaveLength(1);
    const slots = await database.kysely
      .selectFrom('claim_slots')
      .selectAll()
      .where('subject_key', '=', `person:${p.id}`)
      .execute();
    expect(slots).toHaveLength(1);
  });

  it('the county (TR-HZ) and the province (TR-YN) transport subsidy at once: one trip is paid once', async () => {
    const p = people[1] as BuiltPerson;
    const res = await Promise.all([
      call.post('officer1', '/api/claims', transportClaim(p.id)),
      call.post('officer2', '/api/claims', {
        ...transportClaim(p.id),
        rule: 'TR-YN',
      }),
    ]);
    expect(codes(res)).toEqual([201, 409]);
    expect(res.find((r) => r.statusCode === 409)?.json().code).toBe('CLAIM_LIMIT_REACHED');
  });
});

describe('two officers acting on the same claim at once', () => {
  it('both review version 1: one approval, the other is told someone else acted', async () => {
    const c = (await call.post('officer1', '/api/claims', transportClaim((people[2] as BuiltPerson).id))).json().claim;
    const res = await Promise.all(
      ['officer1', 'officer2'].map((u) =>
        call.post(u, `/api/claims/${c.id}/actions`, { action: 'review', version: 1, comment: u }),
      ),
    );
    expect(codes(res)).toEqual([200, 409]);
    expect(res.find((r) => r.statusCode === 409)?.json().code).toBe('CLAIM_VERSION_CONFLICT');
    const events = await database.kysely.selectFrom('claim_events').select('action').where('claim_id', '=', c.id).execute();
    expect(events.map((e) => e.action)).toEqual(['submit', 'review']);
    const row = await database.kysely
      .selectFrom('claims')
      .select(['status', 'version'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'reviewed', version: 2 });
  });

  it('review and refuse at once: exactly one of them happens', async () => {
    const c = (
      await call.post('officer1', '/api/claims', {
        ...transportClaim((people[3] as BuiltPerson).id),
        facts: { ...OUT_OF_PROVINCE, ticketPriceFen: 30000 },
      })
    ).json().claim;
    const res = await Promise.all([
      call.post('officer1', `/api/claims/${c.id}/actions`, { action: 'review', version: 1 }),
      call.post('officer2', `/api/claims/${c.id}/actions`, { action: 'refuse', version: 1, comment: '材料不实' }),
    ]);
    expect(codes(res)).toEqual([200, 409]);
    const row = await database.kysely.selectFrom('claims').select('status').where('id', '=', c.id).executeTakeFirstOrThrow();
    const winner = res.find((r) => r.statusCode === 200)?.json().status;
    expect(row.status).toBe(winner);
  });
});

describe('never paid twice', () => {
  let batchIds: string[] = [];

  // The race above may end in a refusal, so the queue gets one more reviewed claim of its own.
  beforeAll(async () => {
    const c = (await call.post('officer1', '/api/claims', transportClaim((people[4] as BuiltPerson).id))).json().claim;
    const reviewed = await call.post('officer1', `/api/claims/${c.id}/actions`, { action: 'review', version: 1 });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
  });

  it('two batches built at once from the same queue take each claim once', async () => {
    const reviewed = await database.kysely.selectFrom('claims').select(['id']).where('status', '=', 'reviewed').execute();
    expect(reviewed.length).toBeGreaterThanOrEqual(2);
    const list = await call.post('officer1', '/api/publicity', {
      region: '530326',
      title: '会泽县外出务工交通补助公示',
      from: shanghaiDay(-1),
      to: shanghaiDay(5),
      claimIds: reviewed.map((r) => r.id),
    });
    expect(list.statusCode).toBe(201);
    const listId = list.json().list.id;
    await sql`UPDATE publicity_lists SET period_from = ${shanghaiDay(-8)}, period_to = ${shanghaiDay(-1)} WHERE id = ${listId}`.execute(
      database.kysely,
    );
    // Two officers close the same list at once: one closes it, and the approvals are booked once.
    const closes = await Promise.all(['officer1', 'officer2'].map((u) => call.post(u, `/api/publicity/${listId}/close`, {})));
    expect(codes(closes)).toEqual([200, 409]);
    const approved = await database.kysely
      .selectFrom('ledger_entries')
      .select('claim_id')
      .where('kind', '=', 'approved')
      .execute();
    expect(approved).toHaveLength(reviewed.length);

    const res = await Promise.all(
      ['officer1', 'officer2'].map((u) => call.post(u, '/api/payment-batches', { fund: 'employment_fund', region: '530326' })),
    );
    const made = res.filter((r) => r.statusCode === 201);
    expect(made.length).toBeGreaterThanOrEqual(1);
    for (const r of res.filter((x) => x.statusCode !== 201)) expect(r.json().code).toBe('BATCH_EMPTY');
    const lines = made.flatMap((r) => r.json().payments.map((p: { claimId: string }) => p.claimId));
    expect(lines.sort()).toEqual(reviewed.map((r) => r.id).sort());
    batchIds = made.map((r) => r.json().batch.id);
  });

  it('the database refuses a second live payment for a claim, whatever the code does', async () => {
    const p = await database.kysely.selectFrom('payments').selectAll().executeTakeFirstOrThrow();
    await expect(
      database.kysely
        .insertInto('payments')
        .values({ ...p, id: undefined, detail_no: `${p.detail_no}-X` })
        .execute(),
    ).rejects.toThrow(/payments_live_claim_key/);
  });

  it('the same bank result imported twice at once books each payment once', async () => {
    for (const id of batchIds) {
      const detailNos = await bankFileDetailNos(call, 'officer1', id);
      const result = Buffer.from(
        `明细号,结果,失败原因,银行流水号\n${detailNos.map((d, i) => `${d},成功,,B${id}-${i}`).join('\n')}\n`,
      );
      const res = await Promise.all(
        ['officer1', 'officer2'].map((u) =>
          call.upload(u, `/api/payment-batches/${id}/result`, {}, { name: '回盘.csv', content: result }),
        ),
      );
      expect(codes(res)).toEqual([200, 200]);
      expect(res.map((r) => r.json().paid).sort()).toEqual([0, detailNos.length]);
    }
    const paid = await database.kysely
      .selectFrom('ledger_entries')
      .select([(eb) => eb.fn.countAll<string>().as('n'), sql<string>`sum(amount_fen)::text`.as('fen')])
      .where('kind', '=', 'paid')
      .executeTakeFirstOrThrow();
    const payments = await database.kysely
      .selectFrom('payments')
      .select([(eb) => eb.fn.countAll<string>().as('n'), sql<string>`sum(amount_fen)::text`.as('fen')])
      .where('status', '=', 'paid')
      .executeTakeFirstOrThrow();
    expect(paid).toEqual(payments);
    const claims = await database.kysely.selectFrom('claims').select('status').where('status', '=', 'paid').execute();
    expect(claims.length).toBe(Number(payments.n));
  });
});
