// HTTP for employers, job posts, occupation codes, the job post import and its template.
// Thin: the services check roles, scope and the employer binding.
import { PassThrough, type Writable } from 'node:stream';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RawEmployer } from '../../domain/jobs/employer-input.ts';
import type { RawJob } from '../../domain/jobs/job-input.ts';
import { OCCUPATION_EDITION } from '../../domain/jobs/occupation-codes.ts';
import { searchOccupations } from '../../domain/jobs/occupations.ts';
import type { AppContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { requireActor } from '../auth/auth.routes.ts';
import { importJobs, writeJobImportErrors, writeJobTemplate } from './jobs.import.ts';
import * as jobs from './jobs.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sendWorkbook(reply: FastifyReply, fileName: string, write: (out: Writable) => Promise<unknown>) {
  const out = new PassThrough();
  let failure: unknown;
  const started = new Promise<void>((resolve) => out.once('readable', () => resolve()));
  const done = write(out).then(
    () => out.end(),
    (e: unknown) => {
      failure = e;
      out.destroy();
    },
  );
  await Promise.race([started, done]);
  if (failure) throw failure;
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(out);
}

const Id = Type.String({ pattern: '^\\d{1,18}$' });
const IdParams = Type.Object({ id: Id });
const Region = Type.String({ pattern: '^\\d{2,12}$', description: '区划代码（前缀）' });
const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(t: T) =>
  Type.Union([Type.Null(), t]); // null first: with type coercion on, null would otherwise become 0
const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export const EmployerFields = Type.Object(
  {
    creditCode: Type.Optional(Type.String({ description: '统一社会信用代码（18位，校验码按 GB 32100）', maxLength: 40 })),
    name: Type.Optional(Type.String({ description: '单位名称', maxLength: 200 })),
    regionCode: Type.Optional(Type.String({ description: '注册地区划代码（须在本人管辖范围内）', maxLength: 12 })),
    industry: Type.Optional(Type.String({ description: '国民经济行业分类门类 A-T，如 C', maxLength: 40 })),
    contactName: Type.Optional(Type.String({ description: '联系人', maxLength: 100 })),
    contactPhone: Type.Optional(Type.String({ description: '联系电话', maxLength: 40 })),
    address: Type.Optional(Type.String({ description: '地址', maxLength: 400 })),
    isWorkshop: Type.Optional(Type.Boolean({ description: '帮扶车间' })),
    isBase: Type.Optional(Type.Boolean({ description: '就业帮扶基地' })),
  },
  { additionalProperties: false },
);

export const JobFields = Type.Object(
  {
    title: Type.Optional(Type.String({ description: '岗位名称', maxLength: 200 })),
    occupationCode: Type.Optional(Type.String({ description: '职业分类大典代码，见 /api/occupations', maxLength: 20 })),
    workRegionCode: Type.Optional(Type.String({ description: '工作地区划代码', maxLength: 12 })),
    workPlace: Type.Optional(Type.String({ description: '工作地点', maxLength: 400 })),
    openings: Type.Optional(Type.Integer({ description: '招聘人数' })),
    wageMinFen: Type.Optional(Type.Integer({ description: '月工资下限（分）' })),
    wageMaxFen: Type.Optional(Type.Integer({ description: '月工资上限（分）' })),
    workingHours: Type.Optional(Type.String({ description: '工作时间', maxLength: 400 })),
    accommodation: Type.Optional(Type.Boolean({ description: '包住' })),
    meals: Type.Optional(Type.Boolean({ description: '包吃' })),
    contractMonths: Type.Optional(Nullable(Type.Integer({ description: '合同期限（月）' }))),
    seasonFrom: Type.Optional(Nullable(Type.String({ description: '季节性用工开始日期 YYYY-MM-DD' }))),
    seasonTo: Type.Optional(Nullable(Type.String({ description: '季节性用工结束日期 YYYY-MM-DD' }))),
    ageMin: Type.Optional(Nullable(Type.Integer({ description: '最低年龄' }))),
    ageMax: Type.Optional(Nullable(Type.Integer({ description: '最高年龄' }))),
    sexRequired: Type.Optional(Nullable(Type.String({ description: '性别要求：男/女，不限为 null', maxLength: 4 }))),
    sexReason: Type.Optional(Nullable(Type.String({ description: '性别要求的法定理由', maxLength: 400 }))),
    educationMin: Type.Optional(Nullable(Type.String({ description: '最低学历', maxLength: 20 }))),
    skills: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { description: '技能要求', maxItems: 50 })),
    certificates: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { description: '证书要求', maxItems: 50 })),
    physicalDemand: Type.Optional(
      Type.Union([Type.Literal('轻'), Type.Literal('中'), Type.Literal('重')], { description: '体力要求' }),
    ),
    suitableForWeak: Type.Optional(Type.Boolean({ description: '适合弱劳动力或半劳动力' })),
    validUntil: Type.Optional(Nullable(Type.String({ description: '有效期至 YYYY-MM-DD' }))),
  },
  { additionalProperties: false },
);

const Status = Type.Union([Type.Literal('open'), Type.Literal('filled'), Type.Literal('expired')]);

export const JobListQuery = Type.Object({
  region: Type.Optional({ ...Region, description: '工作地区划代码前缀' }),
  collectedBy: Type.Optional({ ...Region, description: '归集岗位的单位（人社部门）区划代码前缀' }),
  occupation: Type.Optional(Type.String({ maxLength: 20, description: '职业代码或其上级类别，如 6-25、4-10' })),
  status: Type.Optional(Status),
  employer: Type.Optional(Id),
  q: Type.Optional(Type.String({ maxLength: 50, description: '岗位名称或单位名称' })),
  mine: Type.Optional(Type.Boolean({ description: '只看本辖区的：由本辖区的经办机构归集，或工作地在本辖区' })),
  ...Paging,
});

const EmployerListQuery = Type.Object({
  region: Type.Optional(Region),
  q: Type.Optional(Type.String({ maxLength: 50, description: '单位名称或统一社会信用代码' })),
  workshop: Type.Optional(Type.Boolean({ description: '只看帮扶车间' })),
  base: Type.Optional(Type.Boolean({ description: '只看就业帮扶基地' })),
  carrier: Type.Optional(Type.Boolean({ description: '只看帮扶车间或就业帮扶基地（政策找人按其登记名称统计吸纳人数）' })),
  mine: Type.Optional(
    Type.Boolean({ description: '只看本辖区的：注册地在本辖区，或由本辖区的经办机构登记（如外省的劳务协作企业）' }),
  ),
  ...Paging,
});

export async function jobsRoutes(app: FastifyInstance, ctx: AppContext) {
  const db = ctx.database;
  const tags = ['jobs'];

  app.get(
    '/api/occupations',
    {
      schema: {
        tags,
        summary: `职业分类代码查询（${OCCUPATION_EDITION}）`,
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 50 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
        }),
      },
    },
    async (req) => {
      requireActor(req);
      const { q = '', limit = 20 } = req.query as { q?: string; limit?: number };
      return { edition: OCCUPATION_EDITION, items: searchOccupations(q, limit) };
    },
  );

  app.get('/api/employers', { schema: { tags, summary: '用人单位列表', querystring: EmployerListQuery } }, async (req) => {
    const { page = 1, pageSize = 20, ...f } = req.query as Static<typeof EmployerListQuery>;
    return jobs.listEmployers(db, requireActor(req), f, page, pageSize);
  });

  app.post('/api/employers', { schema: { tags, summary: '登记用人单位', body: EmployerFields } }, async (req, reply) => {
    reply.status(201);
    return jobs.createEmployer(db, requireActor(req), req.body as RawEmployer);
  });

  app.get('/api/employers/:id', { schema: { tags, summary: '用人单位详情（含单位账号）', params: IdParams } }, async (req) => {
    return jobs.getEmployer(db, requireActor(req), (req.params as { id: string }).id);
  });

  app.patch(
    '/api/employers/:id',
    {
      schema: {
        tags,
        summary: '修改用人单位（单位账号只能改联系人、电话、地址）',
        params: IdParams,
        body: Type.Object({ version: Type.Integer({ minimum: 1 }), fields: EmployerFields }),
      },
    },
    async (req) => {
      const b = req.body as { version: number; fields: RawEmployer };
      return jobs.updateEmployer(db, requireActor(req), (req.params as { id: string }).id, b.version, b.fields);
    },
  );

  app.post(
    '/api/employers/:id/accounts',
    {
      schema: {
        tags,
        summary: '为用人单位开设登录账号（角色 employer，只能管理本单位岗位）',
        params: IdParams,
        body: Type.Object({
          username: Type.String({ maxLength: 32 }),
          password: Type.String({ maxLength: 200 }),
          displayName: Type.Optional(Type.String({ maxLength: 100 })),
        }),
      },
    },
    async (req, reply) => {
      reply.status(201);
      return jobs.createEmployerAccount(
        db,
        requireActor(req),
        (req.params as { id: string }).id,
        req.body as { username: string; password: string; displayName?: string },
      );
    },
  );

  app.get(
    '/api/jobs',
    { schema: { tags, summary: '岗位列表（单位账号只见本单位岗位）', querystring: JobListQuery } },
    async (req) => {
      const { page = 1, pageSize = 20, ...f } = req.query as Static<typeof JobListQuery>;
      return jobs.listJobs(db, requireActor(req), f, page, pageSize);
    },
  );

  app.post(
    '/api/jobs',
    {
      schema: {
        tags,
        summary: '发布岗位',
        body: Type.Object({
          employerId: Id,
          region: Type.Optional({ ...Region, description: '归集岗位的单位区划，默认本人区划；单位账号忽略' }),
          fields: JobFields,
        }),
      },
    },
    async (req, reply) => {
      const b = req.body as { employerId: string; region?: string; fields: RawJob };
      reply.status(201);
      return jobs.createJob(db, requireActor(req), b.employerId, b.fields, b.region);
    },
  );

  app.get('/api/jobs/template.xlsx', { schema: { tags, summary: '下载岗位导入模板（含填写说明）' } }, async (req, reply) => {
    requireActor(req);
    return sendWorkbook(reply, '岗位导入模板.xlsx', writeJobTemplate);
  });

  app.post(
    '/api/jobs/import',
    {
      schema: {
        tags,
        summary: '导入岗位（.xlsx 或 .csv；出错的行不导入，可下载错误报告）',
        description: 'multipart/form-data：字段 file 为文件，可选字段 region 为归集单位区划（须在本人管辖范围内）。',
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (!req.isMultipart()) throw new AppError('IMPORT_FILE_REQUIRED', '请以 multipart/form-data 上传文件（字段名 file）');
      let region: string | undefined;
      let result: Awaited<ReturnType<typeof importJobs>> | undefined;
      for await (const part of req.parts()) {
        if (part.type === 'field') {
          if (part.fieldname === 'region' && typeof part.value === 'string' && part.value) region = part.value;
          continue;
        }
        if (part.fieldname !== 'file' || result) {
          part.file.resume();
          continue;
        }
        result = await importJobs(db, ctx.config.dataDir, actor, { fileName: part.filename, stream: part.file }, region);
      }
      if (!result) throw new AppError('IMPORT_FILE_REQUIRED', '请选择要导入的文件（字段名 file）');
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/jobs/imports/:id/errors.xlsx',
    { schema: { tags, summary: '岗位导入错误报告：出错的原始行加“错误原因”“原行号”列', params: IdParams } },
    async (req, reply) => {
      const actor = requireActor(req);
      const { id } = req.params as { id: string };
      return sendWorkbook(reply, `岗位导入错误行-${id}.xlsx`, (out) => writeJobImportErrors(db, actor, id, out));
    },
  );

  app.get('/api/jobs/:id', { schema: { tags, summary: '岗位详情', params: IdParams } }, async (req) => {
    return jobs.getJob(db, requireActor(req), (req.params as { id: string }).id);
  });

  app.patch(
    '/api/jobs/:id',
    {
      schema: {
        tags,
        summary: '修改岗位或其状态（open 招聘中 / filled 已招满 / expired 已过期）',
        params: IdParams,
        body: Type.Object({
          version: Type.Integer({ minimum: 1 }),
          fields: Type.Optional(JobFields),
          status: Type.Optional(Status),
        }),
      },
    },
    async (req) => {
      const b = req.body as { version: number; fields?: RawJob; status?: 'open' | 'filled' | 'expired' };
      return jobs.updateJob(db, requireActor(req), (req.params as { id: string }).id, b);
    },
  );
}
