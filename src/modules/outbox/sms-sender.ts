// SMS through an HTTP gateway: POST {to, text, ref} as JSON with a bearer token; the gateway
// answers {id} when it accepts the message. 429 and 5xx mean "try later", any other 4xx is
// a refusal of this message (bad number, blocked content) that no retry will fix.
import type { OutboundMessage, PushSender, SendOutcome } from './senders.ts';
import { networkError } from './senders.ts';

export interface SmsGatewayOptions {
  url: string;
  token?: string | undefined;
  timeoutMs?: number;
}

export class HttpSmsSender implements PushSender {
  readonly channel = 'sms' as const;
  readonly description: string;
  constructor(private readonly o: SmsGatewayOptions) {
    this.description = `短信网关 ${o.url}`;
  }

  async send(m: OutboundMessage): Promise<SendOutcome> {
    let res: Response;
    try {
      res = await fetch(this.o.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'idempotency-key': `bangfu-outbox-${m.id}`,
          ...(this.o.token ? { authorization: `Bearer ${this.o.token}` } : {}),
        },
        body: JSON.stringify({ to: m.recipient, text: m.text, ref: m.id }),
        signal: AbortSignal.timeout(this.o.timeoutMs ?? 10_000),
      });
    } catch (e) {
      return networkError(e);
    }
    const body = (await res.json().catch(() => ({}))) as { id?: unknown; message?: unknown };
    if (res.ok) return { status: 'sent', providerRef: String(body.id ?? '') };
    const why = `短信网关返回 ${res.status}${body.message ? `：${String(body.message)}` : ''}`;
    if (res.status === 429 || res.status >= 500) return { status: 'retry', error: why };
    return { status: 'failed', error: why };
  }
}
