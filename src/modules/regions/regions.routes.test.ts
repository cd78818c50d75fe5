import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.ts';
import { buildUser, loginAs } from '../../../test/factories.ts';
import type { Database } from '../../db/connection.ts';
import { applyRegionChange } from './region-changes.ts';
import { checkVillageCodes } from './regions.service.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
const as: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  const db = database.kysely;
  await buildUser(db, { username: 'keqi', role: 'county', region: '150425' });
  await buildUser(db, { username: 'jingpeng', role: 'township', region: '150425100' });
  await buildUser(db, { username: 'nmg', role: 'province', region: '15' });
  await buildUser(db, { username: 'huize', role: 'county', region: '530326' });
  for (const u of ['keqi', 'jingpeng', 'nmg', 'huize']) as[u] = await loginAs(app, u);
});
afterAll(() => close());

const get = (user: string, url: string) => app.inject({ method: 'GET', url, headers: as[user] });

describe('region tree for a county officer', () => {
  it('shows the county with its real name, level and the path from the province', async () => {
    const res = await get('keqi', '/api/regions/150425');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      code: '150425',
      name: '克什克腾旗',
      level: 3,
      levelName: '县级',
      parentCode: '1504',
      validFrom: '2023-06-30',
      validTo: null,
      path: [
        { code: '15', name: '内蒙古自治区' },
        { code: '1504', name: '赤峰市' },
        { code: '150425', name: '克什克腾旗' },
      ],
    });
  });

  it('walks the county down to its villages', async () => {
    const townships = (await get('keqi', '/api/regions/150425/children')).json();
    expect(townships.find((t: { code: string }) => t.code === '150425100')).toEqual({
      code: '150425100',
      name: '经棚镇',
      level: 4,
      childCount: 14,
    });
    const villages = (await get('keqi', '/api/regions/150425100/children')).json();
    expect(villages).toHaveLength(14);
    expect(villages[1]).toEqual({ code: '150425100200', name: '河东村委会', level: 5, childCount: 0 });
  });

  it('names the regions above the county for breadcrumbs, but does not list their other children', async () => {
    expect((await get('keqi', '/api/regions/15')).json().name).toBe('内蒙古自治区');
    const res = await get('keqi', '/api/regions/1504/children');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('REGION_OUT_OF_SCOPE');
  });

  it('refuses the neighbouring county: a county officer of 150425 asking for the children of 150426 gets 403', async () => {
    const res = await get('keqi', '/api/regions/150426/children');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ code: 'REGION_OUT_OF_SCOPE', message: '区划 150426 不在您的管辖范围内' });
    expect((await get('keqi', '/api/regions/150426')).statusCode).toBe(403);
    expect((await get('keqi', '/api/regions/150426100212')).statusCode).toBe(403);
  });

  it('answers 404 for a code that does not exist, and 400 for one that is not a code', async () => {
    const res = await get('keqi', '/api/regions/150425999');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('区划 150425999') });
    expect((await get('keqi', '/api/regions/1504251')).statusCode).toBe(400);
    expect((await get('keqi', '/api/regions/150425?date=2024-02-30')).statusCode).toBe(400);
  });

  it('shows Yunnan to a Yunnan county: 530326 is 会泽县', async () => {
    const res = await get('huize', '/api/regions/530326');
    expect(res.json()).toMatchObject({ name: '会泽县', path: [{ name: '云南省' }, { name: '曲靖市' }, { name: '会泽县' }] });
  });

  it('refuses a user who is not signed in', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/regions/15' })).statusCode).toBe(401);
  });
});

describe('finding regions by name', () => {
  it('finds a county by part of its name with the path as text', async () => {
    const res = await get('nmg', '/api/regions/search?q=翁牛特');
    expect(res.statusCode).toBe(200);
    expect(res.json()[0]).toEqual({ code: '150426', name: '翁牛特旗', level: 3, path: '内蒙古自治区/赤峰市/翁牛特旗' });
  });

  it('searches only inside the user’s own region', async () => {
    const mine = (await get('keqi', '/api/regions/search?q=河东&limit=100')).json() as { code: string; path: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((h) => h.code.startsWith('150425'))).toBe(true);
    expect(mine[0]?.path).toBe('内蒙古自治区/赤峰市/克什克腾旗/经棚镇/河东村委会');
    const all = (await get('nmg', '/api/regions/search?q=河东&limit=100')).json() as unknown[];
    expect(all.length).toBeGreaterThan(mine.length);
    expect((await get('keqi', '/api/regions/search?q=会泽')).json()).toEqual([]);
  });

  it('narrows a search to a region inside the scope and refuses one outside', async () => {
    const inTown = (await get('keqi', '/api/regions/search?q=村&within=150425100&limit=100')).json() as { code: string }[];
    expect(inTown.length).toBeGreaterThan(5);
    expect(inTown.every((h) => h.code.startsWith('150425100'))).toBe(true);
    expect((await get('keqi', '/api/regions/search?q=村&within=150426')).statusCode).toBe(403);
  });

  it('finds regions by the first digits of the code', async () => {
    const hits = (await get('jingpeng', '/api/regions/search?q=1504251002')).json() as { code: string }[];
    expect(hits.map((h) => h.code)).toContain('150425100200');
    expect(hits.every((h) => h.code.startsWith('1504251002'))).toBe(true);
    expect((await get('jingpeng', '/api/regions/search?q=15')).json().length).toBeGreaterThan(10);
  });
});

describe('is one region inside another', () => {
  it('a village is inside its county, and not inside the neighbouring township', async () => {
    expect((await get('keqi', '/api/regions/150425/contains/150425100200')).json()).toEqual({ inside: true });
    expect((await get('keqi', '/api/regions/150425101/contains/150425100200')).json()).toEqual({ inside: false });
    expect((await get('keqi', '/api/regions/15/contains/150425100200')).json()).toEqual({ inside: true });
  });

  it('does not answer about regions outside the scope, nor about codes that do not exist', async () => {
    expect((await get('keqi', '/api/regions/150425/contains/150426100212')).statusCode).toBe(403);
    expect((await get('keqi', '/api/regions/150425/contains/150425100299')).statusCode).toBe(404);
  });
});

describe('regions on a date, after the tree changed', () => {
  beforeAll(async () => {
    await applyRegionChange(
      database.kysely,
      { kind: 'rename', code: '150425105', name: '芝瑞新镇', effective: '2024-01-01' },
      { actorId: null, actorName: '测试' },
    );
    await applyRegionChange(
      database.kysely,
      { kind: 'merge', code: '150425106', into: '150425105', effective: '2024-01-01' },
      { actorId: null, actorName: '测试' },
    );
  });

  it('gives the name valid on the date asked, and today’s by default', async () => {
    expect((await get('keqi', '/api/regions/150425105?date=2023-12-31')).json()).toMatchObject({
      name: '芝瑞镇',
      validTo: '2024-01-01',
    });
    expect((await get('keqi', '/api/regions/150425105')).json()).toMatchObject({ name: '芝瑞新镇', validFrom: '2024-01-01' });
    const village = (await get('keqi', '/api/regions/150425105200?date=2023-12-31')).json();
    expect(village.path.map((p: { name: string }) => p.name)).toContain('芝瑞镇');
  });

  it('leaves a merged township out of the children after the merge, and still shows it for a date before', async () => {
    const now = (await get('keqi', '/api/regions/150425/children')).json() as { code: string }[];
    const then = (await get('keqi', '/api/regions/150425/children?date=2023-12-31')).json() as { code: string }[];
    expect(now.map((c) => c.code)).not.toContain('150425106');
    expect(then.map((c) => c.code)).toContain('150425106');
    expect((await get('keqi', '/api/regions/150425106')).statusCode).toBe(404);
    expect((await get('keqi', '/api/regions/150425106?date=2023-12-31')).json().name).toBe('达来诺日镇');
  });
});

describe('village codes of an import', () => {
  it('says for each code whether it is a village inside the importer’s scope', async () => {
    const checks = await checkVillageCodes(database.kysely, '150425100', [
      '150425100200',
      '150425100299',
      '150425101200',
      '1504',
    ]);
    expect(checks.get('150425100200')).toEqual({ ok: true, name: '河东村委会' });
    expect(checks.get('150425100299')).toMatchObject({ ok: false, reason: 'unknown' });
    expect(checks.get('150425101200')).toMatchObject({ ok: false, reason: 'outOfScope' });
    expect(checks.get('1504')).toMatchObject({ ok: false, reason: 'unknown' });
  });
});

describe('OpenAPI', () => {
  it('documents the region routes with Chinese summaries', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const children = spec.paths['/api/regions/{code}/children'].get;
    expect(children.tags).toEqual(['regions']);
    expect(children.summary).toMatch(/下级区划/);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/regions/{code}', '/api/regions/search', '/api/regions/{code}/contains/{other}']),
    );
  });
});
