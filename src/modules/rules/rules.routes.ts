// HTTP for the rules engine: catalogue, regional settings, evaluation, 政策找人.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { SUBJECT_KIND_NAMES } from '../../domain/rules/index.ts';
import type { AppContext } from '../../http/context.ts';
import { requireActor } from '../auth/auth.routes.ts';
import * as rules from './rules.service.ts';

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

const FindQuery = Type.Object({
  region: Type.Optional(Region),
  date: Type.Optional(DateText),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});

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

  app.get(
    '/api/rules/:id/find',
    {
      schema: {
        tags,
        summary: '政策找人：辖区内按台账符合条件且尚未申领的劳动力',
        params: Type.Object({ id: RuleId }),
        querystring: FindQuery,
      },
    },
    async (req) => {
      const q = req.query as { region?: string; date?: string; page?: number; pageSize?: number };
      return rules.findPersons(db, requireActor(req), (req.params as { id: string }).id, {
        ...(q.region ? { region: q.region } : {}),
        ...(q.date ? { date: q.date } : {}),
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 20,
      });
    },
  );
}
