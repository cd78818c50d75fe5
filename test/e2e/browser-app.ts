// The harness of the browser tests: the app on a test database, listening on a free port,
// Debian's chromium driving one page, the browser's errors and failed API calls kept for the
// report, a screenshot and that log when a test fails, and the antd form helpers they share.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect, onTestFailed } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/connection.ts';
import { buildServer } from '../../src/http/server.ts';
import { PASSWORD } from '../factories.ts';

const CHROMIUM = '/usr/bin/chromium';
const RESULTS = resolve('test-results');

export interface BrowserApp {
  page: Page;
  baseUrl: string;
  /** The server's data folder (uploads, the local outbox files). */
  dataDir: string;
  log: string[];
  close(): Promise<void>;
}

export async function startBrowserApp(
  name: string,
  database: Database,
  opts: {
    viewport?: { width: number; height: number };
    isMobile?: boolean;
    /** The browser's time zone (IANA name), when a test needs one other than the machine's. */
    timezoneId?: string;
  } = {},
): Promise<BrowserApp> {
  const dataDir = resolve('.tmp', `e2e-${name}-${process.pid}`);
  const config = loadConfig({ BANGFU_LOG_LEVEL: 'silent', BANGFU_DATA_DIR: dataDir });
  const app: FastifyInstance = await buildServer({ config, database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({
    locale: 'zh-CN',
    viewport: opts.viewport ?? { width: 1440, height: 900 },
    ...(opts.isMobile ? { isMobile: true, hasTouch: true } : {}),
    ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}),
    acceptDownloads: true,
  });
  page.setDefaultTimeout(15_000);
  const log: string[] = [];
  page.on('console', (m) => m.type() === 'error' && log.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => log.push(`page error: ${e.message}`));
  page.on('response', async (r) => {
    if (r.url().includes('/api/') && r.status() >= 400) {
      log.push(`${r.request().method()} ${r.url()} -> ${r.status()} ${await r.text().catch(() => '')}`);
    }
  });
  return {
    page,
    baseUrl,
    dataDir,
    log,
    async close() {
      await browser.close();
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Keeps a screenshot and the browser log under test-results/ when the current test fails. */
export function screenshotOnFailure(b: BrowserApp | undefined, name: string) {
  onTestFailed(async () => {
    mkdirSync(RESULTS, { recursive: true });
    await b?.page.screenshot({ path: join(RESULTS, `e2e-${name}.png`), fullPage: true }).catch(() => {});
    writeFileSync(join(RESULTS, `e2e-${name}.log`), `${(b?.log ?? []).join('\n')}\n`);
  });
}

/** Logs in through the login page and waits for the header to show the user. */
export async function logIn(b: BrowserApp, username: string, displayName: string) {
  await b.page.goto(`${b.baseUrl}/login`);
  await b.page.getByLabel('用户名').fill(username);
  await b.page.getByLabel('密码').fill(PASSWORD);
  await b.page.getByRole('button', { name: /登\s*录/ }).click();
  await b.page.getByTestId('current-user').getByText(displayName).waitFor();
}

/**
 * Picks an option of the antd Select labelled `label` by typing and clicking its text, in the
 * dropdown of that Select (the one holding the listbox its input controls): the dropdown of a
 * Select chosen just before may still be fading out with options of the same text (是/否).
 */
export async function choose(page: Page, label: string, typed: string, option: string | RegExp) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  if (typed) await input.fill(typed);
  await expect.poll(() => input.getAttribute('aria-controls')).toBeTruthy();
  const list = await input.getAttribute('aria-controls');
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${list}"]`) });
  await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Types a date into the antd DatePicker labelled `label` (Tab commits it; Enter would submit the form). */
export async function pickDate(page: Page, label: string, date: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Tab');
  await expect.poll(() => input.inputValue()).toBe(date);
}

export { shanghaiDay } from '../factories.ts';
