// In-app messages: written to inapp_messages, where the laborer's page reads them. The
// outbox id is unique there, so a message written twice is still one message.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { OutboundMessage, PushSender, SendOutcome } from './senders.ts';

export class InAppSender implements PushSender {
  readonly channel = 'inapp' as const;
  readonly description = '站内消息（inapp_messages）';
  constructor(private readonly db: Kysely<DB>) {}

  async send(m: OutboundMessage): Promise<SendOutcome> {
    try {
      const row = await this.db
        .insertInto('inapp_messages')
        .values({ person_id: m.personId, region_code: m.regionCode, title: m.title, body: m.text, outbox_id: m.id })
        .onConflict((c) => c.column('outbox_id').doUpdateSet({ title: m.title }))
        .returning('id')
        .executeTakeFirstOrThrow();
      return { status: 'sent', providerRef: `inapp:${row.id}` };
    } catch (e) {
      const msg = (e as Error).message;
      if (/foreign key/i.test(msg)) return { status: 'failed', error: `劳动力（ID ${m.personId}）不存在` };
      return { status: 'retry', error: `写入站内消息失败：${msg}` };
    }
  }
}
