// 政策找人 in a real browser: the Huize county officer runs the transport subsidy (TR-HZ) over
// the county as of 2019-03-01, follows the run to its end, sees who qualifies (not the
// laborer without work, not the one who already claimed, not the one working 就地就近 in its
// village: 外出务工 only), and downloads the list for the village, ID numbers masked. Then it runs the Yunnan workshop award (WS-YN) as of 2019-09-30 over the
// county's 帮扶车间: the workshop in 闸塘村 with six poor laborers on the register is listed
// 待核实 with the facts bangfu cannot know, no policy notice is offered, and the list exports.
// Last, the social insurance subsidy to labor companies (SI-YN) as of 2019-06-30 finds the county's
// labor company with its poor laborer, and 代为申报 opens the claim about that laborer.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { creditCheckChar } from '../../src/domain/jobs/credit-code.ts';
import { createTestDatabase } from '../db.ts';
import {
  type BuiltPerson,
  buildEmployedLaborer,
  buildHousehold,
  buildUser,
  buildWorkshopLaborer,
  VILLAGES,
} from '../factories.ts';
import { type BrowserApp, choose, logIn, pickDate, screenshotOnFailure, startBrowserApp } from './browser-app.ts';

let database: Database;
let b: BrowserApp;

/** 会泽县 新街回族乡 闸塘村: a village of a 乡, so a workshop there is rural. */
const ZHATANG = '530326208203';
const WORKSHOP = '会泽县闸塘服装帮扶车间';
const WORKSHOP_CODE = `91530326MA6K0001A${creditCheckChar('91530326MA6K0001A')}`;

/**
 * A recognised workshop in 闸塘村 with six laborers of 脱贫户 and one of a monitored household
 * at it since 2019-01-10: six whole months by 2019-09-30 for WS-YN, and too short a stay on
 * 2019-03-01 for any of them to join the TR-HZ list above.
 */
async function workshopWithLaborers(db: Database['kysely']) {
  await db
    .insertInto('employers')
    .values({
      credit_code: WORKSHOP_CODE,
      name: WORKSHOP,
      region_code: ZHATANG,
      is_workshop: true,
      contact_name: '张厂长',
      contact_phone: '13908741234',
    })
    .execute();
  // The last one's record names the workshop by a short name no workshop is registered with.
  const types = ['脱贫户', '脱贫户', '脱贫户', '脱贫户', '脱贫户', '脱贫户', '监测对象', '脱贫户'] as const;
  for (const [i, type] of types.entries()) {
    await buildWorkshopLaborer(db, {
      village: ZHATANG,
      type,
      employer: i === types.length - 1 ? '闸塘服装厂' : WORKSHOP,
      start: '2019-01-10',
      name: `车间工${i}`,
    });
  }
}

const LABOR_COMPANY = '会泽县诚信劳务有限公司';

/**
 * A labor company of the county with a poor laborer and a monitored one linked to it since
 * 2019-04-01, insured: after the TR-HZ run's day, before the SI-YN run's.
 */
async function laborCompanyWithLaborers(db: Database['kysely']) {
  const { id } = await db
    .insertInto('employers')
    .values({
      credit_code: `91530326MA6K5678Y${creditCheckChar('91530326MA6K5678Y')}`,
      name: LABOR_COMPANY,
      region_code: '530326',
      contact_name: '刘经理',
      contact_phone: '13908745678',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [name, type] of [
    ['劳务工甲', '脱贫户'],
    ['劳务工乙', '监测对象'],
  ] as const) {
    await buildEmployedLaborer(db, {
      village: ZHATANG,
      type,
      employer: LABOR_COMPANY,
      employerId: id,
      start: '2019-04-01',
      name,
      insured: true,
    });
  }
}

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
  // Five months of local work (就地就近) in its own village by 2019-03-01: not 外出务工, so no
  // 县内 100 yuan (第16条).
  await buildEmployedLaborer(db, { village, employer: '堂琅社区种植合作社', start: '2018-10-01', name: '赵就近' });
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
  await workshopWithLaborers(db);
  await laborCompanyWithLaborers(db);
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
    expect(await rows.filter({ hasText: '赵就近' }).count()).toBe(0);
    await expect.poll(() => rows.first().textContent()).toContain('最高 500.00');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出名单/ }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path()) as string) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(2).getCell(2).value).toBe('陈国华');
    expect(String(sheet?.getRow(2).getCell(3).value)).toContain('*');
    expect(sheet?.rowCount).toBe(2);
  });

  it('runs WS-YN over the county, lists the 帮扶车间 to verify with what bangfu cannot know, and exports it', async () => {
    screenshotOnFailure(b, 'policy-find-workshop');
    const { page } = b;
    await page.goto(`${b.baseUrl}/rules/WS-YN?tab=find`);
    await page.getByText('查找辖区内符合或可能符合条件、尚未申领的帮扶车间').waitFor();
    await pickDate(page, '日期', '2019-09-30');
    await page.getByRole('button', { name: '查找符合条件的帮扶车间' }).click();
    const run = page.getByTestId('find-run');
    await run.getByText('已完成').waitFor();
    await expect.poll(() => run.textContent()).toContain('其中待核实1');
    await expect.poll(() => run.textContent()).toContain('1 个符合或可能符合');

    const row = page.locator('.ant-table-tbody tr').filter({ hasText: WORKSHOP });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('闸塘村村民委员会');
    expect(text).toContain('张厂长 13908741234');
    expect(await row.locator('.ant-tag').textContent()).toBe('待核实');
    expect(text).toContain('上述人员中最短的劳动合同或就业协议期限（月）、工资待遇不低于当地最低工资标准');
    expect(await row.getByRole('link', { name: WORKSHOP }).getAttribute('href')).toMatch(/^\/employers\/\d+$/);
    // The laborer recorded under a short name is on no workshop's count: the officers are told.
    await page.getByTestId('unmatched-workshops').getByText('闸塘服装厂（1 人，其中脱贫劳动力 1 人）').waitFor();
    // Workshops are called through their contacts: no policy notice to send.
    expect(await page.getByRole('button', { name: '通知名单中的人' }).count()).toBe(0);
    await page.getByText('请按名单中的联系人和电话联系车间').waitFor();

    await choose(page, '结论', '', '待核实');
    await expect.poll(() => page.locator('.ant-table-tbody tr').filter({ hasText: WORKSHOP }).count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出名单/ }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path()) as string) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe('政策找车间名单');
    expect(sheet?.getRow(2).getCell(2).value).toBe(WORKSHOP);
    expect(sheet?.getRow(2).getCell(11).value).toBe('待核实');
    expect(String(sheet?.getRow(2).getCell(13).value)).toContain('劳动合同');
    expect(sheet?.rowCount).toBe(2);

    // Once verified, 代为申报 opens the claim form for the workshop on the run's date.
    await row.getByRole('link', { name: '代为申报' }).click();
    await page.waitForURL('**/claims/new?**');
    await expect.poll(() => page.getByLabel('帮扶车间名称', { exact: true }).inputValue()).toBe(WORKSHOP);
    expect(await page.getByLabel('统一社会信用代码', { exact: true }).inputValue()).toMatch(/^91530326/);
    expect(await page.getByLabel('发生日期', { exact: true }).inputValue()).toBe('2019-09-30');
  });

  it('runs SI-YN over the county: the labor company with its poor laborer, to verify, and 代为申报 about that laborer', async () => {
    screenshotOnFailure(b, 'policy-find-employer');
    const { page } = b;
    await page.goto(`${b.baseUrl}/rules/SI-YN?tab=find`);
    await page.getByText('查找辖区内可为台账劳动力申领本项补贴、尚未申领的用人单位').waitFor();
    await pickDate(page, '日期', '2019-06-30');
    await page.getByRole('button', { name: '查找符合条件的用人单位' }).click();
    const run = page.getByTestId('find-run');
    await run.getByText('已完成').waitFor();
    await expect.poll(() => run.textContent()).toContain('1 个单位的 1 名劳动力符合或可能符合');

    const row = page.locator('.ant-table-tbody tr').filter({ hasText: LABOR_COMPANY });
    await row.waitFor();
    expect(await page.locator('.ant-table-tbody tr').filter({ hasText: LABOR_COMPANY }).count()).toBe(1);
    const text = await row.textContent();
    expect(text).toContain('劳务工甲');
    expect(text).toContain('刘经理 13908745678');
    expect(text).toContain('闸塘村');
    expect(text).toContain('劳务公司');
    expect(await row.locator('.ant-tag').textContent()).toBe('待核实');
    expect(await page.getByRole('button', { name: '通知名单中的人' }).count()).toBe(0);

    await row.getByRole('link', { name: '代为申报' }).click();
    await page.waitForURL('**/claims/new?**');
    await expect.poll(() => page.getByLabel('用人单位名称', { exact: true }).inputValue()).toBe(LABOR_COMPANY);
    await expect.poll(() => page.locator('.ant-form-item').filter({ hasText: '所涉劳动力' }).textContent()).toContain('劳务工甲');

    // Verified and filed: the claim shows the register's employment of the laborer at the company.
    await page.getByLabel('开户行', { exact: true }).fill('会泽县农村信用合作联社');
    await page.getByLabel('银行账号', { exact: true }).fill('2000012345678909');
    await choose(page, '申请单位为劳务公司', '', '是');
    await page.getByLabel('劳动合同期限（月）', { exact: true }).fill('12');
    await page.getByLabel('本次申请补贴月数', { exact: true }).fill('3');
    await page.getByLabel('该劳动力已享受补贴月数', { exact: true }).fill('0');
    // Without the monthly contribution the amount is not decided: refused, the decision drawn as in 试算.
    await page.getByRole('button', { name: /提交申报/ }).click();
    await page
      .getByText(/金额尚未核定/)
      .first()
      .waitFor();
    await page.getByTestId('decision').waitFor();
    await page.getByLabel('单位为该劳动力每月缴纳的基本养老、基本医疗、失业保险费合计（元）', { exact: true }).fill('612.5');
    await page.getByRole('button', { name: /提交申报/ }).click();
    await page.waitForURL(/\/claims\/\d+$/);
    await page
      .getByTestId('register-check')
      .getByText('台账记录：自 2019-04-01 起在本单位就业（就地就近），至事由日期在岗 2 个月，已参保')
      .waitFor();
  });
});
