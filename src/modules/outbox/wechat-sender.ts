// WeChat template messages (公众号模板消息): an access token from /cgi-bin/token, kept until
// shortly before it expires, then POST /cgi-bin/message/template/send with the laborer's
// openid and the template's fields. errcode 0 is sent (msgid is the reference); an expired
// or invalid token is fetched again once; rate limits and "system busy" are retried later;
// anything else (43004 not following the account, 40003 bad openid, ...) is a refusal.
import type { OutboundMessage, PushSender, SendOutcome } from './senders.ts';
import { networkError } from './senders.ts';

export interface WechatOptions {
  appId: string;
  secret: string;
  templateId: string;
  apiBase: string;
  timeoutMs?: number;
}

const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
const BUSY_ERRORS = new Set([-1, 45009, 45011]);

export class WechatTemplateSender implements PushSender {
  readonly channel = 'wechat' as const;
  readonly description: string;
  #token: { value: string; until: number } | undefined;
  constructor(private readonly o: WechatOptions) {
    this.description = `微信公众号 ${o.appId}（${o.apiBase}）`;
  }

  async #accessToken(force: boolean): Promise<string | SendOutcome> {
    if (!force && this.#token && this.#token.until > Date.now()) return this.#token.value;
    const url = `${this.o.apiBase}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(this.o.appId)}&secret=${encodeURIComponent(this.o.secret)}`;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(this.o.timeoutMs ?? 10_000) });
      const body = (await res.json().catch(() => ({}))) as {
        access_token?: string;
        expires_in?: number;
        errcode?: number;
        errmsg?: string;
      };
      if (!body.access_token)
        return {
          status: 'retry',
          error: `获取微信 access_token 失败：${body.errcode ?? res.status} ${body.errmsg ?? ''}`.trim(),
        };
      this.#token = { value: body.access_token, until: Date.now() + Math.max(60, (body.expires_in ?? 7200) - 300) * 1000 };
      return body.access_token;
    } catch (e) {
      return networkError(e);
    }
  }

  async send(m: OutboundMessage): Promise<SendOutcome> {
    for (const force of [false, true]) {
      const token = await this.#accessToken(force);
      if (typeof token !== 'string') return token;
      let body: { errcode?: number; errmsg?: string; msgid?: number | string };
      try {
        const res = await fetch(`${this.o.apiBase}/cgi-bin/message/template/send?access_token=${encodeURIComponent(token)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify({
            touser: m.recipient,
            template_id: this.o.templateId,
            data: Object.fromEntries(Object.entries(m.fields).map(([k, v]) => [k, { value: v }])),
          }),
          signal: AbortSignal.timeout(this.o.timeoutMs ?? 10_000),
        });
        if (res.status >= 500) return { status: 'retry', error: `微信接口返回 ${res.status}` };
        body = (await res.json().catch(() => ({}))) as typeof body;
      } catch (e) {
        return networkError(e);
      }
      const code = body.errcode ?? -1;
      if (code === 0) return { status: 'sent', providerRef: String(body.msgid ?? '') };
      const why = `微信接口错误 ${code}：${body.errmsg ?? ''}`;
      if (TOKEN_ERRORS.has(code) && !force) continue;
      if (BUSY_ERRORS.has(code) || TOKEN_ERRORS.has(code)) return { status: 'retry', error: why };
      return { status: 'failed', error: why };
    }
    return { status: 'retry', error: '微信 access_token 无效' };
  }
}
