// 政策找人 in a real browser: the Huize county officer runs the transport subsidy (TR-HZ) over
// the county as of 2019-03-01, follows the run to its end, sees who qualifies (not the
// laborer at home, not the one who already claimed), and downloads the list for the village,
// ID numbers masked.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { createTestDatabase } from '../db.ts';
import { type BuiltPerson, buildHousehold, buildUser, VILLAGES } from '../factories.ts';
import { type BrowserApp, logIn, pickDate, screenshotOnFailure, startBrowserApp } from './browser-app.ts';

let database: Database;
let b: BrowserApp;

async function outOfProvince(db: Database['kysely'], p: BuiltPerson) {
  await db
    .insertInto('employment_spells')
    .values({
      person_id: p.id,
      village_code: p.villageCode,
      start_date: '2018-11-01',
      channel: '外出务工(自主)',
      place_name: '浙江省宁波市',
      out_of_province: true,
      monthly_income_fen: 450000,
    })
    .execute();
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.kysely;
  await buildUser(db, { username: 'huize_county', role: 'county', region: '530326', displayName: '李经办' });
  const village = VILLAGES.tanglang;
  const [chen] = (await buildHousehold(db, { village, members: [{ name: '陈国华' }] })).persons as [BuiltPerson];
  const [wang] = (await buildHousehold(db, { village, members: [{ name: '王德明' }] })).persons as [BuiltPerson];
  await buildHousehold(db, { village, members: [{ name: '马在家' }] });
  await outOfProvince(db, chen);
  await outOfProvince(db, wang);
  await db
    .insertInto('claims')
    .values({
      number: 'BT2019-000001',
      rule_id: 'TR-HZ',
      document_code: 'HZ-2018-20',
      region_code: wang.villageCode,
      subject_kind: 'person',
      person_id: wang.id,
      subject_key: `person:${wang.id}`,
      beneficiary_name: wang.name,
      case_date: '2019-02-01',
      claim_year: 2019,
      facts: '{}',
      decision: '{}',
      parameter_version: 'e2e',
      amount_fen: 50000,
      fund_source: 'employment_fund',
    })
    .execute();
  b = await startBrowserApp('policy-find', database);
  await logIn(b, 'huize_county', '李经办');
});

afterAll(async () => {
  await b?.close();
});

describe('政策找人 in the browser', () => {
  it('runs TR-HZ over the county, lists who qualifies and has not claimed, and exports the list', async () => {
    screenshotOnFailure(b, 'policy-find');
    const { page } = b;
    await page.goto(`${b.baseUrl}/rules/TR-HZ?tab=find`);
    await pickDate(page, '日期', '2019-03-01');
    await page.getByRole('button', { name: '查找符合条件的人' }).click();
    const run = page.getByTestId('find-run');
    await run.getByText('已完成').waitFor();
    await expect.poll(() => run.textContent()).toContain('1 人符合');
    await expect.poll(() => run.textContent()).toContain('1 人符合条件但已申领');

    const rows = page.locator('.ant-table-tbody tr').filter({ hasText: '堂琅社区' });
    await rows.filter({ hasText: '陈国华' }).waitFor();
    expect(await rows.count()).toBe(1);
    await expect.poll(() => rows.first().textContent()).toContain('最高 500.00');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出名单/ }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path()) as string) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(2).getCell(2).value).toBe('陈国华');
    expect(String(sheet?.getRow(2).getCell(3).value)).toContain('*');
    expect(sheet?.rowCount).toBe(2);
  });
});
