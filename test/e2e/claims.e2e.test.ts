// The subsidy cycle in a real browser, for Huize laborers and the county transport subsidy
// TR-HZ (会政发〔2018〕20号 第16条): look the rule up and try a case (外出务工 or a post at home),
// apply with a ticket as evidence, review, publish and close the publicity, pay in a batch
// (确认导出, then the bank file downloaded, and the same file by the auditor), import the bank's
// result with one failed line, and read the ledger and the report by article; then the bank
// sends back the paid line (资金退回) and the ledger shows the reversal; the two claims waiting
// again go into a batch, one is taken out (移出), and the batch the bank rejected is voided.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { createTestDatabase } from '../db.ts';
import { buildHousehold, buildUser, VILLAGES } from '../factories.ts';
import {
  type BrowserApp,
  choose as chooseIn,
  screenshotOnFailure as keepOnFailure,
  logIn,
  pickDate as pickDateIn,
  shanghaiDay,
  startBrowserApp,
} from './browser-app.ts';

let database: Database;
let b: BrowserApp;
let page: BrowserApp['page'];
/** The first batch's page and the bank file the county downloaded there, for the auditor's turn. */
let paidBatchUrl = '';
let countyBankFile = '';

function screenshotOnFailure(part: string) {
  keepOnFailure(b, `claims-${part}`);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.kysely;
  await buildUser(db, { username: 'huize_county', role: 'county', region: '530326', displayName: '李经办' });
  await buildUser(db, { username: 'huize_auditor', role: 'auditor', region: '530326', displayName: '王审计' });
  await buildHousehold(db, {
    village: VILLAGES.tanglang,
    members: [{ name: '陈国华' }, { name: '李秀英', sex: '女', birth: '1988-02-11', relationship: '配偶' }],
  });

  b = await startBrowserApp('claims', database);
  page = b.page;
  await logIn(b, 'huize_county', '李经办');
});

afterAll(async () => {
  await b?.close();
});

const choose = (label: string, typed: string, option: string | RegExp) => chooseIn(page, label, typed, option);

const pickDate = (label: string, date: string) => pickDateIn(page, label, date);

/** Applies for TR-HZ for one laborer of 堂琅社区 working outside Yunnan; returns the claim page URL. */
async function applyFor(name: string, ticketYuan: string) {
  await page.getByRole('menuitem', { name: '补贴申领' }).click();
  await page.waitForURL('**/claims*');
  await page.getByRole('button', { name: /补贴申报/ }).click();
  await page.waitForURL('**/claims/new');
  await choose('补贴项目', 'TR-HZ', /TR-HZ/);
  await choose('申领人', name, name);
  await expect.poll(() => page.getByLabel('所在地区', { exact: true }).inputValue()).toBe(VILLAGES.tanglang);
  await pickDate('发生日期', '2019-03-01');
  await page.getByLabel('开户行', { exact: true }).fill('中国农业银行会泽县支行');
  await page.getByLabel('银行账号', { exact: true }).fill(name === '陈国华' ? '6228480086012345678' : '6228480086087654321');
  await choose('建档立卡贫困劳动力', '', '是');
  await choose('外出务工（就业渠道为外出务工）', '', '是');
  await page.getByLabel('务工地（区划代码或“省外”）', { exact: true }).fill('省外');
  await page.getByLabel('稳定就业月数', { exact: true }).fill('3');
  await page.getByLabel('实名制车票价格（元）', { exact: true }).fill(ticketYuan);
  await page.locator('input[type=file]').setInputFiles({
    name: `${name}-车票.jpg`,
    mimeType: 'image/jpeg',
    buffer: Buffer.from(`ticket of ${name}`),
  });
  await page.getByRole('cell', { name: `${name}-车票.jpg` }).waitFor();
  await page.getByRole('button', { name: /提交申报/ }).click();
  await page.waitForURL(/\/claims\/\d+$/);
}

/** 确认导出（送银行） of the batch on the page: confirmed in the dialog, the batch then shows as exported. */
async function exportShownBatch() {
  await page.getByRole('button', { name: '确认导出（送银行）' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('确认后明细定稿，不能再移出申请').waitFor();
  await dialog.getByRole('button', { name: '确认导出', exact: true }).click();
  await page.getByText('已确认导出，请下载代发文件送银行').waitFor();
  await page.getByTestId('batch-status').getByText('已导出，待银行回盘').waitFor();
  await page.getByRole('button', { name: '确认导出（送银行）' }).waitFor({ state: 'detached' });
  expect(await page.getByRole('button', { name: /下载代发文件/ }).isDisabled()).toBe(false);
}

describe('subsidy cycle in the browser', () => {
  it('the catalogue shows TR-HZ with its article, and 试算 caps a 600-yuan ticket at 500 yuan citing 第16条', async () => {
    screenshotOnFailure('rules');
    await page.getByRole('menuitem', { name: '政策规则' }).click();
    await page.waitForURL('**/rules');
    await page.getByText('会政发〔2018〕20号').first().waitFor();
    await page.getByRole('link', { name: 'TR-HZ' }).click();
    await page.waitForURL('**/rules/TR-HZ');
    await page.getByText('到省外务工补助上限').waitFor();
    await page.getByText('500.00 元').first().waitFor();

    await page.getByRole('tab', { name: '试算' }).click();
    await page.getByLabel('所在地区（区划代码）', { exact: true }).fill(VILLAGES.tanglang);
    await pickDate('发生日期', '2019-05-01');
    await choose('建档立卡贫困劳动力', '', '是');
    await choose('外出务工（就业渠道为外出务工）', '', '是');
    await page.getByLabel('务工地（区划代码或“省外”）', { exact: true }).fill('省外');
    await page.getByLabel('稳定就业月数', { exact: true }).fill('3');
    await page.getByLabel('实名制车票价格（元）', { exact: true }).fill('600');
    await page.getByRole('button', { name: /试\s*算/ }).click();
    const decision = page.getByTestId('decision');
    await decision.getByText('符合条件').first().waitFor();
    expect(await decision.getByTestId('decision-amount').textContent()).toBe('500.00 元');
    await decision.getByText('稳定就业3个月以上').waitFor();
    await decision.getByText('HZ-2018-20 第16条').first().waitFor();

    // Not working away (a post at home: 帮扶车间, 公益性岗位, 就地就近): not eligible, whatever the ticket.
    await choose('外出务工（就业渠道为外出务工）', '', '否');
    await page.getByRole('button', { name: /试\s*算/ }).click();
    await decision.getByText('不符合条件：外出务工').first().waitFor();
    await choose('外出务工（就业渠道为外出务工）', '', '是');
  });

  it('the county sets its reading of 第16条 (县界) from 2018; 试算 for work in another county of Qujing then pays up to 300 yuan', async () => {
    screenshotOnFailure('settings');
    await page.getByRole('tab', { name: '地区设定' }).click();
    await page.getByText('此参数由县（市、区）').waitFor({ state: 'detached' });
    expect(await page.getByLabel('县（市、区）代码', { exact: true }).inputValue()).toBe('530326');
    await pickDate('起始日期', '2018-01-01');
    await choose('取值', '', '按县界划分');
    await page.getByLabel('文件依据/备注', { exact: true }).fill('会泽县人社局 2018 年第 1 次局务会');
    await page.getByRole('button', { name: '保存设定' }).click();
    await page.getByText('已保存设定').waitFor();
    await page.getByRole('cell', { name: '2018-01-01 起' }).waitFor();

    await page.getByRole('tab', { name: '试算' }).click();
    // 麒麟区 of 曲靖市: another county of the same city.
    await page.getByLabel('务工地（区划代码或“省外”）', { exact: true }).fill('530302');
    await page.getByLabel('实名制车票价格（元）', { exact: true }).fill('350');
    await page.getByRole('button', { name: /试\s*算/ }).click();
    const decision = page.getByTestId('decision');
    await decision.getByText('县外省内（按第16条）', { exact: false }).first().waitFor();
    expect(await decision.getByTestId('decision-amount').textContent()).toBe('300.00 元');
  });

  it('two laborers apply with a ticket; the engine decides 480 and 300 yuan; the county reviews both', async () => {
    screenshotOnFailure('apply');
    for (const [name, ticket, amount] of [
      ['陈国华', '480', '480.00 元'],
      ['李秀英', '300', '300.00 元'],
    ] as const) {
      await applyFor(name, ticket);
      expect(await page.getByTestId('claim-amount').textContent()).toBe(amount);
      await page.getByRole('tab', { name: /证明材料（1）/ }).click();
      await page.getByText(`${name}-车票.jpg`).waitFor();
      await page.getByRole('button', { name: '审核通过' }).click();
      await page.getByRole('dialog').getByLabel('意见').fill('车票与务工证明齐全');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /确\s*定/ })
        .click();
      await page.locator('.ant-descriptions').getByText('审核通过').waitFor();
      await page.getByRole('tab', { name: '办理记录' }).click();
      await page.getByText('意见：车票与务工证明齐全').waitFor();
    }
  });

  it('the reviewed claims go on a publicity list that prints, exports, and closes after its period', async () => {
    screenshotOnFailure('publicity');
    await page.getByRole('menuitem', { name: '公示' }).click();
    await page.waitForURL('**/publicity');
    await page.getByRole('cell', { name: '陈国华' }).waitFor();
    await page.getByRole('cell', { name: '李秀英' }).waitFor();
    await page.locator('.ant-table-thead .ant-checkbox-input').first().check();
    await page.getByLabel('标题', { exact: true }).fill('2019年外出务工交通补助公示（第一批）');
    // A period already over, so that the list can be closed today.
    await pickDate('公示开始日期', shanghaiDay(-8));
    await pickDate('公示截止日期', shanghaiDay(-1));
    await page.getByRole('button', { name: /发布公示（2 件）/ }).click();
    await page.waitForURL(/\/publicity\/\d+$/);
    await page.getByTestId('publicity-status').getByText('公示中').waitFor();
    await page.getByRole('cell', { name: '会政发〔2018〕20号 第16条' }).first().waitFor();

    const [printView] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: /打\s*印/ }).click()]);
    await printView.waitForLoadState();
    expect(await printView.content()).toContain('2019年外出务工交通补助公示（第一批）');
    await printView.close();

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出Excel/ }).click()]);
    expect(xlsx.suggestedFilename()).toBe('2019年外出务工交通补助公示（第一批）.xlsx');

    await page.getByRole('button', { name: '结束公示' }).click();
    await page.getByText('公示已结束，2 件申请转为待拨付').waitFor();
    await page.getByTestId('publicity-status').getByText('已结束').waitFor();
  });

  it('a payment batch is exported (确认导出), then its bank file downloads; the bank result with one failure reconciles both lines', async () => {
    screenshotOnFailure('payment');
    await page.getByRole('menuitem', { name: '资金拨付' }).click();
    await page.waitForURL('**/payments');
    await page.getByText('待拨付申请 2 件').waitFor();
    await page.getByRole('button', { name: /生成批次/ }).click();
    await page.waitForURL(/\/payments\/\d+$/);
    await page.getByRole('cell', { name: '陈国华' }).waitFor();
    // Nothing is downloaded before the export, and the lines can still be taken out.
    await page.getByTestId('batch-status').getByText('待导出').waitFor();
    expect(await page.getByRole('button', { name: /下载代发文件/ }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /移\s*出/ }).count()).toBe(2);
    await exportShownBatch();
    expect(await page.getByRole('button', { name: /移\s*出/ }).count()).toBe(0);

    const [bankFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载代发文件/ }).click(),
    ]);
    countyBankFile = readFileSync((await bankFile.path()) as string, 'utf8');
    paidBatchUrl = page.url();
    const csv = countyBankFile.replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('序号,户名,账号,开户行,金额(元),用途,明细号');
    const detailOf = (name: string) => {
      const cells = lines.find((l) => l.split(',')[1] === name)?.split(',') ?? [];
      return cells[6] ?? '';
    };
    expect(lines.find((l) => l.includes('陈国华'))).toContain(',480.00,');
    const result = `明细号,结果,失败原因,银行流水号\r\n${detailOf('陈国华')},成功,,B20190901001\r\n${detailOf('李秀英')},失败,账户已销户,\r\n`;
    await page.locator('input[type=file]').setInputFiles({
      name: '回盘.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(result, 'utf8'),
    });
    await page.getByTestId('bank-result').getByText('成功 1 笔，失败 1 笔').waitFor();
    await page.getByTestId('batch-status').getByText('已对账').waitFor();
    await page.getByRole('cell', { name: '账户已销户' }).waitFor();
    await page.getByRole('cell', { name: 'B20190901001' }).waitFor();
  });

  it('the auditor downloads the bank file the county sent, byte for byte, and has nothing on the batch to change', async () => {
    screenshotOnFailure('auditor-bank-file');
    await page.getByRole('button', { name: /退出/ }).click();
    await page.waitForURL('**/login');
    await logIn(b, 'huize_auditor', '王审计');
    await page.goto(paidBatchUrl);
    await page.getByTestId('batch-status').getByText('已对账').waitFor();
    const [bankFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载代发文件/ }).click(),
    ]);
    expect(readFileSync((await bankFile.path()) as string, 'utf8')).toBe(countyBankFile);
    for (const county of ['确认导出（送银行）', '导入银行回盘', '作废批次']) {
      expect(await page.getByRole('button', { name: county }).count(), county).toBe(0);
    }
    await page.getByRole('button', { name: /退出/ }).click();
    await page.waitForURL('**/login');
    await logIn(b, 'huize_county', '李经办');
  });

  it('the ledger shows 780 yuan approved, 480 paid, 300 failed and awaiting; the report cites 第16条', async () => {
    screenshotOnFailure('ledger');
    await page.getByRole('menuitem', { name: '资金台账' }).click();
    await page.waitForURL('**/ledger');
    const row = page.getByTestId('ledger-balances').locator('tbody tr').filter({ hasText: '2019' });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['就业补助资金', '会泽县 530326', '2019']);
    expect(cells.slice(3)).toEqual(['780.00 元', '780.00 元', '480.00 元', '0.00 元', '0.00 元', '300.00 元', '300.00 元']);
    const report = page.getByTestId('ledger-report').locator('tbody tr').filter({ hasText: 'TR-HZ' });
    await report.waitFor();
    expect(await report.textContent()).toContain('第16条');
    expect(await report.textContent()).toContain('480.00 元');
  });

  it('the bank sends back the paid 480 yuan: the county records 资金退回 and the claim returns to the payment queue', async () => {
    screenshotOnFailure('bank-return');
    await page.getByRole('menuitem', { name: '补贴申领' }).click();
    await page.waitForURL('**/claims*');
    await page.getByRole('tab', { name: '已拨付' }).click();
    // The paid claim's row, not one of the list shown before the tab's query answers.
    const row = page.locator('tbody tr').filter({ hasText: '陈国华' }).filter({ hasText: '已拨付' });
    await row.getByRole('link', { name: '查看' }).click();
    await page.waitForURL(/\/claims\/\d+$/);
    await page.getByRole('button', { name: '资金退回' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('申请回到待拨付队列').waitFor();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.getByText('请填写退回原因').waitFor();
    await dialog.getByLabel('退回原因').fill('收款账户已销户');
    await dialog.getByLabel('银行退票流水号').fill('TP20190905001');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.locator('.ant-descriptions').getByText('拨付失败或资金退回，待重新拨付').waitFor();
    await page.getByRole('tab', { name: /拨付记录/ }).click();
    await page.getByTestId('claim-reversals').getByRole('cell', { name: 'TP20190905001' }).waitFor();

    await page.getByRole('menuitem', { name: '资金台账' }).click();
    await page.waitForURL('**/ledger');
    await page.getByText('资金退回：冲销（已拨付）').waitFor();
    const balance = page.getByTestId('ledger-balances').locator('tbody tr').filter({ hasText: '2019' });
    await expect.poll(async () => (await balance.locator('td').allTextContents()).slice(5, 7)).toEqual(['0.00 元', '480.00 元']);
  });

  it('a new batch of the two waiting claims: 李秀英 is taken out with a reason, then the batch the bank rejected is voided', async () => {
    screenshotOnFailure('batch-void');
    await page.getByRole('menuitem', { name: '资金拨付' }).click();
    await page.waitForURL('**/payments');
    await page.getByText('待拨付申请 2 件').waitFor();
    await page.getByRole('button', { name: /生成批次/ }).click();
    await page.waitForURL(/\/payments\/\d+$/);
    await page.getByRole('cell', { name: '李秀英' }).waitFor();

    const rowOf = (name: string) => page.locator('tbody tr').filter({ hasText: name });
    await rowOf('李秀英')
      .getByRole('button', { name: /移\s*出/ })
      .click();
    const removal = page.getByRole('dialog');
    await removal.getByText('申请回到待拨付队列').waitFor();
    await removal.getByRole('button', { name: '确认移出' }).click();
    await removal.getByText('请填写移出原因').waitFor();
    await removal.getByLabel('移出原因').fill('申请人银行卡挂失，待换卡后下批拨付');
    await removal.getByRole('button', { name: '确认移出' }).click();
    await page.getByText('批次合计 480.00 元（1 笔）').waitFor();
    await rowOf('李秀英').getByText('已移出批次').waitFor();
    await rowOf('李秀英').getByText('申请人银行卡挂失，待换卡后下批拨付').waitFor();
    expect(
      await rowOf('陈国华')
        .getByRole('button', { name: /移\s*出/ })
        .count(),
    ).toBe(0); // the last line stays

    await exportShownBatch();
    const [bankFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载代发文件/ }).click(),
    ]);
    const lines = readFileSync((await bankFile.path()) as string, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('陈国华');

    await page.getByRole('button', { name: '作废批次' }).click();
    const voiding = page.getByRole('dialog');
    await voiding.getByText('代发文件作废').waitFor();
    await voiding.getByLabel('作废原因').fill('银行整批退回：代发文件未加盖公章');
    await voiding.getByRole('button', { name: '确认作废' }).click();
    await page.getByTestId('batch-voided').getByText('已作废：银行整批退回：代发文件未加盖公章').waitFor();
    await page.getByTestId('batch-status').getByText('已作废').waitFor();
    expect(await page.getByRole('button', { name: /下载代发文件/ }).isDisabled()).toBe(true);

    await page.getByRole('menuitem', { name: '资金拨付' }).click();
    await page.waitForURL('**/payments');
    await page.getByText('待拨付申请 2 件').waitFor();
    await page.locator('tbody tr').filter({ hasText: '已作废' }).getByText('银行整批退回：代发文件未加盖公章').waitFor();

    // Neither step writes to the ledger: both claims are still approved and awaited, none paid.
    await page.getByRole('menuitem', { name: '资金台账' }).click();
    await page.waitForURL('**/ledger');
    const balance = page.getByTestId('ledger-balances').locator('tbody tr').filter({ hasText: '2019' });
    await expect
      .poll(async () => (await balance.locator('td').allTextContents()).slice(3))
      .toEqual(['780.00 元', '780.00 元', '0.00 元', '480.00 元', '0.00 元', '300.00 元', '780.00 元']);
  });
});
