// Payment (拨付): batches of approved claims per fund source and region, the bank's 代发
// file, and reconciliation (对账) from the bank's result file: each line paid, or failed
// with its reason and the claim back in the queue. A claim has at most one live payment
// (database index), and importing the same result twice books nothing twice.
// Before the bank's result a claim can leave its batch (移出批次, open batches only) or the
// whole batch is voided (作废批次, the bank did not process it): the lines stay as history,
// the claims go back to the queue, and nothing is written to the ledger, as batching wrote
// nothing either. Every change of a batch locks its row first (export, result import, removal,
// voiding), so two of them on one batch run one after the other and the second sees the first.
// Exporting (确认导出, a POST at the version the officer saw) freezes the lines; the bank file
// is then downloaded as often as needed, by the county office or the auditor, the same bytes
// each time, and the download changes nothing but the audit log (a refused one is audited too).
import { type Database, inScope, type Scoped } from '../../db/connection.ts';
import { type BankLine, decodeBankText, parseBankResult, writeBankFile } from '../../domain/claims/bank-file.ts';
import {
  type BatchCheck,
  type BatchState,
  batchActions,
  checkBankFile,
  checkExport,
  checkRemoval,
  checkResultImport,
  checkVoid,
  mayDownloadBankFile,
  TAKEN_OUT_PAYMENT_STATUSES,
} from '../../domain/claims/batch.ts';
import { rolesFor } from '../../domain/claims/steps.ts';
import { isInside } from '../../domain/region/region-code.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { type Catalog, FUND_NAMES, FUND_SOURCES, type FundSource, findRule } from '../../domain/rules/index.ts';
import { AppError, errors } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { type Actor, auditActor } from '../auth/actor.ts';
import { catalog } from '../rules/index.ts';
import { presentBatch, presentPayment } from './claims.presenter.ts';
import type { ClaimRow } from './claims.repository.ts';
import * as repo from './claims.repository.ts';
import { claimRecord, invalid, ledgerRow, regionWithin, transition } from './claims.service.ts';

function requireCounty(actor: Actor, what: string) {
  if (!rolesFor('batch').includes(actor.role)) throw errors.forbidden(`${what}（只能由县级就业部门办理）`);
}

const takenOut = (p: repo.PaymentRow) => (TAKEN_OUT_PAYMENT_STATUSES as readonly string[]).includes(p.status);

/** The batch as domain/claims/batch.ts reads it: lines still in it, lines the bank answered for. */
function batchState(batch: repo.BatchRow, payments: readonly repo.PaymentRow[]): BatchState {
  return {
    number: batch.number,
    status: batch.status,
    voidReason: batch.void_reason,
    lines: payments.filter((p) => !takenOut(p)).length,
    settled: payments.filter((p) => p.status !== 'pending' && !takenOut(p)).length,
  };
}

function refuse(check: BatchCheck, record: string): void {
  if (!check.ok) throw new AppError(check.code, check.reason, 409, { record });
}

function batchRecord(batch: repo.BatchRow): string {
  return `拨付批次 ${batch.number}`;
}

function batchVersionConflict(batch: repo.BatchRow): AppError {
  return errors.conflict(
    'BATCH_VERSION_CONFLICT',
    `${batchRecord(batch)}已被他人处理（当前版本 ${batch.version}），请刷新后重试`,
    { record: batchRecord(batch) },
  );
}

export interface NewBatch {
  fund: FundSource;
  region: string;
  /** Only these claims (all of the queue when absent). */
  claimIds?: string[];
}

export async function createBatch(database: Database, actor: Actor, input: NewBatch) {
  requireCounty(actor, '生成拨付批次');
  if (!FUND_SOURCES.includes(input.fund)) {
    throw invalid('拨付批次', [
      { field: 'fund', label: '资金来源', message: `应为以下之一：${FUND_SOURCES.join('、')}`, value: input.fund },
    ]);
  }
  if (!/^(\d{6}|\d{9}|\d{12})$/.test(input.region)) {
    throw invalid('拨付批次', [{ field: 'region', label: '地区', message: '应为6/9/12位区划代码', value: input.region }]);
  }
  if (!isInside(input.region, actor.scope)) throw errors.outOfScope(input.region);
  return inScope(database.kysely, actor.scope, async (trx) => {
    const ids = input.claimIds ? [...new Set(input.claimIds)] : undefined;
    const claims = await repo.payableClaims(trx, input.fund, input.region, ids);
    const record = `${FUND_NAMES[input.fund]}拨付批次（${input.region}）`;
    if (ids !== undefined) {
      const notPayable = ids.filter((id) => !claims.some((c) => c.id === id));
      if (notPayable.length > 0) {
        const rows = await repo.claimsByIds(trx, notPayable);
        const named = rows.map((c) => `${claimRecord(c)}（${c.fund_source === input.fund ? '状态不是待拨付' : '资金来源不同'}）`);
        const unknown = notPayable.filter((id) => !rows.some((c) => c.id === id)).map((id) => `ID ${id}（不存在或不在范围内）`);
        throw new AppError('CLAIM_NOT_PAYABLE', `${record}：以下申请不能拨付：${[...named, ...unknown].join('；')}`, 409, {
          record,
          claimIds: notPayable,
        });
      }
    }
    if (claims.length === 0) throw new AppError('BATCH_EMPTY', `${record}：没有待拨付的申请`, 422, { record });
    const id = await repo.nextBatchId(trx);
    const number = `PF${input.region}-${todayInShanghai().slice(0, 4)}-${id.padStart(6, '0')}`;
    const total = claims.reduce((s, c) => s + BigInt(c.amount_fen), 0n);
    const batch = await repo.insertBatch(trx, {
      id,
      number,
      fund_source: input.fund,
      region_code: input.region,
      line_count: claims.length,
      total_fen: total.toString(),
      created_by: actor.userId,
    });
    const lines = [];
    for (const [n, c] of claims.entries()) {
      await transition(trx, actor, c, 'batch', `列入拨付批次 ${number}`, undefined);
      lines.push({
        batch_id: batch.id,
        claim_id: c.id,
        region_code: c.region_code,
        detail_no: `${number}-${String(n + 1).padStart(4, '0')}`,
        payee_name: c.beneficiary_name,
        bank_name: c.bank_name ?? '',
        bank_account: c.bank_account ?? '',
        amount_fen: c.amount_fen,
      });
    }
    const payments = await repo.insertPayments(trx, lines);
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'payment_batch.create',
      entity: 'payment_batch',
      entityId: batch.id,
      regionCode: batch.region_code,
      after: { number, fund: input.fund, lines: claims.length, totalFen: total.toString() },
    });
    const numbers = new Map(claims.map((c) => [c.id, c.number]));
    return { batch: presentBatch(batch), payments: payments.map((p) => presentPayment(p, numbers.get(p.claim_id))) };
  });
}

export async function listBatches(database: Database, actor: Actor, region: string | undefined) {
  const within = regionWithin(actor, region);
  return inScope(database.kysely, actor.scope, async (trx) => (await repo.listBatches(trx, within)).map(presentBatch));
}

export async function getBatch(database: Database, actor: Actor, id: string) {
  return inScope(database.kysely, actor.scope, (trx) => readBatch(trx, actor, id));
}

async function readBatch(trx: Scoped, actor: Actor, id: string) {
  const batch = await repo.getBatch(trx, id);
  if (!batch) throw errors.notFound(`拨付批次（ID ${id}）`);
  const payments = await repo.paymentsOf(trx, id);
  const claims = new Map(
    (
      await repo.claimsByIds(
        trx,
        payments.map((p) => p.claim_id),
      )
    ).map((c) => [c.id, c.number]),
  );
  const sum = (s: string) => payments.filter((p) => p.status === s).reduce((a, p) => a + Number(p.amount_fen), 0);
  const count = (s: string) => payments.filter((p) => p.status === s).length;
  // The bank reported paid = still paid + sent back later + recovered later; paidFen is what
  // stays paid, as the ledger's paid balance counts it. Removed and voided lines were never
  // paid: history only. A removed line is outside the batch's count and total; a voided
  // batch keeps the count and total of the file that was voided.
  return {
    batch: {
      ...presentBatch(batch),
      voidedByName: batch.voided_by === null ? null : await repo.userDisplayName(trx, batch.voided_by),
    },
    reconciliation: {
      pending: count('pending'),
      paid: count('paid'),
      failed: count('failed'),
      returned: count('returned'),
      recovered: count('recovered'),
      removed: count('removed'),
      voided: count('voided'),
      pendingFen: sum('pending'),
      paidFen: sum('paid'),
      failedFen: sum('failed'),
      returnedFen: sum('returned'),
      recoveredFen: sum('recovered'),
      removedFen: sum('removed'),
      voidedFen: sum('voided'),
    },
    /** What this user may do to the batch now: 移出批次 (a line of an open batch), 作废批次. */
    actions: batchActions(actor.role, batchState(batch, payments)),
    payments: payments.map((p) => presentPayment(p, claims.get(p.claim_id))),
  };
}

/**
 * 确认导出（送银行）: the batch's lines become final (open → exported) and its bank file may be
 * downloaded and sent to the bank. At the version the officer saw, so that a removal made
 * meanwhile is not exported unseen. The batch row is locked first: a removal of the same batch
 * either ran before (this export then needs the new version) or runs after (and is refused).
 */
export async function exportBatch(database: Database, actor: Actor, id: string, input: { version: number }) {
  requireCounty(actor, '导出银行代发文件');
  return inScope(database.kysely, actor.scope, async (trx) => {
    const batch = await repo.getBatch(trx, id, true);
    if (!batch) throw errors.notFound(`拨付批次（ID ${id}）`);
    const record = batchRecord(batch);
    const payments = await repo.paymentsOf(trx, id);
    refuse(checkExport(batchState(batch, payments)), record);
    if (input.version !== batch.version) throw batchVersionConflict(batch);
    const exported = await repo.exportBatch(trx, batch.id, batch.version);
    if (!exported) throw batchVersionConflict(batch);
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'payment_batch.export',
      entity: 'payment_batch',
      entityId: id,
      regionCode: batch.region_code,
      before: { number: batch.number, status: batch.status, version: batch.version },
      after: {
        status: exported.status,
        version: exported.version,
        lines: exported.line_count,
        totalFen: exported.total_fen,
      },
    });
    return readBatch(trx, actor, batch.id);
  });
}

/**
 * The rule's title as the claim's decision recorded it: a later release that renames a rule does
 * not change the 用途 of a file the bank already holds (older decisions fall back to the catalogue).
 */
function decidedTitle(cat: Catalog, c: ClaimRow): string {
  const title = (c.decision as { title?: unknown }).title;
  return typeof title === 'string' && title !== '' ? title : (findRule(cat, c.rule_id)?.title ?? c.rule_id);
}

/**
 * The bank instruction file of an exported (or reconciled) batch: UTF-8 with BOM, CSV, its
 * lines in the order of their ids, so every download gives the same bytes. For the county
 * office and the auditor of the batch's region; refused for an open batch (export it first)
 * and a voided one. Changes nothing; each download is audited, and so is each refusal.
 */
export async function bankFile(database: Database, actor: Actor, id: string): Promise<{ number: string; csv: string }> {
  try {
    return await downloadBankFile(database, actor, id);
  } catch (e) {
    if (e instanceof AppError) await auditRefusedDownload(database, actor, id, e);
    throw e;
  }
}

async function downloadBankFile(database: Database, actor: Actor, id: string): Promise<{ number: string; csv: string }> {
  if (!mayDownloadBankFile(actor.role)) throw errors.forbidden('下载银行代发文件（只能由县级就业部门或审计人员下载）');
  const cat = await catalog();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const batch = await repo.getBatch(trx, id);
    if (!batch) throw errors.notFound(`拨付批次（ID ${id}）`);
    const all = await repo.paymentsOf(trx, id);
    refuse(checkBankFile(batchState(batch, all)), batchRecord(batch));
    // Lines paid, failed, returned or recovered since were in the file all the same.
    const payments = all.filter((p) => !takenOut(p));
    const claims = new Map(
      (
        await repo.claimsByIds(
          trx,
          payments.map((p) => p.claim_id),
        )
      ).map((c) => [c.id, c]),
    );
    const lines: BankLine[] = payments.map((p) => {
      const c = claims.get(p.claim_id);
      return {
        detailNo: p.detail_no,
        payeeName: p.payee_name,
        account: p.bank_account,
        bankName: p.bank_name,
        amountFen: Number(p.amount_fen),
        purpose: `${c ? decidedTitle(cat, c) : ''} ${c?.number ?? ''}`.trim(),
      };
    });
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'payment_batch.download',
      entity: 'payment_batch',
      entityId: id,
      regionCode: batch.region_code,
      after: { number: batch.number, status: batch.status, lines: lines.length },
    });
    return { number: batch.number, csv: `\uFEFF${writeBankFile(lines)}` };
  });
}

/**
 * Records a refused download (wrong role, no such batch in the actor's scope, a batch without a
 * bank file) in a transaction of its own: the download's transaction rolled back with the
 * refusal. Only what the actor asked for and the refusal's code are written, under the actor's
 * own scope, never the batch's number or region: the actor may not be allowed to see them.
 */
async function auditRefusedDownload(database: Database, actor: Actor, id: string, refusal: AppError): Promise<void> {
  await inScope(database.kysely, actor.scope, (trx) =>
    appendAudit(trx, {
      ...auditActor(actor),
      action: 'payment_batch.download_refused',
      entity: 'payment_batch',
      entityId: id,
      regionCode: actor.scope,
      after: { reason: refusal.code },
    }),
  );
}

export async function importBankResult(database: Database, actor: Actor, id: string, fileName: string, bytes: Buffer) {
  requireCounty(actor, '导入银行回盘文件');
  const { lines, problems } = parseBankResult(decodeBankText(bytes));
  const record = `银行回盘文件「${fileName}」`;
  const invalid = (ps: typeof problems) =>
    new AppError(
      'VALIDATION_FAILED',
      `${record}：${ps.map((p) => `第 ${p.line} 行${p.column ? `「${p.column}」` : ''}${p.message}`).join('；')}`,
      400,
      {
        record,
        problems: ps.map((p) => ({
          field: p.column,
          label: `第 ${p.line} 行`,
          message: p.message,
          value: p.value,
          line: p.line,
        })),
      },
    );
  if (problems.length > 0) throw invalid(problems);

  return inScope(database.kysely, actor.scope, async (trx) => {
    // Locked: a voiding of the same batch waits for this import to end, or this one waits for
    // it and then finds the batch voided.
    const batch = await repo.getBatch(trx, id, true);
    if (!batch) throw errors.notFound(`拨付批次（ID ${id}）`);
    const rows = await repo.paymentsOf(trx, id, true);
    refuse(checkResultImport(batchState(batch, rows)), batchRecord(batch));
    const payments = new Map(rows.map((p) => [p.detail_no, p]));
    const lineProblems = lines.flatMap((l) => {
      const p = payments.get(l.detailNo);
      if (!p) return [{ line: l.line, column: '明细号', value: l.detailNo, message: `不属于拨付批次 ${batch.number}` }];
      if (takenOut(p)) {
        return [
          {
            line: l.line,
            column: '明细号',
            value: l.detailNo,
            message: `已移出拨付批次 ${batch.number}（${p.removal_reason ?? ''}），不在代发文件中`,
          },
        ];
      }
      // A line paid and later sent back or recovered was reported paid by the bank.
      const reported = p.status === 'failed' ? 'failed' : 'paid';
      if (p.status !== 'pending' && reported !== l.outcome) {
        const was = reported === 'paid' ? '成功' : '失败';
        return [
          {
            line: l.line,
            column: '结果',
            value: l.outcome === 'paid' ? '成功' : '失败',
            message: `与已导入的结果（${was}）不一致`,
          },
        ];
      }
      return [];
    });
    if (lineProblems.length > 0) throw invalid(lineProblems);

    const result = { paid: 0, failed: 0, unchanged: 0 };
    for (const l of lines) {
      const p = payments.get(l.detailNo) as repo.PaymentRow;
      if (p.status !== 'pending') {
        result.unchanged++;
        continue;
      }
      const settled = await repo.settlePayment(trx, p.id, { status: l.outcome, reason: l.reason, bankRef: l.bankRef });
      if (!settled) {
        result.unchanged++;
        continue;
      }
      const claim = await repo.getClaim(trx, p.claim_id, true);
      if (!claim) throw errors.notFound(`补贴申请（ID ${p.claim_id}）`);
      const comment =
        l.outcome === 'paid' ? `银行流水号 ${l.bankRef}（明细号 ${l.detailNo}）` : `${l.reason}（明细号 ${l.detailNo}）`;
      const moved = await transition(trx, actor, claim, l.outcome === 'paid' ? 'pay' : 'fail', comment, undefined);
      await repo.appendLedger(trx, [ledgerRow(moved, actor, l.outcome, p.amount_fen, { paymentId: p.id })]);
      result[l.outcome]++;
    }
    const after = await repo.paymentsOf(trx, id);
    const pending = after.filter((p) => p.status === 'pending').length;
    if (pending === 0 && batch.status !== 'reconciled') await repo.setBatchStatus(trx, id, 'reconciled');
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'payment_batch.reconcile',
      entity: 'payment_batch',
      entityId: id,
      regionCode: batch.region_code,
      after: { number: batch.number, fileName, ...result, pending },
    });
    return { ...result, pending, batch: presentBatch((await repo.getBatch(trx, id)) as repo.BatchRow) };
  });
}

export interface BatchChange {
  /** Why (required): 移出原因 or 作废原因. */
  reason: string;
  /** The batch version the officer saw (optimistic lock). */
  version: number;
}

function checkReason(record: string, label: string, reason: string): string {
  const trimmed = reason.trim();
  if (trimmed === '') throw invalid(record, [{ field: 'reason', label, message: '不能为空' }]);
  return trimmed;
}

/**
 * 移出批次: one claim leaves an open batch (its bank file not exported yet). The line stays in
 * the batch as 'removed' with the reason; the batch's count and total drop by it; the claim is
 * approved again, in the payment queue for a later batch. The batch row is locked first, so an
 * export of the same batch either ran before (and the removal is refused) or runs after (and
 * its file leaves the line out).
 */
export async function removeFromBatch(database: Database, actor: Actor, id: string, input: BatchChange & { claimId: string }) {
  requireCounty(actor, '移出拨付批次');
  return inScope(database.kysely, actor.scope, async (trx) => {
    const batch = await repo.getBatch(trx, id, true);
    if (!batch) throw errors.notFound(`拨付批次（ID ${id}）`);
    const record = batchRecord(batch);
    const payments = await repo.paymentsOf(trx, id, true);
    const claim = await repo.getClaim(trx, input.claimId, true);
    const line = payments.find((p) => p.claim_id === input.claimId);
    if (!claim || !line) {
      const named = claim ? claimRecord(claim) : `补贴申请（ID ${input.claimId}）`;
      throw new AppError('BATCH_LINE_NOT_FOUND', `${named}不在${record}中`, 404, { record, claimId: input.claimId });
    }
    const named = claimRecord(claim);
    if (line.status === 'removed') {
      throw errors.conflict('BATCH_LINE_REMOVED', `${named}已移出${record}（${line.removal_reason ?? ''}）`, {
        record,
        claimId: claim.id,
      });
    }
    refuse(checkRemoval(batchState(batch, payments), named), record);
    if (input.version !== batch.version) throw batchVersionConflict(batch);
    const reason = checkReason(`${record}：移出${named}`, '移出原因', input.reason);

    const shrunk = await repo.shrinkBatch(trx, batch.id, batch.version, line.amount_fen);
    const removed = shrunk && (await repo.removePayment(trx, line.id, { reason, actorId: actor.userId }));
    if (!shrunk || !removed) throw batchVersionConflict(batch);
    await transition(trx, actor, claim, 'unbatch', `移出${record}：${reason}（明细号 ${line.detail_no}）`, undefined);
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'payment_batch.remove',
      entity: 'payment_batch',
      entityId: batch.id,
      regionCode: batch.region_code,
      before: { number: batch.number, lines: batch.line_count, totalFen: batch.total_fen, version: batch.version },
      after: {
        lines: shrunk.line_count,
        totalFen: shrunk.total_fen,
        version: shrunk.version,
        claim: claim.number,
        detailNo: line.detail_no,
        amountFen: line.amount_fen,
        reason,
      },
    });
    return readBatch(trx, actor, batch.id);
  });
}

/**
 * 作废批次: the bank did not process the batch (its file was never sent, or rejected as a whole),
 * or an open batch will not be sent. Refused once the bank answered for any line. The batch is
 * kept as 'voided' with the reason (count and total as they were), its pending lines become
 * 'voided' and their claims are approved again, unpaid, in the payment queue. A result file
 * imported afterwards is refused, and the database keeps a voided batch and its lines final.
 */
export async function voidPaymentBatch(database: Database, actor: Actor, id: string, input: BatchChange) {
  requireCounty(actor, '作废拨付批次');
  return inScope(database.kysely, actor.scope, async (trx) => {
    // Locked: a result import of the same batch either ran before (its results refuse the
    // voiding) or waits and then finds the batch voided.
    const batch = await repo.getBatch(trx, id, true);
    if (!batch) throw errors.notFound(`拨付批次（ID ${id}）`);
    const record = batchRecord(batch);
    const payments = await repo.paymentsOf(trx, id, true);
    refuse(checkVoid(batchState(batch, payments)), record);
    if (input.version !== batch.version) throw batchVersionConflict(batch);
    const reason = checkReason(record, '作废原因', input.reason);

    const voided = await repo.voidBatch(trx, batch.id, batch.version, { reason, actorId: actor.userId });
    if (!voided) throw batchVersionConflict(batch);
    const lines = await repo.voidPayments(trx, batch.id);
    const claims = new Map(
      (
        await repo.claimsByIds(
          trx,
          lines.map((l) => l.claim_id),
          true,
        )
      ).map((c) => [c.id, c]),
    );
    for (const l of lines) {
      const claim = claims.get(l.claim_id);
      if (!claim) throw errors.notFound(`补贴申请（ID ${l.claim_id}）`);
      await transition(trx, actor, claim, 'batch_void', `${record}作废：${reason}（明细号 ${l.detail_no}）`, undefined);
    }
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'payment_batch.void',
      entity: 'payment_batch',
      entityId: batch.id,
      regionCode: batch.region_code,
      before: { number: batch.number, status: batch.status, version: batch.version },
      after: {
        status: voided.status,
        version: voided.version,
        reason,
        lines: lines.length,
        totalFen: lines.reduce((s, l) => s + BigInt(l.amount_fen), 0n).toString(),
      },
    });
    return readBatch(trx, actor, batch.id);
  });
}
