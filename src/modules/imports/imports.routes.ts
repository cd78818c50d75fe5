// HTTP for register imports and exports: upload (multipart), progress, error report,
// template, and the register export. Thin: the services do the checks.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import type { AppContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { sendWorkbook } from '../../http/workbook-reply.ts';
import { requireActor } from '../auth/auth.routes.ts';
import { ListQuery, type ListQueryT } from '../registry/registry.routes.ts';
import { exportEmployerLaborers } from './employer-laborers-export.ts';
import { exportRegister } from './export.service.ts';
import { acceptUpload, errorReportForActor, ImportJobs, importForActor, recentImports } from './imports.service.ts';
import { writeTemplate } from './workbooks.ts';

const IdParams = Type.Object({ id: Type.String({ pattern: '^\\d{1,18}$' }) });

export async function importRoutes(app: FastifyInstance, ctx: AppContext) {
  const db = ctx.database;
  const jobs = new ImportJobs(db, (msg, err) => app.log.warn({ err }, msg));
  app.addHook('onReady', async () => {
    await jobs.resumeStranded();
  });
  app.addHook('onClose', async () => {
    await jobs.stop();
  });
  const tags = ['imports'];

  app.get(
    '/api/imports/template.xlsx',
    { schema: { tags, summary: '下载劳动力台账导入模板（含填写说明）' } },
    async (req, reply) => {
      requireActor(req);
      return sendWorkbook(reply, '劳动力台账导入模板.xlsx', writeTemplate);
    },
  );

  app.post(
    '/api/imports',
    {
      schema: {
        tags,
        summary: '上传 .xlsx 或 .csv 文件并开始导入（后台执行）',
        description: 'multipart/form-data：字段 file 为文件，可选字段 region 限定导入范围（须在本人管辖范围内）。',
        querystring: Type.Object({ region: Type.Optional(Type.String({ pattern: '^\\d{2,12}$' })) }),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (!req.isMultipart()) throw new AppError('IMPORT_FILE_REQUIRED', '请以 multipart/form-data 上传文件（字段名 file）');
      let region = (req.query as { region?: string }).region;
      let result: Awaited<ReturnType<typeof acceptUpload>> | undefined;
      for await (const part of req.parts()) {
        if (part.type === 'field') {
          if (part.fieldname === 'region' && typeof part.value === 'string' && part.value) region = part.value;
          continue;
        }
        if (part.fieldname !== 'file' || result) {
          part.file.resume();
          continue;
        }
        result = await acceptUpload(db, jobs, ctx.config.dataDir, actor, { fileName: part.filename, stream: part.file }, region);
      }
      if (!result) throw new AppError('IMPORT_FILE_REQUIRED', '请选择要导入的文件（字段名 file）');
      return reply.status(202).send(result);
    },
  );

  app.get('/api/imports', { schema: { tags, summary: '最近的导入（本人管辖范围内）' } }, async (req) => {
    return recentImports(db, requireActor(req));
  });

  app.get('/api/imports/:id', { schema: { tags, summary: '导入进度与结果', params: IdParams } }, async (req) => {
    return importForActor(db, requireActor(req), (req.params as { id: string }).id);
  });

  app.get(
    '/api/imports/:id/errors.xlsx',
    { schema: { tags, summary: '错误报告：出错的原始行加“错误原因”列', params: IdParams } },
    async (req, reply) => {
      const actor = requireActor(req);
      const { id } = req.params as { id: string };
      return sendWorkbook(reply, `导入错误行-${id}.xlsx`, (out) => errorReportForActor(db, actor, id, out));
    },
  );

  app.get(
    '/api/laborers/export.xlsx',
    { schema: { tags: ['registry'], summary: '导出台账（与列表相同的筛选条件，导入模板格式）', querystring: ListQuery } },
    async (req, reply) => {
      const actor = requireActor(req);
      const filters = req.query as ListQueryT;
      const today = todayInShanghai();
      return sendWorkbook(reply, `劳动力台账-${today}.xlsx`, (out) => exportRegister(db, actor, filters, out));
    },
  );

  app.get(
    '/api/employers/:id/laborers.xlsx',
    {
      schema: {
        tags: ['registry'],
        summary: '导出用人单位的在岗劳动力（本辖区台账，身份证号按权限脱敏，导出留痕）',
        params: IdParams,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { id } = req.params as { id: string };
      return sendWorkbook(reply, `在岗劳动力-${id}-${todayInShanghai()}.xlsx`, (out) =>
        exportEmployerLaborers(db, actor, id, out),
      );
    },
  );
}
