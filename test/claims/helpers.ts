// Shared pieces of the claims tests: multipart bodies, Huize transport facts, API calls.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { buildUser, loginAs, shanghaiDay, VILLAGES } from '../factories.ts';

export function multipart(fields: Record<string, string>, file: { name: string; content: string | Buffer; type?: string }) {
  const boundary = `----bangfu${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

/** TR-HZ facts of a Huize laborer working away (外出务工) outside Yunnan for 3 months with a 480-yuan ticket. */
export const OUT_OF_PROVINCE = {
  registeredPoor: true,
  migrant: true,
  workRegion: '省外',
  stableMonths: 3,
  ticketPriceFen: 48000,
};

export function transportClaim(personId: string, o: { caseDate?: string; facts?: Record<string, unknown> } = {}) {
  return {
    rule: 'TR-HZ',
    personId,
    caseDate: o.caseDate ?? '2019-03-01',
    facts: o.facts ?? OUT_OF_PROVINCE,
    bankName: '中国农业银行会泽县支行',
    bankAccount: '6228480086012345678',
  };
}

export function api(app: FastifyInstance, sessions: Record<string, Record<string, string>>) {
  return {
    /** The user's session headers (cookie and CSRF token). */
    session: (user: string) => sessions[user],
    get: (user: string, url: string) => app.inject({ method: 'GET', url, headers: sessions[user] }),
    post: (user: string, url: string, payload: unknown) =>
      app.inject({ method: 'POST', url, headers: sessions[user], payload: payload as object }),
    upload: (
      user: string,
      url: string,
      fields: Record<string, string>,
      file: { name: string; content: string | Buffer; type?: string },
    ) => {
      const m = multipart(fields, file);
      return app.inject({ method: 'POST', url, headers: { ...sessions[user], 'content-type': m.type }, payload: m.payload });
    },
  };
}

export { shanghaiDay };

export type Call = ReturnType<typeof api>;
type Reply = Awaited<ReturnType<Call['get']>>;

/** 确认导出: exports a batch at the version read just before; returns the batch's detail. */
export async function exportBatch(call: Call, user: string, batchId: string) {
  const { version } = (await call.get(user, `/api/payment-batches/${batchId}`)).json().batch;
  const res = await call.post(user, `/api/payment-batches/${batchId}/export`, { version });
  if (res.statusCode !== 200) throw new Error(`export of batch ${batchId}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** The 明细号 of a bank file's lines. */
export function detailNosOf(csv: string): string[] {
  return csv
    .split('\r\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(',').at(-1) as string);
}

/** Downloads the bank file of an exported batch (changes nothing). */
export async function downloadBankFile(call: Call, user: string, batchId: string): Promise<string> {
  const res = await call.get(user, `/api/payment-batches/${batchId}/bank-file.csv`);
  if (res.statusCode !== 200) throw new Error(`bank file of batch ${batchId}: ${res.statusCode} ${res.body}`);
  return res.body;
}

/** Exports an open batch (确认导出), then downloads its bank file: the 明细号 of its lines. */
export async function bankFileDetailNos(call: Call, user: string, batchId: string): Promise<string[]> {
  await exportBatch(call, user, batchId);
  return detailNosOf(await downloadBankFile(call, user, batchId));
}

/** A bank result file where every given line is paid. */
export function paidResult(batchId: string, detailNos: readonly string[]): Buffer {
  return Buffer.from(`明细号,结果,失败原因,银行流水号\r\n${detailNos.map((d, i) => `${d},成功,,B${batchId}-${i}\r\n`).join('')}`);
}

export function importResult(call: Call, user: string, batchId: string, content: Buffer): Promise<Reply> {
  return call.upload(user, `/api/payment-batches/${batchId}/result`, {}, { name: '回盘.csv', content });
}

interface Reconciliation {
  paidFen: number;
  failedFen: number;
  pendingFen: number;
}

/**
 * Checks that the ledger's balances of a county, fund and year (all claims of the test in that
 * year) equal what the payment batches and the queue say: paid = the batches' lines still
 * paid, failed = their failed lines, awaiting = the lines at the bank + the claims in the
 * payment queue. Removed and voided lines count for nothing. Returns the balance.
 */
export async function expectLedgerMatchesBatches(call: Call, user: string, q: { region: string; fund: string; year: number }) {
  const ledger = (await call.get(user, `/api/ledger?region=${q.region}&year=${q.year}&fund=${q.fund}`)).json();
  const balance = ledger.balances.find((b: { region: string }) => b.region === q.region);
  const totals = { paidFen: 0, failedFen: 0, pendingFen: 0 };
  for (const batch of (await call.get(user, `/api/payment-batches?region=${q.region}`)).json()) {
    if (batch.fund !== q.fund) continue;
    const r: Reconciliation = (await call.get(user, `/api/payment-batches/${batch.id}`)).json().reconciliation;
    totals.paidFen += r.paidFen;
    totals.failedFen += r.failedFen;
    totals.pendingFen += r.pendingFen;
  }
  const queue = (
    await call.get(user, `/api/claims?region=${q.region}&fund=${q.fund}&status=approved,failed&pageSize=200`)
  ).json();
  const queued = queue.items
    .filter((c: { year: number }) => c.year === q.year)
    .reduce((s: number, c: { amountFen: number }) => s + c.amountFen, 0);
  expect(balance?.paidFen ?? 0, 'ledger paid = batches’ lines still paid').toBe(totals.paidFen);
  expect(balance?.failedFen ?? 0, 'ledger failed = batches’ failed lines').toBe(totals.failedFen);
  expect(balance?.awaitingFen ?? 0, 'ledger awaiting = lines at the bank + the payment queue').toBe(totals.pendingFen + queued);
  return balance as { paidFen: number; failedFen: number; awaitingFen: number; approvedFen: number };
}

/**
 * Applies for TR-HZ for these laborers (as `village`), reviews them and takes them through a
 * publicity list whose period is over (as `county`): the claims come back approved, owed.
 */
export async function approvedClaims(
  call: Call,
  database: Database,
  o: { village: string; county: string; personIds: readonly string[]; facts?: Record<string, unknown> },
): Promise<string[]> {
  const ids: string[] = [];
  for (const personId of o.personIds) {
    const c = await call.post(o.village, '/api/claims', transportClaim(personId, o.facts ? { facts: o.facts } : {}));
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().claim.id;
    expect((await call.post(o.county, `/api/claims/${id}/actions`, { action: 'review', version: 1 })).statusCode).toBe(200);
    ids.push(id);
  }
  const list = await call.post(o.county, '/api/publicity', {
    region: '530326',
    title: '会泽县外出务工交通补助公示',
    from: shanghaiDay(-1),
    to: shanghaiDay(5),
    claimIds: ids,
  });
  expect(list.statusCode, list.body).toBe(201);
  const listId = list.json().list.id;
  await sql`UPDATE publicity_lists SET period_from = ${shanghaiDay(-8)}, period_to = ${shanghaiDay(-1)} WHERE id = ${listId}`.execute(
    database.kysely,
  );
  expect((await call.post(o.county, `/api/publicity/${listId}/close`, {})).statusCode).toBe(200);
  return ids;
}

/**
 * The accounts the payment tests act as, logged in: two officers of Huize (huize, huize2), its
 * village Tanglang, an auditor of Huize, and an officer of another county (keqi, 克什克腾旗).
 */
export async function paymentOffices(app: FastifyInstance, database: Database): Promise<Call> {
  await buildUser(database.kysely, { username: 'huize', role: 'county', region: '530326', displayName: '李经办' });
  await buildUser(database.kysely, { username: 'huize2', role: 'county', region: '530326' });
  await buildUser(database.kysely, { username: 'tanglang', role: 'village', region: VILLAGES.tanglang });
  await buildUser(database.kysely, { username: 'auditor', role: 'auditor', region: '530326' });
  await buildUser(database.kysely, { username: 'keqi', role: 'county', region: '150425' });
  const as: Record<string, Record<string, string>> = {};
  for (const u of ['huize', 'huize2', 'tanglang', 'auditor', 'keqi']) as[u] = await loginAs(app, u);
  return api(app, as);
}
