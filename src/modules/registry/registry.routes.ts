// HTTP for the register: validates the request shape and hands over to the services.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { FIELD_LABELS } from '../../domain/registry/person-input.ts';
import { SPELL_FIELD_LABELS } from '../../domain/registry/spell-input.ts';
import { EMPLOYMENT_CHANNELS, HOUSEHOLD_TYPES, WORK_CAPACITIES } from '../../domain/registry/vocabulary.ts';
import type { AppContext } from '../../http/context.ts';
import { requireActor } from '../auth/auth.routes.ts';
import { decideDuplicate, listDuplicates, scanForDuplicates } from './duplicates.service.ts';
import * as registry from './registry.service.ts';

const Id = Type.String({ pattern: '^\\d{1,18}$' });
const IdParams = Type.Object({ id: Id });
const textFields = (labels: Record<string, string>) =>
  Type.Object(
    Object.fromEntries(
      Object.entries(labels).map(([k, label]) => [k, Type.Optional(Type.String({ description: label, maxLength: 500 }))]),
    ),
    {
      additionalProperties: false,
    },
  );
const PersonFields = textFields(FIELD_LABELS);
const SpellFields = textFields(SPELL_FIELD_LABELS);

export const ListQuery = Type.Object({
  region: Type.Optional(Type.String({ pattern: '^\\d{2,12}$', description: '区划代码' })),
  status: Type.Optional(Type.Union([Type.Literal('已就业'), Type.Literal('未就业')])),
  channel: Type.Optional(Type.Union(EMPLOYMENT_CHANNELS.map((c) => Type.Literal(c)))),
  willing: Type.Optional(Type.Boolean({ description: '外出务工意愿' })),
  capacity: Type.Optional(Type.Union(WORK_CAPACITIES.map((c) => Type.Literal(c)))),
  ageBand: Type.Optional(Type.String({ pattern: '^\\d{1,3}-\\d{1,3}$', description: '年龄段，如 16-30' })),
  householdType: Type.Optional(Type.Union(HOUSEHOLD_TYPES.map((c) => Type.Literal(c)))),
  q: Type.Optional(Type.String({ maxLength: 50, description: '姓名、身份证号或拼音首字母' })),
});
export type ListQueryT = Static<typeof ListQuery>;

const Paging = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});

export async function registryRoutes(app: FastifyInstance, ctx: AppContext) {
  const db = ctx.database;
  const tags = ['registry'];

  app.get(
    '/api/workbench',
    { schema: { tags, summary: '工作台统计', querystring: Type.Object({ region: ListQuery.properties.region }) } },
    async (req) => {
      const q = req.query as { region?: string };
      return registry.workbench(db, requireActor(req), q.region);
    },
  );

  app.get(
    '/api/laborers',
    { schema: { tags, summary: '劳动力台账列表', querystring: Type.Intersect([ListQuery, Paging]) } },
    async (req) => {
      const { page = 1, pageSize = 20, ...filters } = req.query as ListQueryT & { page?: number; pageSize?: number };
      return registry.listLaborers(db, requireActor(req), filters, page, pageSize);
    },
  );

  app.post(
    '/api/laborers',
    { schema: { tags, summary: '新增劳动力', body: Type.Object({ fields: PersonFields }) } },
    async (req, reply) => {
      const { fields } = req.body as { fields: Record<string, string> };
      reply.status(201);
      return registry.createLaborer(db, requireActor(req), fields);
    },
  );

  app.get('/api/laborers/:id', { schema: { tags, summary: '劳动力详情（含户和就业经历）', params: IdParams } }, async (req) => {
    return registry.getLaborer(db, requireActor(req), (req.params as { id: string }).id);
  });

  app.patch(
    '/api/laborers/:id',
    {
      schema: {
        tags,
        summary: '修改劳动力信息',
        params: IdParams,
        body: Type.Object({ version: Type.Integer({ minimum: 1 }), fields: PersonFields }),
      },
    },
    async (req) => {
      const { version, fields } = req.body as { version: number; fields: Record<string, string> };
      return registry.updateLaborer(db, requireActor(req), (req.params as { id: string }).id, version, fields);
    },
  );

  app.post(
    '/api/laborers/:id/reveal-id',
    { schema: { tags, summary: '查看完整身份证号（记入审计）', params: IdParams } },
    async (req) => {
      return registry.revealIdNumber(db, requireActor(req), (req.params as { id: string }).id);
    },
  );

  app.get(
    '/api/employers/:id/laborers',
    {
      schema: {
        tags,
        summary: '用人单位的在岗劳动力（台账中关联该单位的当前就业经历，限本辖区）',
        params: IdParams,
        querystring: Type.Object({ date: Type.Optional(Type.String({ description: '统计日期 YYYY-MM-DD，默认今天' })) }),
      },
    },
    async (req) => {
      const { date } = req.query as { date?: string };
      return registry.employerLaborers(db, requireActor(req), (req.params as { id: string }).id, date);
    },
  );

  app.post(
    '/api/employers/:id/link-spells',
    {
      schema: {
        tags,
        summary: '将本辖区写作该单位名称、未关联的当前就业经历关联到该单位（按名称一键关联，逐条审计）',
        params: IdParams,
        body: Type.Object({ expected: Type.Integer({ minimum: 0, description: '页面显示的待关联条数' }) }),
      },
    },
    async (req) => {
      const { expected } = req.body as { expected: number };
      return registry.linkSpellsByName(db, requireActor(req), (req.params as { id: string }).id, expected);
    },
  );

  app.get('/api/laborers/:id/audit', { schema: { tags, summary: '变更记录', params: IdParams } }, async (req) => {
    return registry.laborerAudit(db, requireActor(req), (req.params as { id: string }).id);
  });

  app.post(
    '/api/laborers/:id/spells',
    { schema: { tags, summary: '新增就业经历', params: IdParams, body: Type.Object({ fields: SpellFields }) } },
    async (req, reply) => {
      reply.status(201);
      return registry.addSpell(
        db,
        requireActor(req),
        (req.params as { id: string }).id,
        (req.body as { fields: Record<string, string> }).fields,
      );
    },
  );

  app.patch(
    '/api/laborers/:id/spells/:spellId',
    {
      schema: {
        tags,
        summary: '修改就业经历（如填写结束日期）',
        params: Type.Object({ id: Id, spellId: Id }),
        body: Type.Object({ fields: SpellFields }),
      },
    },
    async (req) => {
      const p = req.params as { id: string; spellId: string };
      return registry.updateSpell(
        db,
        requireActor(req),
        p.id,
        p.spellId,
        (req.body as { fields: Record<string, string> }).fields,
      );
    },
  );

  app.get(
    '/api/duplicates',
    {
      schema: {
        tags,
        summary: '疑似重复记录',
        querystring: Type.Object({
          status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('merged'), Type.Literal('dismissed')])),
        }),
      },
    },
    async (req) => listDuplicates(db, requireActor(req), (req.query as { status?: 'open' | 'merged' | 'dismissed' }).status),
  );

  app.post('/api/duplicates/scan', { schema: { tags, summary: '查找本辖区新的疑似重复记录' } }, async (req) =>
    scanForDuplicates(db, requireActor(req)),
  );

  app.post(
    '/api/duplicates/:id/merge',
    {
      schema: {
        tags,
        summary: '合并疑似重复记录',
        params: IdParams,
        body: Type.Object({ keep: Id, note: Type.Optional(Type.String({ maxLength: 500 })) }),
      },
    },
    async (req) => {
      const b = req.body as { keep: string; note?: string };
      return decideDuplicate(db, requireActor(req), (req.params as { id: string }).id, {
        kind: 'merge',
        keep: b.keep,
        note: b.note ?? '',
      });
    },
  );

  app.post(
    '/api/duplicates/:id/dismiss',
    {
      schema: {
        tags,
        summary: '排除疑似重复（不是同一人）',
        params: IdParams,
        body: Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }),
      },
    },
    async (req) => {
      const b = req.body as { note?: string };
      return decideDuplicate(db, requireActor(req), (req.params as { id: string }).id, { kind: 'dismiss', note: b.note ?? '' });
    },
  );
}
