// Sends what the outbox holds: one sender per channel, a rate limit per channel, retries
// with exponential backoff, and the delivery status of each message kept in the outbox.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { OutboxRow, PushChannel } from '../../db/schema-recommendations.ts';
import { failAbandoned, markSent, markUnsent, takeDue } from './outbox.repository.ts';
import type { OutboundMessage, PushSender } from './senders.ts';

export interface RetryPolicy {
  /** Attempts in all (the first send included) before a message is marked failed. */
  maxAttempts: number;
  /** Delay before the second attempt; doubled for each next one, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 30_000, maxDelayMs: 3_600_000 };

/** When to try again after `attempts` failed attempts (30 s, 1 min, 2 min, … up to 1 h). */
export function backoffMs(attempts: number, p: RetryPolicy = DEFAULT_RETRY): number {
  return Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/** A token bucket: `perSecond` messages a second on average, bursts up to one second's worth. */
export class RateLimiter {
  #tokens: number;
  #last = Date.now();
  constructor(
    readonly perSecond: number,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.#tokens = perSecond;
  }

  async take(): Promise<void> {
    for (;;) {
      const now = Date.now();
      this.#tokens = Math.min(this.perSecond, this.#tokens + ((now - this.#last) / 1000) * this.perSecond);
      this.#last = now;
      if (this.#tokens >= 1) {
        this.#tokens -= 1;
        return;
      }
      await this.sleep(Math.ceil(((1 - this.#tokens) / this.perSecond) * 1000));
    }
  }
}

function toMessage(row: OutboxRow): OutboundMessage {
  const body = row.body as { title?: string; text?: string; fields?: Record<string, string>; personId?: string };
  return {
    id: row.id,
    channel: row.channel,
    recipient: row.recipient,
    template: row.template,
    title: body.title ?? '',
    text: body.text ?? '',
    fields: body.fields ?? {},
    regionCode: row.region_code,
    personId: body.personId ?? '',
  };
}

export interface DrainResult {
  sent: number;
  retry: number;
  failed: number;
}

export class OutboxDispatcher {
  readonly #senders = new Map<PushChannel, { sender: PushSender; limiter: RateLimiter | undefined }>();
  #draining: Promise<DrainResult> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    senders: readonly { sender: PushSender; perSecond?: number }[],
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
    private readonly log: (msg: string, err?: unknown) => void = () => {},
  ) {
    for (const s of senders)
      this.#senders.set(s.sender.channel, { sender: s.sender, limiter: s.perSecond ? new RateLimiter(s.perSecond) : undefined });
  }

  senderOf(channel: PushChannel): PushSender | undefined {
    return this.#senders.get(channel)?.sender;
  }

  /** Sends every due message; concurrent calls share one pass (and ask for another after it). */
  drain(): Promise<DrainResult> {
    if (this.#draining) {
      this.#again = true;
      return this.#draining;
    }
    this.#draining = (async () => {
      const total: DrainResult = { sent: 0, retry: 0, failed: 0 };
      do {
        this.#again = false;
        for (;;) {
          const rows = await takeDue(this.db, 100, [...this.#senders.keys()]);
          if (rows.length === 0) break;
          for (const row of rows) total[await this.#sendOne(row)] += 1;
        }
      } while (this.#again);
      return total;
    })().finally(() => {
      this.#draining = undefined;
    });
    return this.#draining;
  }

  async #sendOne(row: OutboxRow): Promise<keyof DrainResult> {
    const s = this.#senders.get(row.channel);
    if (!s) {
      await markUnsent(this.db, row.id, 'failed', `没有${row.channel}通道的发送器`, null);
      return 'failed';
    }
    await s.limiter?.take();
    let outcome: Awaited<ReturnType<PushSender['send']>>;
    try {
      outcome = await s.sender.send(toMessage(row));
    } catch (e) {
      outcome = { status: 'retry', error: (e as Error).message };
    }
    if (outcome.status === 'sent') {
      await markSent(this.db, row.id, outcome.providerRef);
      return 'sent';
    }
    if (outcome.status === 'retry' && row.attempts < this.retry.maxAttempts) {
      await markUnsent(this.db, row.id, 'retry', outcome.error, new Date(Date.now() + backoffMs(row.attempts, this.retry)));
      return 'retry';
    }
    const why = outcome.status === 'retry' ? `已重试 ${row.attempts} 次仍未成功：${outcome.error}` : outcome.error;
    await markUnsent(this.db, row.id, 'failed', why, null);
    return 'failed';
  }

  /** Drains now and every `everyMs` (retries come due); messages abandoned by a stopped process are marked. */
  start(everyMs = 15_000): void {
    const tick = () => {
      failAbandoned(this.db, 10 * 60_000)
        .then(() => this.drain())
        .catch((e) => this.log(`推送发送失败：${(e as Error).message}`, e));
    };
    this.#timer = setInterval(tick, everyMs);
    this.#timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#draining?.catch(() => {});
  }
}
