// An employer applying for its own subsidy in a real browser: a Huize labor company logs in
// with its own account, opens 补贴申领, applies for 社会保险补贴 SI-YN (云人社通〔2018〕68号 四)
// naming its laborer by ID number and name as on the labor contract, with the contract as
// evidence, and sees the decision with its article; the county officer finds the claim in the
// review queue marked 单位自行申报.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { creditCheckChar } from '../../src/domain/jobs/credit-code.ts';
import { hashPassword } from '../../src/modules/auth/password.ts';
import { createTestDatabase } from '../db.ts';
import { type BuiltPerson, buildHousehold, buildUser, PASSWORD, VILLAGES } from '../factories.ts';
import {
  type BrowserApp,
  choose as chooseIn,
  screenshotOnFailure as keepOnFailure,
  logIn,
  pickDate,
  startBrowserApp,
} from './browser-app.ts';

const UNIT = '会泽县诚信劳务有限公司';
let database: Database;
let b: BrowserApp;
let page: BrowserApp['page'];
let laborer: BuiltPerson;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.kysely;
  await buildUser(db, { username: 'huize_county', role: 'county', region: '530326', displayName: '李经办' });
  laborer = (await buildHousehold(db, { village: VILLAGES.tanglang, members: [{ name: '陈国华' }] })).persons[0] as BuiltPerson;
  const first = '91530326MA6K5678Y';
  const employer = await db
    .insertInto('employers')
    .values({ credit_code: first + creditCheckChar(first), name: UNIT, region_code: '530326' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('users')
    .values({
      username: 'chengxin',
      display_name: UNIT,
      password_hash: await hashPassword(PASSWORD),
      role: 'employer',
      region_code: '530326',
      employer_id: employer.id,
      can_view_full_id: false,
      locked_until: null,
    })
    .execute();
  b = await startBrowserApp('employer-claims', database);
  page = b.page;
});

afterAll(async () => {
  await b?.close();
});

const choose = (label: string, typed: string, option: string | RegExp) => chooseIn(page, label, typed, option);

describe('an employer applies for its own subsidy', () => {
  let claimUrl = '';

  it('the labor company applies for SI-YN naming its laborer by ID number and name and sees the decision', async () => {
    keepOnFailure(b, 'employer-claims-apply');
    await logIn(b, 'chengxin', UNIT);
    await page.getByRole('menuitem', { name: '补贴申领' }).click();
    await page.waitForURL('**/claims');
    await page.getByText('本单位补贴申领').waitFor();
    await page.getByRole('button', { name: /申报补贴/ }).click();
    await page.waitForURL('**/claims/new');
    await page.getByText('91530326MA6K5678Y').waitFor();
    await choose('补贴项目', 'SI-YN', /SI-YN/);
    await page.locator('.ant-alert').filter({ hasText: '云人社通〔2018〕68号' }).waitFor();
    await pickDate(page, '享受日期', '2019-06-30');
    await page.getByLabel('劳动力身份证号', { exact: true }).fill(laborer.idNumber);
    await page.getByLabel('劳动力姓名', { exact: true }).fill('陈国强');
    await choose('申请单位为劳务公司', '', '是');
    await page.getByLabel('劳动合同期限（月）', { exact: true }).fill('24');
    await page.getByLabel('本次申请补贴月数', { exact: true }).fill('6');
    await page.getByLabel('该劳动力已享受补贴月数', { exact: true }).fill('0');
    await page.getByLabel('单位为该劳动力每月缴纳的基本养老、基本医疗、失业保险费合计（元）', { exact: true }).fill('450');
    await page.getByLabel('开户行', { exact: true }).fill('会泽县农村信用合作联社');
    await page.getByLabel('银行账号', { exact: true }).fill('2000012345678901');
    await page.locator('input[type=file]').setInputFiles({
      name: '劳动合同-陈国华.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 contract'),
    });
    await page.getByRole('cell', { name: '劳动合同-陈国华.pdf' }).waitFor();
    // A name that is not the one of the ID number: refused without saying whose it is.
    await page.getByRole('button', { name: /提交申报/ }).click();
    await page.getByText('与劳动力姓名在实名制台账中没有相符的记录').first().waitFor();
    expect(await page.getByText('陈国华').count()).toBe(1); // only the file name we chose
    await page.getByLabel('劳动力姓名', { exact: true }).fill('陈国华');
    await page.getByRole('button', { name: /提交申报/ }).click();
    await page.waitForURL(/\/claims\/\d+$/);
    claimUrl = page.url();
    expect(await page.getByTestId('claim-amount').textContent()).toBe('2,700.00 元');
    await page.getByText('YN-2018-68 四').first().waitFor();
    await page.getByText('已申报').first().waitFor();
    await page.getByRole('tab', { name: /证明材料/ }).click();
    await page.getByRole('cell', { name: '劳动合同-陈国华.pdf' }).waitFor();
  });

  it('the county officer sees it in the review queue, filed by the employer itself', async () => {
    keepOnFailure(b, 'employer-claims-county');
    await page.getByRole('button', { name: /退出/ }).click();
    await page.waitForURL('**/login');
    await logIn(b, 'huize_county', '李经办');
    // The login may return to the page the employer left (its claim); open the county's queue.
    await page.getByRole('menuitem', { name: '补贴申领' }).click();
    await page.goto(`${b.baseUrl}/claims`);
    const row = page.getByRole('row').filter({ hasText: UNIT });
    await row.getByText('单位自行申报').waitFor();
    await row.getByRole('link').first().click();
    await page.waitForURL(claimUrl);
    expect(await page.getByTestId('claim-applicant').textContent()).toBe('单位自行申报');
  });
});
