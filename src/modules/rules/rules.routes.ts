// HTTP for the rules engine: catalogue, regional settings, evaluation, 政策找人 runs.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { SUBJECT_KIND_NAMES } from '../../domain/rules/index.ts';
import type { AppContext } from '../../http/context.ts';
import { sendWorkbook } from '../../http/workbook-reply.ts';
import { requireActor } from '../auth/auth.routes.ts';
import * as find from './find.service.ts';
import { FindJobs } from './find-runner.ts';
import * as rules from './rules.service.ts';
import { pruneChangeFeed } from './snapshot/register-snapshots.ts';

const RuleId = Type.String({ pattern: '^[A-Z][A-Z0-9-]+$', description: '规则编号，如 TR-HZ' });
const Region = Type.String({ pattern: '^\\d{2,12}$', description: '区划代码' });
const DateText = Type.String({ description: 'YYYY-MM-DD' });
// Fact values are checked by the engine against each rule's facts (so that a wrong value is
// reported naming the case and the fact); the schema only documents them.
const FactValue = Type.Unknown({ description: '字符串、数字或布尔值' });

export const CaseBody = Type.Object(
  {
    id: Type.Optional(Type.String({ maxLength: 100, description: '案例标识（原样返回为 caseId）' })),
    rule: Type.Optional(Type.String({ maxLength: 40, description: '只评估这条规则；省略则评估该对象类型的全部规则' })),
    personId: Type.Optional(
      Type.String({ pattern: '^\\d{1,18}$', description: '台账中的劳动力编号：事实从台账读取，案例中给出的事实优先' }),
    ),
    subject: Type.Optional(
      Type.Object({
        kind: Type.String({ description: `对象类型：${Object.keys(SUBJECT_KIND_NAMES).join('、')}` }),
        id: Type.Optional(Type.String({ maxLength: 100 })),
        name: Type.Optional(Type.String({ maxLength: 100 })),
      }),
    ),
    region: Type.Optional(Type.String({ maxLength: 12, description: '对象所在地区的区划代码（有 personId 时默认为其所在村）' })),
    date: Type.String({ maxLength: 10, description: '享受待遇的日期 YYYY-MM-DD' }),
    facts: Type.Optional(
      Type.Record(Type.String(), FactValue, { description: '事实：名称见 GET /api/rules 中每条规则的 facts' }),
    ),
    history: Type.Optional(
      Type.Array(
        Type.Object({ rule: Type.String(), date: Type.String(), amountFen: Type.Optional(Type.Integer({ minimum: 0 })) }),
        { maxItems: 100, description: '既往享受记录（频次限制）；有 personId 且省略时从申领记录读取' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CaseBodyT = Static<typeof CaseBody>;

const SettingBody = Type.Object(
  {
    rule: RuleId,
    parameter: Type.String({ maxLength: 60 }),
    region: Type.String({ pattern: '^(\\d{2}|\\d{4}|\\d{6})$', description: '设定标准的省（2位）、盟市（4位）或旗县（6位）' }),
    from: DateText,
    to: Type.Optional(Type.Union([DateText, Type.Null()])),
    value: Type.Union([Type.String({ maxLength: 40 }), Type.Integer({ minimum: 0 })], {
      description: '金额以分计的整数；choice 类参数为选项值',
    }),
    note: Type.Optional(Type.String({ maxLength: 500, description: '依据（文号、会议纪要等）' })),
  },
  { additionalProperties: false },
);

const FindRunBody = Type.Object(
  {
    region: Type.Optional(Region),
    date: Type.Optional(DateText),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Type.String({ pattern: '^\\d{1,18}$' }) });
const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};
const ResultFilter = {
  village: Type.Optional(Type.String({ pattern: '^\\d{6,12}$', description: '只看该乡镇或村（须在批次区划内）' })),
  status: Type.Optional(
    Type.Union([Type.Literal('eligible'), Type.Literal('amount_not_set'), Type.Literal('incomplete')], {
      description: 'incomplete：帮扶车间名单中已知条件均符合、其余条件待核实的',
    }),
  ),
};

export async function rulesRoutes(app: FastifyInstance, ctx: AppContext) {
  const db = ctx.database;
  const tags = ['rules'];

  app.get('/api/rules', { schema: { tags, summary: '政策规则目录（文件、规则、参数、条款原文、有效期）' } }, async (req) => {
    requireActor(req);
    return rules.listCatalog();
  });

  app.get(
    '/api/rules/settings',
    {
      schema: {
        tags,
        summary: '地区设定的补贴标准（按规则、地区筛选）',
        querystring: Type.Object({ rule: Type.Optional(RuleId), region: Type.Optional(Region) }),
      },
    },
    async (req) => rules.listSettings(db, requireActor(req), req.query as { rule?: string; region?: string }),
  );

  app.post(
    '/api/rules/settings',
    { schema: { tags, summary: '设定地区补贴标准（新标准开始新期间，关闭上一期间，不改写已执行期间）', body: SettingBody } },
    async (req, reply) => {
      reply.status(201);
      return rules.createSetting(db, requireActor(req), req.body as rules.NewSetting);
    },
  );

  app.post(
    '/api/rules/evaluate',
    {
      schema: {
        tags,
        summary: '试算：一个案例或案例数组，返回每条可能适用规则的判定、金额（分）与引用条款的过程',
        body: Type.Union([CaseBody, Type.Array(CaseBody, { minItems: 1, maxItems: 1000 })]),
      },
    },
    async (req) => rules.evaluate(db, requireActor(req), req.body as rules.CaseInput | rules.CaseInput[]),
  );

  app.get('/api/rules/:id', { schema: { tags, summary: '一条规则', params: Type.Object({ id: RuleId }) } }, async (req) => {
    requireActor(req);
    return rules.getRule((req.params as { id: string }).id);
  });

  const findJobs = new FindJobs(db, (msg, err) => app.log.warn({ err }, msg));
  let stopPruning = () => {};
  app.addHook('onReady', async () => {
    stopPruning = pruneChangeFeed(db, (msg, err) => app.log.warn({ err }, msg));
    await findJobs.resumeStranded();
  });
  app.addHook('onClose', async () => {
    stopPruning();
    await findJobs.stop();
  });

  app.post(
    '/api/rules/:id/find-runs',
    {
      schema: {
        tags,
        summary:
          '政策找人：对辖区台账按规则查找符合条件且尚未申领的劳动力；帮扶车间类规则查找辖区内的帮扶车间；按劳动力逐人申报的用人单位规则（岗位补贴、社保补贴）查找辖区内的用人单位及其在岗劳动力（后台运行，返回批次与进度）',
        params: Type.Object({ id: RuleId }),
        body: FindRunBody,
      },
    },
    async (req, reply) => {
      const body = req.body as Static<typeof FindRunBody>;
      reply.status(202);
      return find.startFindRun(db, findJobs, requireActor(req), (req.params as { id: string }).id, body);
    },
  );

  const RunsQuery = Type.Object({ rule: Type.Optional(RuleId), region: Type.Optional(Region), ...Paging });
  app.get('/api/find-runs', { schema: { tags, summary: '政策找人批次列表', querystring: RunsQuery } }, async (req) => {
    const q = req.query as Static<typeof RunsQuery>;
    return find.listFindRuns(db, requireActor(req), {
      ...(q.rule ? { rule: q.rule } : {}),
      ...(q.region ? { region: q.region } : {}),
      page: q.page ?? 1,
      pageSize: q.pageSize ?? 20,
    });
  });

  app.get('/api/find-runs/:id', { schema: { tags, summary: '政策找人批次的进度与汇总', params: IdParams } }, async (req) =>
    find.getFindRun(db, requireActor(req), (req.params as Static<typeof IdParams>).id),
  );

  const ResultsQuery = Type.Object({ ...ResultFilter, ...Paging });
  app.get(
    '/api/find-runs/:id/results',
    {
      schema: {
        tags,
        summary: '政策找人名单（按村排列，身份证号、电话按权限脱敏）',
        params: IdParams,
        querystring: ResultsQuery,
      },
    },
    async (req) => {
      const q = req.query as Static<typeof ResultsQuery>;
      return find.findRunResults(db, requireActor(req), (req.params as Static<typeof IdParams>).id, {
        ...(q.village ? { village: q.village } : {}),
        ...(q.status ? { status: q.status } : {}),
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 20,
      });
    },
  );

  const NotifyBody = Type.Object(
    {
      ...ResultFilter,
      channels: Type.Array(Type.Union([Type.Literal('sms'), Type.Literal('wechat'), Type.Literal('inapp')]), {
        minItems: 1,
        maxItems: 3,
        uniqueItems: true,
        description: 'sms 短信（台账手机号）、wechat 微信模板消息（已绑定）、inapp 劳动者服务站内消息',
      }),
    },
    { additionalProperties: false },
  );
  app.post(
    '/api/find-runs/:id/notify',
    {
      schema: {
        tags,
        summary: '政策告知：通知名单中的劳动力可能符合该政策、到村或乡镇咨询申领（每批次每人每渠道只发一次）',
        params: IdParams,
        body: NotifyBody,
      },
    },
    async (req) =>
      find.notifyFindRun(
        db,
        requireActor(req),
        (req.params as Static<typeof IdParams>).id,
        req.body as Static<typeof NotifyBody>,
      ),
  );

  const ExportQuery = Type.Object(ResultFilter);
  app.get(
    '/api/find-runs/:id/export.xlsx',
    { schema: { tags, summary: '导出政策找人名单（Excel，导出留痕）', params: IdParams, querystring: ExportQuery } },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = (req.params as Static<typeof IdParams>).id;
      const q = req.query as Static<typeof ExportQuery>;
      return sendWorkbook(reply, `政策找人名单-${id}.xlsx`, (out) =>
        find.exportFindRun(
          db,
          actor,
          id,
          { ...(q.village ? { village: q.village } : {}), ...(q.status ? { status: q.status } : {}) },
          out,
        ),
      );
    },
  );
}
