// 区划认定 in a real browser: the Yunnan province officer enters the province's list of
// 深度贫困县 with 会泽县 from 2018-03-01, is told on the field that a second list of the kind
// from the same day cannot be entered, and records 会泽县 leaving it on 2020-07-01 with the
// document. The Huize county officer then reads the list, and what it says of the county on
// the 区划 page, with nothing to enter or change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { createTestDatabase } from '../db.ts';
import { buildUser } from '../factories.ts';
import { type BrowserApp, choose, logIn, pickDate, screenshotOnFailure, startBrowserApp } from './browser-app.ts';

let b: BrowserApp;

const TITLE = '云南省深度贫困县名单（测试）';

beforeAll(async () => {
  const database: Database = await createTestDatabase();
  await buildUser(database.kysely, { username: 'yunnan', role: 'province', region: '53', displayName: '省经办' });
  await buildUser(database.kysely, { username: 'huize_county', role: 'county', region: '530326', displayName: '李经办' });
  b = await startBrowserApp('designations', database);
});

afterAll(async () => {
  await b?.close();
});

async function fillList(from: string) {
  const { page } = b;
  await page.getByRole('button', { name: '录入名单' }).click();
  const dialog = page.getByRole('dialog');
  await choose(page, '名单类别', '', '深度贫困县');
  await dialog.getByLabel('名单名称', { exact: true }).fill(TITLE);
  await dialog.getByLabel('依据文件', { exact: true }).fill('云南省人民政府关于深度贫困县的通知（测试）');
  await pickDate(page, '执行日期', from);
  await choose(page, '列入的县', '会泽', '会泽县（530326）');
  await dialog.getByRole('button', { name: '保存名单' }).click();
}

describe('贫困县、深度贫困县名单 in the browser', () => {
  it('the province officer enters a list of 深度贫困县 and records a county leaving it', async () => {
    screenshotOnFailure(b, 'designations-province');
    const { page } = b;
    await logIn(b, 'yunnan', '省经办');
    await page.getByRole('menuitem', { name: '贫困县名单' }).click();
    await page.getByText('尚未录入名单').waitFor();

    await fillList('2018-03-01');
    const row = page.locator('.ant-table-tbody tr').filter({ hasText: '会泽县' });
    await row.getByText('今日在列').waitFor();
    const list = page.locator('[data-testid^="designation-list-"]').filter({ hasText: TITLE });
    await list.getByText('在执行', { exact: true }).waitFor();
    expect(await list.textContent()).toContain('2018-03-01');

    // A second list of the kind from the same day: refused on the field it is about.
    await fillList('2018-03-01');
    await page.getByRole('dialog').getByText('当天已有同类名单').waitFor();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();

    await row.getByRole('button', { name: '记录退出' }).click();
    const dialog = page.getByRole('dialog');
    // A day before the list took effect is not offered (the server would refuse it).
    const leaving = dialog.getByLabel('退出日期', { exact: true });
    await leaving.click();
    await leaving.fill('2010-01-01');
    await leaving.press('Tab');
    await expect.poll(() => leaving.inputValue()).toBe('');
    await pickDate(page, '退出日期', '2020-07-01');
    await dialog.getByLabel('退出依据', { exact: true }).fill('云南省人民政府关于会泽县退出贫困县序列的通知（测试）');
    await dialog.getByRole('button', { name: '记录退出' }).click();
    await row.getByText('已退出').waitFor();
    await expect.poll(() => row.textContent()).toContain('2020-07-01');
    expect(await row.textContent()).toContain('退出贫困县序列的通知');
  });

  it('the county officer reads the list and what it says of the county, with nothing to change', async () => {
    screenshotOnFailure(b, 'designations-county');
    const { page } = b;
    await page
      .getByTestId('current-user')
      .getByRole('button', { name: /退\s*出/ })
      .click();
    await page.waitForURL('**/login');
    await logIn(b, 'huize_county', '李经办');
    await page.goto(`${b.baseUrl}/designations`);
    await page.getByText('名单由省级人员录入').waitFor();
    const row = page.locator('.ant-table-tbody tr').filter({ hasText: '会泽县' });
    await row.getByText('已退出').waitFor();
    for (const name of ['录入名单', '补录县', '记录退出']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }

    await page.goto(`${b.baseUrl}/regions`);
    const said = page.getByTestId('region-designations');
    await said.getByText('2020-07-01 起不再列入深度贫困县').waitFor();
    expect(await said.textContent()).toContain('贫困县：未录入名单');
  });
});
