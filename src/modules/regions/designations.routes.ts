// HTTP API of the designated-county lists (区划认定): thin handlers over designations.service.ts.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.ts';
import { requireActor } from '../auth/auth.routes.ts';
import * as designations from './designations.service.ts';

const tags = ['regions'];
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Kind = Type.String({ description: 'poor_county（贫困县）或 deep_poverty_county（深度贫困县）' });
const ListQuery = Type.Object({
  province: Type.Optional(Type.String({ pattern: '^\\d{2}$', description: '省级区划代码' })),
  kind: Type.Optional(Kind),
});
const NewListBody = Type.Object({
  kind: Kind,
  province: Type.String({ description: '2位省级区划代码' }),
  title: Type.String({ maxLength: 200, description: '名单名称，如 云南省深度贫困县名单' }),
  basis: Type.String({ maxLength: 500, description: '依据：发布名单的文件名称及文号' }),
  from: Type.String({ description: '名单执行日期（YYYY-MM-DD）' }),
  counties: Type.Optional(Type.Array(Type.String(), { maxItems: 200, description: '列入名单的县（6位区划代码）' })),
});
const IdParams = Type.Object({ id: Type.String({ pattern: '^\\d{1,18}$' }) });
const CountiesBody = Type.Object({ counties: Type.Array(Type.String(), { maxItems: 200 }) });
const LeaveParams = Type.Object({ id: Type.String({ pattern: '^\\d{1,18}$' }), county: Type.String({ pattern: '^\\d{6}$' }) });
const LeaveBody = Type.Object({
  until: Type.String({ description: '退出日期：自当日起不再列入（YYYY-MM-DD）' }),
  basis: Type.String({ maxLength: 500, description: '退出（摘帽）依据的文件名称及文号' }),
});
const CodeParams = Type.Object({ code: Type.String({ pattern: '^(\\d{6}|\\d{9}|\\d{12})$' }) });

export async function designationRoutes(app: FastifyInstance, ctx: AppContext) {
  const db = ctx.database;

  app.get(
    '/api/designations',
    { schema: { tags, summary: '贫困县、深度贫困县名单（按省份、类别筛选），含列入的县及其退出日期', querystring: ListQuery } },
    async (req) => designations.listDesignations(db, requireActor(req), req.query as Static<typeof ListQuery>),
  );

  app.post(
    '/api/designations',
    { schema: { tags, summary: '录入一份省级公布的贫困县或深度贫困县名单（省级人员；不改写已录入的名单）', body: NewListBody } },
    async (req, reply) => {
      reply.status(201);
      return designations.createList(db, requireActor(req), req.body as Static<typeof NewListBody>);
    },
  );

  app.post(
    '/api/designations/:id/counties',
    { schema: { tags, summary: '向名单补录县', params: IdParams, body: CountiesBody } },
    async (req) => {
      const { id } = req.params as Static<typeof IdParams>;
      return designations.addCounties(db, requireActor(req), id, (req.body as Static<typeof CountiesBody>).counties);
    },
  );

  app.post(
    '/api/designations/:id/counties/:county/leave',
    {
      schema: { tags, summary: '记录县退出名单（摘帽）的日期及依据（只能提前，不能撤销）', params: LeaveParams, body: LeaveBody },
    },
    async (req) => {
      const { id, county } = req.params as Static<typeof LeaveParams>;
      return designations.countyLeaves(db, requireActor(req), id, county, req.body as Static<typeof LeaveBody>);
    },
  );

  app.get(
    '/api/regions/:code/designations',
    {
      schema: {
        tags,
        summary: '某县（或其下乡村）在某日是否列入贫困县、深度贫困县名单，及所依据的名单',
        params: CodeParams,
        querystring: Type.Object({ date: Type.Optional(DateText) }),
      },
    },
    async (req) => {
      const { code } = req.params as Static<typeof CodeParams>;
      return designations.designationsOf(db, requireActor(req), code, (req.query as { date?: string }).date);
    },
  );
}
