// An employer's own claims over HTTP (src/modules/claims/employer-claims.routes.ts): the rules
// its unit may claim, applying with the laborer's ID number and name, its claims and steps.
import type { Citation, DecisionStatus, FactInput } from '@domain/rules/types.ts';
import type { Claim, ClaimEvent, Evidence, EvidenceKind } from './claims.ts';
import { api, request } from './client.ts';
import type { FactInfo } from './rules.ts';
import type { Id, Page } from './types.ts';

export interface EmployerRule {
  id: string;
  title: string;
  summary: string;
  subjectKindName: string;
  document: { code: string; number: string; title: string };
  articles: { document: string; article: string; documentNumber: string; text: string }[];
  from: string;
  to: string | null;
  namesLaborer: boolean;
  facts: FactInfo[];
}

export interface EmployerRules {
  employer: {
    id: Id;
    name: string;
    creditCode: string;
    region: string;
    regionName: string;
    isWorkshop: boolean;
    isBase: boolean;
  };
  items: EmployerRule[];
}

/** The decision as the employer sees it: conditions with their result and article, no values read. */
export interface EmployerDecision {
  status: DecisionStatus;
  statusName?: string;
  amountFen: number | null;
  message: string;
  citations: Citation[];
  parameterVersion: string;
  amountArticle?: string;
  trace: { kind: string; label: string; expected?: string; passed?: boolean; value?: string; cite?: Citation }[];
}

export type OwnClaim = Omit<Claim, 'personId' | 'idNumber'>;

export interface OwnClaimDetail {
  claim: OwnClaim;
  facts: Record<string, FactInput>;
  factLabels: Record<string, string>;
  decision: EmployerDecision;
  events: ClaimEvent[];
  evidence: Evidence[];
  payments: {
    detailNo: string;
    status: string;
    statusName: string;
    amountFen: number;
    bankName: string;
    bankAccount: string;
    failureReason: string;
    settledAt: string | null;
  }[];
}

export interface NewOwnClaim {
  rule: string;
  laborer?: { idNumber: string; name: string };
  caseDate: string;
  facts: Record<string, FactInput>;
  bankName: string;
  bankAccount: string;
}

export const getEmployerRules = () => api.get<EmployerRules>('/api/employer/claim-rules');
export const listOwnClaims = (q: { status?: string; page?: number; pageSize?: number }) =>
  api.get<Page<OwnClaim>>('/api/employer/claims', q);
export const getOwnClaim = (id: Id) => api.get<OwnClaimDetail>(`/api/employer/claims/${id}`);
export const createOwnClaim = (c: NewOwnClaim) =>
  api.post<{ claim: OwnClaim; decision: EmployerDecision }>('/api/employer/claims', c);
export const ownClaimAction = (
  id: Id,
  body: { action: 'resubmit' | 'withdraw'; version: number; comment?: string; facts?: Record<string, FactInput> },
) => api.post<OwnClaim>(`/api/employer/claims/${id}/actions`, body);

export function uploadOwnEvidence(id: Id, kind: EvidenceKind, file: File): Promise<Evidence> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  return request<Evidence>(`/api/employer/claims/${id}/evidence?kind=${kind}`, { method: 'POST', body: form });
}
