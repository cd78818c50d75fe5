// HTTP for the subsidy cycle: applications and evidence, review actions, publicity lists,
// payment batches with the bank files, and the ledger. Thin: the services do the checks.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CLAIM_STATUSES, DIRECT_ACTIONS } from '../../domain/claims/steps.ts';
import { FUND_SOURCES, type FundSource, SUBJECT_KIND_NAMES, type SubjectKind } from '../../domain/rules/index.ts';
import type { AppContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { requireActor } from '../auth/auth.routes.ts';
import * as claims from './claims.service.ts';
import { receiveEvidence, sendEvidence } from './evidence-http.ts';
import { paymentReport, readLedger } from './ledger.service.ts';
import * as payments from './payments.service.ts';
import * as publicity from './publicity.service.ts';
import { reversePaidClaim } from './reversals.service.ts';

const Id = Type.String({ pattern: '^\\d{1,18}$' });
const IdParams = Type.Object({ id: Id });
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Region = Type.String({ pattern: '^\\d{2,12}$', description: '区划代码' });
const Fund = Type.Union(
  FUND_SOURCES.map((f) => Type.Literal(f)),
  {
    description:
      '资金来源：employment_fund 就业补助资金、unemployment_insurance 失业保险基金、poverty_fund 财政专项扶贫资金、county_finance 县级财政资金',
  },
);
const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};
// Fact values are checked by the engine against the rule's facts (naming the claim and the fact).
const FactValue = Type.Unknown({ description: '字符串、数字或布尔值' });
const Facts = Type.Record(Type.String(), FactValue, { description: '事实：名称见 GET /api/rules 中该规则的 facts' });

const ApplyBody = Type.Object(
  {
    rule: Type.String({ maxLength: 40, description: '规则编号，如 TR-HZ' }),
    personId: Type.Optional(
      Type.String({
        pattern: '^\\d{1,18}$',
        description:
          '劳动力：对象为个人的补贴必填（所在地区取其所在村）；单位按劳动力计次的补贴（如 SVC-HN、POST-HN）也须填写所涉劳动力',
      }),
    ),
    subject: Type.Optional(
      Type.Object(
        {
          kind: Type.Union(
            Object.keys(SUBJECT_KIND_NAMES).map((k) => Type.Literal(k)),
            { description: '对象类型' },
          ),
          name: Type.String({ maxLength: 100, description: '单位名称' }),
          key: Type.String({ maxLength: 18, description: '统一社会信用代码（频次限制的主体）' }),
        },
        { additionalProperties: false },
      ),
    ),
    region: Type.Optional(Type.String({ maxLength: 12, description: '单位所在地区（6/9/12位区划代码）；个人取其所在村' })),
    caseDate: DateText,
    facts: Type.Optional(Facts),
    bankName: Type.String({ maxLength: 100, description: '开户行' }),
    bankAccount: Type.String({ maxLength: 40, description: '银行卡号（社保卡金融账户）' }),
  },
  { additionalProperties: false },
);

const ActionBody = Type.Object(
  {
    action: Type.Union(
      DIRECT_ACTIONS.map((a) => Type.Literal(a)),
      { description: 'review 审核通过、return 退回修改、resubmit 修改后重新申报、refuse 不予通过、withdraw 撤回' },
    ),
    comment: Type.Optional(Type.String({ maxLength: 1000, description: '意见；退回、不予通过时必填' })),
    version: Type.Integer({ minimum: 1, description: '客户端看到的申请版本（乐观锁）' }),
    facts: Type.Optional(Facts),
    bankName: Type.Optional(Type.String({ maxLength: 100 })),
    bankAccount: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);

const reversalBody = (what: { reason: string; date: string; reference: string }) =>
  Type.Object(
    {
      version: Type.Integer({ minimum: 1, description: '客户端看到的申请版本（乐观锁）' }),
      reason: Type.String({ maxLength: 1000, description: `${what.reason}（必填）` }),
      date: Type.String({ maxLength: 10, description: `${what.date}（YYYY-MM-DD，不早于拨付日期、不晚于今天）` }),
      reference: Type.Optional(Type.String({ maxLength: 100, description: what.reference })),
    },
    { additionalProperties: false },
  );
const BankReturnBody = reversalBody({ reason: '退回原因，如收款账户已销户', date: '资金退回日期', reference: '银行退票流水号' });
const RecoveryBody = reversalBody({
  reason: '追回原因，如冒名顶替经审计查实',
  date: '资金追回日期',
  reference: '追回决定文号或缴款凭证号',
});

const ListQuery = Type.Object({
  region: Type.Optional(Region),
  status: Type.Optional(Type.String({ description: `状态，可用逗号分隔多个：${CLAIM_STATUSES.join('、')}` })),
  rule: Type.Optional(Type.String({ maxLength: 40 })),
  fund: Type.Optional(Fund),
  q: Type.Optional(Type.String({ maxLength: 50, description: '姓名（单位名称）或申请编号' })),
  ...Paging,
});

const PublicityBody = Type.Object(
  {
    region: Type.String({ pattern: '^(\\d{6}|\\d{9}|\\d{12})$', description: '公示范围（县、乡镇或村）' }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    from: DateText,
    to: DateText,
    claimIds: Type.Array(Id, { minItems: 1, maxItems: 5000, description: '审核通过的申请' }),
  },
  { additionalProperties: false },
);

const BatchBody = Type.Object(
  {
    fund: Fund,
    region: Type.String({ pattern: '^(\\d{6}|\\d{9}|\\d{12})$' }),
    claimIds: Type.Optional(
      Type.Array(Id, { maxItems: 20000, description: '只拨付这些申请；省略则为该资金来源和地区全部待拨付的申请' }),
    ),
  },
  { additionalProperties: false },
);

const BatchVersion = Type.Integer({ minimum: 1, description: '客户端看到的批次版本（乐观锁）' });
const ExportBody = Type.Object({ version: BatchVersion }, { additionalProperties: false });
const RemovalBody = Type.Object(
  {
    claimId: Id,
    reason: Type.String({ maxLength: 500, description: '移出原因（必填），如 申请人银行卡已挂失待更换' }),
    version: BatchVersion,
  },
  { additionalProperties: false },
);
const VoidBody = Type.Object(
  {
    reason: Type.String({ maxLength: 500, description: '作废原因（必填），如 代发文件未报送银行 / 银行整批退回' }),
    version: BatchVersion,
  },
  { additionalProperties: false },
);

export function parseStatuses(text: string | undefined) {
  if (!text) return undefined;
  const list = text.split(',').map((s) => s.trim());
  const bad = list.filter((s) => !(CLAIM_STATUSES as readonly string[]).includes(s));
  if (bad.length > 0) {
    throw new AppError('REQUEST_INVALID', `请求格式不正确：status 应为 ${CLAIM_STATUSES.join('、')}`, 400, {
      problems: [{ field: 'status', message: '取值无效', value: bad.join(',') }],
    });
  }
  return list as (typeof CLAIM_STATUSES)[number][];
}

/**
 * The offices' claim routes: an employer account has its own (/api/employer/claims), which
 * shows it only what it typed and the decision, so these refuse it.
 */
function officer(req: FastifyRequest): Actor {
  const actor = requireActor(req);
  if (actor.role === 'employer') {
    throw new AppError('FORBIDDEN', '无权操作：用人单位请在「补贴申领」中办理本单位的申请（/api/employer/claims）', 403);
  }
  return actor;
}

export async function claimsRoutes(app: FastifyInstance, ctx: AppContext) {
  const db = ctx.database;
  const dataDir = ctx.config.dataDir;

  // ---- applications and review ----
  const tags = ['claims'];
  app.post(
    '/api/claims',
    { schema: { tags, summary: '申报补贴（引擎判定并记录参数版本；不符合条件的返回 422）', body: ApplyBody } },
    async (req, reply) => {
      const body = req.body as Static<typeof ApplyBody>;
      const result = await claims.applyForClaim(db, officer(req), {
        ...body,
        subject: body.subject ? { ...body.subject, kind: body.subject.kind as SubjectKind } : undefined,
        facts: body.facts as Record<string, string | number | boolean> | undefined,
      } as claims.ApplyInput);
      reply.status(201);
      return result;
    },
  );

  app.get(
    '/api/claims',
    { schema: { tags, summary: '补贴申请列表（按状态、规则、地区筛选）', querystring: ListQuery } },
    async (req) => {
      const { page = 1, pageSize = 20, status, ...f } = req.query as Static<typeof ListQuery>;
      return claims.listClaims(db, officer(req), { ...f, status: parseStatuses(status) }, page, pageSize);
    },
  );

  app.get(
    '/api/claims/:id',
    { schema: { tags, summary: '申请详情：判定、流转记录、材料、拨付', params: IdParams } },
    async (req) => claims.getClaimDetail(db, officer(req), (req.params as { id: string }).id),
  );

  app.post(
    '/api/claims/:id/actions',
    { schema: { tags, summary: '审核、退回、重新申报、不予通过、撤回', params: IdParams, body: ActionBody } },
    async (req) => {
      const body = req.body as Static<typeof ActionBody>;
      return claims.actOnClaim(db, officer(req), (req.params as { id: string }).id, {
        ...body,
        facts: body.facts as Record<string, string | number | boolean> | undefined,
      });
    },
  );

  app.post(
    '/api/claims/:id/bank-account',
    {
      schema: {
        tags,
        summary: '更正银行账户（县级；拨付失败后重新拨付前）',
        params: IdParams,
        body: Type.Object(
          {
            bankName: Type.String({ maxLength: 100 }),
            bankAccount: Type.String({ maxLength: 40 }),
            version: Type.Integer({ minimum: 1 }),
            comment: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) =>
      claims.correctBankAccount(
        db,
        officer(req),
        (req.params as { id: string }).id,
        req.body as { bankName: string; bankAccount: string; version: number; comment?: string },
      ),
  );

  app.post(
    '/api/claims/:id/bank-return',
    {
      schema: {
        tags,
        summary: '资金退回（县级）：银行已确认拨付后又退回，冲销已拨付金额，申请回到待拨付队列',
        params: IdParams,
        body: BankReturnBody,
      },
    },
    async (req) =>
      reversePaidClaim(
        db,
        requireActor(req),
        (req.params as { id: string }).id,
        'bank_return',
        req.body as Static<typeof BankReturnBody>,
      ),
  );

  app.post(
    '/api/claims/:id/recovery',
    {
      schema: {
        tags,
        summary: '违规追回（县级）：追回违规拨付的资金，冲销核定、应拨付和已拨付金额，申请办结为「违规资金已追回」',
        description: '追回后该申请仍占用频次名额：同一对象同一期间不能再次申领同类补贴。',
        params: IdParams,
        body: RecoveryBody,
      },
    },
    async (req) =>
      reversePaidClaim(
        db,
        requireActor(req),
        (req.params as { id: string }).id,
        'recover',
        req.body as Static<typeof RecoveryBody>,
      ),
  );

  app.post(
    '/api/claims/:id/evidence',
    {
      schema: {
        tags,
        summary: '上传申请材料',
        description:
          'multipart/form-data：字段 kind（ticket 车票、contract 劳动合同、payroll 工资表、attendance 考勤表、other 其他，须在 file 之前，或放在查询参数 ?kind=），字段 file 为文件。',
        params: IdParams,
        querystring: Type.Object({ kind: Type.Optional(Type.String({ maxLength: 20 })) }),
      },
    },
    async (req, reply) => {
      const result = await receiveEvidence(req, db, dataDir, officer(req), (req.params as { id: string }).id);
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/claims/:id/evidence/:evidenceId',
    { schema: { tags, summary: '下载申请材料（校验 sha256）', params: Type.Object({ id: Id, evidenceId: Id }) } },
    async (req, reply) => {
      const p = req.params as { id: string; evidenceId: string };
      return sendEvidence(reply, db, dataDir, officer(req), p.id, p.evidenceId);
    },
  );

  // ---- publicity ----
  const ptags = ['publicity'];
  app.post(
    '/api/publicity',
    { schema: { tags: ptags, summary: '发布公示名单（审核通过的申请）', body: PublicityBody } },
    async (req, reply) => {
      reply.status(201);
      return publicity.createPublicity(db, requireActor(req), req.body as Static<typeof PublicityBody>);
    },
  );

  app.get(
    '/api/publicity',
    {
      schema: {
        tags: ptags,
        summary: '公示名单列表',
        querystring: Type.Object({
          region: Type.Optional(Region),
          status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
        }),
      },
    },
    async (req) => {
      const q = req.query as { region?: string; status?: 'open' | 'closed' };
      return publicity.listPublicity(db, requireActor(req), q.region, q.status);
    },
  );

  app.get('/api/publicity/:id', { schema: { tags: ptags, summary: '公示名单及其申请', params: IdParams } }, async (req) =>
    publicity.getPublicity(db, requireActor(req), (req.params as { id: string }).id),
  );

  app.post(
    '/api/publicity/:id/objections',
    {
      schema: {
        tags: ptags,
        summary: '登记公示异议：申请退回修改',
        params: IdParams,
        body: Type.Object(
          { claimId: Id, comment: Type.String({ minLength: 1, maxLength: 1000 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const b = req.body as { claimId: string; comment: string };
      return publicity.objectToClaim(db, requireActor(req), (req.params as { id: string }).id, b.claimId, b.comment);
    },
  );

  app.post(
    '/api/publicity/:id/close',
    {
      schema: {
        tags: ptags,
        summary: '公示期满后结束公示：名单上的申请转为待拨付',
        params: IdParams,
        body: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
      },
    },
    async (req) =>
      publicity.closePublicity(
        db,
        requireActor(req),
        (req.params as { id: string }).id,
        (req.body as { version?: number } | undefined)?.version,
      ),
  );

  app.get(
    '/api/publicity/:id/export.xlsx',
    { schema: { tags: ptags, summary: '导出公示名单（Excel）', params: IdParams } },
    async (req, reply) => {
      const { title, buffer } = await publicity.publicityWorkbook(db, requireActor(req), (req.params as { id: string }).id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${title}.xlsx`)}`)
        .header('cache-control', 'no-store')
        .send(buffer);
    },
  );

  app.get(
    '/api/publicity/:id/print',
    { schema: { tags: ptags, summary: '公示名单打印页（HTML）', params: IdParams } },
    async (req, reply) => {
      const html = await publicity.publicityPrintView(db, requireActor(req), (req.params as { id: string }).id);
      return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    },
  );

  // ---- payment ----
  const btags = ['payments'];
  app.post(
    '/api/payment-batches',
    { schema: { tags: btags, summary: '生成拨付批次（按资金来源和地区）', body: BatchBody } },
    async (req, reply) => {
      const b = req.body as Static<typeof BatchBody>;
      reply.status(201);
      return payments.createBatch(db, requireActor(req), { ...b, fund: b.fund as FundSource });
    },
  );

  app.get(
    '/api/payment-batches',
    { schema: { tags: btags, summary: '拨付批次列表', querystring: Type.Object({ region: Type.Optional(Region) }) } },
    async (req) => payments.listBatches(db, requireActor(req), (req.query as { region?: string }).region),
  );

  app.get(
    '/api/payment-batches/:id',
    { schema: { tags: btags, summary: '拨付批次：明细与对账结果', params: IdParams } },
    async (req) => payments.getBatch(db, requireActor(req), (req.params as { id: string }).id),
  );

  app.post(
    '/api/payment-batches/:id/export',
    {
      schema: {
        tags: btags,
        summary: '确认导出（县级）：批次明细定稿（待导出 → 已导出，待银行回盘），此后可下载银行代发文件送银行',
        description:
          '确认后不能再移出批次中的申请（银行未处理的批次仍可作废）。返回批次详情。错误代码：BATCH_ALREADY_EXPORTED（已确认导出）、BATCH_VOIDED、BATCH_VERSION_CONFLICT。',
        params: IdParams,
        body: ExportBody,
      },
    },
    async (req) =>
      payments.exportBatch(db, requireActor(req), (req.params as { id: string }).id, req.body as Static<typeof ExportBody>),
  );

  app.get(
    '/api/payment-batches/:id/bank-file.csv',
    {
      schema: {
        tags: btags,
        summary: '下载银行代发文件（CSV：序号,户名,账号,开户行,金额(元),用途,明细号）',
        description:
          '只下载，不改变批次：已确认导出（或已对账）的批次每次下载内容相同。县级就业部门和审计人员可下载本辖区的批次（其他角色 403 FORBIDDEN，辖区外或不存在的 404 NOT_FOUND）。待导出的批次返回 409 BATCH_NOT_EXPORTED（请先 POST /api/payment-batches/{id}/export 确认导出），已作废的返回 409 BATCH_VOIDED。每次下载记入审计日志（payment_batch.download），被拒绝的下载也记入（payment_batch.download_refused，附拒绝代码）。',
        params: IdParams,
      },
    },
    async (req, reply) => {
      const { number, csv } = await payments.bankFile(db, requireActor(req), (req.params as { id: string }).id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`代发-${number}.csv`)}`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );

  app.post(
    '/api/payment-batches/:id/removals',
    {
      schema: {
        tags: btags,
        summary: '移出批次（县级）：从未导出代发文件的批次中移出一笔申请，批次合计随之减少，申请回到待拨付队列',
        description:
          '明细保留在批次中（已移出批次，附原因）；批次只剩一笔时不能移出，请作废批次。错误代码：BATCH_NOT_OPEN（已导出）、BATCH_VOIDED、BATCH_LAST_LINE、BATCH_LINE_NOT_FOUND、BATCH_LINE_REMOVED、BATCH_VERSION_CONFLICT。',
        params: IdParams,
        body: RemovalBody,
      },
    },
    async (req) =>
      payments.removeFromBatch(db, requireActor(req), (req.params as { id: string }).id, req.body as Static<typeof RemovalBody>),
  );

  app.post(
    '/api/payment-batches/:id/void',
    {
      schema: {
        tags: btags,
        summary: '作废批次（县级）：银行未处理的批次（代发文件未报送或被银行整批退回）作废，全部申请回到待拨付队列',
        description:
          '批次保留为「已作废」（附原因），其代发文件作废，此后不能下载，也不能导入回盘。已导入任何回盘结果的批次不能作废（BATCH_HAS_RESULTS）。不写台账：列入批次时也未记账。',
        params: IdParams,
        body: VoidBody,
      },
    },
    async (req) =>
      payments.voidPaymentBatch(db, requireActor(req), (req.params as { id: string }).id, req.body as Static<typeof VoidBody>),
  );

  app.post(
    '/api/payment-batches/:id/result',
    {
      schema: {
        tags: btags,
        summary: '导入银行回盘文件并对账（CSV：明细号,结果,失败原因,银行流水号；UTF-8 或 GBK）',
        description: 'multipart/form-data：字段 file 为文件。',
        params: IdParams,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (!req.isMultipart())
        throw new AppError('BANK_FILE_REQUIRED', '请以 multipart/form-data 上传银行回盘文件（字段名 file）');
      let result: Awaited<ReturnType<typeof payments.importBankResult>> | undefined;
      for await (const part of req.parts()) {
        if (part.type === 'field') continue;
        if (part.fieldname !== 'file' || result) {
          part.file.resume();
          continue;
        }
        const bytes = await part.toBuffer();
        result = await payments.importBankResult(db, actor, (req.params as { id: string }).id, part.filename, bytes);
      }
      if (!result) throw new AppError('BANK_FILE_REQUIRED', '请选择银行回盘文件（字段名 file）');
      return result;
    },
  );

  // ---- ledger ----
  const ltags = ['ledger'];
  app.get(
    '/api/ledger',
    {
      schema: {
        tags: ltags,
        summary: '补贴台账：按资金来源、地区、年度的余额与明细',
        querystring: Type.Object({
          region: Type.Optional(Region),
          year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          fund: Type.Optional(Fund),
          claimId: Type.Optional(Id),
          level: Type.Optional(
            Type.Union(
              [2, 4, 6, 9, 12].map((n) => Type.Literal(n)),
              { description: '余额按几位区划代码汇总（默认县级6位）' },
            ),
          ),
          ...Paging,
        }),
      },
    },
    async (req) => {
      const {
        page = 1,
        pageSize = 20,
        ...q
      } = req.query as {
        region?: string;
        year?: number;
        fund?: string;
        claimId?: string;
        level?: number;
        page?: number;
        pageSize?: number;
      };
      return readLedger(db, requireActor(req), { ...q, page, pageSize });
    },
  );

  app.get(
    '/api/ledger/report',
    {
      schema: {
        tags: ltags,
        summary: '拨付报表：某地区某期间按规则和条款拨付的金额',
        querystring: Type.Object({ region: Type.Optional(Region), from: DateText, to: DateText }),
      },
    },
    async (req) => paymentReport(db, requireActor(req), req.query as { region?: string; from: string; to: string }),
  );
}
