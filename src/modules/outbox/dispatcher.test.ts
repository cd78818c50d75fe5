// The dispatcher over a real outbox: retries with backoff until the attempts run out, a
// refusal is final, a message is never handed out twice (concurrent drains, enqueue twice,
// a send interrupted mid-way), and the rate limit spaces sends.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { buildHousehold, VILLAGES } from '../../../test/factories.ts';
import type { Database } from '../../db/connection.ts';
import { backoffMs, OutboxDispatcher, RateLimiter } from './dispatcher.ts';
import type { OutboundMessage, PushSender, SendOutcome } from './senders.ts';

let database: Database;
let recIds: string[] = [];

class ScriptedSender implements PushSender {
  readonly channel = 'sms' as const;
  readonly description = 'scripted';
  calls: string[] = [];
  constructor(private readonly answer: (m: OutboundMessage, n: number) => SendOutcome) {}
  async send(m: OutboundMessage): Promise<SendOutcome> {
    this.calls.push(m.id);
    await new Promise((r) => setTimeout(r, 5));
    return this.answer(m, this.calls.filter((c) => c === m.id).length);
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.kysely;
  const h = await buildHousehold(db, { village: VILLAGES.tanglang, members: [{ name: '张三' }] });
  const e = await db
    .insertInto('employers')
    .values({ credit_code: '91530326MA6K000001', name: '某公司', region_code: '530326' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const jobs = await db
    .insertInto('job_posts')
    .values(
      [1, 2, 3, 4].map((i) => ({
        employer_id: e.id,
        region_code: '530326',
        title: `岗位${i}`,
        occupation_code: '6-25-04-00',
        work_region_code: '530326',
        openings: 1,
        wage_min_fen: 1,
        wage_max_fen: 1,
      })),
    )
    .returning('id')
    .execute();
  const run = await db
    .insertInto('matching_runs')
    .values({ region_code: '530326', as_of: '2026-11-01' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const recs = await db
    .insertInto('recommendations')
    .values(
      jobs.map((j, i) => ({
        run_id: run.id,
        person_id: h.persons[0]?.id ?? '',
        job_id: j.id,
        region_code: VILLAGES.tanglang,
        rank: i + 1,
        score: 50,
      })),
    )
    .returning('id')
    .execute();
  recIds = recs.map((r) => r.id);
});
afterAll(() => database.close());

async function queue(recId: string) {
  return database.kysely
    .insertInto('outbox')
    .values({
      recommendation_id: recId,
      channel: 'sms',
      region_code: VILLAGES.tanglang,
      recipient: '13800000000',
      template: 'recommendation',
      body: JSON.stringify({ text: '测试' }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

const row = (id: string) => database.kysely.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const makeDue = (id: string) =>
  sql`UPDATE outbox SET next_attempt_at = now() - interval '1 second' WHERE id = ${id}`.execute(database.kysely);

describe('outbox dispatcher', () => {
  it('backs off 30 s, 1 min, 2 min … up to an hour', () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20)).toBe(3_600_000);
  });

  it('retries a busy gateway later, then marks the message failed when the attempts run out', async () => {
    const sender = new ScriptedSender(() => ({ status: 'retry', error: '网关繁忙' }));
    const d = new OutboxDispatcher(database.kysely, [{ sender }], { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 60_000 });
    const { id } = await queue(recIds[0] as string);
    expect(await d.drain()).toEqual({ sent: 0, retry: 1, failed: 0 });
    let r = await row(id);
    expect(r).toMatchObject({ status: 'retry', attempts: 1, last_error: '网关繁忙' });
    expect(new Date(r.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 50_000);
    // Not due yet: nothing is sent.
    expect(await d.drain()).toEqual({ sent: 0, retry: 0, failed: 0 });
    await makeDue(id);
    await d.drain();
    await makeDue(id);
    expect(await d.drain()).toEqual({ sent: 0, retry: 0, failed: 1 });
    r = await row(id);
    expect(r.status).toBe('failed');
    expect(r.last_error).toBe('已重试 3 次仍未成功：网关繁忙');
    expect(sender.calls).toHaveLength(3);
  });

  it('hands each message to the gateway once even when two dispatchers drain at once, and marks the recommendation pushed', async () => {
    const sender = new ScriptedSender((m) => ({ status: 'sent', providerRef: `ref-${m.id}` }));
    const a = new OutboxDispatcher(database.kysely, [{ sender }]);
    const b = new OutboxDispatcher(database.kysely, [{ sender }]);
    const { id } = await queue(recIds[1] as string);
    await Promise.all([a.drain(), b.drain(), a.drain()]);
    expect(sender.calls).toEqual([id]);
    expect(await row(id)).toMatchObject({ status: 'sent', provider_ref: `ref-${id}`, attempts: 1 });
    const rec = await database.kysely
      .selectFrom('recommendations')
      .select('pushed_at')
      .where('id', '=', recIds[1] as string)
      .executeTakeFirstOrThrow();
    expect(rec.pushed_at).not.toBeNull();
    await expect(queue(recIds[1] as string)).rejects.toThrow(/duplicate key|unique/i);
  });

  it('does not send again a message whose send was interrupted (result unknown), but marks it failed for an officer', async () => {
    const { id } = await queue(recIds[2] as string);
    await sql`UPDATE outbox SET status = 'sending', attempts = 1, next_attempt_at = now() - interval '1 hour' WHERE id = ${id}`.execute(
      database.kysely,
    );
    const sender = new ScriptedSender(() => ({ status: 'sent', providerRef: 'x' }));
    const d = new OutboxDispatcher(database.kysely, [{ sender }]);
    await d.drain();
    expect(sender.calls).toEqual([]);
    const { failAbandoned } = await import('./outbox.repository.ts');
    expect(await failAbandoned(database.kysely, 10 * 60_000)).toBe(1);
    expect((await row(id)).last_error).toContain('未自动重试');
  });

  it('a refusal is final at the first attempt', async () => {
    const sender = new ScriptedSender(() => ({ status: 'failed', error: '号码无效' }));
    const d = new OutboxDispatcher(database.kysely, [{ sender }]);
    const { id } = await queue(recIds[3] as string);
    expect(await d.drain()).toEqual({ sent: 0, retry: 0, failed: 1 });
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1, last_error: '号码无效' });
  });

  it('the rate limit lets a burst of one second through, then spaces sends', async () => {
    const waits: number[] = [];
    const limiter = new RateLimiter(2, async (ms) => {
      waits.push(ms);
      await new Promise((r) => setTimeout(r, ms));
    });
    const t = Date.now();
    for (let i = 0; i < 4; i++) await limiter.take();
    expect(waits.length).toBeGreaterThanOrEqual(2);
    expect(Date.now() - t).toBeGreaterThanOrEqual(900);
  });
});
