// 劳动者服务 in a real browser at a phone's size (375 × 740): a Huize laborer asks for a login
// code, reads it where the default SMS sender writes (data/outbox/sms.jsonl), logs in, opens
// a recommended job (已查看), says 感兴趣, withdraws that consent (撤回同意, confirmed in a
// dialog) and gives it again, applies for the county transport subsidy with a ticket photo,
// and finds the claim under 我的申请 with the engine's amount, marked 本人申请.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { createTestDatabase } from '../db.ts';
import { type BuiltPerson, buildHousehold, buildJobPost, VILLAGES } from '../factories.ts';
import { type BrowserApp, screenshotOnFailure as keepOnFailure, pickDate, startBrowserApp } from './browser-app.ts';

let database: Database;
let b: BrowserApp;
let page: BrowserApp['page'];
let laborer: BuiltPerson;
let recId = '';
const PHONE = '13887650001';

function screenshotOnFailure(part: string) {
  keepOnFailure(b, `laborer-${part}`);
}

/** The last login code the file sender wrote for the phone. */
function codeFromFile(): string | undefined {
  let text = '';
  try {
    text = readFileSync(join(b.dataDir, 'outbox', 'sms.jsonl'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.trim().split('\n').reverse();
  for (const l of lines) {
    const m = JSON.parse(l) as { to: string; text: string };
    if (m.to === PHONE) return /验证码为(\d{6})/.exec(m.text)?.[1];
  }
  return undefined;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.kysely;
  [laborer] = (await buildHousehold(db, { village: VILLAGES.tanglang, members: [{ name: '陈国华', phone: PHONE }] })).persons as [
    BuiltPerson,
  ];
  const e = await db
    .insertInto('employers')
    .values({ credit_code: '91440300MA5F000001', name: '深圳宝安某电子有限公司', region_code: '530326', address: '深圳市宝安区' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const job = await buildJobPost(db, e.id);
  const run = await db
    .insertInto('matching_runs')
    .values({ region_code: '530326', as_of: '2026-11-01', status: 'done' })
    .returning('id')
    .executeTakeFirstOrThrow();
  recId = (
    await db
      .insertInto('recommendations')
      .values({
        run_id: run.id,
        person_id: laborer.id,
        job_id: job.id,
        region_code: laborer.villageCode,
        rank: 1,
        score: 0.8,
        reasons: ['意向工种一致', '包吃住'],
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  b = await startBrowserApp('laborer', database, { viewport: { width: 375, height: 740 }, isMobile: true });
  page = b.page;
});

afterAll(async () => {
  await b?.close();
});

describe('劳动者服务 on a phone', () => {
  it('asks for a code, reads it from the SMS file, and logs in', async () => {
    screenshotOnFailure('login');
    await page.goto(`${b.baseUrl}/me/jobs`);
    await page.waitForURL('**/me/login');
    await page.getByLabel('身份证号').fill(laborer.idNumber);
    await page.getByLabel('手机号（村里登记的号码）').fill(PHONE);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText('验证码已发送到该手机').waitFor();
    await expect.poll(codeFromFile).toMatch(/^\d{6}$/);
    await page.getByLabel('短信验证码').fill(codeFromFile() as string);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/me/jobs');
    await page.getByText('劳动者服务 · 陈国华').waitFor();
    // Nothing is wider than the phone.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
  });

  it('opens the recommended job (已查看) and says 感兴趣, which records consent', async () => {
    screenshotOnFailure('job');
    await page.getByText('意向工种一致').first().waitFor();
    await page.getByRole('link', { name: '电子装配工' }).click();
    await page.waitForURL(`**/me/jobs/${recId}`);
    await page.getByText('包吃，包住').waitFor();
    await page.getByText('已查看').waitFor();
    await page
      .getByRole('button', { name: /感兴趣/ })
      .first()
      .click();
    await page.getByText('您已表示感兴趣').waitFor();
    const rec = await database.kysely
      .selectFrom('recommendations')
      .select(['seen_at', 'interested_at', 'consent_at'])
      .where('id', '=', recId)
      .executeTakeFirstOrThrow();
    expect(rec.seen_at).not.toBeNull();
    expect(rec.interested_at).not.toBeNull();
    expect(rec.consent_at).not.toBeNull();
  });

  it('withdraws the consent after confirming (撤回同意), then gives it again', async () => {
    screenshotOnFailure('withdraw');
    await page.getByRole('button', { name: '撤回同意' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('看不到您的姓名和电话').waitFor();
    // Cancelling changes nothing.
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const consented = () =>
      database.kysely
        .selectFrom('recommendations')
        .select(['consent_at', 'consent_withdrawn_at'])
        .where('id', '=', recId)
        .executeTakeFirstOrThrow();
    expect((await consented()).consent_withdrawn_at).toBeNull();
    await page.getByRole('button', { name: '撤回同意' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定撤回' }).click();
    await page.getByText('您已撤回同意').waitFor();
    const withdrawn = await consented();
    expect(withdrawn.consent_withdrawn_at).not.toBeNull();
    expect(withdrawn.consent_at).not.toBeNull();
    await page.getByRole('button', { name: '重新同意公开' }).click();
    await page.getByText('您已表示感兴趣').waitFor();
    const again = await consented();
    expect(new Date(again.consent_at as Date).getTime()).toBeGreaterThan(new Date(again.consent_withdrawn_at as Date).getTime());
  });

  it('applies for the Huize transport subsidy with a ticket photo and sees it under 我的申请', async () => {
    screenshotOnFailure('transport');
    await page
      .getByRole('navigation', { name: '劳动者服务导航' })
      .getByRole('link', { name: /交通补助/ })
      .click();
    await page.waitForURL('**/me/transport');
    await page.getByText('外出务工交通补助（会泽县）').waitFor();
    await pickDate(page, '发生日期', '2019-06-01');
    // Work inside the county is 外出务工 only as the register records it: the form says so.
    await page.getByText('本县内', { exact: true }).click();
    await page.getByText(/本县内务工的，以台账登记的就业渠道为准：须为外出务工/).waitFor();
    await page.getByText('省外', { exact: true }).click();
    await page.getByText(/本县内务工的，以台账登记的就业渠道为准/).waitFor({ state: 'detached' });
    await page.getByLabel('务工地点').fill('广东省深圳市宝安区');
    await page.getByLabel('已稳定就业月数').fill('4');
    await page.getByLabel('车票价格（元）').fill('480');
    await page.locator('input[type=file]').setInputFiles({
      name: '车票.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('ticket photo of 陈国华'),
    });
    await page.getByText('车票.jpg').waitFor();
    await page.getByLabel('开户行').fill('中国农业银行会泽县支行');
    await page.getByLabel('本人银行账号').fill('6228480086012345678');
    await page.getByRole('button', { name: /提交申请/ }).click();
    await page.waitForURL(/\/me\/claims\/\d+$/);
    expect(await page.getByTestId('my-claim-amount').textContent()).toBe('480.00 元');
    await page.getByText('本人申请', { exact: true }).waitFor();
    await page.getByText(/本人申请：务工地点 广东省深圳市宝安区/).waitFor();
    await page.getByText('***************5678').waitFor();
    await page
      .getByRole('navigation', { name: '劳动者服务导航' })
      .getByRole('link', { name: /我的申请/ })
      .click();
    await page.waitForURL('**/me/claims');
    await page.getByText('外出务工交通补助（会泽县）').waitFor();
    await page.getByText('已申报', { exact: true }).first().waitFor();
  });
});
