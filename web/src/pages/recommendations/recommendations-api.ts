// Matching runs, recommendations and their tracking, pushes, the funnel, the fewer-than-three
// list, job fairs and organized export batches over HTTP
// (src/modules/recommendations/recommendations.routes.ts).
import { api } from '../../api/client.ts';
import type { Id, Page } from '../../api/types.ts';

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';

export interface MatchingRun {
  id: Id;
  regionCode: string;
  asOf: string;
  status: RunStatus;
  statusName: string;
  percent: number;
  total: number;
  processed: number;
  withThree: number;
  fewer: number;
  recommendations: number;
  jobsConsidered: number;
  message: string;
  createdAt: string;
  finishedAt: string | null;
}

export type Channel = 'sms' | 'wechat' | 'inapp';
export const CHANNEL_NAMES: Record<Channel, string> = { sms: '短信', wechat: '微信', inapp: '站内消息' };

/** What an officer records after a push (src/domain/recommendations/tracking.ts). */
export type TrackEvent = 'seen' | 'interested' | 'consent' | 'applied' | 'interviewed' | 'hired' | 'declined';
export type TrackStep = 'pushed' | 'seen' | 'interested' | 'applied' | 'interviewed' | 'hired';
export type Stability = 'stable' | 'left' | 'pending';
/** Whether the employer sees the laborer's name and phone for the job (src/domain/recommendations/tracking.ts). */
export type ConsentState = 'none' | 'given' | 'withdrawn';

/** The consent of one recommendation and every time it was given or withdrawn, newest first. */
export interface ConsentHistory {
  recommendationId: Id;
  consentState: ConsentState;
  consentStateName: string;
  consentAt: string | null;
  consentWithdrawnAt: string | null;
  hiredOn: string | null;
  history: {
    at: string;
    action: 'consent' | 'consent_withdrawn';
    actionName: string;
    actorName: string;
    by: string;
    /** How the laborer asked, when an officer recorded the withdrawal for it (本人电话告知). */
    note: string | null;
  }[];
}

export interface Tracking {
  pushedAt: string | null;
  seenAt: string | null;
  interestedAt: string | null;
  consentAt: string | null;
  appliedAt: string | null;
  interviewedAt: string | null;
  hiredOn: string | null;
  declinedAt: string | null;
  declineReason: string;
  /** 撤回同意: when the laborer last withdrew its consent (kept after consent is given again). */
  consentWithdrawnAt: string | null;
  consentState: ConsentState;
  consentStateName: string;
  step: TrackStep | null;
  stepName: string;
  stable3: Stability | null;
  stable3Name: string | null;
  stable6: Stability | null;
  stable6Name: string | null;
  spellId: Id | null;
}

export interface RecommendedJob {
  id: Id;
  title: string;
  employerId: Id;
  employerName: string;
  occupationCode: string;
  workRegionCode: string;
  workPlace: string;
  openings: number;
  filled: number;
  wageMinFen: number;
  wageMaxFen: number;
  accommodation: boolean;
  meals: boolean;
  workingHours: string;
  status: 'open' | 'filled' | 'expired';
  seasonFrom: string | null;
  seasonTo: string | null;
}

export interface Recommendation {
  id: Id;
  runId: Id;
  personId: Id;
  jobId: Id;
  rank: number;
  score: number;
  reasons: string[];
  version: number;
  job: RecommendedJob | null;
  tracking: Tracking;
}

/** A laborer as an officer sees them in a list (ID number and phone masked by the viewer's rights). */
export interface LaborerBrief {
  personId: Id;
  name: string;
  idNumber: string;
  phone: string;
  sex: string;
  age: number;
  villageCode: string;
  workCapacity: string;
  preferredWork: string[];
  preferredPlaces: string[];
}

export interface Excluded {
  constraint: string;
  name: string;
  jobs: number;
}

export interface LaborerRecommendations {
  laborer: LaborerBrief;
  runId: Id | null;
  items: Recommendation[];
  /** Earlier runs' recommendations already in progress (pushed, interested, hired). */
  earlier: Recommendation[];
  shortfall: { runId: Id; found: number; mainReason: string; excluded: Excluded[] } | null;
}

/** A laborer as an employer sees them: masked until the laborer agrees (consent) on this job. */
export interface EmployerViewLaborer {
  personId: Id | null;
  name: string;
  phone: string;
  sex: string;
  age: number;
  countyCode: string;
  consented: boolean;
}

export interface JobMatches {
  job: { id: Id; title: string; employerName?: string; openings?: number; filled?: number; status?: string };
  items: (
    | {
        rank: number;
        score: number;
        distanceKm: number | null;
        reasons: string[];
        laborer: LaborerBrief;
        recommendationId: Id | null;
        consented: boolean;
      }
    | { recommendationId: Id; score: number; reasons: string[]; laborer: EmployerViewLaborer; hired: boolean }
  )[];
}

export interface FunnelCounts {
  laborers: number;
  recommended: number;
  pushed: number;
  seen: number;
  interested: number;
  applied: number;
  interviewed: number;
  hired: number;
  due3: number;
  stable3: number;
  due6: number;
  stable6: number;
}

export interface Funnel {
  regionCode: string;
  total: FunnelCounts;
  items: (FunnelCounts & { regionCode: string; regionName: string })[];
}

export interface ShortfallItem extends LaborerBrief {
  found: number;
  mainReason: string;
  excluded: Excluded[];
}

export interface Shortfalls {
  run: MatchingRun | null;
  total: number;
  page: number;
  pageSize: number;
  byReason: { constraint: string; name: string; laborers: number }[];
  items: ShortfallItem[];
}

export interface PushResult {
  recommendations: number;
  queued: number;
  alreadyQueued: number;
  skipped: { recommendationId: Id; channel: Channel; reason: string }[];
  channels: { channel: Channel; name: string; sender: string }[];
  delivery: { sent: number; retry: number; failed: number } | null;
}

type Query = Record<string, string | number | undefined>;

export const startRun = (b: { region: string; asOf?: string }) => api.post<MatchingRun>('/api/matching/runs', b);
export const getRun = (id: Id) => api.get<MatchingRun>(`/api/matching/runs/${id}`);
export const listRuns = (q: { region?: string; page?: number; pageSize?: number }) =>
  api.get<Page<MatchingRun>>('/api/matching/runs', q as Query);

export const laborerRecommendations = (personId: Id) =>
  api.get<LaborerRecommendations>(`/api/laborers/${personId}/recommendations`);
export const pushRecommendations = (b: { recommendationIds?: string[]; runId?: string; region?: string; channels: Channel[] }) =>
  api.post<PushResult>('/api/recommendations/push', b);
export const recordEvent = (id: Id, b: { event: TrackEvent; version: number; date?: string; reason?: string }) =>
  api.post<Recommendation>(`/api/recommendations/${id}/events`, b);

export const consentHistory = (id: Id) => api.get<ConsentHistory>(`/api/recommendations/${id}/consent`);
/** 撤回同意 the laborer asked an officer for (by phone, in person), with the note of how it asked. */
export const withdrawConsent = (id: Id, b: { version: number; note: string }) =>
  api.post<Recommendation>(`/api/recommendations/${id}/consent/withdraw`, b);

export const jobMatches = (jobId: Id, q: { limit?: number } = {}) =>
  api.get<JobMatches>(`/api/jobs/${jobId}/matches`, q as Query);

export const getFunnel = (q: { region?: string }) => api.get<Funnel>('/api/recommendations/funnel', q);
export const listShortfalls = (q: { region?: string; runId?: string; page?: number; pageSize?: number }) =>
  api.get<Shortfalls>('/api/recommendations/shortfalls', q as Query);

// ---- job fairs (招聘会) ----

export type FairKind = 'onsite' | 'online';
export const FAIR_KIND_NAMES: Record<FairKind, string> = { onsite: '现场', online: '网络' };

export type FairStatus = 'planned' | 'held' | 'cancelled';
export const FAIR_STATUS_NAMES: Record<FairStatus, string> = { planned: '筹备中', held: '已举办', cancelled: '已取消' };

/** Why, when and by whom a fair or an export batch was cancelled. */
export interface Cancellation {
  reason: string;
  at: string;
  byName: string | null;
}

export interface FairListItem {
  id: Id;
  regionCode: string;
  title: string;
  date: string;
  venue: string;
  kind: FairKind;
  status: FairStatus;
  statusName: string;
  cancelReason: string | null;
  jobs: number;
  invited: number;
  attended: number;
  hired: number;
}

export interface FairDetail {
  id: Id;
  regionCode: string;
  title: string;
  date: string;
  venue: string;
  kind: FairKind;
  status: FairStatus;
  statusName: string;
  version: number;
  cancellation: Cancellation | null;
  jobs: { id: Id; title: string; employerName: string; openings: number; filled: number; status: string; workPlace: string }[];
  invitations: {
    personId: Id;
    name: string;
    idNumber: string;
    villageCode: string;
    attended: boolean | null;
    hiredJobId: Id | null;
  }[];
  counts: { jobs: number; openings: number; invited: number; attended: number; hired: number };
  actorMayEdit: boolean;
}

export interface FairCoverage {
  year: number;
  required: number;
  short: number;
  items: { countyCode: string; countyName: string; fairs: number; required: number; met: boolean }[];
}

export const listFairs = (q: { region?: string; year?: number; status?: FairStatus; page?: number; pageSize?: number }) =>
  api.get<Page<FairListItem>>('/api/fairs', q as Query);
export const fairCoverage = (q: { region?: string; year: number }) => api.get<FairCoverage>('/api/fairs/coverage', q as Query);
export const getFair = (id: Id) => api.get<FairDetail>(`/api/fairs/${id}`);
export const createFair = (b: { region?: string; title: string; date: string; venue?: string; kind?: FairKind }) =>
  api.post<FairDetail>('/api/fairs', b);
export const addFairJobs = (id: Id, jobIds: string[]) => api.post<FairDetail>(`/api/fairs/${id}/jobs`, { jobIds });
export const inviteToFair = (id: Id, b: { personIds?: string[]; fromRecommendations?: boolean }) =>
  api.post<FairDetail>(`/api/fairs/${id}/invitations`, b);
export const recordAttendance = (id: Id, b: { personId: string; attended: boolean; hiredJobId?: string; hiredOn?: string }) =>
  api.post<FairDetail>(`/api/fairs/${id}/attendance`, b);
export const cancelFair = (id: Id, b: { reason: string; version: number }) => api.post<FairDetail>(`/api/fairs/${id}/cancel`, b);

// ---- organized export batches (有组织劳务输出) ----

export const TRANSPORTS = ['包车', '火车', '飞机', '自行前往', '其他'] as const;
export type Transport = (typeof TRANSPORTS)[number];

export type ExportStatus = 'planned' | 'departed' | 'cancelled';
export const EXPORT_STATUS_NAMES: Record<ExportStatus, string> = { planned: '待出发', departed: '已出发', cancelled: '已取消' };

export interface ExportListItem {
  id: Id;
  regionCode: string;
  destination: string;
  employerName: string;
  transport: Transport;
  departureDate: string;
  status: ExportStatus;
  statusName: string;
  cancelReason: string | null;
  people: number;
}

export interface ExportMember {
  personId: Id;
  name: string;
  idNumber: string;
  sex: string;
  villageCode: string;
  spellId: Id | null;
  endDate: string | null;
  stable3: Stability | null;
  stable3Name: string | null;
  stable6: Stability | null;
  stable6Name: string | null;
}

export interface ExportDetail {
  id: Id;
  regionCode: string;
  destination: string;
  destinationCode: string | null;
  employerId: Id;
  employerName: string;
  jobId: Id | null;
  transport: Transport;
  departureDate: string;
  leader: string;
  status: ExportStatus;
  statusName: string;
  version: number;
  cancellation: Cancellation | null;
  people: number;
  stability: { stable3: number; left3: number; pending3: number; stable6: number; left6: number; pending6: number };
  members: ExportMember[];
}

export const listExports = (q: { region?: string; year?: number; status?: ExportStatus; page?: number; pageSize?: number }) =>
  api.get<Page<ExportListItem>>('/api/export-batches', q as Query);
export const getExport = (id: Id) => api.get<ExportDetail>(`/api/export-batches/${id}`);
export const createExport = (b: {
  region?: string;
  destination: string;
  destinationCode?: string;
  employerId: string;
  jobId?: string;
  transport: Transport;
  departureDate: string;
  leader?: string;
}) => api.post<ExportDetail>('/api/export-batches', b);
export const addExportMembers = (id: Id, personIds: string[]) =>
  api.post<ExportDetail>(`/api/export-batches/${id}/members`, { personIds });
export const departExport = (id: Id, version: number) => api.post<ExportDetail>(`/api/export-batches/${id}/depart`, { version });
export const cancelExport = (id: Id, b: { reason: string; version: number }) =>
  api.post<ExportDetail>(`/api/export-batches/${id}/cancel`, b);

// ---- push delivery (outbox) ----

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'retry' | 'failed';

export interface OutboxItem {
  id: Id;
  recommendationId: Id;
  channel: Channel;
  channelName: string;
  recipient: string;
  template: string;
  text: string;
  status: OutboxStatus;
  statusName: string;
  attempts: number;
  lastError: string;
  nextAttemptAt: string;
  sentAt: string | null;
  providerRef: string;
}

export interface OutboxPage {
  total: number;
  page: number;
  pageSize: number;
  counts: { channel: Channel; channelName: string; status: OutboxStatus; statusName: string; n: number }[];
  items: OutboxItem[];
}

export const listOutbox = (q: { region?: string; status?: string; channel?: string; page?: number; pageSize?: number }) =>
  api.get<OutboxPage>('/api/outbox', q as Query);

export interface ExportSubsidyDecision {
  rule: string;
  title: string;
  subject: string;
  status: 'eligible' | 'not_eligible' | 'not_in_force' | 'amount_not_set' | 'incomplete';
  statusName: string;
  amountFen: number | null;
  maxAmountFen: number | null;
  message: string;
  missingFacts: string[];
  citations: { document: string; article: string }[];
}

export interface ExportSubsidies {
  batchId: Id;
  date: string;
  organizerFiled: boolean | null;
  totals: { rule: string; title: string; eligible: number; amountFen: number; amountYuan: string; sharesLimitWith: string[] }[];
  /** Rules of the members' places not in force on the date, with the day their document expired or began. */
  outOfPeriod: { rule: string; title: string; from: string; to: string | null; message: string }[];
  items: { personId: Id; name: string; villageCode: string; decisions: ExportSubsidyDecision[] }[];
}

export const getExportSubsidies = (id: Id, q: { date?: string; organizerFiled?: boolean }) =>
  api.get<ExportSubsidies>(`/api/export-batches/${id}/subsidies`, {
    date: q.date,
    organizerFiled: q.organizerFiled === undefined ? undefined : String(q.organizerFiled),
  });
