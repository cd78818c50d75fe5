// What the client sees of claims, evidence, publicity lists, batches and payments: names
// beside codes, yuan beside fen, ID numbers masked, the actions the viewer may take.
import { BATCH_STATUS_NAMES } from '../../domain/claims/batch.ts';
import {
  availableActions,
  CLAIM_ACTION_NAMES,
  CLAIM_STATUS_NAMES,
  type ClaimAction,
  REVERSAL_ACTIONS,
  type ReversalAction,
} from '../../domain/claims/steps.ts';
import { maskIdNumber } from '../../domain/mask.ts';
import { formatFen } from '../../domain/money.ts';
import { FUND_NAMES, type FundSource } from '../../domain/rules/index.ts';
import type { Actor } from '../auth/actor.ts';
import type { BatchRow, ClaimRow, EvidenceRow, PaymentRow, PublicityRow } from './claims.repository.ts';

export const EVIDENCE_KIND_NAMES = {
  ticket: '车票',
  contract: '劳动合同',
  payroll: '工资表',
  attendance: '考勤表',
  other: '其他',
} as const;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function fundName(f: string): string {
  return FUND_NAMES[f as FundSource] ?? f;
}

export function presentClaim(
  actor: Actor,
  c: ClaimRow,
  extra: { ruleTitle?: string; regionName?: string; idNumber?: string | null } = {},
) {
  const decision = c.decision as { status?: string; message?: string; citations?: unknown[] };
  return {
    id: c.id,
    number: c.number,
    rule: c.rule_id,
    ruleTitle: extra.ruleTitle ?? c.rule_id,
    document: c.document_code,
    region: c.region_code,
    regionName: extra.regionName ?? '',
    subjectKind: c.subject_kind,
    personId: c.person_id,
    subjectKey: c.person_id === null ? c.subject_key : '',
    /** The 统一社会信用代码 of the unit the claim pays (null for a person's own claim). */
    unitCode: c.unit_code,
    beneficiaryName: c.beneficiary_name,
    /** The laborer a unit's claim is about (岗位补贴, 社保补贴), named and masked as filed; null otherwise. */
    laborerName: c.laborer_name,
    laborerIdNumber: c.laborer_id_masked,
    idNumber: extra.idNumber ? maskIdNumber(extra.idNumber) : null,
    bankName: c.bank_name,
    bankAccount: c.bank_account ? maskAccount(c.bank_account) : null,
    caseDate: c.case_date,
    year: c.claim_year,
    amountFen: Number(c.amount_fen),
    amountYuan: formatFen(c.amount_fen),
    fund: c.fund_source,
    fundName: fundName(c.fund_source),
    status: c.status,
    statusName: CLAIM_STATUS_NAMES[c.status],
    /** 申报方式: an office, the laborer in the portal (本人申请) or the employer's own account. */
    applicant: c.applicant,
    applicantName: APPLICANT_NAMES[c.applicant],
    publicityId: c.publicity_id,
    parameterVersion: c.parameter_version,
    decisionMessage: decision.message ?? '',
    citations: decision.citations ?? [],
    actions: availableActions(actor.role, c.status)
      .filter((a): a is ClaimAction => ['review', 'return', 'resubmit', 'refuse', 'withdraw'].includes(a))
      .map((a) => ({ action: a, name: CLAIM_ACTION_NAMES[a] })),
    /** Taking back the paid amount: bank return or recovery (county office, paid claims). */
    reversalActions: availableActions(actor.role, c.status)
      .filter((a): a is ReversalAction => (REVERSAL_ACTIONS as readonly string[]).includes(a))
      .map((a) => ({ action: a, name: CLAIM_ACTION_NAMES[a] })),
    version: c.version,
    createdAt: iso(c.created_at),
    updatedAt: iso(c.updated_at),
  };
}

/** Bank accounts show their last four digits only. */
export function maskAccount(account: string): string {
  return account.length <= 4 ? account : `${'*'.repeat(account.length - 4)}${account.slice(-4)}`;
}

export function presentEvidence(claimId: string, e: EvidenceRow) {
  return {
    id: e.id,
    kind: e.kind,
    kindName: EVIDENCE_KIND_NAMES[e.kind],
    fileName: e.file_name,
    contentType: e.content_type,
    sizeBytes: Number(e.size_bytes),
    sha256: e.sha256,
    uploadedAt: iso(e.uploaded_at),
    url: `/api/claims/${claimId}/evidence/${e.id}`,
  };
}

export function presentPublicity(l: PublicityRow & { item_count?: string | number | null }) {
  return {
    id: l.id,
    region: l.region_code,
    title: l.title,
    from: l.period_from,
    to: l.period_to,
    status: l.status,
    statusName: l.status === 'open' ? '公示中' : '已结束',
    itemCount: l.item_count === undefined || l.item_count === null ? undefined : Number(l.item_count),
    createdAt: iso(l.created_at),
    closedAt: iso(l.closed_at),
    version: l.version,
    exportUrl: `/api/publicity/${l.id}/export.xlsx`,
    printUrl: `/api/publicity/${l.id}/print`,
  };
}

export const APPLICANT_NAMES = { office: '经办机构申报', laborer: '本人申请', employer: '单位自行申报' } as const;

export const PAYMENT_STATUS_NAMES = {
  pending: '银行处理中',
  paid: '已拨付',
  failed: '拨付失败',
  returned: '已拨付，资金退回',
  recovered: '已拨付，违规追回',
  removed: '已移出批次',
  voided: '批次已作废',
} as const;

/** The same as the laborer reads them in the portal: paid is 已到账 (money in their account). */
export const LABORER_PAYMENT_STATUS_NAMES = { ...PAYMENT_STATUS_NAMES, paid: '已到账' } as const;

export function presentBatch(b: BatchRow) {
  return {
    id: b.id,
    number: b.number,
    fund: b.fund_source,
    fundName: fundName(b.fund_source),
    region: b.region_code,
    status: b.status,
    statusName: BATCH_STATUS_NAMES[b.status],
    lineCount: b.line_count,
    totalFen: Number(b.total_fen),
    totalYuan: formatFen(b.total_fen),
    createdAt: iso(b.created_at),
    exportedAt: iso(b.exported_at),
    reconciledAt: iso(b.reconciled_at),
    /** 作废批次: why and when (null unless voided). */
    voidReason: b.void_reason,
    voidedAt: iso(b.voided_at),
    version: b.version,
    bankFileUrl: `/api/payment-batches/${b.id}/bank-file.csv`,
  };
}

export function presentPayment(p: PaymentRow, claimNumber?: string) {
  return {
    id: p.id,
    detailNo: p.detail_no,
    claimId: p.claim_id,
    claimNumber: claimNumber ?? null,
    payeeName: p.payee_name,
    bankName: p.bank_name,
    bankAccount: maskAccount(p.bank_account),
    amountFen: Number(p.amount_fen),
    amountYuan: formatFen(p.amount_fen),
    status: p.status,
    statusName: PAYMENT_STATUS_NAMES[p.status],
    failureReason: p.failure_reason,
    bankRef: p.bank_ref,
    settledAt: iso(p.settled_at),
    /** 移出批次: why and when (null unless removed). */
    removalReason: p.removal_reason,
    removedAt: iso(p.removed_at),
  };
}
