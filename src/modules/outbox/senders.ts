// One interface for every push channel. A sender hands one message to its gateway and says
// what happened: sent (with the gateway's reference), retry later (the gateway is busy or
// unreachable) or failed for good (the gateway refused this message). The dispatcher does
// the retries, the backoff and the rate limits; a sender never retries by itself.
import type { PushChannel } from '../../db/schema-recommendations.ts';

export interface OutboundMessage {
  /** The outbox row id: the idempotency key the gateways receive. */
  id: string;
  channel: PushChannel;
  /** Phone number (sms), openid (wechat) or person id (inapp). */
  recipient: string;
  template: string;
  /** Rendered title and text, and the named fields a template message fills. */
  title: string;
  text: string;
  fields: Record<string, string>;
  regionCode: string;
  personId: string;
}

export type SendOutcome =
  | { status: 'sent'; providerRef: string }
  | { status: 'retry'; error: string }
  | { status: 'failed'; error: string };

export interface PushSender {
  readonly channel: PushChannel;
  /** What the sender is, for the delivery status ("短信网关 https://…", "本地文件 data/outbox/sms.jsonl"). */
  readonly description: string;
  send(message: OutboundMessage): Promise<SendOutcome>;
}

export const CHANNEL_NAMES: Record<PushChannel, string> = { sms: '短信', wechat: '微信模板消息', inapp: '站内消息' };
export const PUSH_CHANNELS: readonly PushChannel[] = ['sms', 'wechat', 'inapp'];

/** An error thrown by fetch (DNS, refused connection, timeout) is worth another try. */
export function networkError(e: unknown): SendOutcome {
  return { status: 'retry', error: `网络错误：${(e as Error).message}` };
}
