import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import type { Database } from '../../db/connection.ts';
import { runRegionsLoad, runRegionsMerge, runRegionsRename, runRegionsShow } from './regions.ts';

let database: Database;
let out: string[];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
afterEach(() => vi.restoreAllMocks());

function capture() {
  out = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
}
const printed = () => out.join('\n');

describe('bangfu regions', () => {
  it('load says which provinces are already there and refuses codes the dataset does not have', async () => {
    capture();
    expect(await runRegionsLoad(database, ['15', '53'])).toBe(0);
    expect(printed()).toMatch(/15\s+内蒙古自治区\s+已载入\s+15,938/);
    expect(printed()).toMatch(/53\s+云南省\s+已载入/);
    capture();
    expect(await runRegionsLoad(database, ['15', '99'])).toBe(2);
    expect(printed()).toContain('数据集中没有这些省级区划代码：99');
  });

  it('show prints the name, the path and the children of a region', async () => {
    capture();
    expect(await runRegionsShow(database, ['530326'])).toBe(0);
    expect(printed()).toContain('会泽县（530326，县级）');
    expect(printed()).toContain('路径：云南省 / 曲靖市 / 会泽县');
    capture();
    expect(await runRegionsShow(database, ['150499'])).toBe(1);
    expect(printed()).toContain('区划 150499 在');
  });

  it('rename registers a new version, and show gives the name of the date asked with the history', async () => {
    capture();
    expect(await runRegionsRename(database, ['150425104', '万合永新镇', '--effective', '2024-01-01', '--note', '测试文号'])).toBe(
      0,
    );
    expect(printed()).toContain('已登记：2024-01-01 起生效');
    capture();
    await runRegionsShow(database, ['150425104', '--date', '2023-12-31']);
    expect(printed()).toContain('万合永镇（150425104，乡级）  2023-12-31 的区划');
    expect(printed()).toMatch(/2023-06-30\s+2024-01-01\s+万合永镇/);
    expect(printed()).toMatch(/2024-01-01\s+rename\s+150425104\s+150425104\s+测试文号/);
    capture();
    await runRegionsShow(database, ['150425104']);
    expect(printed()).toContain('万合永新镇（150425104，乡级）');
  });

  it('a merge preview writes nothing', async () => {
    capture();
    expect(
      await runRegionsMerge(database, [
        '150425105',
        '--into',
        '150425104',
        '--effective',
        '2024-06-01',
        '--recode',
        '150425105200=150425104300',
        '--dry-run',
      ]),
    ).toBe(0);
    expect(printed()).toContain('预览（未写入）');
    expect(printed()).toMatch(/move\s+150425105200\s+150425104300/);
    capture();
    expect(await runRegionsShow(database, ['150425105', '--date', '2024-06-01'])).toBe(0);
  });
});
