// 消息: the laborer's inbox in the portal, the in-app messages the outbox delivered to it (job
// recommendations, policy notices of 政策找人). Row-level security shows a laborer only its own;
// marking one read writes read_at and nothing else.
import { sql } from 'kysely';
import { type Database, inScope } from '../../db/connection.ts';
import { errors } from '../../http/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { requireLaborer } from './laborer.service.ts';

const INBOX_SIZE = 100;

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** The newest messages first, and how many are unread. */
export async function inbox(database: Database, actor: Actor) {
  const personId = requireLaborer(actor);
  return inScope(database.kysely, actor.scope, async (trx) => {
    const rows = await trx
      .selectFrom('inapp_messages')
      .select(['id', 'title', 'body', 'created_at', 'read_at'])
      .where('person_id', '=', personId)
      .orderBy('id', 'desc')
      .limit(INBOX_SIZE)
      .execute();
    const unread = await trx
      .selectFrom('inapp_messages')
      .select(sql<string>`count(*)`.as('n'))
      .where('person_id', '=', personId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return {
      unread: Number(unread.n),
      items: rows.map((r) => ({ id: r.id, title: r.title, body: r.body, at: iso(r.created_at), readAt: iso(r.read_at) })),
    };
  });
}

export async function markMessageRead(database: Database, actor: Actor, id: string) {
  const personId = requireLaborer(actor);
  return inScope(database.kysely, actor.scope, async (trx) => {
    // Unread to now(), a read message keeps its time: all the trigger of migration
    // 20261121181000 lets read_at do.
    const row = await trx
      .updateTable('inapp_messages')
      .set({ read_at: sql`coalesce(read_at, now())` as never })
      .where('id', '=', id)
      .where('person_id', '=', personId)
      .returning(['id', 'read_at'])
      .executeTakeFirst();
    if (!row) throw errors.notFound(`消息（ID ${id}）`);
    return { id: row.id, readAt: iso(row.read_at) };
  });
}
