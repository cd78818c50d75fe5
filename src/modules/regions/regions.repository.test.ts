import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import type { Database } from '../../db/connection.ts';
import { DATASET_VALID_FROM } from './division-dataset.ts';
import { loadProvinces } from './region-loader.ts';
import * as repo from './regions.repository.ts';

let database: Database;
const TODAY = '2026-11-21';

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('region look-ups on the 2023 division codes', () => {
  it('finds a region by code with its real name, level and parent', async () => {
    const db = database.kysely;
    expect(await repo.findRegionOn(db, '15', TODAY)).toMatchObject({ name: '内蒙古自治区', level: 1, parentCode: null });
    expect(await repo.findRegionOn(db, '530326', TODAY)).toMatchObject({ name: '会泽县', level: 3, parentCode: '5303' });
    expect(await repo.findRegionOn(db, '150425100200', TODAY)).toMatchObject({
      name: '河东村委会',
      level: 5,
      parentCode: '150425100',
      validFrom: DATASET_VALID_FROM,
      validTo: null,
    });
  });

  it('knows nothing of a code that does not exist or of a day before the dataset', async () => {
    expect(await repo.findRegionOn(database.kysely, '150499', TODAY)).toBeUndefined();
    expect(await repo.findRegionOn(database.kysely, '15', '2020-01-01')).toBeUndefined();
  });

  it('lists the townships of a county with the number of villages of each', async () => {
    const children = await repo.findChildrenOn(database.kysely, '150425', TODAY);
    expect(children.map((c) => c.name)).toContain('经棚镇');
    expect(children.find((c) => c.code === '150425101')).toEqual({
      code: '150425101',
      name: '宇宙地镇',
      level: 4,
      childCount: 8,
    });
    expect(children.every((c) => c.code.startsWith('150425') && c.level === 4)).toBe(true);
    expect(children.map((c) => c.code)).toEqual([...children.map((c) => c.code)].sort());
  });

  it('gives the path from the province down to a village', async () => {
    const path = await repo.findPathOn(database.kysely, '150425100200', TODAY);
    expect(path.map((p) => p.name)).toEqual(['内蒙古自治区', '赤峰市', '克什克腾旗', '经棚镇', '河东村委会']);
  });

  it('finds regions by a part of the name, an exact name first, and only inside a prefix when asked', async () => {
    const db = database.kysely;
    const huize = await repo.searchByName(db, { q: '会泽', within: '', date: TODAY, limit: 10 });
    expect(huize[0]).toEqual({ code: '530326', name: '会泽县', level: 3 });
    const exact = await repo.searchByName(db, { q: '经棚镇', within: '', date: TODAY, limit: 5 });
    expect(exact[0]?.code).toBe('150425100');
    const hedong = await repo.searchByName(db, { q: '河东', within: '150425', date: TODAY, limit: 50 });
    expect(hedong.length).toBeGreaterThan(0);
    expect(hedong.every((h) => h.code.startsWith('150425') && h.name.includes('河东'))).toBe(true);
    const everywhere = await repo.searchByName(db, { q: '河东', within: '', date: TODAY, limit: 50 });
    expect(everywhere.length).toBeGreaterThan(hedong.length);
  });

  it('takes % and _ in a search as plain characters', async () => {
    expect(await repo.searchByName(database.kysely, { q: '%', within: '', date: TODAY, limit: 5 })).toEqual([]);
    expect(await repo.searchByName(database.kysely, { q: '_', within: '', date: TODAY, limit: 5 })).toEqual([]);
  });

  it('tells an import in one query which codes are villages, with their names', async () => {
    const found = await repo.villageNamesOn(
      database.kysely,
      ['150425100200', '150425100201', '150425100', '150425100299', '999999999999', 'abc'],
      TODAY,
    );
    expect(found).toEqual(
      new Map([
        ['150425100200', '河东村委会'],
        ['150425100201', '河南店村委会'],
      ]),
    );
  });

  it('counts the villages under a region', async () => {
    const db = database.kysely;
    expect(await repo.countVillagesUnder(db, '150425101', TODAY)).toBe(8);
    expect(await repo.countVillagesUnder(db, '150425', TODAY)).toBe(145);
    expect(await repo.countVillagesUnder(db, '150425100200', TODAY)).toBe(1);
  });

  it('loading a province that is already loaded changes nothing', async () => {
    expect(await loadProvinces(database, ['15'])).toEqual({ '15': 0 });
    expect(await repo.countVillagesUnder(database.kysely, '15', TODAY)).toBeGreaterThan(10_000);
  });
});
