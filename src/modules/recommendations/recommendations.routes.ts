// HTTP for matching runs, recommendations and their funnel, pushes, job fairs and organized export batches.
// Thin: the services do the checks.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { TRACK_EVENTS, type TrackEvent } from '../../domain/recommendations/tracking.ts';
import type { AppContext } from '../../http/context.ts';
import { requireActor } from '../auth/auth.routes.ts';
import { fairsRoutes } from '../fairs/fairs.routes.ts';
import { createDispatcher, listOutbox } from '../outbox/index.ts';
import { MatchingJobs } from './matching-runner.ts';
import { matchingSetup } from './model.ts';
import { outboxView } from './outbox-view.ts';
import * as svc from './recommendations.service.ts';

const Id = Type.String({ pattern: '^\\d{1,18}$' });
const IdParams = Type.Object({ id: Id });
const _DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Region = Type.String({ pattern: '^(\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12})$', description: '区划代码（2、4、6、9或12位）' });
const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};
const Channel = Type.Union([Type.Literal('sms'), Type.Literal('wechat'), Type.Literal('inapp')], {
  description: 'sms 短信、wechat 微信模板消息、inapp 站内消息',
});

const RunBody = Type.Object(
  {
    region: Type.Optional(
      Type.String({ pattern: '^(\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12})$', description: '匹配范围；省略为本人管辖范围' }),
    ),
    asOf: Type.Optional(
      Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '按该日期判断岗位有效期、用工季节和年龄；默认今天' }),
    ),
  },
  { additionalProperties: false },
);

const EventBody = Type.Object(
  {
    event: Type.Union(
      TRACK_EVENTS.map((e) => Type.Literal(e)),
      {
        description:
          'seen 已查看、interested 有意向、consent 同意向用人单位公开信息、applied 已报名、interviewed 已面试、hired 已录用、declined 不感兴趣',
      },
    ),
    version: Type.Integer({ minimum: 1, description: '客户端看到的推荐版本（乐观锁）' }),
    date: Type.Optional(
      Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '录用日期（hired），不晚于今天；默认今天' }),
    ),
    reason: Type.Optional(Type.String({ maxLength: 200, description: '不感兴趣的原因' })),
  },
  { additionalProperties: false },
);

const WithdrawBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: '客户端看到的推荐版本（乐观锁）' }),
    note: Type.String({ description: '劳动力如何提出撤回（必填，去除首尾空格后1-200字），如 本人电话告知' }),
  },
  { additionalProperties: false },
);

const PushBody = Type.Object(
  {
    recommendationIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 5000 })),
    runId: Type.Optional(Type.String({ pattern: '^\\d{1,18}$', description: '推送该批次中尚未录用、未拒绝的全部推荐' })),
    region: Type.Optional(Region),
    channels: Type.Array(Channel, { minItems: 1, maxItems: 3 }),
  },
  { additionalProperties: false },
);

export async function recommendationsRoutes(app: FastifyInstance, ctx: AppContext) {
  const db = ctx.database;
  const setup = async () => matchingSetup();
  const runs = new MatchingJobs(db, setup, (msg, err) => app.log.warn({ err }, msg));
  const dispatcher = createDispatcher(ctx.config, db.kysely, (msg, err) => app.log.warn({ err }, msg));
  app.addHook('onReady', async () => {
    await runs.resumeStranded();
    dispatcher.start();
  });
  app.addHook('onClose', async () => {
    await runs.stop();
    await dispatcher.stop();
  });
  const tags = ['recommendations'];

  app.post(
    '/api/matching/runs',
    { schema: { tags, summary: '发起人岗匹配（后台运行，返回批次与进度）', body: RunBody } },
    async (req, reply) => {
      const body = req.body as Static<typeof RunBody>;
      reply.status(202);
      return svc.startRun(db, runs, requireActor(req), body);
    },
  );

  const RunsQuery = Type.Object({ region: Type.Optional(Region), ...Paging });
  app.get('/api/matching/runs', { schema: { tags, summary: '匹配批次列表', querystring: RunsQuery } }, async (req) => {
    const q = req.query as Static<typeof RunsQuery>;
    return svc.listRuns(db, requireActor(req), q.region, q.page ?? 1, q.pageSize ?? 20);
  });

  app.get('/api/matching/runs/:id', { schema: { tags, summary: '匹配批次进度与结果', params: IdParams } }, async (req) => {
    return svc.getRun(db, requireActor(req), (req.params as Static<typeof IdParams>).id);
  });

  const ShortQuery = Type.Object({ runId: Type.Optional(Id), region: Type.Optional(Region), ...Paging });
  app.get(
    '/api/recommendations/shortfalls',
    { schema: { tags, summary: '推荐不足3个岗位的劳动力名单及原因（默认该地区最近一次完成的匹配）', querystring: ShortQuery } },
    async (req) => {
      const q = req.query as Static<typeof ShortQuery>;
      return svc.shortfalls(db, requireActor(req), q, q.page ?? 1, q.pageSize ?? 20);
    },
  );

  app.get(
    '/api/laborers/:id/recommendations',
    { schema: { tags, summary: '劳动力的推荐岗位（含推荐理由与跟踪状态）', params: IdParams } },
    async (req) => svc.laborerRecommendations(db, requireActor(req), (req.params as Static<typeof IdParams>).id),
  );

  app.post(
    '/api/recommendations/:id/events',
    {
      schema: {
        tags,
        summary: '记录推荐跟踪（查看、意向、同意公开、报名、面试、录用、不感兴趣）；录用写入就业经历',
        params: IdParams,
        body: EventBody,
      },
    },
    async (req) => {
      const body = req.body as Static<typeof EventBody>;
      return svc.recordEvent(db, requireActor(req), (req.params as Static<typeof IdParams>).id, {
        ...body,
        event: body.event as TrackEvent,
      });
    },
  );

  app.get(
    '/api/recommendations/:id/consent',
    {
      schema: {
        tags,
        summary: '推荐的同意公开状态与记录（同意、撤回同意，谁在何时操作）',
        description:
          'consentState：none 未同意公开、given 已同意公开（用人单位可见姓名和电话）、withdrawn 已撤回同意（用人单位只见脱敏信息）；history 为审计日志中的同意与撤回记录，最新在前；经办人员代劳动力撤回的记录附 note（劳动力如何提出）。',
        params: IdParams,
      },
    },
    async (req) => svc.consentHistory(db, requireActor(req), (req.params as Static<typeof IdParams>).id),
  );

  app.post(
    '/api/recommendations/:id/consent/withdraw',
    {
      schema: {
        tags,
        summary: '代劳动力撤回同意（劳动力电话或当面告知村、乡镇、县经办人员）',
        description:
          '与劳动力在“劳动者服务”中撤回同意效果相同：用人单位对该岗位重新只见脱敏信息（同一劳动力对同一岗位的其他推荐一并撤回），录用和就业记录保留；note 写明劳动力如何提出，记入审计日志和同意记录。没有生效的同意时拒绝。',
        params: IdParams,
        body: WithdrawBody,
      },
    },
    async (req) =>
      svc.withdrawConsent(
        db,
        requireActor(req),
        (req.params as Static<typeof IdParams>).id,
        req.body as Static<typeof WithdrawBody>,
      ),
  );

  app.post(
    '/api/recommendations/push',
    { schema: { tags, summary: '推送推荐岗位（短信、微信、站内消息；同一推荐同一渠道只发一次）', body: PushBody } },
    async (req) => {
      return svc.push(db, dispatcher, requireActor(req), req.body as Static<typeof PushBody>);
    },
  );

  const OutboxQuery = Type.Object({
    region: Type.Optional(Region),
    status: Type.Optional(
      Type.Union(
        ['queued', 'sending', 'sent', 'retry', 'failed'].map((s) => Type.Literal(s)),
        { description: '发送状态' },
      ),
    ),
    channel: Type.Optional(Channel),
    recommendationId: Type.Optional(Id),
    ...Paging,
  });
  app.get('/api/outbox', { schema: { tags, summary: '推送发送状态', querystring: OutboxQuery } }, async (req) => {
    const q = req.query as Static<typeof OutboxQuery>;
    return outboxView(db, requireActor(req), q, listOutbox);
  });

  const MatchQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) });
  app.get(
    '/api/jobs/:id/matches',
    {
      schema: {
        tags,
        summary: '岗位的匹配人员（用人单位在劳动力同意前只见脱敏信息）',
        params: IdParams,
        querystring: MatchQuery,
      },
    },
    async (req) => {
      const q = req.query as Static<typeof MatchQuery>;
      return svc.jobMatches(db, await setup(), requireActor(req), (req.params as Static<typeof IdParams>).id, q.limit ?? 50);
    },
  );

  const FunnelQuery = Type.Object({ region: Type.Optional(Region) });
  app.get(
    '/api/recommendations/funnel',
    {
      schema: {
        tags,
        summary: '推荐漏斗（按下级地区：推送 → 查看 → 意向 → 报名 → 面试 → 录用 → 3/6个月稳定就业）',
        querystring: FunnelQuery,
      },
    },
    async (req) => svc.funnel(db, requireActor(req), (req.query as Static<typeof FunnelQuery>).region),
  );

  await fairsRoutes(app, ctx);
}
