// The delivery status of pushes as officers see it: recipients masked, counts per channel and status.
import { type Database, inScope } from '../../db/connection.ts';
import type { OutboxStatus, PushChannel } from '../../db/schema-recommendations.ts';
import { maskPhone } from '../../domain/mask.ts';
import type { Actor } from '../auth/actor.ts';
import type { listOutbox as ListOutbox } from '../outbox/index.ts';
import { CHANNEL_NAMES } from '../outbox/index.ts';
import { regionWithin } from './recommendations.service.ts';

const STATUS_NAMES: Record<OutboxStatus, string> = {
  queued: '待发送',
  sending: '发送中',
  sent: '已发送',
  retry: '等待重试',
  failed: '发送失败',
};

export async function outboxView(
  database: Database,
  actor: Actor,
  q: {
    region?: string | undefined;
    status?: string | undefined;
    channel?: string | undefined;
    recommendationId?: string | undefined;
    page?: number | undefined;
    pageSize?: number | undefined;
  },
  list: typeof ListOutbox,
) {
  const region = regionWithin(actor, q.region);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  return inScope(database.kysely, actor.scope, async (trx) => {
    const r = await list(
      trx,
      {
        region,
        status: q.status as OutboxStatus | undefined,
        channel: q.channel as PushChannel | undefined,
        recommendationId: q.recommendationId,
      },
      page,
      pageSize,
    );
    return {
      total: r.total,
      page,
      pageSize,
      counts: r.counts.map((c) => ({
        channel: c.channel,
        channelName: CHANNEL_NAMES[c.channel],
        status: c.status,
        statusName: STATUS_NAMES[c.status],
        n: Number(c.n),
      })),
      items: r.items.map((o) => ({
        id: o.id,
        recommendationId: o.recommendation_id,
        channel: o.channel,
        channelName: CHANNEL_NAMES[o.channel],
        recipient:
          o.channel === 'sms' && !actor.canViewFullId
            ? maskPhone(o.recipient)
            : o.channel === 'wechat'
              ? `${o.recipient.slice(0, 4)}…`
              : o.recipient,
        template: o.template,
        text: (o.body as { text?: string }).text ?? '',
        status: o.status,
        statusName: STATUS_NAMES[o.status],
        attempts: o.attempts,
        lastError: o.last_error,
        nextAttemptAt: new Date(o.next_attempt_at).toISOString(),
        sentAt: o.sent_at ? new Date(o.sent_at).toISOString() : null,
        providerRef: o.provider_ref,
      })),
    };
  });
}
