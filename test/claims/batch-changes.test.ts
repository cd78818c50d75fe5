// Taking claims out of a payment batch before the bank's result, as the Huize county finance
// office meets it (TR-HZ, 会政发〔2018〕20号 第16条, 2019): a batch is exported (确认导出) by a
// POST before its bank file is downloaded, and a download changes nothing; one claim leaves a
// batch not yet exported (移出批次: the card was reported lost), and a batch whose bank file the bank never
// processed is voided (作废批次) so that its claims are paid in a later batch, once. The
// ledger keeps matching the batches; a voiding racing a result import and a removal racing
// the export end consistently (overlapping on PostgreSQL with DATABASE_URL).
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, inScope } from '../../src/db/connection.ts';
import { verifyAuditChain } from '../../src/modules/audit/audit.repository.ts';
import { paymentsOfClaim } from '../../src/modules/claims/claims.repository.ts';
import { createTestApp } from '../app.ts';
import { type BuiltPerson, buildHousehold, VILLAGES } from '../factories.ts';
import {
  approvedClaims,
  bankFileDetailNos,
  type Call,
  detailNosOf,
  downloadBankFile,
  expectLedgerMatchesBatches,
  exportBatch,
  importResult,
  OUT_OF_PROVINCE,
  paidResult,
  paymentOffices,
} from './helpers.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let people: BuiltPerson[] = [];
let call: Call;

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  for (const [surname, given] of [
    ['赵', ['德明', '桂兰', '文军', '文芳', '文海', '文英']],
    ['钱', ['正华', '秀珍', '国强', '国芬', '国庆', '国美']],
    ['孙', ['建平', '玉梅', '志刚', '志红', '志勇', '志芳']],
    ['周', ['德华', '兰英', '永强', '永红', '永平', '永芳']],
    ['吴', ['国栋', '秀梅', '明亮', '明霞', '明军', '明珠']],
  ] as const) {
    const { persons } = await buildHousehold(database.kysely, {
      village: VILLAGES.tanglang,
      members: given.map((g, i) => ({
        name: `${surname}${g}`,
        sex: i % 2 ? ('女' as const) : ('男' as const),
        birth: `19${80 + i}-0${i + 1}-1${i}`,
        relationship: i === 0 ? '户主' : '其他',
      })),
    });
    people = [...people, ...persons];
  }
  call = await paymentOffices(app, database);
});
afterAll(() => close());

let next = 0;
/** Approved TR-HZ claims of laborers not used before (480 yuan each unless the ticket says less). */
function approved(n: number, ticketFen = 48000): Promise<string[]> {
  const personIds = people.slice(next, next + n).map((p) => p.id);
  next += n;
  expect(personIds).toHaveLength(n);
  return approvedClaims(call, database, {
    village: 'tanglang',
    county: 'huize',
    personIds,
    facts: { ...OUT_OF_PROVINCE, ticketPriceFen: ticketFen },
  });
}

async function newBatch(claimIds: string[]) {
  const res = await call.post('huize', '/api/payment-batches', { fund: 'employment_fund', region: '530326', claimIds });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().batch as { id: string; number: string; version: number; totalFen: number; lineCount: number };
}

const batchView = async (id: string) => (await call.get('huize', `/api/payment-batches/${id}`)).json();
const claimView = async (id: string) => (await call.get('huize', `/api/claims/${id}`)).json();
const codes = (responses: { statusCode: number }[]) => responses.map((r) => r.statusCode).sort();
const ledgerOfHuize = () =>
  expectLedgerMatchesBatches(call, 'auditor', { region: '530326', fund: 'employment_fund', year: 2019 });

async function ledgerKinds(claimId: string) {
  const rows = await database.kysely
    .selectFrom('ledger_entries')
    .select(['kind', 'reverses'])
    .where('claim_id', '=', claimId)
    .orderBy('id')
    .execute();
  return rows.map((r) => `${r.kind}${r.reverses ? `:${r.reverses}` : ''}`);
}

describe('确认导出, then the bank file: exporting is a POST, a download changes nothing', () => {
  let ids: string[];
  let batch: { id: string; number: string; version: number };
  const exportUrl = () => `/api/payment-batches/${batch.id}/export`;
  const fileUrl = () => `/api/payment-batches/${batch.id}/bank-file.csv`;

  beforeAll(async () => {
    ids = await approved(2);
    batch = await newBatch(ids);
  });

  it('the file of an open batch is not downloaded: 409 BATCH_NOT_EXPORTED, and the batch stays open', async () => {
    const res = await call.get('huize', fileUrl());
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'BATCH_NOT_EXPORTED',
      message: `拨付批次 ${batch.number} 还没有确认导出，不能下载银行代发文件；请先「确认导出（送银行）」，确认后本批次不能再移出申请`,
    });
    const view = await batchView(batch.id);
    expect(view.batch).toMatchObject({ status: 'open', version: batch.version, exportedAt: null });
    expect(view.actions).toEqual(['export', 'remove', 'void']);
    for (const id of ids) expect((await claimView(id)).claim.status).toBe('batched');
  });

  it('only the county office of the batch’s region exports, at the version it saw', async () => {
    for (const user of ['auditor', 'tanglang']) {
      const res = await call.post(user, exportUrl(), { version: batch.version });
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toContain('导出银行代发文件（只能由县级就业部门办理）');
    }
    // The auditor may download an exported batch's file, and this one is not exported yet.
    expect((await call.get('auditor', fileUrl())).json().code).toBe('BATCH_NOT_EXPORTED');
    const file = await call.get('tanglang', fileUrl());
    expect(file.statusCode).toBe(403);
    expect(file.json().message).toContain('下载银行代发文件（只能由县级就业部门或审计人员下载）');
    const elsewhere = await call.post('keqi', exportUrl(), { version: batch.version });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().message).toContain('不在您的管辖范围内');
    expect((await call.get('keqi', fileUrl())).statusCode).toBe(404);
    const stale = await call.post('huize', exportUrl(), { version: batch.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'BATCH_VERSION_CONFLICT', message: expect.stringContaining(batch.number) });
    // A write: the session cookie alone (a link, a form of another site) does not export.
    const noToken = await app.inject({
      method: 'POST',
      url: exportUrl(),
      headers: { cookie: call.session('huize')?.cookie as string },
      payload: { version: batch.version },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('CSRF_INVALID');
    const noVersion = await call.post('huize', exportUrl(), {});
    expect(noVersion.statusCode).toBe(400);
    expect((await batchView(batch.id)).batch).toMatchObject({ status: 'open', version: batch.version });
    const openapi = (await call.get('huize', '/api/openapi.json')).json().paths;
    expect(openapi['/api/payment-batches/{id}/export'].post.summary).toContain('确认导出');
    expect(openapi['/api/payment-batches/{id}/export'].post.requestBody.content['application/json'].schema.required).toEqual([
      'version',
    ]);
    expect(openapi['/api/payment-batches/{id}/bank-file.csv'].get.description).toContain('BATCH_NOT_EXPORTED');
  });

  it('exports once: the batch is exported with its lines final; a second export is refused, naming what to do', async () => {
    const res = await call.post('huize', exportUrl(), { version: batch.version });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.batch).toMatchObject({
      status: 'exported',
      statusName: '已导出，待银行回盘',
      version: batch.version + 1,
      exportedAt: expect.any(String),
      lineCount: 2,
      totalFen: 96000,
    });
    expect(view.actions).toEqual(['void']);
    expect(view.reconciliation).toMatchObject({ pending: 2, pendingFen: 96000 });
    // Exporting moves no claim and writes no ledger entry: the claims wait for the bank.
    for (const id of ids) {
      expect((await claimView(id)).claim.status).toBe('batched');
      expect(await ledgerKinds(id)).toEqual(['decided', 'approved']);
    }
    for (const version of [view.batch.version, batch.version]) {
      const again = await call.post('huize', exportUrl(), { version });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        code: 'BATCH_ALREADY_EXPORTED',
        message: `拨付批次 ${batch.number} 已确认导出（已导出，待银行回盘），不能再次导出；请直接下载银行代发文件`,
      });
    }
    const removal = await call.post('huize', `/api/payment-batches/${batch.id}/removals`, {
      claimId: ids[0],
      reason: '银行卡挂失',
      version: view.batch.version,
    });
    expect(removal.json().code).toBe('BATCH_NOT_OPEN');
    batch = view.batch;
  });

  it('the file downloads as often as needed, the same bytes each time, before and after the bank’s result', async () => {
    const first = await call.get('huize', fileUrl());
    const second = await call.get('huize2', fileUrl());
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-disposition']).toContain(encodeURIComponent(`代发-${batch.number}.csv`));
    expect(first.body.startsWith('\uFEFF序号,户名,账号,开户行,金额(元),用途,明细号\r\n')).toBe(true);
    expect(Buffer.compare(first.rawPayload, second.rawPayload)).toBe(0);
    const detailNos = detailNosOf(first.body);
    expect(detailNos).toHaveLength(2);
    expect((await batchView(batch.id)).batch).toMatchObject({ status: 'exported', version: batch.version });

    const ok = await importResult(call, 'huize', batch.id, paidResult(batch.id, detailNos));
    expect(ok.json()).toMatchObject({ paid: 2, pending: 0, batch: { status: 'reconciled' } });
    const after = await call.get('huize', fileUrl());
    expect(after.statusCode).toBe(200);
    expect(Buffer.compare(first.rawPayload, after.rawPayload)).toBe(0);
    expect((await call.post('huize', exportUrl(), { version: ok.json().batch.version })).json().code).toBe(
      'BATCH_ALREADY_EXPORTED',
    );
    await ledgerOfHuize();
  });

  it('the export is audited once with the version it took, each download as a download', async () => {
    const rows = await database.kysely
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity', '=', 'payment_batch')
      .where('entity_id', '=', batch.id)
      .where('action', 'in', ['payment_batch.export', 'payment_batch.download'])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.action)).toEqual([
      'payment_batch.export',
      'payment_batch.download',
      'payment_batch.download',
      'payment_batch.download',
    ]);
    expect(rows[0]).toMatchObject({
      before: { number: batch.number, status: 'open', version: batch.version - 1 },
      after: { status: 'exported', version: batch.version, lines: 2, totalFen: '96000' },
    });
    expect(rows[1]?.after).toMatchObject({ number: batch.number, status: 'exported', lines: 2 });
    expect(rows[3]?.after).toMatchObject({ status: 'reconciled', lines: 2 });
    expect((await verifyAuditChain(database.kysely)).ok).toBe(true);
  });
});

describe('移出批次: one claim leaves a batch not yet exported', () => {
  let ids: string[];
  let batch: { id: string; number: string; version: number };

  beforeAll(async () => {
    ids = await approved(3);
    batch = await newBatch(ids);
  });

  it('only the county office of the batch’s region removes, at the version it saw, with a reason', async () => {
    const body = { claimId: ids[1], reason: '申请人银行卡挂失，待换卡后下批拨付', version: batch.version };
    const url = `/api/payment-batches/${batch.id}/removals`;
    for (const user of ['auditor', 'tanglang']) {
      const res = await call.post(user, url, body);
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toContain('移出拨付批次（只能由县级就业部门办理）');
    }
    const elsewhere = await call.post('keqi', url, body);
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().message).toContain('不在您的管辖范围内');

    const noReason = await call.post('huize', url, { ...body, reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('VALIDATION_FAILED');
    expect(noReason.json().message).toContain(`拨付批次 ${batch.number}：移出申请`);
    expect(noReason.json().details.problems[0]).toMatchObject({ field: 'reason', label: '移出原因' });
    const stale = await call.post('huize', url, { ...body, version: batch.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'BATCH_VERSION_CONFLICT', message: expect.stringContaining(batch.number) });
    const [other] = await approved(1);
    const notIn = await call.post('huize', url, { ...body, claimId: other });
    expect(notIn.statusCode).toBe(404);
    expect(notIn.json().code).toBe('BATCH_LINE_NOT_FOUND');
    expect(notIn.json().message).toMatch(new RegExp(`^申请 BT2019-\\d{6}（.+）不在拨付批次 ${batch.number}中$`));
    const openapi = (await call.get('huize', '/api/openapi.json')).json().paths;
    expect(openapi['/api/payment-batches/{id}/removals'].post.summary).toContain('移出批次');
    expect(openapi['/api/payment-batches/{id}/void'].post.requestBody.content['application/json'].schema.required).toEqual([
      'reason',
      'version',
    ]);
    expect((await batchView(batch.id)).reconciliation).toMatchObject({ pending: 3, removed: 0 });
  });

  it('keeps the line as 已移出批次, takes it off the count and total, and puts the claim back in the queue', async () => {
    const before = await batchView(batch.id);
    expect(before.actions).toEqual(['export', 'remove', 'void']);
    const removedId = ids[1] as string;
    const line = before.payments.find((p: { claimId: string }) => p.claimId === removedId);
    const res = await call.post('huize', `/api/payment-batches/${batch.id}/removals`, {
      claimId: removedId,
      reason: '申请人银行卡挂失，待换卡后下批拨付',
      version: batch.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.batch).toMatchObject({ status: 'open', lineCount: 2, totalFen: 96000, version: batch.version + 1 });
    expect(view.reconciliation).toMatchObject({ pending: 2, pendingFen: 96000, removed: 1, removedFen: 48000 });
    expect(view.payments.find((p: { claimId: string }) => p.claimId === removedId)).toMatchObject({
      detailNo: line.detailNo,
      status: 'removed',
      statusName: '已移出批次',
      removalReason: '申请人银行卡挂失，待换卡后下批拨付',
      removedAt: expect.any(String),
    });
    const c = await claimView(removedId);
    expect(c.claim).toMatchObject({ status: 'approved', statusName: '公示期满，待拨付' });
    expect(c.events.at(-1)).toMatchObject({ action: 'unbatch', actionName: '移出拨付批次', from: 'batched', to: 'approved' });
    expect(c.events.at(-1).comment).toBe(
      `移出拨付批次 ${batch.number}：申请人银行卡挂失，待换卡后下批拨付（明细号 ${line.detailNo}）`,
    );
    expect(c.payments).toMatchObject([{ status: 'removed', removalReason: '申请人银行卡挂失，待换卡后下批拨付' }]);
    // Batching wrote nothing to the ledger, so neither does the removal.
    expect(await ledgerKinds(removedId)).toEqual(['decided', 'approved']);

    const again = await call.post('huize', `/api/payment-batches/${batch.id}/removals`, {
      claimId: removedId,
      reason: '重复',
      version: view.batch.version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('BATCH_LINE_REMOVED');
    expect(again.json().message).toContain(`已移出拨付批次 ${batch.number}（申请人银行卡挂失`);
    batch = view.batch;
  });

  it('the bank file leaves the removed line out; after export nothing more is removed', async () => {
    const removedLine = (await batchView(batch.id)).payments.find((p: { status: string }) => p.status === 'removed');
    const detailNos = await bankFileDetailNos(call, 'huize', batch.id);
    expect(detailNos).toHaveLength(2);
    expect(detailNos).not.toContain(removedLine.detailNo);
    const exported = await batchView(batch.id);
    expect(exported.batch).toMatchObject({ status: 'exported', lineCount: 2, totalFen: 96000 });
    expect(exported.actions).toEqual(['void']);
    const late = await call.post('huize', `/api/payment-batches/${batch.id}/removals`, {
      claimId: ids[0],
      reason: '银行卡挂失',
      version: exported.batch.version,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('BATCH_NOT_OPEN');
    expect(late.json().message).toMatch(
      new RegExp(`^拨付批次 ${batch.number} 已导出银行代发文件（已导出，待银行回盘），不能再移出申请 BT2019-\\d{6}（.+）；`),
    );
    // A result naming the removed line is refused by line; the bank's own result reconciles.
    const wrong = await importResult(call, 'huize', batch.id, paidResult(batch.id, [removedLine.detailNo]));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain(`已移出拨付批次 ${batch.number}`);
    const ok = await importResult(call, 'huize', batch.id, paidResult(batch.id, detailNos));
    expect(ok.json()).toMatchObject({ paid: 2, pending: 0, batch: { status: 'reconciled' } });
  });

  it('the last line of a batch is not removed: the batch is voided instead', async () => {
    const [only] = await approved(1);
    const single = await newBatch([only as string]);
    const res = await call.post('huize', `/api/payment-batches/${single.id}/removals`, {
      claimId: only,
      reason: '银行卡挂失',
      version: single.version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('BATCH_LAST_LINE');
    expect(res.json().message).toContain('请作废批次');
    expect((await batchView(single.id)).actions).toEqual(['export', 'void']);
    const voided = await call.post('huize', `/api/payment-batches/${single.id}/void`, {
      reason: '批次生成有误，不报送银行',
      version: single.version,
    });
    expect(voided.statusCode, voided.body).toBe(200);
    expect((await claimView(only as string)).claim.status).toBe('approved');
  });

  it('the removed claim and the claims of the voided batch are paid in a later batch, once', async () => {
    const queue = (await call.get('huize', '/api/claims?status=approved&pageSize=200')).json();
    const waiting = queue.items.map((c: { id: string }) => c.id);
    expect(waiting).toContain(ids[1]);
    const later = await newBatch(waiting);
    const detailNos = await bankFileDetailNos(call, 'huize', later.id);
    const res = await importResult(call, 'huize', later.id, paidResult(later.id, detailNos));
    expect(res.json()).toMatchObject({ paid: waiting.length, pending: 0 });
    const c = await claimView(ids[1] as string);
    expect(c.claim.status).toBe('paid');
    expect(c.payments.map((p: { status: string }) => p.status)).toEqual(['removed', 'paid']);
    expect(await ledgerKinds(ids[1] as string)).toEqual(['decided', 'approved', 'paid']);
    await ledgerOfHuize();
  });
});

describe('作废批次: the bank did not process an exported batch', () => {
  let ids: string[];
  let batch: { id: string; number: string; version: number };

  beforeAll(async () => {
    ids = await approved(2);
    batch = await newBatch(ids);
    await bankFileDetailNos(call, 'huize', batch.id); // exported
    batch = (await batchView(batch.id)).batch;
  });

  it('only the county office of the region voids, at the version it saw, with a reason', async () => {
    const url = `/api/payment-batches/${batch.id}/void`;
    const body = { reason: '代发文件未报送银行', version: batch.version };
    for (const user of ['auditor', 'tanglang']) {
      const res = await call.post(user, url, body);
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toContain('作废拨付批次（只能由县级就业部门办理）');
    }
    expect((await call.post('keqi', url, body)).statusCode).toBe(404);
    const noReason = await call.post('huize', url, { ...body, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toBe(`拨付批次 ${batch.number}：作废原因不能为空`);
    const stale = await call.post('huize', url, { ...body, version: batch.version - 1 });
    expect(stale.json().code).toBe('BATCH_VERSION_CONFLICT');
    expect((await batchView(batch.id)).batch.status).toBe('exported');
    const auditorView = (await call.get('auditor', `/api/payment-batches/${batch.id}`)).json();
    expect(auditorView.actions).toEqual([]);
  });

  it('keeps the batch as 已作废 with its lines, returns every claim to the queue unpaid, and writes no ledger entry', async () => {
    const res = await call.post('huize', `/api/payment-batches/${batch.id}/void`, {
      reason: '  银行整批退回：代发文件账户信息格式有误  ',
      version: batch.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.batch).toMatchObject({
      status: 'voided',
      statusName: '已作废',
      voidReason: '银行整批退回：代发文件账户信息格式有误',
      voidedAt: expect.any(String),
      voidedByName: '李经办',
      lineCount: 2,
      totalFen: 96000,
    });
    expect(view.reconciliation).toMatchObject({ pending: 0, paid: 0, voided: 2, voidedFen: 96000 });
    expect(view.payments.map((p: { statusName: string }) => p.statusName)).toEqual(['批次已作废', '批次已作废']);
    expect(view.actions).toEqual([]);
    for (const id of ids) {
      const c = await claimView(id);
      expect(c.claim.status).toBe('approved');
      expect(c.events.at(-1)).toMatchObject({ action: 'batch_void', actionName: '拨付批次作废', from: 'batched' });
      expect(c.events.at(-1).comment).toContain(`拨付批次 ${batch.number}作废：银行整批退回`);
      expect(await ledgerKinds(id)).toEqual(['decided', 'approved']);
    }
    const list = (await call.get('auditor', '/api/payment-batches')).json();
    expect(list.find((b: { id: string }) => b.id === batch.id)).toMatchObject({
      status: 'voided',
      voidReason: '银行整批退回：代发文件账户信息格式有误',
    });
    await ledgerOfHuize();
  });

  it('its bank file is void: not downloaded, no result imported, nothing removed, not voided again', async () => {
    const file = await call.get('huize', `/api/payment-batches/${batch.id}/bank-file.csv`);
    expect(file.statusCode).toBe(409);
    expect(file.json().code).toBe('BATCH_VOIDED');
    const view = await batchView(batch.id);
    const result = paidResult(
      batch.id,
      view.payments.map((p: { detailNo: string }) => p.detailNo),
    );
    const imported = await importResult(call, 'huize', batch.id, result);
    expect(imported.statusCode).toBe(409);
    expect(imported.json()).toMatchObject({
      code: 'BATCH_VOIDED',
      message: `拨付批次 ${batch.number} 已作废（银行整批退回：代发文件账户信息格式有误），其银行代发文件已作废，不能导入银行回盘；如银行实际已处理该文件，请先与银行核实`,
    });
    const removal = await call.post('huize', `/api/payment-batches/${batch.id}/removals`, {
      claimId: ids[0],
      reason: 'x',
      version: view.batch.version,
    });
    expect(removal.json().code).toBe('BATCH_VOIDED');
    const twice = await call.post('huize', `/api/payment-batches/${batch.id}/void`, { reason: 'x', version: view.batch.version });
    expect(twice.json().code).toBe('BATCH_VOIDED');
    expect(await ledgerKinds(ids[0] as string)).toEqual(['decided', 'approved']);
  });

  it('the database keeps a voided batch and its lines final, whatever the code does', async () => {
    await expect(sql`UPDATE payments SET status = 'paid' WHERE batch_id = ${batch.id}`.execute(database.kysely)).rejects.toThrow(
      /cannot change/,
    );
    await expect(
      sql`UPDATE payment_batches SET status = 'reconciled' WHERE id = ${batch.id}`.execute(database.kysely),
    ).rejects.toThrow(/voided and cannot change/);
    await expect(
      sql`UPDATE payment_batches SET status = 'voided' WHERE status = 'reconciled'`.execute(database.kysely),
    ).rejects.toThrow(/payment_batches_voided_check/);
  });

  it('its claims go into a new batch and are paid once', async () => {
    const again = await newBatch(ids);
    expect(again).toMatchObject({ lineCount: 2, totalFen: 96000 });
    const detailNos = await bankFileDetailNos(call, 'huize', again.id);
    expect((await importResult(call, 'huize', again.id, paidResult(again.id, detailNos))).json().paid).toBe(2);
    for (const id of ids) {
      expect((await claimView(id)).payments.map((p: { status: string }) => p.status)).toEqual(['voided', 'paid']);
      expect(await ledgerKinds(id)).toEqual(['decided', 'approved', 'paid']);
    }
    // The laborer's and the employer's views (their default read) show the payment that
    // reached the bank only; the office's history keeps the voided line.
    const lines = (withTakenOut: boolean) =>
      inScope(database.kysely, '530326', async (trx) =>
        (await paymentsOfClaim(trx, ids[0] as string, withTakenOut)).map((p) => p.status),
      );
    expect(await lines(false)).toEqual(['paid']);
    expect(await lines(true)).toEqual(['voided', 'paid']);
    await ledgerOfHuize();
  });

  it('a batch with any bank result is not voided; the rest of its result still reconciles it', async () => {
    const two = await approved(2, 30000);
    const b = await newBatch(two);
    const detailNos = await bankFileDetailNos(call, 'huize', b.id);
    const first = await importResult(call, 'huize', b.id, paidResult(b.id, detailNos.slice(0, 1)));
    expect(first.json()).toMatchObject({ paid: 1, pending: 1, batch: { status: 'exported' } });
    const view = await batchView(b.id);
    expect(view.actions).toEqual([]);
    const res = await call.post('huize', `/api/payment-batches/${b.id}/void`, {
      reason: '银行整批退回',
      version: view.batch.version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('BATCH_HAS_RESULTS');
    expect(res.json().message).toBe(
      `拨付批次 ${b.number} 已导入银行回盘（1 笔已有结果），不能作废；请按银行回盘对账，未回盘的明细待银行结果导入`,
    );
    const rest = await importResult(call, 'huize', b.id, paidResult(b.id, detailNos));
    expect(rest.json()).toMatchObject({ paid: 1, unchanged: 1, pending: 0, batch: { status: 'reconciled' } });
    const reconciled = await batchView(b.id);
    const late = await call.post('huize', `/api/payment-batches/${b.id}/void`, {
      reason: '银行整批退回',
      version: reconciled.batch.version,
    });
    expect(late.json().code).toBe('BATCH_HAS_RESULTS');
    await ledgerOfHuize();
  });

  it('every change is in the audit chain', async () => {
    expect((await verifyAuditChain(database.kysely)).ok).toBe(true);
    const rows = await database.kysely
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', 'in', ['payment_batch.remove', 'payment_batch.void', 'claim.unbatch', 'claim.batch_void'])
      .orderBy('seq')
      .execute();
    expect([...new Set(rows.map((r) => r.action))].sort()).toEqual([
      'claim.batch_void',
      'claim.unbatch',
      'payment_batch.remove',
      'payment_batch.void',
    ]);
    expect(rows.find((r) => r.action === 'payment_batch.void')?.after).toMatchObject({
      status: 'voided',
      reason: '批次生成有误，不报送银行',
      lines: 1,
    });
    expect(rows.find((r) => r.action === 'payment_batch.remove')?.after).toMatchObject({
      lines: 2,
      totalFen: '96000',
      reason: '申请人银行卡挂失，待换卡后下批拨付',
    });
  });
});

describe('at once: never paid twice, and every batch ends consistent', () => {
  it('voiding races the bank result import of the same batch: exactly one of them happens', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 3; round++) {
      const ids = await approved(2, 20000 + round * 1000);
      const b = await newBatch(ids);
      const detailNos = await bankFileDetailNos(call, 'huize', b.id);
      const version = (await batchView(b.id)).batch.version;
      const [voiding, importing] = await Promise.all([
        call.post(round % 2 ? 'huize' : 'huize2', `/api/payment-batches/${b.id}/void`, { reason: '银行整批退回', version }),
        importResult(call, round % 2 ? 'huize2' : 'huize', b.id, paidResult(b.id, detailNos)),
      ]);
      expect(codes([voiding, importing])).toEqual([200, 409]);
      const view = await batchView(b.id);
      const statuses = ids.map(async (id) => (await claimView(id)).claim.status);
      if (voiding.statusCode === 200) {
        outcomes.push('voided');
        expect(importing.json().code).toBe('BATCH_VOIDED');
        expect(view.batch.status).toBe('voided');
        expect(view.reconciliation).toMatchObject({ voided: 2, paid: 0 });
        expect(await Promise.all(statuses)).toEqual(['approved', 'approved']);
        for (const id of ids) expect(await ledgerKinds(id)).toEqual(['decided', 'approved']);
      } else {
        outcomes.push('paid');
        expect(voiding.json().code).toBe('BATCH_HAS_RESULTS');
        expect(view.batch.status).toBe('reconciled');
        expect(view.reconciliation).toMatchObject({ voided: 0, paid: 2 });
        expect(await Promise.all(statuses)).toEqual(['paid', 'paid']);
        for (const id of ids) expect(await ledgerKinds(id)).toEqual(['decided', 'approved', 'paid']);
      }
    }
    expect(outcomes).toHaveLength(3);
    await ledgerOfHuize();
  });

  it('a removal races the export of the same batch at the version both saw: one happens, and the bank file and the batch total always agree', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 3; round++) {
      const ids = await approved(2, 25000 + round * 1000);
      const b = await newBatch(ids);
      const [removal, exporting] = await Promise.all([
        call.post(round % 2 ? 'huize2' : 'huize', `/api/payment-batches/${b.id}/removals`, {
          claimId: ids[0],
          reason: '银行卡挂失',
          version: b.version,
        }),
        call.post(round % 2 ? 'huize' : 'huize2', `/api/payment-batches/${b.id}/export`, { version: b.version }),
      ]);
      expect(codes([removal, exporting])).toEqual([200, 409]);
      const removed = (await claimView(ids[0] as string)).claim.status;
      if (removal.statusCode === 200) {
        outcomes.push('removed');
        // The export named the batch as it was before the removal: refused, the batch stays open.
        expect(exporting.json().code).toBe('BATCH_VERSION_CONFLICT');
        expect((await batchView(b.id)).batch.status).toBe('open');
        expect(removed).toBe('approved');
        await exportBatch(call, 'huize', b.id);
      } else {
        outcomes.push('exported');
        expect(['BATCH_NOT_OPEN', 'BATCH_VERSION_CONFLICT']).toContain(removal.json().code);
        expect(removed).toBe('batched');
      }
      const lines = (await downloadBankFile(call, 'huize2', b.id)).split('\r\n').slice(1).filter(Boolean);
      const fileFen = lines.reduce((s, l) => s + Math.round(Number(l.split(',')[4]) * 100), 0);
      const view = await batchView(b.id);
      expect(view.batch.status).toBe('exported');
      expect(lines).toHaveLength(view.batch.lineCount);
      expect(lines).toHaveLength(removal.statusCode === 200 ? 1 : 2);
      expect(fileFen).toBe(view.batch.totalFen);
      // Whatever happened, the batch is voided here so that the next round starts clean.
      const voided = await call.post('huize', `/api/payment-batches/${b.id}/void`, {
        reason: '测试',
        version: view.batch.version,
      });
      expect(voided.statusCode, voided.body).toBe(200);
    }
    expect(outcomes).toHaveLength(3);
    await ledgerOfHuize();
  });

  it('two officers export the same batch at once: it is exported once', async () => {
    const ids = await approved(2, 27000);
    const b = await newBatch(ids);
    const exports = await Promise.all(
      ['huize', 'huize2'].map((u) => call.post(u, `/api/payment-batches/${b.id}/export`, { version: b.version })),
    );
    expect(codes(exports)).toEqual([200, 409]);
    expect(['BATCH_ALREADY_EXPORTED', 'BATCH_VERSION_CONFLICT']).toContain(
      exports.find((r) => r.statusCode === 409)?.json().code,
    );
    const view = await batchView(b.id);
    expect(view.batch).toMatchObject({ status: 'exported', version: b.version + 1 });
    const audited = await database.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'payment_batch')
      .where('entity_id', '=', b.id)
      .where('action', '=', 'payment_batch.export')
      .execute();
    expect(audited).toHaveLength(1);
    const detailNos = detailNosOf(await downloadBankFile(call, 'huize', b.id));
    expect((await importResult(call, 'huize', b.id, paidResult(b.id, detailNos))).json().paid).toBe(2);
    await ledgerOfHuize();
  });

  it('two officers void the same batch, or remove the same claim, at once: it happens once', async () => {
    const ids = await approved(3, 26000);
    const b = await newBatch(ids);
    const removals = await Promise.all(
      ['huize', 'huize2'].map((u) =>
        call.post(u, `/api/payment-batches/${b.id}/removals`, {
          claimId: ids[0],
          reason: `${u}：银行卡挂失`,
          version: b.version,
        }),
      ),
    );
    expect(codes(removals)).toEqual([200, 409]);
    expect(['BATCH_LINE_REMOVED', 'BATCH_VERSION_CONFLICT']).toContain(removals.find((r) => r.statusCode === 409)?.json().code);
    const after = await batchView(b.id);
    expect(after.batch).toMatchObject({ lineCount: 2, totalFen: 52000 });
    const unbatched = await database.kysely
      .selectFrom('claim_events')
      .select('action')
      .where('claim_id', '=', ids[0] as string)
      .where('action', '=', 'unbatch')
      .execute();
    expect(unbatched).toHaveLength(1);

    const voids = await Promise.all(
      ['huize', 'huize2'].map((u) =>
        call.post(u, `/api/payment-batches/${b.id}/void`, { reason: `${u}：不报送银行`, version: after.batch.version }),
      ),
    );
    expect(codes(voids)).toEqual([200, 409]);
    expect(['BATCH_VOIDED', 'BATCH_VERSION_CONFLICT']).toContain(voids.find((r) => r.statusCode === 409)?.json().code);
    const events = await database.kysely
      .selectFrom('claim_events')
      .select('claim_id')
      .where('claim_id', 'in', ids)
      .where('action', '=', 'batch_void')
      .execute();
    expect(events.map((e) => e.claim_id).sort()).toEqual([ids[1], ids[2]].sort());

    // The three claims, back in the queue, are taken by one of two batches built at once.
    const built = await Promise.all(
      ['huize', 'huize2'].map((u) =>
        call.post(u, '/api/payment-batches', { fund: 'employment_fund', region: '530326', claimIds: ids }),
      ),
    );
    expect(codes(built)).toEqual([201, 409]);
    expect(built.find((r) => r.statusCode === 409)?.json().code).toBe('CLAIM_NOT_PAYABLE');
    const live = await database.kysely
      .selectFrom('payments')
      .select('claim_id')
      .where('claim_id', 'in', ids)
      .where('status', 'in', ['pending', 'paid'])
      .execute();
    expect(live.map((p) => p.claim_id).sort()).toEqual([...ids].sort());
    await ledgerOfHuize();
  });
});
