// What may still change in a payment batch (拨付批次) before the bank's result, without I/O:
//   * 移出批次: one claim leaves a batch that is still open (its bank file not yet exported); the
//     last line is not removed (the batch is voided instead), so no batch is left empty.
//   * 作废批次: a batch the bank did not process (the file was never sent, or rejected as a whole)
//     is voided, open or exported, as long as no line of it has a bank result: once the bank
//     has answered for any line, the money of that line has moved (or been refused) and the
//     batch is settled by the result file, never voided. A voided batch is final.
// Both are the county employment office's, like creating and exporting batches (STEPS.batch).
// Exporting (确认导出) is its own step: it freezes the batch's lines (open → exported), and only
// then is the bank file downloaded, the same bytes each time; a download changes nothing, and
// the auditor may download it too.
import { STEPS } from './steps.ts';
import type { Role } from './types.ts';

export const BATCH_STATUSES = ['open', 'exported', 'reconciled', 'voided'] as const;
export type BatchStatusName = (typeof BATCH_STATUSES)[number];

export const BATCH_STATUS_NAMES: Record<BatchStatusName, string> = {
  open: '待导出',
  exported: '已导出，待银行回盘',
  reconciled: '已对账',
  voided: '已作废',
};

/**
 * Lines taken out of their batch before the bank paid them (移出 or 作废): no longer live, never
 * in a bank file again, shown as history only.
 */
export const TAKEN_OUT_PAYMENT_STATUSES = ['removed', 'voided'] as const;

export type BatchAction = 'export' | 'remove' | 'void';
export const BATCH_ACTION_NAMES: Record<BatchAction, string> = {
  export: '确认导出（送银行）',
  remove: '移出批次',
  void: '作废批次',
};

/** A batch as these rules read it. */
export interface BatchState {
  number: string;
  status: BatchStatusName;
  voidReason: string | null;
  /** Lines still in the batch (not removed). */
  lines: number;
  /** Lines the bank answered for (paid, failed, and paid lines later returned or recovered). */
  settled: number;
}

export type BatchCheck = { ok: true } | { ok: false; code: string; reason: string };

function voided(b: BatchState, what: string): BatchCheck {
  return { ok: false, code: 'BATCH_VOIDED', reason: `拨付批次 ${b.number} 已作废（${b.voidReason ?? ''}），不能${what}` };
}

/** May a line leave the batch? `claim` names the claim in the reason. */
export function checkRemoval(b: BatchState, claim: string): BatchCheck {
  if (b.status === 'voided') return voided(b, `移出${claim}`);
  if (b.status !== 'open') {
    return {
      ok: false,
      code: 'BATCH_NOT_OPEN',
      reason: `拨付批次 ${b.number} 已导出银行代发文件（${BATCH_STATUS_NAMES[b.status]}），不能再移出${claim}；银行未处理本批次的，可作废整个批次`,
    };
  }
  if (b.lines <= 1) {
    return {
      ok: false,
      code: 'BATCH_LAST_LINE',
      reason: `拨付批次 ${b.number} 只剩${claim}一笔，不能移出；本批次不再拨付的，请作废批次`,
    };
  }
  return { ok: true };
}

/** May the whole batch be voided? */
export function checkVoid(b: BatchState): BatchCheck {
  if (b.status === 'voided') return voided(b, '再次作废');
  if (b.status === 'reconciled' || b.settled > 0) {
    return {
      ok: false,
      code: 'BATCH_HAS_RESULTS',
      reason: `拨付批次 ${b.number} 已导入银行回盘（${b.settled} 笔已有结果），不能作废；请按银行回盘对账，未回盘的明细待银行结果导入`,
    };
  }
  return { ok: true };
}

/** May the bank's result file be imported into the batch? */
export function checkResultImport(b: BatchState): BatchCheck {
  if (b.status === 'voided') {
    return {
      ok: false,
      code: 'BATCH_VOIDED',
      reason: `拨付批次 ${b.number} 已作废（${b.voidReason ?? ''}），其银行代发文件已作废，不能导入银行回盘；如银行实际已处理该文件，请先与银行核实`,
    };
  }
  if (b.status === 'open') {
    return { ok: false, code: 'BATCH_NOT_EXPORTED', reason: `拨付批次 ${b.number} 还没有导出银行代发文件，不能导入回盘` };
  }
  return { ok: true };
}

/**
 * May the batch be exported (确认导出: its lines are final, its bank file goes to the bank)?
 * Only an open batch; exporting twice is refused rather than passed over, so that an officer
 * learns that someone else already sent the file.
 */
export function checkExport(b: BatchState): BatchCheck {
  if (b.status === 'voided') return voided(b, '再下载或发送银行代发文件');
  if (b.status !== 'open') {
    return {
      ok: false,
      code: 'BATCH_ALREADY_EXPORTED',
      reason: `拨付批次 ${b.number} 已确认导出（${BATCH_STATUS_NAMES[b.status]}），不能再次导出；请直接下载银行代发文件`,
    };
  }
  return { ok: true };
}

/** May the bank instruction file (代发文件) be downloaded? Only once exported, never when voided. */
export function checkBankFile(b: BatchState): BatchCheck {
  if (b.status === 'voided') return voided(b, '再下载或发送银行代发文件');
  if (b.status === 'open') {
    return {
      ok: false,
      code: 'BATCH_NOT_EXPORTED',
      reason: `拨付批次 ${b.number} 还没有确认导出，不能下载银行代发文件；请先「确认导出（送银行）」，确认后本批次不能再移出申请`,
    };
  }
  return { ok: true };
}

/** Whether this role may take batch actions at all (who creates and exports batches). */
export function mayChangeBatches(role: Role): boolean {
  return STEPS.batch.roles.includes(role);
}

/**
 * Whether this role may download a batch's bank file (代发文件): the county office that sends it
 * to the bank, and the auditor, who checks the payments against the very file the bank received.
 * The download changes nothing, so a read-only role may have it.
 */
export function mayDownloadBankFile(role: Role): boolean {
  return mayChangeBatches(role) || role === 'auditor';
}

/** The batch actions this role may take on this batch now (for the UI's buttons). */
export function batchActions(role: Role, b: BatchState): BatchAction[] {
  if (!mayChangeBatches(role)) return [];
  const actions: BatchAction[] = [];
  if (checkExport(b).ok) actions.push('export');
  if (b.status === 'open' && b.lines > 1) actions.push('remove');
  if (checkVoid(b).ok) actions.push('void');
  return actions;
}
