// The subsidy cycle over HTTP (src/modules/claims/claims.routes.ts): applications with their
// evidence, review steps, publicity lists, payment batches and the ledger.
import type { Decision, FactInput, FundSource, SubjectKind } from '@domain/rules/types.ts';
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
  | 'withdrawn';

export const EVIDENCE_KINDS = {
  ticket: '车票',
  contract: '劳动合同',
  payroll: '工资表',
  attendance: '考勤表',
  other: '其他',
} as const;
export type EvidenceKind = keyof typeof EVIDENCE_KINDS;

export interface ClaimListItem {
  id: Id;
  number: string;
  rule: string;
  ruleTitle?: string;
  regionCode: string;
  regionName?: string;
  beneficiaryName: string;
  personId?: Id | null;
  caseDate: string;
  amountFen: number | string;
  fund: FundSource;
  status: ClaimStatus;
  statusName?: string;
  version: number;
  createdAt: string;
}

export interface ClaimEvent {
  id: Id;
  action: string;
  actionName?: string;
  fromStatus?: ClaimStatus | null;
  toStatus?: ClaimStatus | null;
  comment?: string | null;
  actorName?: string | null;
  at: string;
}

export interface Evidence {
  id: Id;
  kind: EvidenceKind;
  fileName: string;
  size?: number;
  sha256: string;
  uploadedAt?: string;
  url?: string;
}

export interface ClaimDetail extends ClaimListItem {
  documentCode?: string;
  subjectKind?: SubjectKind;
  bankName?: string | null;
  bankAccount?: string | null;
  facts: Record<string, FactInput>;
  decision: Decision;
  parameterVersion?: string;
  events: ClaimEvent[];
  evidence: Evidence[];
  actions?: string[];
}

export interface NewClaim {
  rule: string;
  personId?: Id;
  subject?: { kind: SubjectKind; name: string; key: string };
  region: string;
  caseDate: string;
  facts: Record<string, FactInput>;
  bankName?: string;
  bankAccount?: string;
}

export interface ClaimQuery {
  status?: string;
  rule?: string;
  region?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const listClaims = (q: ClaimQuery) =>
  api.get<Page<ClaimListItem>>('/api/claims', q as Record<string, string | number | undefined>);
export const getClaim = (id: Id) => api.get<ClaimDetail>(`/api/claims/${id}`);
export const createClaim = (c: NewClaim) => api.post<ClaimDetail>('/api/claims', c);
export const claimAction = (id: Id, action: string, version: number, comment?: string) =>
  api.post<ClaimDetail>(`/api/claims/${id}/actions`, { action, version, comment: comment ?? '' });

export function uploadEvidence(id: Id, kind: EvidenceKind, file: File): Promise<Evidence> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  return request<Evidence>(`/api/claims/${id}/evidence`, { method: 'POST', body: form });
}
export const evidenceUrl = (claimId: Id, evidenceId: Id) => `/api/claims/${claimId}/evidence/${evidenceId}`;
