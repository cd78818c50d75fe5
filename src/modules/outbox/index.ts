// What other modules use from the outbox: the senders chosen by the configuration, the
// dispatcher, enqueueing, the templates and the delivery status.
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { OutboxDispatcher, type RetryPolicy } from './dispatcher.ts';
import { FileSender } from './file-sender.ts';
import { InAppSender } from './inapp-sender.ts';
import type { PushSender } from './senders.ts';
import { HttpSmsSender } from './sms-sender.ts';
import { WechatTemplateSender } from './wechat-sender.ts';

export { backoffMs, DEFAULT_RETRY, type DrainResult, OutboxDispatcher, RateLimiter, type RetryPolicy } from './dispatcher.ts';
export { type EnqueueRow, enqueue, listOutbox, type OutboxFilter } from './outbox.repository.ts';
export { CHANNEL_NAMES, type OutboundMessage, PUSH_CHANNELS, type PushSender, type SendOutcome } from './senders.ts';
export { renderPolicyNotice, renderRecommendation, TEMPLATES } from './templates.ts';

/** SMS and WeChat go to their gateways when configured, else to files under dataDir/outbox; in-app always to the database. */
export function sendersFor(config: Config, db: Kysely<DB>): { sender: PushSender; perSecond?: number }[] {
  const dir = join(config.dataDir, 'outbox');
  const p = config.push;
  return [
    { sender: p.sms ? new HttpSmsSender(p.sms) : new FileSender('sms', dir), perSecond: p.perSecond.sms },
    { sender: p.wechat ? new WechatTemplateSender(p.wechat) : new FileSender('wechat', dir), perSecond: p.perSecond.wechat },
    { sender: new InAppSender(db) },
  ];
}

/**
 * The SMS sender alone, for messages that must leave at once and never wait in the outbox
 * (a login code lives five minutes; the outbox's retries wait longer than that).
 */
export function smsSender(config: Config): PushSender {
  return config.push.sms ? new HttpSmsSender(config.push.sms) : new FileSender('sms', join(config.dataDir, 'outbox'));
}

export function createDispatcher(
  config: Config,
  db: Kysely<DB>,
  log?: (msg: string, err?: unknown) => void,
  retry?: RetryPolicy,
) {
  return new OutboxDispatcher(db, sendersFor(config, db), retry, log);
}
