// Taking back a paid amount, as a county employment office records it: the bank returns the
// money after reporting it paid (资金退回 / 退票), or an improper payment is recovered (违规资金
// 追回). Both need a reason and the date the money came back, which cannot precede the payment
// nor lie in the future; the ledger entries are dated by it.
import { isIsoDate } from '../rules/facts.ts';
import type { ReversalCause } from './ledger.ts';
import type { ReversalAction } from './steps.ts';

export interface ReversalInput {
  /** Why: the bank's return reason, or the finding and the decision to recover. */
  reason: string;
  /** The day the money came back to the fund account (YYYY-MM-DD, Asia/Shanghai). */
  date: string;
  /** The bank's reference of the return, or the recovery decision's number / receipt. */
  reference?: string;
}

export interface ReversalProblem {
  field: string;
  label: string;
  message: string;
  value?: string;
}

export const REVERSAL_CAUSE_OF: Record<ReversalAction, ReversalCause> = {
  bank_return: 'bank_return',
  recover: 'recovery',
};

/** The labels the forms show, per action. */
export const REVERSAL_LABELS: Record<ReversalAction, { reason: string; date: string; reference: string }> = {
  bank_return: { reason: '退回原因', date: '退回日期', reference: '银行退票流水号' },
  recover: { reason: '追回原因', date: '追回日期', reference: '追回决定文号或缴款凭证号' },
};

/**
 * What is wrong with a reversal's input. `paidOn` is the day the bank settled the payment,
 * `today` the current day in Asia/Shanghai.
 */
export function checkReversal(
  action: ReversalAction,
  input: ReversalInput,
  ctx: { paidOn: string | null; today: string },
): ReversalProblem[] {
  const labels = REVERSAL_LABELS[action];
  const problems: ReversalProblem[] = [];
  if (input.reason.trim() === '') problems.push({ field: 'reason', label: labels.reason, message: '不能为空' });
  if (!isIsoDate(input.date)) {
    problems.push({ field: 'date', label: labels.date, message: '应为有效日期（YYYY-MM-DD）', value: input.date });
  } else if (input.date > ctx.today) {
    problems.push({ field: 'date', label: labels.date, message: '不能晚于今天', value: input.date });
  } else if (ctx.paidOn !== null && input.date < ctx.paidOn) {
    problems.push({ field: 'date', label: labels.date, message: `不能早于拨付日期 ${ctx.paidOn}`, value: input.date });
  }
  if ((input.reference ?? '').length > 100) {
    problems.push({ field: 'reference', label: labels.reference, message: '不能超过100个字符' });
  }
  return problems;
}
