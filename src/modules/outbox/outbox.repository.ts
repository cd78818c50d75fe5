// SQL of the outbox: enqueue once per recommendation and channel (or, for a policy notice,
// once per 政策找人 run, person and channel), take due messages for
// sending, record each outcome. The dispatcher runs as the system (no region scope): it
// serves every region's queue.
import { type Kysely, sql } from 'kysely';
import type { Scoped } from '../../db/connection.ts';
import type { DB } from '../../db/schema.ts';
import type { OutboxRow, OutboxStatus, PushChannel } from '../../db/schema-recommendations.ts';

export type EnqueueRow = {
  channel: PushChannel;
  region_code: string;
  recipient: string;
  template: string;
  body: string;
  created_by: string | null;
} & ({ recommendation_id: string } | { find_run_id: string; person_id: string });

/** Inserts the messages not queued before; answers the ids of those it inserted. */
export async function enqueue(trx: Scoped, rows: EnqueueRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const out = await trx
    .insertInto('outbox')
    .values(rows)
    .onConflict((c) => c.doNothing()) // queued before (either unique key): never twice
    .returning('id')
    .execute();
  return out.map((r) => r.id);
}

/**
 * Takes up to `limit` due messages and marks them 'sending' (attempts + 1) in one
 * committed statement, so another dispatcher skips them and none is handed out twice.
 */
export async function takeDue(db: Kysely<DB>, limit: number, channels: readonly PushChannel[]): Promise<OutboxRow[]> {
  if (channels.length === 0) return [];
  const r = await sql<OutboxRow>`
    UPDATE outbox o SET status = 'sending', attempts = o.attempts + 1, next_attempt_at = now()
     WHERE o.id IN (
       SELECT id FROM outbox
        WHERE status IN ('queued', 'retry') AND next_attempt_at <= now() AND channel = ANY(${channels as string[]})
        ORDER BY next_attempt_at, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING o.*`.execute(db);
  return r.rows.sort((a, b) => Number(a.id) - Number(b.id));
}

export async function markSent(db: Kysely<DB>, id: string, providerRef: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('outbox')
      .set({ status: 'sent', provider_ref: providerRef, sent_at: sql`now()`, last_error: '' } as never)
      .where('id', '=', id)
      .returning(['recommendation_id', 'sent_at'])
      .executeTakeFirstOrThrow();
    if (row.recommendation_id === null) return; // a policy notice: no recommendation to mark pushed
    await trx
      .updateTable('recommendations')
      .set({ pushed_at: sql`coalesce(pushed_at, ${row.sent_at})` as never })
      .where('id', '=', row.recommendation_id)
      .execute();
  });
}

export async function markUnsent(
  db: Kysely<DB>,
  id: string,
  status: Extract<OutboxStatus, 'retry' | 'failed'>,
  error: string,
  nextAt: Date | null,
) {
  await db
    .updateTable('outbox')
    .set({ status, last_error: error, ...(nextAt ? { next_attempt_at: nextAt } : {}) })
    .where('id', '=', id)
    .execute();
}

/**
 * Messages left 'sending' by a process that stopped: whether the gateway got them is unknown,
 * so they are not sent again (never twice) but marked failed for an officer to look at.
 */
export async function failAbandoned(db: Kysely<DB>, olderThanMs: number): Promise<number> {
  const r = await sql`
    UPDATE outbox SET status = 'failed', last_error = '发送结果未知（发送进程中断），为避免重复发送未自动重试'
     WHERE status = 'sending' AND next_attempt_at < now() - make_interval(secs => ${olderThanMs / 1000})`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export interface OutboxFilter {
  region: string;
  status?: OutboxStatus | undefined;
  channel?: PushChannel | undefined;
  recommendationId?: string | undefined;
}

export async function listOutbox(trx: Scoped, f: OutboxFilter, page: number, pageSize: number) {
  let q = trx.selectFrom('outbox').where('region_code', 'like', `${f.region}%`);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.recommendationId) q = q.where('recommendation_id', '=', f.recommendationId);
  const total = await q.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const items = await q
    .selectAll()
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const counts = await trx
    .selectFrom('outbox')
    .where('region_code', 'like', `${f.region}%`)
    .select(['channel', 'status', (e) => e.fn.countAll<string>().as('n')])
    .groupBy(['channel', 'status'])
    .execute();
  return { total: Number(total.n), items, counts };
}
