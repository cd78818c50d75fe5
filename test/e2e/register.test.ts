// A county officer's day with the register, in a real browser: log in, import a CSV file,
// find the imported people in the list, correct one of them and read the change in 变更记录,
// record a spell at a registered 帮扶车间 by picking its name from the suggestions.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/connection.ts';
import { makeIdNumber } from '../../src/domain/idcard/gb11643.ts';
import { creditCheckChar } from '../../src/domain/jobs/credit-code.ts';
import { buildServer } from '../../src/http/server.ts';
import { createTestDatabase } from '../db.ts';
import { buildHousehold, buildUser, PASSWORD, shanghaiDay, VILLAGES } from '../factories.ts';
import { choose, pickDate } from './browser-app.ts';

const CHROMIUM = '/usr/bin/chromium';
const RESULTS = resolve('test-results');
const DATA_DIR = resolve('.tmp', `e2e-data-${process.pid}`);

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let page: Page;
let baseUrl = '';

/** Three people of two households in 河东村, one of them working away from home. */
const imported = [
  {
    household: 'E2E-HD-0001',
    relationship: '户主',
    name: '刘春生',
    id: makeIdNumber('150425', '1982-04-12', 11, '男'),
    phone: '13847600001',
  },
  {
    household: 'E2E-HD-0001',
    relationship: '配偶',
    name: '马桂兰',
    id: makeIdNumber('150425', '1984-09-03', 12, '女'),
    phone: '13847600002',
  },
  {
    household: 'E2E-HD-0002',
    relationship: '户主',
    name: '高永福',
    id: makeIdNumber('150425', '1990-01-20', 13, '男'),
    phone: '13847600003',
  },
];

function importCsv(): string {
  const header = [
    '户编号',
    '村代码',
    '户类型',
    '与户主关系',
    '姓名',
    '身份证号',
    '劳动技能',
    '外出务工意愿',
    '联系电话',
    '就业渠道',
    '就业开始日期',
    '务工地点',
    '务工单位',
    '月收入(元)',
  ];
  const rows = imported.map((p, i) => [
    p.household,
    VILLAGES.hedong,
    '脱贫户',
    p.relationship,
    p.name,
    p.id,
    '普通劳动力',
    '是',
    p.phone,
    ...(i === 2 ? ['外出务工(自主)', '2025-03-01', '省外:广东省深圳市', '深圳某电子厂', '4800'] : ['', '', '', '', '']),
  ]);
  return `${[header, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`;
}

/** A credit code with a correct check character: 工商 enterprise of 克什克腾旗. */
const creditCode = (org: string) => `91150425${org}${creditCheckChar(`91150425${org}`)}`;
/** A registered 帮扶车间 of the county, and a shop whose name shares words with it. */
const WORKSHOP = { name: '克什克腾旗河东民族服饰加工有限公司', code: creditCode('MA0N3K4P5') };
const SHOP = { name: '克什克腾旗民族服饰商贸有限公司', code: creditCode('MA0N3K4P6') };

/** What the browser reported: console errors and failed API calls, for the failure report. */
const browserLog: string[] = [];

/** On failure, keeps what the browser showed and what it logged. */
function screenshotOnFailure(name: string) {
  onTestFailed(async () => {
    mkdirSync(RESULTS, { recursive: true });
    await page?.screenshot({ path: join(RESULTS, `e2e-${name}.png`), fullPage: true }).catch(() => {});
    writeFileSync(join(RESULTS, `e2e-${name}.log`), `${browserLog.join('\n')}\n`);
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.kysely;
  await buildUser(db, { username: 'kesk_county', role: 'county', region: '150425', fullId: true, displayName: '张经办' });
  await buildHousehold(db, {
    village: VILLAGES.hedong,
    members: [{ name: '王建国' }, { name: '李秀英', sex: '女', birth: '1987-06-15' }],
  });
  await buildHousehold(db, { village: VILLAGES.henandian, members: [{ name: '赵志强' }] });
  await db
    .insertInto('employers')
    .values([
      { credit_code: WORKSHOP.code, name: WORKSHOP.name, region_code: VILLAGES.hedong, industry: 'C', is_workshop: true },
      { credit_code: SHOP.code, name: SHOP.name, region_code: '150425', industry: 'F' },
    ])
    .execute();

  const config = loadConfig({ BANGFU_LOG_LEVEL: 'silent', BANGFU_DATA_DIR: DATA_DIR });
  app = await buildServer({ config, database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(15_000);
  page.on('console', (m) => m.type() === 'error' && browserLog.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => browserLog.push(`page error: ${e.message}`));
  page.on('response', async (r) => {
    if (r.url().includes('/api/') && r.status() >= 400) {
      browserLog.push(`${r.request().method()} ${r.url()} -> ${r.status()} ${await r.text().catch(() => '')}`);
    }
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
  rmSync(DATA_DIR, { recursive: true, force: true });
});

describe('register in the browser', () => {
  it('a wrong password shows the server message, the right one opens the workbench with the user', async () => {
    screenshotOnFailure('login');
    await page.goto(`${baseUrl}/laborers`);
    await page.waitForURL('**/login');
    await page.getByLabel('用户名').fill('kesk_county');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();

    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    // Back to the page asked for first.
    await page.waitForURL('**/laborers');
    const header = page.getByTestId('current-user');
    await header.getByText('张经办').waitFor();
    await header.getByText('县级（旗县）').waitFor();
    await header.getByText('克什克腾旗').waitFor();
  });

  it('an imported CSV file reports its counts and its rows appear in the list', async () => {
    screenshotOnFailure('import');
    await page.getByRole('menuitem', { name: '数据导入' }).click();
    await page.waitForURL('**/imports');
    await page.locator('input[type=file]').setInputFiles({
      name: '河东村劳动力.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(importCsv(), 'utf8'),
    });
    const summary = page.getByTestId('import-summary');
    await summary.getByText('已完成').waitFor({ timeout: 60_000 });
    const stat = (title: string) =>
      summary.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content');
    expect(await stat('新增').textContent()).toBe('3');
    expect(await stat('失败').textContent()).toBe('0');

    await page.getByRole('menuitem', { name: '劳动力台账' }).click();
    await page.waitForURL('**/laborers');
    // 2 seeded households of 3 people + 3 imported.
    await page.getByText('共 6 人').waitFor();
    await page.getByPlaceholder('姓名、身份证号或拼音首字母').fill('lcs');
    await page.getByPlaceholder('姓名、身份证号或拼音首字母').press('Enter');
    await page.getByText('共 1 人').waitFor();
    await page.getByRole('link', { name: '刘春生' }).waitFor();
  });

  it('a correction made in the form is saved and shows in 变更记录 with before and after', async () => {
    screenshotOnFailure('edit');
    await page.getByRole('link', { name: '刘春生' }).click();
    await page.waitForURL(/\/laborers\/\d+$/);
    await page.getByText('劳动力详情 · 刘春生').waitFor();
    await page.getByRole('tab', { name: '家庭成员' }).click();
    await page.getByRole('link', { name: '马桂兰' }).waitFor();
    await page.getByRole('tab', { name: '基本信息' }).click();

    await page.getByRole('button', { name: /修\s*改/ }).click();
    const phone = page.getByLabel('联系电话');
    expect(await phone.inputValue()).toBe('13847600001');
    await phone.fill('13947611111');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('已保存').waitFor();
    await page.getByText('13947611111').waitFor();

    await page.getByRole('tab', { name: '变更记录' }).click();
    const change = page.getByTestId('audit-changes').filter({ hasText: '联系电话' });
    await change.waitFor();
    expect(await change.textContent()).toContain('13847600001');
    expect(await change.textContent()).toContain('13947611111');
    await page.getByText('张经办(kesk_county)').first().waitFor();
  });
  it('the list exports as a workbook, and a file with a bad row offers its error rows for download', async () => {
    screenshotOnFailure('downloads');
    await page.getByRole('menuitem', { name: '劳动力台账' }).click();
    await page.waitForURL('**/laborers*');
    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出Excel/ }).click(),
    ]);
    expect(exported.suggestedFilename()).toMatch(/^劳动力台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(await exported.failure()).toBeNull();

    await page.getByRole('menuitem', { name: '数据导入' }).click();
    const bad = `户编号,村代码,户类型,与户主关系,姓名,身份证号,劳动技能\r\nE2E-HD-0003,${VILLAGES.hedong},脱贫户,户主,韩明,150425198001010000,普通劳动力\r\n`;
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '错误行.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
    const summary = page.getByTestId('import-summary').filter({ hasText: '错误行.csv' });
    await summary.getByText('已完成').waitFor({ timeout: 60_000 });
    expect(
      await summary.locator('.ant-statistic').filter({ hasText: '失败' }).locator('.ant-statistic-content').textContent(),
    ).toBe('1');
    const [errors] = await Promise.all([
      page.waitForEvent('download'),
      summary.getByRole('button', { name: '下载错误行' }).click(),
    ]);
    expect(errors.suggestedFilename()).toMatch(/^导入错误行-\d+\.xlsx$/);
  });

  it('a spell at a 帮扶车间 takes the registered name picked from the suggestions; an unregistered name is warned about', async () => {
    screenshotOnFailure('spell-employer');
    await page.getByRole('menuitem', { name: '劳动力台账' }).click();
    await page.waitForURL('**/laborers*');
    await page.getByPlaceholder('姓名、身份证号或拼音首字母').fill('lcs');
    await page.getByPlaceholder('姓名、身份证号或拼音首字母').press('Enter');
    await page.getByRole('link', { name: '刘春生' }).click();
    await page.getByText('劳动力详情 · 刘春生').waitFor();
    await page.getByRole('tab', { name: '就业经历' }).click();
    await page.getByRole('button', { name: '新增就业经历' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '新增就业经历' });
    await choose(page, '就业渠道', '', '帮扶车间');
    await pickDate(page, '就业开始日期', shanghaiDay(-30));

    // A short name the officers use: no registered workshop is called that.
    const employer = dialog.getByLabel('务工单位', { exact: true });
    await employer.fill('河东服饰厂');
    const warning = dialog.locator('.ant-form-item-explain-warning').filter({
      hasText:
        '未找到同名的已登记帮扶车间或就业帮扶基地：政策找人按关联的登记车间统计吸纳人数，请从列表中选择（按统一社会信用代码关联）或先登记该车间',
    });
    await warning.waitFor();

    // Part of the name suggests the workshop with its credit code, not the shop (channel 帮扶车间).
    await employer.fill('民族服饰');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.filter({ hasText: WORKSHOP.name }).waitFor();
    expect(await options.count()).toBe(1);
    expect(await options.first().textContent()).toContain(WORKSHOP.code);
    expect(await options.first().textContent()).toContain('帮扶车间');
    await options.first().click();
    expect(await employer.inputValue()).toBe(WORKSHOP.name);
    // Picking it links the spell: its credit code fills in.
    expect(await dialog.getByLabel('务工单位统一社会信用代码').inputValue()).toBe(WORKSHOP.code);
    await warning.waitFor({ state: 'hidden' });

    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`务工单位：${WORKSHOP.name}`).waitFor();
    const workshop = await database.kysely
      .selectFrom('employers')
      .select('id')
      .where('credit_code', '=', WORKSHOP.code)
      .executeTakeFirstOrThrow();
    const saved = await database.kysely
      .selectFrom('employment_spells as s')
      .innerJoin('persons as p', 'p.id', 's.person_id')
      .select(['s.employer', 's.channel', 's.employer_id'])
      .where('p.name', '=', '刘春生')
      .execute();
    expect(saved).toEqual([{ employer: WORKSHOP.name, channel: '帮扶车间', employer_id: workshop.id }]);

    // The link leads to the workshop, whose page lists him among the register's laborers there.
    await page.getByText('已关联登记单位').click();
    await page.waitForURL(`**/employers/${workshop.id}`);
    await page.getByRole('tab', { name: '在岗劳动力' }).click();
    await page.getByText('您辖区台账中在本单位就业的劳动力 1 人，其中脱贫户成员 1 人').waitFor();
    const row = page.getByRole('row').filter({ hasText: '刘春生' });
    await row.getByText('帮扶车间').waitFor();
    // 代为申报 opens the application for this employer about this laborer.
    await row.getByRole('link', { name: '代为申报' }).click();
    await page.waitForURL('**/claims/new?**');
    const query = new URL(page.url()).searchParams;
    expect(query.get('subjectKey')).toBe(WORKSHOP.code);
    expect(query.get('personId')).toMatch(/^\d+$/);
  });

  it('an employer registered after its laborers: its page offers to link the records written under its name, and then lists them', async () => {
    screenshotOnFailure('link-by-name');
    const db = database.kysely;
    const wang = await db
      .selectFrom('persons')
      .select(['id', 'village_code'])
      .where('name', '=', '王建国')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('employment_spells')
      .values({
        person_id: wang.id,
        village_code: wang.village_code,
        start_date: shanghaiDay(-60),
        channel: '就地就近',
        employer: SHOP.name,
        monthly_income_fen: 260000,
      })
      .execute();
    const shop = await db.selectFrom('employers').select('id').where('credit_code', '=', SHOP.code).executeTakeFirstOrThrow();
    await page.goto(`${baseUrl}/employers/${shop.id}`);
    await page.getByRole('tab', { name: '在岗劳动力' }).click();
    const notice = page.getByTestId('unlinked-same-name');
    await notice.getByText(`您辖区台账中另有 1 名劳动力的当前就业经历写作“${SHOP.name}”，但未关联本单位`).waitFor();
    await notice.getByRole('button', { name: '关联这些就业经历' }).click();
    await page
      .getByRole('button', { name: /关\s*联/ })
      .last()
      .click();
    await page.getByText('您辖区台账中在本单位就业的劳动力 1 人').waitFor();
    await page.getByRole('row').filter({ hasText: '王建国' }).waitFor();
    expect(await notice.count()).toBe(0);
    const [list] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出在岗劳动力/ }).click(),
    ]);
    expect(list.suggestedFilename()).toBe(`在岗劳动力-${shop.id}-${shanghaiDay(0)}.xlsx`);
    expect(await list.failure()).toBeNull();
  });
});
