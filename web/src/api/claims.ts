// The subsidy cycle over HTTP (src/modules/claims/claims.routes.ts): applications with their
// evidence, review steps, publicity lists, payment batches and the ledger.
import type { Citation, Decision, FactInput, FundSource, SubjectKind } from '@domain/rules/types.ts';
import { api, request } from './client.ts';
import type { Id, Page } from './types.ts';

export type ClaimStatus =
  | 'submitted'
  | 'returned'
  | 'reviewed'
  | 'refused'
  | 'publicized'
  | 'approved'
  | 'batched'
  | 'paid'
  | 'failed'
  | 'withdrawn'
  | 'recovered';

export const EVIDENCE_KINDS = {
  ticket: '车票',
  contract: '劳动合同',
  payroll: '工资表',
  attendance: '考勤表',
  other: '其他',
} as const;
export type EvidenceKind = keyof typeof EVIDENCE_KINDS;

export interface Claim {
  id: Id;
  number: string;
  rule: string;
  ruleTitle: string;
  document: string;
  region: string;
  regionName: string;
  subjectKind: SubjectKind;
  personId: Id | null;
  subjectKey: string;
  /** The 统一社会信用代码 of the unit the claim pays (null for a person's own claim). */
  unitCode: string | null;
  beneficiaryName: string;
  /** The laborer a unit's claim is about (岗位补贴, 社保补贴), masked; null for other claims. */
  laborerName: string | null;
  laborerIdNumber: string | null;
  idNumber: string | null;
  bankName: string | null;
  bankAccount: string | null;
  caseDate: string;
  year: number;
  amountFen: number;
  amountYuan: string;
  fund: FundSource;
  fundName: string;
  status: ClaimStatus;
  statusName: string;
  /** 申报方式: an office, the laborer in the portal (本人申请) or the employer's own account (单位自行申报). */
  applicant: 'office' | 'laborer' | 'employer';
  applicantName: string;
  publicityId: Id | null;
  parameterVersion: string;
  decisionMessage: string;
  citations: Citation[];
  actions: { action: string; name: string }[];
  /** 资金退回 / 违规追回, when this user may take back the paid amount. */
  reversalActions: { action: ReversalAction; name: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ClaimEvent {
  id: Id;
  action: string;
  actionName: string;
  from: ClaimStatus | null;
  to: ClaimStatus | null;
  comment: string | null;
  actorName: string | null;
  at: string;
}

export interface Evidence {
  id: Id;
  kind: EvidenceKind;
  kindName: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  url: string;
}

export type ReversalAction = 'bank_return' | 'recover';

export interface Reversal {
  id: Id;
  paymentId: Id;
  cause: 'bank_return' | 'recovery';
  causeName: string;
  amountFen: number;
  reason: string;
  date: string;
  reference: string;
  actorName: string;
  at: string;
}

/** For a unit's claim about one laborer: the register's employment of the laborer at that unit. */
export interface RegisterCheck {
  level: 'ok' | 'warning' | 'info';
  note: string;
}

export interface ClaimDetail {
  claim: Claim;
  registerCheck: RegisterCheck | null;
  facts: Record<string, FactInput>;
  decision: Decision;
  events: ClaimEvent[];
  evidence: Evidence[];
  payments: {
    detailNo: string;
    batchId: Id;
    status: Payment['status'];
    statusName: string;
    amountFen: number;
    failureReason: string | null;
    bankRef: string | null;
    /** 移出批次: why the line left its batch. */
    removalReason: string | null;
  }[];
  reversals: Reversal[];
}

export interface NewClaim {
  rule: string;
  personId?: string;
  subject?: { kind: SubjectKind; name: string; key: string };
  region?: string;
  caseDate: string;
  facts: Record<string, FactInput>;
  bankName: string;
  bankAccount: string;
}

export interface ClaimQuery {
  status?: string;
  rule?: string;
  region?: string;
  fund?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const listClaims = (q: ClaimQuery) =>
  api.get<Page<Claim>>('/api/claims', q as Record<string, string | number | undefined>);
export const getClaim = (id: Id) => api.get<ClaimDetail>(`/api/claims/${id}`);
export const createClaim = (c: NewClaim) => api.post<{ claim: Claim; decision: Decision }>('/api/claims', c);
export const claimAction = (id: Id, action: string, version: number, comment?: string) =>
  api.post<Claim>(`/api/claims/${id}/actions`, { action, version, comment: comment ?? '' });

/** Takes back the paid amount: the bank returned it (back to the queue) or it is recovered (final). */
export const reversePayment = (
  id: Id,
  action: ReversalAction,
  b: { version: number; reason: string; date: string; reference?: string },
) => api.post<Claim>(`/api/claims/${id}/${action === 'bank_return' ? 'bank-return' : 'recovery'}`, b);

export function uploadEvidence(id: Id, kind: EvidenceKind, file: File): Promise<Evidence> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  return request<Evidence>(`/api/claims/${id}/evidence?kind=${kind}`, { method: 'POST', body: form });
}

// ---- publicity (公示) ----

export interface Publicity {
  id: Id;
  region: string;
  title: string;
  from: string;
  to: string;
  status: 'open' | 'closed';
  statusName: string;
  itemCount?: number;
  createdAt: string;
  closedAt: string | null;
  version: number;
  exportUrl: string;
  printUrl: string;
}

export interface PublicityItem {
  seq: number;
  claimId: Id;
  number: string;
  beneficiaryName: string;
  /** The laborer a unit's claim is about, whose masked ID number idNumber is; null otherwise. */
  laborerName: string | null;
  idNumber: string;
  region: string;
  regionName: string;
  rule: string;
  ruleTitle: string;
  basis: string;
  amountFen: number;
  amountYuan: string;
  outcome: 'listed' | 'objected' | 'approved';
  outcomeName: string;
  objection: string | null;
}

export const listPublicity = (q: { region?: string; status?: string }) => api.get<Publicity[]>('/api/publicity', q);
export const getPublicity = (id: Id) => api.get<{ list: Publicity; items: PublicityItem[] }>(`/api/publicity/${id}`);
export const createPublicity = (b: { region: string; title: string; from: string; to: string; claimIds: string[] }) =>
  api.post<{ list: Publicity } & Record<string, unknown>>('/api/publicity', b);
export const closePublicity = (id: Id, version: number) =>
  api.post<{ list: Publicity; approved: Id[] }>(`/api/publicity/${id}/close`, { version });
export const objectToClaim = (id: Id, claimId: Id, comment: string) =>
  api.post<{ claimId: Id; status: ClaimStatus }>(`/api/publicity/${id}/objections`, { claimId: String(claimId), comment });

// ---- payment batches (拨付) ----

export interface Batch {
  id: Id;
  number: string;
  fund: FundSource;
  fundName: string;
  region: string;
  status: 'open' | 'exported' | 'reconciled' | 'voided';
  statusName: string;
  /** Lines still in the batch (a removed line leaves the count and the total). */
  lineCount: number;
  totalFen: number;
  totalYuan: string;
  createdAt: string;
  exportedAt: string | null;
  reconciledAt: string | null;
  /** 作废批次: why and when (null unless voided). */
  voidReason: string | null;
  voidedAt: string | null;
  version: number;
  /** The bank file (代发文件): downloaded once the batch is exported; the download changes nothing. */
  bankFileUrl: string;
}

export interface Payment {
  id: Id;
  detailNo: string;
  claimId: Id;
  claimNumber: string | null;
  payeeName: string;
  bankName: string;
  bankAccount: string;
  amountFen: number;
  amountYuan: string;
  status: 'pending' | 'paid' | 'failed' | 'returned' | 'recovered' | 'removed' | 'voided';
  statusName: string;
  failureReason: string | null;
  bankRef: string | null;
  settledAt: string | null;
  /** 移出批次: why and when (null unless removed). */
  removalReason: string | null;
  removedAt: string | null;
}

export type BatchAction = 'export' | 'remove' | 'void';

export interface BatchDetail {
  batch: Batch & { voidedByName: string | null };
  reconciliation: {
    pending: number;
    paid: number;
    failed: number;
    returned: number;
    recovered: number;
    removed: number;
    voided: number;
    pendingFen: number;
    paidFen: number;
    failedFen: number;
    returnedFen: number;
    recoveredFen: number;
    removedFen: number;
    voidedFen: number;
  };
  /** What this user may do now: 确认导出 (an open batch), 移出批次 (a line of an open batch), 作废批次. */
  actions: BatchAction[];
  payments: Payment[];
}

export const listBatches = (region?: string) => api.get<Batch[]>('/api/payment-batches', { region });
export const getBatch = (id: Id) => api.get<BatchDetail>(`/api/payment-batches/${id}`);
export const createBatch = (b: { fund: FundSource; region: string; claimIds?: string[] }) =>
  api.post<{ batch: Batch; payments: Payment[] }>('/api/payment-batches', b);
/** 确认导出（送银行）: the batch's lines become final; then its bank file may be downloaded. */
export const exportBatch = (id: Id, b: { version: number }) => api.post<BatchDetail>(`/api/payment-batches/${id}/export`, b);
/** 移出批次: one claim leaves an open batch and goes back to the payment queue. */
export const removeFromBatch = (id: Id, b: { claimId: Id; reason: string; version: number }) =>
  api.post<BatchDetail>(`/api/payment-batches/${id}/removals`, { ...b, claimId: String(b.claimId) });
/** 作废批次: a batch the bank did not process; its claims go back to the payment queue. */
export const voidBatch = (id: Id, b: { reason: string; version: number }) =>
  api.post<BatchDetail>(`/api/payment-batches/${id}/void`, b);
export function uploadBankResult(id: Id, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return request<{ paid: number; failed: number; unchanged: number; pending: number; batch: Batch }>(
    `/api/payment-batches/${id}/result`,
    { method: 'POST', body: form },
  );
}

// ---- ledger (资金台账) ----

export interface Balance {
  fund: string;
  fundName: string;
  region: string;
  /** Today's name of the region (null when the code is not loaded). */
  regionName: string | null;
  year: number;
  decidedFen: number;
  approvedFen: number;
  paidFen: number;
  returnedFen: number;
  recoveredFen: number;
  failedFen: number;
  awaitingFen: number;
}

export interface LedgerItem {
  id: Id;
  kind: string;
  kindName: string;
  cause: 'bank_return' | 'recovery' | null;
  fund: string;
  fundName: string;
  region: string;
  /** Today's name of the region (null when the code is not loaded). */
  regionName: string | null;
  year: number;
  rule: string;
  document: string;
  article: string;
  claimId: Id | null;
  claimNumber: string | null;
  beneficiaryName: string | null;
  amountFen: number;
  date: string;
  at: string;
}

export interface Ledger {
  balances: Balance[];
  entries: Page<LedgerItem>;
}

export interface ReportRow {
  rule: string;
  ruleTitle: string;
  document: string;
  documentNumber: string;
  article: string;
  articleText: string;
  count: number;
  paidFen: number;
  returnedFen: number;
  recoveredFen: number;
}

export const getLedger = (q: { region?: string; year?: number; fund?: string; page?: number; pageSize?: number }) =>
  api.get<Ledger>('/api/ledger', q);
export const getReport = (q: { region?: string; from: string; to: string }) =>
  api.get<{
    region: string;
    from: string;
    to: string;
    items: ReportRow[];
    totalFen: number;
    returnedFen: number;
    recoveredFen: number;
  }>('/api/ledger/report', q);
