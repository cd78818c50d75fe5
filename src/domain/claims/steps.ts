// The steps of a subsidy claim (申报 → 审核 → 公示 → 拨付) and who may take each one.
// Applicants (village, township and county offices) submit, correct and withdraw; an
// employer's own account does the same for the claims it filed itself (the service checks
// that the claim is its own, row-level security enforces it again); the county employment
// office reviews, returns, refuses, publishes, approves and pays (and takes a claim out of a
// batch the bank has not answered for, back to the payment queue), and after payment records a
// bank return (资金退回: back to the payment queue) or the recovery of an improper payment
// (违规追回: final); the auditor and the overseeing levels (city, province) only read.
import type { ClaimStatusName, Role } from './types.ts';

export const CLAIM_STATUSES = [
  'submitted',
  'returned',
  'reviewed',
  'refused',
  'publicized',
  'approved',
  'batched',
  'paid',
  'failed',
  'withdrawn',
  'recovered',
] as const satisfies readonly ClaimStatusName[];

export const CLAIM_STATUS_NAMES: Record<ClaimStatusName, string> = {
  submitted: '已申报',
  returned: '退回修改',
  reviewed: '审核通过',
  refused: '不予通过',
  publicized: '公示中',
  approved: '公示期满，待拨付',
  batched: '拨付中',
  paid: '已拨付',
  failed: '拨付失败或资金退回，待重新拨付',
  withdrawn: '已撤回',
  recovered: '违规资金已追回',
};

/** Every step a claim can take; the first five are asked for through POST /api/claims/:id/actions. */
export const CLAIM_ACTIONS = [
  'review',
  'return',
  'resubmit',
  'refuse',
  'withdraw',
  'publish',
  'object',
  'approve',
  'batch',
  'pay',
  'fail',
  'unbatch',
  'batch_void',
  'bank_return',
  'recover',
] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

/** The actions an officer takes on one claim directly (the rest come with lists and batches). */
export const DIRECT_ACTIONS = ['review', 'return', 'resubmit', 'refuse', 'withdraw'] as const;
export type DirectAction = (typeof DIRECT_ACTIONS)[number];

/** The actions that take back a paid amount (POST /api/claims/:id/bank-return and /recovery). */
export const REVERSAL_ACTIONS = ['bank_return', 'recover'] as const;
export type ReversalAction = (typeof REVERSAL_ACTIONS)[number];

export const CLAIM_ACTION_NAMES: Record<ClaimAction | 'submit', string> = {
  submit: '申报',
  review: '审核通过',
  return: '退回修改',
  resubmit: '修改后重新申报',
  refuse: '不予通过',
  withdraw: '撤回申请',
  publish: '列入公示',
  object: '公示异议退回',
  approve: '公示期满通过',
  batch: '列入拨付批次',
  pay: '拨付成功',
  fail: '拨付失败',
  unbatch: '移出拨付批次',
  batch_void: '拨付批次作废',
  bank_return: '资金退回',
  recover: '违规追回',
};

const APPLICANTS: readonly Role[] = ['village', 'township', 'county'];
/** Who corrects and withdraws: the offices, and an employer on its own claims. */
const OWNERS: readonly Role[] = [...APPLICANTS, 'employer'];
const COUNTY: readonly Role[] = ['county'];

interface Step {
  from: readonly ClaimStatusName[];
  to: ClaimStatusName;
  roles: readonly Role[];
  /** A comment (reason) is required: returning, refusing and objecting must say why. */
  needsComment?: boolean;
}

export const STEPS: Record<ClaimAction, Step> = {
  review: { from: ['submitted'], to: 'reviewed', roles: COUNTY },
  return: { from: ['submitted', 'reviewed'], to: 'returned', roles: COUNTY, needsComment: true },
  resubmit: { from: ['returned'], to: 'submitted', roles: OWNERS },
  // Also after publicity, until a batch takes it: what is found before the money leaves (a
  // false identity, a job that never was) stops the claim there, not after payment.
  refuse: { from: ['submitted', 'reviewed', 'returned', 'approved', 'failed'], to: 'refused', roles: COUNTY, needsComment: true },
  withdraw: { from: ['submitted', 'returned'], to: 'withdrawn', roles: OWNERS },
  publish: { from: ['reviewed'], to: 'publicized', roles: COUNTY },
  object: { from: ['publicized'], to: 'returned', roles: COUNTY, needsComment: true },
  approve: { from: ['publicized'], to: 'approved', roles: COUNTY },
  batch: { from: ['approved', 'failed'], to: 'batched', roles: COUNTY },
  pay: { from: ['batched'], to: 'paid', roles: COUNTY },
  fail: { from: ['batched'], to: 'failed', roles: COUNTY },
  // Taken out of its batch before the bank's result (移出批次 from an open batch, or the whole
  // batch voided because the bank did not process it): nothing was paid or refused, so the
  // claim is simply approved and owed again, back in the payment queue (domain/claims/batch.ts).
  unbatch: { from: ['batched'], to: 'approved', roles: COUNTY, needsComment: true },
  batch_void: { from: ['batched'], to: 'approved', roles: COUNTY, needsComment: true },
  // The bank sends back money it had reported paid (退票, e.g. the account was closed later):
  // the claim is owed again and goes back to the payment queue like a failed payment.
  bank_return: { from: ['paid'], to: 'failed', roles: COUNTY, needsComment: true },
  // An improper payment is recovered (违规资金追回, e.g. 冒名顶替 found by audit, NM-2023-183
  // 二（四）): the claim ends here, and nothing of it is owed any more.
  recover: { from: ['paid'], to: 'recovered', roles: COUNTY, needsComment: true },
};

/**
 * Statuses whose claim no longer holds its frequency-limit slot. A recovered claim keeps its
 * slot on purpose: the entitlement was claimed improperly, and releasing the slot would let the
 * same person (or someone using their name) claim the same window again at once; a genuine
 * entitlement is put right by a new decision of the county, not by the recovery.
 */
export const RELEASING_STATUSES: ReadonlySet<ClaimStatusName> = new Set(['refused', 'withdrawn']);

/** Statuses from which a claim can be paid (the payment queue). */
export const PAYABLE_STATUSES: readonly ClaimStatusName[] = STEPS.batch.from;

/** May this role submit a new claim for a laborer or unit of its region (an office's application)? */
export function maySubmit(role: Role): boolean {
  return APPLICANTS.includes(role);
}

/** May this role submit a claim for its own unit (an employer's own account)? */
export function maySubmitOwn(role: Role): boolean {
  return role === 'employer';
}

/** May this role add evidence files to claims (offices; an employer to its own claims)? */
export function mayAddEvidence(role: Role): boolean {
  return OWNERS.includes(role);
}

/** Roles that may take an action (for the UI's buttons). */
export function rolesFor(action: ClaimAction): readonly Role[] {
  return STEPS[action].roles;
}

/** The actions this role may take on a claim in this status. */
export function availableActions(role: Role, status: ClaimStatusName): ClaimAction[] {
  return CLAIM_ACTIONS.filter((a) => STEPS[a].roles.includes(role) && STEPS[a].from.includes(status));
}

export type StepResult = { ok: true; to: ClaimStatusName } | { ok: false; reason: string; forbidden: boolean };

/**
 * Whether `role` may take `action` on a claim in `status`, and the status it leads to.
 * The reason names the action and the status in Chinese.
 */
export function takeStep(role: Role, status: ClaimStatusName, action: ClaimAction, comment = ''): StepResult {
  const step = STEPS[action];
  const name = CLAIM_ACTION_NAMES[action];
  if (!step.roles.includes(role)) {
    const who = step.roles.map((r) => ROLE_LABELS[r]).join('、');
    return { ok: false, forbidden: true, reason: `「${name}」只能由${who}办理` };
  }
  if (!step.from.includes(status)) {
    const allowed = step.from.map((s) => CLAIM_STATUS_NAMES[s]).join('、');
    return {
      ok: false,
      forbidden: false,
      reason: `申请当前状态为「${CLAIM_STATUS_NAMES[status]}」，只有「${allowed}」的申请可以${name}`,
    };
  }
  if (step.needsComment === true && comment.trim() === '') {
    return { ok: false, forbidden: false, reason: `「${name}」须填写意见（原因）` };
  }
  return { ok: true, to: step.to };
}

const ROLE_LABELS: Record<Role, string> = {
  province: '省级',
  city: '盟市级',
  county: '县级就业部门',
  township: '乡镇',
  village: '村级',
  auditor: '审计',
  admin: '系统管理员',
  employer: '用人单位',
  laborer: '劳动者本人',
};
