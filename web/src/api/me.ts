// 劳动者服务 (/api/me): the SMS-code login and what a laborer reads and does for itself.
import { api, request, setCsrfToken } from './client.ts';
import type { Me } from './types.ts';

export interface CodeSent {
  message: string;
  expiresInSeconds: number;
  resendAfterSeconds: number;
}

export function requestLoginCode(idNumber: string, phone: string): Promise<CodeSent> {
  return request<CodeSent>('/api/me/login/code', { method: 'POST', body: { idNumber, phone }, redirectOn401: false });
}

export async function loginWithCode(idNumber: string, phone: string, code: string): Promise<Me> {
  const me = await request<Me>('/api/me/login', { method: 'POST', body: { idNumber, phone, code }, redirectOn401: false });
  setCsrfToken(me.csrfToken);
  return me;
}

export interface Profile {
  name: string;
  idNumber: string;
  sex: string;
  birthDate: string;
  age: number;
  phone: string;
  villageCode: string;
  place: string;
  household: { number: string; type: string; monitoringCategory: string | null; relocated: boolean; relationship: string };
  ethnicity: string | null;
  education: string | null;
  workCapacity: string;
  health: string | null;
  disability: string | null;
  skills: string[];
  certificates: string[];
  migrateWilling: boolean;
  preferredPlaces: string[];
  preferredWork: string[];
  trainingNeeds: string[];
  updatedAt: string | null;
  spells: {
    id: string;
    startDate: string;
    endDate: string | null;
    place: string;
    employer: string;
    channel: string;
    monthlyIncomeFen: number;
  }[];
  correction: string;
}

export interface MyRecommendation {
  id: string;
  rank: number;
  reasons: string[];
  version: number;
  job: {
    id: string;
    title: string;
    workPlace: string;
    workRegionCode: string;
    openings: number;
    filled: number;
    wageMinFen: number;
    wageMaxFen: number;
    accommodation: boolean;
    meals: boolean;
    workingHours: string;
    seasonFrom: string | null;
    seasonTo: string | null;
    effectiveStatus: string;
    employer: { name: string; address: string; isWorkshop: boolean; isBase: boolean } | null;
  } | null;
  seenAt: string | null;
  interestedAt: string | null;
  consentAt: string | null;
  /** 撤回同意: when the laborer last withdrew its consent (kept after consent is given again). */
  consentWithdrawnAt: string | null;
  /** Whether the employer sees the laborer's name and phone: none / given / withdrawn. */
  consentState: 'none' | 'given' | 'withdrawn';
  consentStateName: string;
  /** For a hired laborer that withdrew: the hire and employment record stay. */
  consentNotice: string | null;
  declinedAt: string | null;
  hiredOn: string | null;
  stepName: string;
}

export interface Citation {
  document: string;
  article: string;
}

export interface MyPolicy {
  rule: string;
  title: string;
  document: string;
  documentTitle: string;
  summary: string;
  beneficiary: string;
  status: string;
  statusName: string;
  amountFen: number | null;
  maxAmountFen: number | null;
  message: string;
  missingFacts: string[];
  citations: Citation[];
  inForce: { region: string; from: string; to: string | null };
}

export interface MyPolicies {
  date: string;
  qualifies: MyPolicy[];
  needsFacts: MyPolicy[];
  notNow: MyPolicy[];
}

export interface TransportInfo {
  rule: {
    id: string;
    title: string;
    summary: string;
    beneficiary: string;
    document: string;
    documentTitle: string;
    articles: string[];
    from: string;
    to: string | null;
  } | null;
  homeCounty: string;
  counties: { code: string; name: string }[];
  beneficiaryName: string;
}

export type Destination = { kind: 'out_of_province' } | { kind: 'in_county' } | { kind: 'county'; code: string };

export interface TransportInput {
  caseDate: string;
  destination: Destination;
  workPlace: string;
  stableMonths: number;
  ticketPriceFen: number;
  bankName: string;
  bankAccount: string;
  ticket: { fileName: string; contentType: string; dataBase64: string };
}

export interface MyClaim {
  id: string;
  number: string;
  rule: string;
  ruleTitle: string;
  document: string;
  caseDate: string;
  amountFen: number;
  amountYuan: string;
  status: string;
  statusName: string;
  applicantName: string;
  bankName: string | null;
  bankAccount: string | null;
  decisionMessage: string;
  citations: Citation[];
  createdAt: string;
}

export interface MyClaimDetail extends MyClaim {
  steps: { action: string; actionName: string; toName: string; comment: string; actorName: string; at: string }[];
  evidence: { kind: string; fileName: string; size: number; uploadedAt: string }[];
  payments: {
    status: string;
    statusName: string;
    amountFen: number;
    amountYuan: string;
    bankName: string;
    bankAccount: string;
    failureReason: string;
    settledAt: string | null;
  }[];
}

export interface InboxMessage {
  id: string;
  title: string;
  body: string;
  at: string;
  readAt: string | null;
}

export const me = {
  messages: () => api.get<{ unread: number; items: InboxMessage[] }>('/api/me/messages'),
  read: (id: string) => api.post<{ id: string; readAt: string }>(`/api/me/messages/${id}/read`),
  profile: () => api.get<Profile>('/api/me/profile'),
  recommendations: () => api.get<{ items: MyRecommendation[]; earlier: MyRecommendation[] }>('/api/me/recommendations'),
  recommendation: (id: string) => api.get<MyRecommendation>(`/api/me/recommendations/${id}`),
  seen: (id: string) => api.post<MyRecommendation>(`/api/me/recommendations/${id}/seen`),
  respond: (id: string, body: { answer: 'interested' | 'not_interested'; version: number; reason?: string }) =>
    api.post<MyRecommendation>(`/api/me/recommendations/${id}/response`, body),
  withdrawConsent: (id: string, version: number) =>
    api.post<MyRecommendation>(`/api/me/recommendations/${id}/consent/withdraw`, { version }),
  policies: () => api.get<MyPolicies>('/api/me/policies'),
  transport: () => api.get<TransportInfo>('/api/me/transport'),
  applyTransport: (body: TransportInput) => api.post<MyClaimDetail>('/api/me/transport-claims', body),
  claims: () => api.get<{ items: MyClaim[] }>('/api/me/claims'),
  claim: (id: string) => api.get<MyClaimDetail>(`/api/me/claims/${id}`),
};
