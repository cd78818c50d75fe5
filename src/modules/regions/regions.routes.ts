// HTTP API of the region tree: thin handlers over regions.service.ts.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.ts';
import { requireActor } from '../auth/auth.routes.ts';
import { getChildren, getRegion, regionContains, SEARCH_LIMIT_MAX, searchRegions } from './regions.service.ts';

const TAGS = ['regions'];
const Code = Type.String({
  pattern: '^(\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12})$',
  description: '统计用区划代码（省2位、地市4位、县6位、乡镇9位、村12位）',
  examples: ['150425'],
});
const DateQuery = Type.Object({
  date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '查询日期（YYYY-MM-DD），默认今天' })),
});
const Level = Type.Integer({ minimum: 1, maximum: 5, description: '1省 2地市 3县 4乡镇 5村' });

const RegionSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Level,
  levelName: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  validFrom: Type.String({ description: '此名称与隶属关系的生效日期' }),
  validTo: Type.Union([Type.String(), Type.Null()], { description: '失效日期（不含当日）；仍有效时为 null' }),
  path: Type.Array(Type.Object({ code: Type.String(), name: Type.String() }), { description: '从省级到本区划的各级名称' }),
});
const ChildSchema = Type.Object({ code: Type.String(), name: Type.String(), level: Level, childCount: Type.Integer() });
const HitSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Level,
  path: Type.String({ description: '各级名称，如 内蒙古自治区/赤峰市/翁牛特旗' }),
});
const ErrorSchema = Type.Object({ code: Type.String(), message: Type.String() });
const ERRORS = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };

const CodeParams = Type.Object({ code: Code });
const ContainsParams = Type.Object({ code: Code, other: Code });
const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 50, description: '名称中的文字，或代码的开头几位' }),
  within: Type.Optional(Code),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: SEARCH_LIMIT_MAX, default: 20 })),
  date: DateQuery.properties.date,
});

export async function regionRoutes(app: FastifyInstance, ctx: AppContext) {
  const db = ctx.database.kysely;

  app.get(
    '/api/regions/search',
    {
      schema: {
        tags: TAGS,
        summary: '按名称或代码查找区划（限本人管辖范围）',
        querystring: SearchQuery,
        response: { 200: Type.Array(HitSchema), ...ERRORS },
      },
    },
    async (request) => {
      const q = request.query as Static<typeof SearchQuery>;
      return searchRegions(db, requireActor(request), q);
    },
  );

  app.get(
    '/api/regions/:code',
    {
      schema: {
        tags: TAGS,
        summary: '区划详情（某日有效的名称、级别与上级路径）',
        params: CodeParams,
        querystring: DateQuery,
        response: { 200: RegionSchema, ...ERRORS },
      },
    },
    async (request) => {
      const { code } = request.params as Static<typeof CodeParams>;
      const { date } = request.query as Static<typeof DateQuery>;
      return getRegion(db, requireActor(request), code, date);
    },
  );

  app.get(
    '/api/regions/:code/children',
    {
      schema: {
        tags: TAGS,
        summary: '下级区划（某日有效），含各自的下级数量',
        params: CodeParams,
        querystring: DateQuery,
        response: { 200: Type.Array(ChildSchema), ...ERRORS },
      },
    },
    async (request) => {
      const { code } = request.params as Static<typeof CodeParams>;
      const { date } = request.query as Static<typeof DateQuery>;
      return getChildren(db, requireActor(request), code, date);
    },
  );

  app.get(
    '/api/regions/:code/contains/:other',
    {
      schema: {
        tags: TAGS,
        summary: '判断区划 other 是否在区划 code 之内（某日）',
        params: ContainsParams,
        querystring: DateQuery,
        response: { 200: Type.Object({ inside: Type.Boolean() }), ...ERRORS },
      },
    },
    async (request) => {
      const { code, other } = request.params as Static<typeof ContainsParams>;
      const { date } = request.query as Static<typeof DateQuery>;
      return regionContains(db, requireActor(request), code, other, date);
    },
  );
}
