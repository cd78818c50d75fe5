// HTTP of 劳动者服务 under /api/me: the SMS-code login, and what a signed-in laborer reads
// and does for itself. Thin: the services check the role and run under the laborer's scope.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.ts';
import { MeSchema, presentMe, requireActor, setSessionCookie } from '../auth/auth.routes.ts';
import { smsSender } from '../outbox/index.ts';
import { inbox, markMessageRead } from './inbox.service.ts';
import * as svc from './laborer.service.ts';
import { loginWithCode, requestCode } from './login.service.ts';

const tags = ['laborer'];
const IdParams = Type.Object({ id: Type.String({ pattern: '^\\d{1,18}$', description: '编号' }) });
const IdNumber = Type.String({ minLength: 15, maxLength: 20, description: '身份证号（18位）' });
const Phone = Type.String({ minLength: 11, maxLength: 20, description: '台账登记的手机号' });

const CodeBody = Type.Object({ idNumber: IdNumber, phone: Phone }, { additionalProperties: false });
const LoginBody = Type.Object(
  { idNumber: IdNumber, phone: Phone, code: Type.String({ minLength: 1, maxLength: 10, description: '6位短信验证码' }) },
  { additionalProperties: false },
);
const CodeSent = Type.Object({
  message: Type.String(),
  expiresInSeconds: Type.Integer(),
  resendAfterSeconds: Type.Integer(),
});

const ResponseBody = Type.Object(
  {
    answer: Type.Union([Type.Literal('interested'), Type.Literal('not_interested')], {
      description: 'interested 感兴趣（同时同意向该用人单位公开姓名和电话）；not_interested 不感兴趣',
    }),
    version: Type.Integer({ minimum: 1, description: '页面看到的版本' }),
    reason: Type.Optional(Type.String({ maxLength: 200, description: '不感兴趣的原因（可不填）' })),
  },
  { additionalProperties: false },
);

const WithdrawBody = Type.Object(
  { version: Type.Integer({ minimum: 1, description: '页面看到的版本' }) },
  { additionalProperties: false },
);

const TransportBody = Type.Object(
  {
    caseDate: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '发生日期（稳定就业满3个月的日期，YYYY-MM-DD）' }),
    destination: Type.Union(
      [
        Type.Object({ kind: Type.Literal('out_of_province') }, { additionalProperties: false }),
        Type.Object({ kind: Type.Literal('in_county') }, { additionalProperties: false }),
        Type.Object(
          { kind: Type.Literal('county'), code: Type.String({ pattern: '^\\d{6}$', description: '本省其他县（市、区）代码' }) },
          { additionalProperties: false },
        ),
      ],
      { description: '务工地：省外、本县（市、区）内，或本省其他县（市、区）' },
    ),
    workPlace: Type.String({ minLength: 1, maxLength: 100, description: '务工地点（如 广东省深圳市宝安区）' }),
    stableMonths: Type.Integer({ minimum: 0, maximum: 600, description: '已稳定就业月数' }),
    ticketPriceFen: Type.Integer({ minimum: 1, maximum: 10_000_000, description: '实名制车票价格（分）' }),
    bankName: Type.String({ minLength: 1, maxLength: 100, description: '开户行' }),
    bankAccount: Type.String({ minLength: 1, maxLength: 40, description: '本人银行账号' }),
    ticket: Type.Object(
      {
        fileName: Type.String({ minLength: 1, maxLength: 200 }),
        contentType: Type.String({ maxLength: 100, description: 'image/jpeg、image/png 或 application/pdf' }),
        dataBase64: Type.String({ minLength: 4, maxLength: 11_200_000, description: '车票照片（base64，不超过8MB）' }),
      },
      { additionalProperties: false, description: '车票照片（申请材料）' },
    ),
  },
  { additionalProperties: false },
);

export async function laborerRoutes(app: FastifyInstance, ctx: AppContext) {
  const db = ctx.database;
  const sms = smsSender(ctx.config);

  app.post(
    '/api/me/login/code',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '劳动者获取登录验证码',
        description:
          '身份证号与台账登记的手机号一致时，向该手机发送6位验证码（5分钟内有效）；不一致时回答相同，不发送。每个手机号1分钟1次、每小时5次，每个地址每小时20次。',
        body: CodeBody,
        response: { 200: CodeSent },
      },
    },
    async (req) => {
      const body = req.body as Static<typeof CodeBody>;
      return requestCode(db, sms, { ...body, ip: req.ip });
    },
  );

  app.post(
    '/api/me/login',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '劳动者凭短信验证码登录',
        description: '验证码输错5次即失效；成功后与其他账号一样获得会话 Cookie 与 CSRF 令牌。',
        body: LoginBody,
        response: { 200: MeSchema },
      },
    },
    async (req, reply) => {
      const body = req.body as Static<typeof LoginBody>;
      const r = await loginWithCode(db, { ...body, ip: req.ip }, ctx.config.sessionHours);
      setSessionCookie(reply, ctx, r.token);
      return presentMe(r.actor, r.csrfToken);
    },
  );

  app.get('/api/me/messages', { schema: { tags, summary: '我的消息（岗位推荐、政策告知），最新在前' } }, async (req) =>
    inbox(db, requireActor(req)),
  );
  app.post('/api/me/messages/:id/read', { schema: { tags, summary: '标记消息已读', params: IdParams } }, async (req) =>
    markMessageRead(db, requireActor(req), (req.params as { id: string }).id),
  );
  app.get('/api/me/profile', { schema: { tags, summary: '我的信息（台账记录，只读）' } }, async (req) =>
    svc.profile(db, requireActor(req)),
  );
  app.get('/api/me/recommendations', { schema: { tags, summary: '推荐给我的岗位（含推荐理由）' } }, async (req) =>
    svc.recommendations(db, requireActor(req)),
  );
  app.get('/api/me/recommendations/:id', { schema: { tags, summary: '一个推荐岗位', params: IdParams } }, async (req) =>
    svc.recommendation(db, requireActor(req), (req.params as { id: string }).id),
  );
  app.post(
    '/api/me/recommendations/:id/seen',
    { schema: { tags, summary: '打开推荐岗位（记录“已查看”）', params: IdParams } },
    async (req) => svc.markSeen(db, requireActor(req), (req.params as { id: string }).id),
  );
  app.post(
    '/api/me/recommendations/:id/response',
    { schema: { tags, summary: '感兴趣（同意向用人单位公开联系方式）或不感兴趣', params: IdParams, body: ResponseBody } },
    async (req) => svc.respond(db, requireActor(req), (req.params as { id: string }).id, req.body as Static<typeof ResponseBody>),
  );
  app.post(
    '/api/me/recommendations/:id/consent/withdraw',
    {
      schema: {
        tags,
        summary: '撤回同意（用人单位不再看到我的姓名和电话）',
        description:
          '撤回对该推荐岗位“同意向用人单位公开信息”的同意：此后用人单位在该岗位的匹配名单中只看到脱敏信息（与同意前相同）；' +
          '同一岗位在其他匹配批次中的同意一并撤回。撤回记录在推荐上并写入审计日志，之后可再点“感兴趣”重新同意。' +
          '已录用的也可撤回，录用和就业记录保留。' +
          '未同意或已撤回时返回 409（CONSENT_NOT_GIVEN、CONSENT_ALREADY_WITHDRAWN），版本不符返回 409（RECOMMENDATION_VERSION_CONFLICT）。',
        params: IdParams,
        body: WithdrawBody,
      },
    },
    async (req) =>
      svc.withdrawConsent(db, requireActor(req), (req.params as { id: string }).id, req.body as Static<typeof WithdrawBody>),
  );
  app.get('/api/me/policies', { schema: { tags, summary: '我能享受的政策（按台账信息今日判定，附条款）' } }, async (req) =>
    svc.policies(db, requireActor(req)),
  );
  app.get('/api/me/transport', { schema: { tags, summary: '本地区的交通补助政策与可选的务工县（市、区）' } }, async (req) =>
    svc.transportInfo(db, requireActor(req)),
  );
  app.post(
    '/api/me/transport-claims',
    {
      bodyLimit: 12 * 1024 * 1024,
      schema: {
        tags,
        summary: '本人申请交通补助（附车票照片，进入县级审核）',
        body: TransportBody,
      },
    },
    async (req, reply) => {
      const result = await svc.applyTransport(
        db,
        ctx.config.dataDir,
        requireActor(req),
        req.body as Static<typeof TransportBody>,
      );
      return reply.status(201).send(result);
    },
  );
  app.get('/api/me/claims', { schema: { tags, summary: '我的补贴申请' } }, async (req) => svc.myClaims(db, requireActor(req)));
  app.get(
    '/api/me/claims/:id',
    { schema: { tags, summary: '我的一个申请：办理步骤与拨付结果', params: IdParams } },
    async (req) => svc.myClaim(db, requireActor(req), (req.params as { id: string }).id),
  );
}
