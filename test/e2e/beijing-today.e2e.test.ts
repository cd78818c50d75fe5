// The date pickers take "today" as Beijing sees it, whatever the browser's time zone. A county
// officer's browser set to Los Angeles, at 18:00 UTC (10:00 or 11:00 there, 02:00 of the next
// day in Beijing): the 发生日期 picker of 补贴申报 highlights the Beijing day as today and its
// 今天 picks that day, and so does the period of 资金台账's report (a RangePicker).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { todayInShanghai } from '../../src/domain/registry/derive.ts';
import { createTestDatabase } from '../db.ts';
import { buildUser } from '../factories.ts';
import { type BrowserApp, logIn, pickDate, screenshotOnFailure, startBrowserApp } from './browser-app.ts';

/** Today at 18:00 UTC: still today in Los Angeles, already tomorrow in Beijing. */
const AT = new Date(`${new Date().toISOString().slice(0, 10)}T18:00:00Z`);
const BEIJING_DAY = todayInShanghai(AT);
const LOS_ANGELES_DAY = AT.toISOString().slice(0, 10);

let database: Database;
let b: BrowserApp;

beforeAll(async () => {
  database = await createTestDatabase();
  await buildUser(database.kysely, { username: 'huize_county', role: 'county', region: '530326', displayName: '李经办' });
  b = await startBrowserApp('beijing-today', database, { timezoneId: 'America/Los_Angeles' });
  // Date.now and new Date() in the page only; the timers run as usual.
  await b.page.clock.setFixedTime(AT);
  await logIn(b, 'huize_county', '李经办');
});

afterAll(async () => {
  await b?.close();
});

/** The open picker's popup. */
const popup = () => b.page.locator('.ant-picker-dropdown:visible');
/**
 * The date its popup marks as today, in the month it belongs to (a RangePicker's other month
 * may show the same day greyed at its edge, marked too).
 */
const markedToday = () => popup().locator('.ant-picker-cell-in-view.ant-picker-cell-today').getAttribute('title');

describe('today in the date pickers is the Beijing day', () => {
  it('the browser really is a day behind Beijing', async () => {
    expect(BEIJING_DAY).not.toBe(LOS_ANGELES_DAY);
    const browserDay = await b.page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
    expect(browserDay).toBe(LOS_ANGELES_DAY);
  });

  it('发生日期 of 补贴申报 highlights the Beijing day as today, and 今天 picks it', async () => {
    screenshotOnFailure(b, 'beijing-today-date');
    await b.page.goto(`${b.baseUrl}/claims/new`);
    const input = b.page.getByLabel('发生日期', { exact: true });
    await expect.poll(() => input.inputValue()).toBe(BEIJING_DAY);
    await input.click();
    expect(await markedToday()).toBe(BEIJING_DAY);
    await input.press('Escape');

    await pickDate(b.page, '发生日期', '2019-03-01');
    await input.click();
    await popup().getByText('今天', { exact: true }).click();
    await expect.poll(() => input.inputValue()).toBe(BEIJING_DAY);
  });

  it("资金台账's report period (a RangePicker) highlights the Beijing day as today", async () => {
    screenshotOnFailure(b, 'beijing-today-range');
    await b.page.goto(`${b.baseUrl}/ledger`);
    // The period ends today: opening its end shows that month.
    const end = b.page.locator('.ant-picker-range input').nth(1);
    await expect.poll(() => end.inputValue()).toBe(BEIJING_DAY);
    await end.click();
    expect(await markedToday()).toBe(BEIJING_DAY);
  });
});
