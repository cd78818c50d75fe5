// One contract for every push sender (SMS over HTTP, WeChat template messages, in-app, the
// local file): what it delivers, and how it reports a busy and a refusing gateway, so the
// dispatcher can treat them all alike.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { buildHousehold, VILLAGES } from '../../../test/factories.ts';
import type { Database } from '../../db/connection.ts';
import { FileSender } from './file-sender.ts';
import { InAppSender } from './inapp-sender.ts';
import type { OutboundMessage, PushSender } from './senders.ts';
import { HttpSmsSender } from './sms-sender.ts';
import { WechatTemplateSender } from './wechat-sender.ts';

const TEXT = '【就业帮扶】张三您好，为您推荐东莞某电子厂“普工”岗位，包吃住，距家 35 公里。';

function message(over: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    id: '101',
    channel: 'sms',
    recipient: '13800001111',
    template: 'recommendation',
    title: '为您推荐岗位：普工',
    text: TEXT,
    fields: { keyword1: '普工', keyword2: '东莞某电子厂', remark: '包吃住' },
    regionCode: VILLAGES.tanglang,
    personId: '1',
    ...over,
  };
}

/** A fake gateway: answers with what `mode` says and records what it received. */
class FakeGateway {
  mode: 'ok' | 'busy' | 'refuse' = 'ok';
  received: { url: string; body: unknown; headers: IncomingMessage['headers'] }[] = [];
  tokens = 0;
  server!: Server;
  url = '';
  async start(handler: (g: FakeGateway, url: string, body: unknown) => { status: number; body: unknown }) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const body = text ? JSON.parse(text) : undefined;
        this.received.push({ url: req.url ?? '', body, headers: req.headers });
        const out = handler(this, req.url ?? '', body);
        res.writeHead(out.status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(out.body));
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  close() {
    return new Promise<void>((r) => this.server.close(() => r()));
  }
}

interface Harness {
  name: string;
  setup(): Promise<{ sender: PushSender; msg: OutboundMessage }>;
  /** What the far side holds for the message: its text as delivered. */
  delivered(msg: OutboundMessage): Promise<string[]>;
  busy(): Promise<void>;
  refuse(): Promise<OutboundMessage>;
  reset(): Promise<void>;
  teardown(): Promise<void>;
}

const sms = new FakeGateway();
const wx = new FakeGateway();
let database: Database;
let personId = '';
let fileDir = '';
let fileSender: FileSender;

const harnesses: Harness[] = [
  {
    name: 'SMS gateway over HTTP',
    async setup() {
      await sms.start((g, _url, body) => {
        if (g.mode === 'busy') return { status: 503, body: { message: '网关繁忙' } };
        if (g.mode === 'refuse') return { status: 400, body: { message: '号码无效' } };
        return { status: 200, body: { id: `sms-${(body as { ref: string }).ref}` } };
      });
      return { sender: new HttpSmsSender({ url: `${sms.url}/send`, token: 't0k' }), msg: message() };
    },
    async delivered() {
      return sms.received.filter((r) => r.headers.authorization === 'Bearer t0k').map((r) => (r.body as { text: string }).text);
    },
    async busy() {
      sms.mode = 'busy';
    },
    async refuse() {
      sms.mode = 'refuse';
      return message({ id: '102', recipient: '123' });
    },
    async reset() {
      sms.mode = 'ok';
    },
    teardown: () => sms.close(),
  },
  {
    name: 'WeChat template message',
    async setup() {
      await wx.start((g, url, body) => {
        if (url.startsWith('/cgi-bin/token')) {
          g.tokens += 1;
          return { status: 200, body: { access_token: `tok${g.tokens}`, expires_in: 7200 } };
        }
        if (g.mode === 'busy') return { status: 200, body: { errcode: 45009, errmsg: 'reach max api daily quota limit' } };
        if (g.mode === 'refuse') return { status: 200, body: { errcode: 43004, errmsg: 'require subscribe' } };
        return { status: 200, body: { errcode: 0, errmsg: 'ok', msgid: 200228332, touser: (body as { touser: string }).touser } };
      });
      return {
        sender: new WechatTemplateSender({ appId: 'wx123', secret: 's', templateId: 'TPL1', apiBase: wx.url }),
        msg: message({ channel: 'wechat', recipient: 'oOPENID1' }),
      };
    },
    async delivered() {
      return wx.received
        .filter((r) => r.url.startsWith('/cgi-bin/message/template/send') && (r.body as { touser: string }).touser === 'oOPENID1')
        .map((r) => {
          const d = (r.body as { data: Record<string, { value: string }> }).data;
          return `${d.keyword1?.value}|${d.keyword2?.value}|${d.remark?.value}`;
        });
    },
    async busy() {
      wx.mode = 'busy';
    },
    async refuse() {
      wx.mode = 'refuse';
      return message({ id: '102', channel: 'wechat', recipient: 'oNOTFOLLOWING' });
    },
    async reset() {
      wx.mode = 'ok';
    },
    teardown: () => wx.close(),
  },
  {
    name: 'in-app message',
    async setup() {
      database = await createTestDatabase();
      const h = await buildHousehold(database.kysely, { village: VILLAGES.tanglang, members: [{ name: '张三' }] });
      personId = h.persons[0]?.id ?? '';
      return { sender: new InAppSender(database.kysely), msg: message({ channel: 'inapp', recipient: personId, personId }) };
    },
    async delivered() {
      const rows = await database.kysely.selectFrom('inapp_messages').select('body').where('person_id', '=', personId).execute();
      return rows.map((r) => r.body);
    },
    async busy() {
      await database.close();
    },
    async refuse() {
      return message({ id: '102', channel: 'inapp', recipient: '999999', personId: '999999' });
    },
    async reset() {},
    async teardown() {},
  },
  {
    name: 'local file (the default)',
    async setup() {
      fileDir = mkdtempSync(join(tmpdir(), 'bangfu-outbox-'));
      fileSender = new FileSender('sms', fileDir);
      return { sender: fileSender, msg: message() };
    },
    async delivered() {
      return readFileSync(fileSender.path, 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { text: string }).text);
    },
    async busy() {
      // The folder is now a file: the write fails as a full or read-only disk would.
      const blocked = join(fileDir, 'blocked');
      writeFileSync(blocked, '');
      fileSender = new FileSender('sms', join(blocked, 'outbox'));
    },
    async refuse() {
      return message({ id: '102', recipient: '' });
    },
    async reset() {},
    async teardown() {},
  },
];

describe.each(harnesses)('push sender contract: $name', (h) => {
  let sender: PushSender;
  let msg: OutboundMessage;
  beforeAll(async () => {
    ({ sender, msg } = await h.setup());
  });
  afterAll(() => h.teardown());

  it('delivers the Chinese message intact and answers sent with a reference', async () => {
    const out = await sender.send(msg);
    expect(out.status).toBe('sent');
    expect(out.status === 'sent' && out.providerRef.length > 0).toBe(true);
    const got = await h.delivered(msg);
    expect(got).toHaveLength(1);
    expect(got[0]).toContain(sender.channel === 'wechat' ? '普工|东莞某电子厂|包吃住' : TEXT);
  });

  it('a message the far side refuses is failed (no retry fixes it), or delivered when nothing can refuse it', async () => {
    const bad = await h.refuse();
    const out = await sender.send(bad);
    if (h.name.startsWith('local file')) {
      // A file accepts any message: the dispatcher never sees a refusal from it.
      expect(out.status).toBe('sent');
    } else {
      expect(out.status).toBe('failed');
      expect(out.status === 'failed' && /[\u4e00-\u9fa5]/.test(out.error)).toBe(true);
    }
    await h.reset();
  });

  it('a busy or unreachable far side answers retry, never sent', async () => {
    await h.busy();
    const s = h.name.startsWith('local file') ? fileSender : sender;
    const out = await s.send({ ...msg, id: '103' });
    expect(out.status).toBe('retry');
    await h.reset();
  });
});

describe('WeChat access token', () => {
  it('is fetched once and reused, and fetched again when WeChat says it expired', async () => {
    const g = new FakeGateway();
    let expireNext = false;
    await g.start((gw, url) => {
      if (url.startsWith('/cgi-bin/token')) {
        gw.tokens += 1;
        return { status: 200, body: { access_token: `tok${gw.tokens}`, expires_in: 7200 } };
      }
      if (expireNext && url.includes('access_token=tok1'))
        return { status: 200, body: { errcode: 42001, errmsg: 'access_token expired' } };
      return { status: 200, body: { errcode: 0, errmsg: 'ok', msgid: 1 } };
    });
    const s = new WechatTemplateSender({ appId: 'wx1', secret: 's', templateId: 'T', apiBase: g.url });
    const m = message({ channel: 'wechat', recipient: 'o1' });
    expect((await s.send(m)).status).toBe('sent');
    expect((await s.send(m)).status).toBe('sent');
    expect(g.tokens).toBe(1);
    expireNext = true;
    expect((await s.send(m)).status).toBe('sent');
    expect(g.tokens).toBe(2);
    await g.close();
  });
});
