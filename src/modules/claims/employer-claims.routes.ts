// HTTP for an employer's own claims (用人单位自行申报), under /api/employer/claims. The offices'
// routes (/api/claims) refuse employer accounts, so each side has one way. Thin: the service
// (employer-claims.service.ts) does the checks.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { CLAIM_STATUSES } from '../../domain/claims/steps.ts';
import type { AppContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { requireActor } from '../auth/auth.routes.ts';
import { parseStatuses } from './claims.routes.ts';
import * as employer from './employer-claims.service.ts';
import { receiveEvidence, sendEvidence } from './evidence-http.ts';

const Id = Type.String({ pattern: '^\\d{1,18}$' });
const IdParams = Type.Object({ id: Id });
const Facts = Type.Record(Type.String(), Type.Unknown({ description: '字符串、数字或布尔值' }), {
  description: '本单位填报的事实：名称见 GET /api/employer/claim-rules 中该规则的 facts（劳动力身份等由实名制台账提供）',
});

const ApplyBody = Type.Object(
  {
    rule: Type.String({ maxLength: 40, description: '规则编号，如 ABS-HZ、POST-HN、WS-YN' }),
    laborer: Type.Optional(
      Type.Object(
        {
          idNumber: Type.String({ maxLength: 20, description: '劳动合同上的身份证号' }),
          name: Type.String({ maxLength: 50, description: '劳动合同上的姓名' }),
        },
        { additionalProperties: false, description: '按劳动力申报的补贴（如 POST-HN）所涉劳动力' },
      ),
    ),
    caseDate: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '享受日期 YYYY-MM-DD' }),
    facts: Type.Optional(Facts),
    bankName: Type.String({ maxLength: 100, description: '本单位开户行' }),
    bankAccount: Type.String({ maxLength: 40, description: '本单位银行账号' }),
  },
  { additionalProperties: false },
);

const ActionBody = Type.Object(
  {
    action: Type.Union([Type.Literal('resubmit'), Type.Literal('withdraw')], {
      description: 'resubmit 修改后重新申报（退回修改的申请）、withdraw 撤回',
    }),
    comment: Type.Optional(Type.String({ maxLength: 1000, description: '说明' })),
    version: Type.Integer({ minimum: 1, description: '客户端看到的申请版本（乐观锁）' }),
    facts: Type.Optional(Facts),
    bankName: Type.Optional(Type.String({ maxLength: 100 })),
    bankAccount: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);

const ListQuery = Type.Object({
  status: Type.Optional(Type.String({ description: `状态，可用逗号分隔多个：${CLAIM_STATUSES.join('、')}` })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});

export async function employerClaimsRoutes(app: FastifyInstance, ctx: AppContext) {
  const db = ctx.database;
  const dataDir = ctx.config.dataDir;
  const tags = ['employer-claims'];

  app.get(
    '/api/employer/claim-rules',
    { schema: { tags, summary: '本单位可以申报的补贴项目（规则、文件、条款、须填报的事实）' } },
    async (req) => employer.employerRules(db, requireActor(req)),
  );

  app.post(
    '/api/employer/claims',
    {
      schema: {
        tags,
        summary: '用人单位自行申报补贴（申请对象为本单位；引擎判定并记录参数版本；不符合条件的返回 422）',
        body: ApplyBody,
      },
    },
    async (req, reply) => {
      const body = req.body as Static<typeof ApplyBody>;
      const result = await employer.applyAsEmployer(db, requireActor(req), {
        ...body,
        facts: body.facts as Record<string, string | number | boolean> | undefined,
      });
      reply.status(201);
      return result;
    },
  );

  app.get('/api/employer/claims', { schema: { tags, summary: '本单位的补贴申请', querystring: ListQuery } }, async (req) => {
    const { page = 1, pageSize = 20, status } = req.query as Static<typeof ListQuery>;
    return employer.listOwnClaims(db, requireActor(req), { status: parseStatuses(status) }, page, pageSize);
  });

  app.get(
    '/api/employer/claims/:id',
    { schema: { tags, summary: '本单位申请详情：判定与依据、流转记录、材料、拨付结果', params: IdParams } },
    async (req) => employer.getOwnClaim(db, requireActor(req), (req.params as { id: string }).id),
  );

  app.post(
    '/api/employer/claims/:id/actions',
    { schema: { tags, summary: '撤回申请，或退回修改后重新申报', params: IdParams, body: ActionBody } },
    async (req) => {
      const body = req.body as Static<typeof ActionBody>;
      return employer.actAsEmployer(db, requireActor(req), (req.params as { id: string }).id, {
        ...body,
        facts: body.facts as Record<string, string | number | boolean> | undefined,
      });
    },
  );

  app.post(
    '/api/employer/claims/:id/evidence',
    {
      schema: {
        tags,
        summary: '为本单位的申请上传材料',
        description:
          'multipart/form-data：字段 kind（contract 劳动合同、payroll 工资表、attendance 考勤表、ticket 车票、other 其他，须在 file 之前，或放在查询参数 ?kind=），字段 file 为文件。',
        params: IdParams,
        querystring: Type.Object({ kind: Type.Optional(Type.String({ maxLength: 20 })) }),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (actor.role !== 'employer')
        throw new AppError('FORBIDDEN', '无权操作：经办机构请通过 /api/claims/:id/evidence 上传', 403);
      const claimId = (req.params as { id: string }).id;
      const result = await receiveEvidence(req, db, dataDir, actor, claimId);
      return reply.status(201).send({ ...result, url: `/api/employer/claims/${claimId}/evidence/${result.id}` });
    },
  );

  app.get(
    '/api/employer/claims/:id/evidence/:evidenceId',
    { schema: { tags, summary: '下载本单位申请的材料（校验 sha256）', params: Type.Object({ id: Id, evidenceId: Id }) } },
    async (req, reply) => {
      const actor = requireActor(req);
      if (actor.role !== 'employer')
        throw new AppError('FORBIDDEN', '无权操作：经办机构请通过 /api/claims/:id/evidence 下载', 403);
      const p = req.params as { id: string; evidenceId: string };
      return sendEvidence(reply, db, dataDir, actor, p.id, p.evidenceId);
    },
  );
}
