import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import type { Database } from '../../db/connection.ts';
import { verifyAuditChain } from '../audit/audit.repository.ts';
import { applyRegionChange } from './region-changes.ts';
import * as repo from './regions.repository.ts';

let database: Database;
const BY = { actorId: null, actorName: '测试管理员' };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const nameOn = async (code: string, date: string) => (await repo.findRegionOn(database.kysely, code, date))?.name;

describe('changes of the division tree are new versions that never rewrite the past', () => {
  it('after a rename the old name answers for the day before, the new one from the effective day', async () => {
    const r = await applyRegionChange(
      database.kysely,
      { kind: 'rename', code: '150425102', name: '土城子新镇', effective: '2024-01-01', note: '克政发〔2023〕99号' },
      BY,
    );
    expect(r.opened).toEqual([{ code: '150425102', name: '土城子新镇' }]);
    expect(await nameOn('150425102', '2023-12-31')).toBe('土城子镇');
    expect(await nameOn('150425102', '2024-01-01')).toBe('土城子新镇');
    expect(await nameOn('150425102', '2026-11-21')).toBe('土城子新镇');
    // Its villages keep their codes and are still its children.
    const kids = await repo.findChildrenOn(database.kysely, '150425102', '2024-06-01');
    expect(kids.length).toBeGreaterThan(0);
    const changes = await repo.changesOf(database.kysely, '150425102');
    expect(changes).toEqual([
      { kind: 'rename', old_code: '150425102', new_code: '150425102', effective: '2024-01-01', note: '克政发〔2023〕99号' },
    ]);
  });

  it('after a merge the absorbed township is not current, but still resolves for a past date, and its villages with it', async () => {
    const villages = (await repo.findChildrenOn(database.kysely, '150425101', '2023-12-31')).map((c) => c.code);
    expect(villages).toHaveLength(8);
    const r = await applyRegionChange(
      database.kysely,
      {
        kind: 'merge',
        code: '150425101',
        into: '150425100',
        effective: '2024-03-01',
        recode: [{ from: '150425101201', to: '150425100301' }],
      },
      BY,
    );
    expect(r.closed).toBe(9);
    expect(await repo.findRegionOn(database.kysely, '150425101', '2024-03-01')).toBeUndefined();
    expect(await nameOn('150425101', '2024-02-29')).toBe('宇宙地镇');
    expect(await nameOn('150425101202', '2024-02-29')).toBe('永隆村委会');
    expect(await repo.findRegionOn(database.kysely, '150425101202', '2024-03-01')).toBeUndefined();

    // Children listed after the change leave the merged township out; before it they show it.
    const after = await repo.findChildrenOn(database.kysely, '150425', '2024-03-01');
    const before = await repo.findChildrenOn(database.kysely, '150425', '2024-02-29');
    expect(after.map((c) => c.code)).not.toContain('150425101');
    expect(before.map((c) => c.code)).toContain('150425101');

    // The one village given a new code lives on under the absorbing township.
    expect(await repo.findRegionOn(database.kysely, '150425100301', '2024-03-01')).toMatchObject({
      name: '东升村委会',
      parentCode: '150425100',
    });
    expect(await repo.villageNamesOn(database.kysely, ['150425101201', '150425100301'], '2024-03-01')).toEqual(
      new Map([['150425100301', '东升村委会']]),
    );
    const jingpeng = await repo.findChildrenOn(database.kysely, '150425', '2024-03-01');
    expect(jingpeng.find((c) => c.code === '150425100')?.childCount).toBe(15);
    expect((await repo.changesOf(database.kysely, '150425101')).map((c) => [c.kind, c.new_code])).toEqual([
      ['merge', '150425100'],
    ]);
  });

  it('a moved township gets a new code under its new county, and its villages follow', async () => {
    const r = await applyRegionChange(
      database.kysely,
      { kind: 'move', code: '150425103', newCode: '150426190', effective: '2025-01-01' },
      BY,
    );
    expect(r.opened[0]).toEqual({ code: '150426190', name: '同兴镇' });
    expect(await repo.findPathOn(database.kysely, '150426190', '2025-01-01')).toMatchObject([
      { name: '内蒙古自治区' },
      { name: '赤峰市' },
      { name: '翁牛特旗' },
      { name: '同兴镇' },
    ]);
    const villagesBefore = await repo.countVillagesUnder(database.kysely, '150425103', '2024-12-31');
    expect(await repo.countVillagesUnder(database.kysely, '150426190', '2025-01-01')).toBe(villagesBefore);
    expect(await repo.countVillagesUnder(database.kysely, '150425103', '2025-01-01')).toBe(0);
  });

  it('refuses a change that would rewrite what is recorded after it, and writes nothing', async () => {
    const countBefore = await database.kysely
      .selectFrom('regions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirst();
    await expect(
      applyRegionChange(database.kysely, { kind: 'rename', code: '150425102', name: '土城子老镇', effective: '2023-09-01' }, BY),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('须按时间顺序登记') });
    await expect(
      applyRegionChange(
        database.kysely,
        {
          kind: 'merge',
          code: '150425104',
          into: '150425105',
          effective: '2024-01-01',
          recode: [{ from: '150425104200', to: '150425105200' }],
        },
        BY,
      ),
    ).rejects.toMatchObject({ message: expect.stringContaining('已被') });
    await expect(
      applyRegionChange(database.kysely, { kind: 'rename', code: '150425104', name: '万合永新镇', effective: '2999-01-01' }, BY),
    ).rejects.toMatchObject({ message: expect.stringContaining('请在生效当日或之后登记') });
    const countAfter = await database.kysely
      .selectFrom('regions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirst();
    expect(countAfter).toEqual(countBefore);
    expect(await nameOn('150425104', '2026-01-01')).toBe('万合永镇');
  });

  it('writes every change to the audit chain', async () => {
    const audit = await database.kysely
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'actor_name'])
      .where('entity', '=', 'region')
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'region.rename', entity_id: '150425102', actor_name: '测试管理员' },
      { action: 'region.merge', entity_id: '150425101', actor_name: '测试管理员' },
      { action: 'region.move', entity_id: '150425103', actor_name: '测试管理员' },
    ]);
    expect((await verifyAuditChain(database.kysely)).ok).toBe(true);
  });
});
