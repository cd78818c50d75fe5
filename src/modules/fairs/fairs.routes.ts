// HTTP for job fairs and organized export batches. Registered by the recommendations routes.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.ts';
import { requireActor } from '../auth/auth.routes.ts';
import { exportSubsidies } from './export-subsidies.service.ts';
import * as svc from './fairs.service.ts';

const Id = Type.String({ pattern: '^\\d{1,18}$' });
const IdParams = Type.Object({ id: Id });
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Region = Type.String({ pattern: '^(\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12})$', description: '区划代码' });
const Place = Type.String({ pattern: '^(\\d{6}|\\d{9}|\\d{12})$', description: '县、乡镇或村的区划代码；省略为本人管辖地区' });
const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const FairListQuery = Type.Object({
  region: Type.Optional(Region),
  year: Type.Optional(Year),
  status: Type.Optional(
    Type.Union(
      svc.FAIR_STATUSES.map((s) => Type.Literal(s)),
      { description: 'planned 筹备中、held 已举办、cancelled 已取消' },
    ),
  ),
  ...Paging,
});
const ExportListQuery = Type.Object({
  region: Type.Optional(Region),
  year: Type.Optional(Year),
  status: Type.Optional(
    Type.Union(
      svc.EXPORT_STATUSES.map((s) => Type.Literal(s)),
      { description: 'planned 待出发、departed 已出发、cancelled 已取消' },
    ),
  ),
  ...Paging,
});

const FairBody = Type.Object(
  {
    region: Type.Optional(Place),
    title: Type.String({ minLength: 1, maxLength: 200, description: '名称，如 2026年春风行动专场招聘会' }),
    date: DateText,
    venue: Type.Optional(Type.String({ maxLength: 200 })),
    kind: Type.Optional(
      Type.Union([Type.Literal('onsite'), Type.Literal('online')], { description: 'onsite 现场、online 网络' }),
    ),
  },
  { additionalProperties: false },
);
const JobsBody = Type.Object({ jobIds: Type.Array(Id, { minItems: 1, maxItems: 1000 }) }, { additionalProperties: false });
const InviteBody = Type.Object(
  {
    personIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 5000 })),
    fromRecommendations: Type.Optional(Type.Boolean({ description: '邀请本地区被推荐了本场岗位的全部劳动力' })),
  },
  { additionalProperties: false },
);
const AttendanceBody = Type.Object(
  {
    personId: Id,
    attended: Type.Boolean(),
    hiredJobId: Type.Optional(Id),
    hiredOn: Type.Optional(DateText),
  },
  { additionalProperties: false },
);
const ExportBody = Type.Object(
  {
    region: Type.Optional(Place),
    destination: Type.String({ minLength: 1, maxLength: 200, description: '输出地，如 广东省东莞市长安镇' }),
    destinationCode: Type.Optional(Region),
    employerId: Id,
    jobId: Type.Optional(Id),
    transport: Type.Union(
      svc.TRANSPORTS.map((t) => Type.Literal(t)),
      { description: '交通方式' },
    ),
    departureDate: DateText,
    leader: Type.Optional(Type.String({ maxLength: 50, description: '带队人' })),
  },
  { additionalProperties: false },
);
const MembersBody = Type.Object({ personIds: Type.Array(Id, { minItems: 1, maxItems: 2000 }) }, { additionalProperties: false });
const DepartBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
const CancelBody = Type.Object(
  {
    reason: Type.String({ maxLength: 500, description: '取消原因（必填），如 天气原因、用工单位取消' }),
    version: Type.Integer({ minimum: 1, description: '页面上看到的版本号（乐观锁）' }),
  },
  { additionalProperties: false },
);

export async function fairsRoutes(app: FastifyInstance, ctx: AppContext) {
  const db = ctx.database;
  const tags = ['fairs'];
  const id = (req: { params: unknown }) => (req.params as Static<typeof IdParams>).id;

  app.post('/api/fairs', { schema: { tags, summary: '新建招聘会', body: FairBody } }, async (req, reply) => {
    reply.status(201);
    return svc.createFair(db, requireActor(req), req.body as Static<typeof FairBody>);
  });
  app.get(
    '/api/fairs',
    { schema: { tags, summary: '招聘会列表（岗位、邀请、到场、录用人数）', querystring: FairListQuery } },
    async (req) => {
      const q = req.query as Static<typeof FairListQuery>;
      return svc.listFairs(db, requireActor(req), q, q.page ?? 1, q.pageSize ?? 20);
    },
  );
  const CoverageQuery = Type.Object({ region: Type.Optional(Region), year: Year });
  app.get(
    '/api/fairs/coverage',
    { schema: { tags, summary: '各县全年招聘会场次（每县每年至少2场，已取消的不计）', querystring: CoverageQuery } },
    async (req) => {
      return svc.fairCoverage(db, requireActor(req), req.query as Static<typeof CoverageQuery>);
    },
  );
  app.get('/api/fairs/:id', { schema: { tags, summary: '招聘会详情', params: IdParams } }, async (req) =>
    svc.getFair(db, requireActor(req), id(req)),
  );
  app.post('/api/fairs/:id/jobs', { schema: { tags, summary: '添加参会岗位', params: IdParams, body: JobsBody } }, async (req) =>
    svc.addFairJobs(db, requireActor(req), id(req), (req.body as Static<typeof JobsBody>).jobIds),
  );
  app.post(
    '/api/fairs/:id/invitations',
    { schema: { tags, summary: '邀请劳动力参会', params: IdParams, body: InviteBody } },
    async (req) => svc.invite(db, requireActor(req), id(req), req.body as Static<typeof InviteBody>),
  );
  app.post(
    '/api/fairs/:id/attendance',
    { schema: { tags, summary: '登记到场与现场录用（录用写入就业经历）', params: IdParams, body: AttendanceBody } },
    async (req) => svc.recordAttendance(db, requireActor(req), id(req), req.body as Static<typeof AttendanceBody>),
  );
  app.post(
    '/api/fairs/:id/cancel',
    {
      schema: {
        tags,
        summary: '取消招聘会（仅筹备中；须填写取消原因；取消后不再计入每县每年场次）',
        params: IdParams,
        body: CancelBody,
      },
    },
    async (req) => svc.cancelFair(db, requireActor(req), id(req), req.body as Static<typeof CancelBody>),
  );

  const etags = ['export'];
  app.post(
    '/api/export-batches',
    { schema: { tags: etags, summary: '新建有组织劳务输出批次', body: ExportBody } },
    async (req, reply) => {
      reply.status(201);
      return svc.createExportBatch(db, requireActor(req), req.body as Static<typeof ExportBody>);
    },
  );
  app.get(
    '/api/export-batches',
    { schema: { tags: etags, summary: '劳务输出批次列表', querystring: ExportListQuery } },
    async (req) => {
      const q = req.query as Static<typeof ExportListQuery>;
      return svc.listExportBatches(db, requireActor(req), q, q.page ?? 1, q.pageSize ?? 20);
    },
  );
  app.get(
    '/api/export-batches/:id',
    { schema: { tags: etags, summary: '劳务输出批次详情（人员及3、6个月稳定就业情况）', params: IdParams } },
    async (req) => svc.getExportBatch(db, requireActor(req), id(req)),
  );
  const SubsidyQuery = Type.Object({
    date: Type.Optional({ ...DateText, description: '测算日期（默认今天），如出发满3个月或6个月之日' }),
    organizerFiled: Type.Optional(Type.Boolean({ description: '组织者已在人社部门备案（或具备资质）' })),
  });
  app.get(
    '/api/export-batches/:id/subsidies',
    {
      schema: {
        tags: etags,
        summary: '劳务输出补贴测算：按每人稳定就业月数测算输出服务补贴、求职创业补贴（含条款依据）',
        params: IdParams,
        querystring: SubsidyQuery,
      },
    },
    async (req) => exportSubsidies(db, requireActor(req), id(req), req.query as Static<typeof SubsidyQuery>),
  );
  app.post(
    '/api/export-batches/:id/members',
    { schema: { tags: etags, summary: '添加输出人员', params: IdParams, body: MembersBody } },
    async (req) => svc.addExportMembers(db, requireActor(req), id(req), (req.body as Static<typeof MembersBody>).personIds),
  );
  app.post(
    '/api/export-batches/:id/depart',
    { schema: { tags: etags, summary: '登记出发（为每人写入“外出务工(有组织)”就业经历）', params: IdParams, body: DepartBody } },
    async (req) => svc.departExportBatch(db, requireActor(req), id(req), (req.body as Static<typeof DepartBody>).version),
  );
  app.post(
    '/api/export-batches/:id/cancel',
    {
      schema: {
        tags: etags,
        summary: '取消劳务输出批次（仅待出发；须填写取消原因；取消后不再添加人员、不能出发、不测算补贴）',
        params: IdParams,
        body: CancelBody,
      },
    },
    async (req) => svc.cancelExportBatch(db, requireActor(req), id(req), req.body as Static<typeof CancelBody>),
  );
}
