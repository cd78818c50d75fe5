// The rules engine over HTTP: catalogue, regional settings, 试算 and 政策找人
// (src/modules/rules/rules.routes.ts).
import type {
  Case,
  Decision,
  FactSpec,
  FrequencyLimit,
  FundSource,
  Need,
  ParameterUnit,
  PolicyDocument,
  SettingLevel,
  SubjectKind,
} from '@domain/rules/types.ts';
import { api } from './client.ts';
import type { Id } from './types.ts';

/** A citation with the 文号 and the quoted text of its article. */
export interface CitedArticle {
  document: string;
  number?: string;
  article: string;
  text: string;
}

export interface DocumentInfo extends Omit<PolicyDocument, 'articles'> {
  articles: { article: string; text: string }[];
}

export interface ParameterInfo {
  name: string;
  label: string;
  unit: ParameterUnit;
  values: { from: string; to: string | null; value: number | string; citation: CitedArticle }[];
  setBy: SettingLevel | null;
  setByName: string | null;
  setByDigits: number | null;
  citation: CitedArticle | null;
  choices: { value: string; label: string; citation: CitedArticle }[] | null;
}

/**
 * One fact a case brings, as the rule's facts spec declares it; `fromRegister` and
 * `fromDesignation` mark the facts the register and the designated-county lists can give.
 */
export type FactInfo = FactSpec & { name: string; need: Need; fromRegister: boolean; fromDesignation: boolean };

export interface RuleInfo {
  id: string;
  title: string;
  summary: string;
  document: { code: string; number: string; title: string; issuer: string };
  subject: SubjectKind;
  subjectName: string;
  beneficiary: string;
  fund: FundSource;
  fundName: string;
  region: string;
  period: { from: string; to: string | null };
  citations: CitedArticle[];
  limit: (FrequencyLimit & { citation: CitedArticle }) | null;
  /** A unit's claim under it names one laborer of the register (a post, a placement). */
  namesLaborer: boolean;
  parameters: ParameterInfo[];
  facts: FactInfo[];
}

export interface RulesCatalog {
  documents: DocumentInfo[];
  rules: RuleInfo[];
}

export interface RuleSetting {
  id: Id;
  rule: string;
  parameter: string;
  parameterLabel: string;
  unit: ParameterUnit | null;
  region: string;
  from: string;
  to: string | null;
  value: number | string;
  valueLabel: string | null;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface NewSetting {
  rule: string;
  parameter: string;
  region: string;
  from: string;
  value: string;
  note?: string;
}

export type TrialCase = Omit<Case, 'region'> & { region?: string; personId?: string };

export interface Evaluation {
  caseId?: string;
  decisions: Decision[];
}

export interface FindItem {
  personId: Id;
  name: string;
  idNumber: string;
  sex: string;
  villageCode: string;
  villageName: string;
  phone: string | null;
  status: Decision['status'];
  amountFen: number | null;
  maxAmountFen: number | null;
  message: string;
}

/**
 * Who a 政策找人 run looks for: the register's laborers, the 帮扶车间 of the region (workshop
 * rules), or its employers with their laborers (employer rules claimed per laborer).
 */
export type FindSubject = 'person' | 'workshop' | 'employer';

/** Where a unit on a run's list stands: 符合, 符合，金额待定, or 待核实 (known conditions pass). */
export type FindUnitStatus = 'eligible' | 'amount_not_set' | 'incomplete';

/** One 帮扶车间 on a workshop run's list (src/modules/rules/find-workshop-list.ts `present`). */
export interface FindWorkshopItem {
  employerId: Id;
  name: string;
  creditCode: string;
  /** 帮扶车间 or 就业帮扶基地 */
  kind: string;
  regionCode: string;
  regionName: string;
  contactName: string;
  contactPhone: string;
  /** The register's laborers at the workshop on the run's date. */
  laborers: number;
  /** Of them, members of 脱贫户. */
  poorLaborers: number;
  status: FindUnitStatus;
  statusName: string;
  amountFen: number | null;
  maxAmountFen: number | null;
  /** Labels of the facts bangfu does not hold and the office must verify. */
  missingFacts: string[];
  message: string;
}

/** One employer and one of its laborers on an employer run's list (src/modules/rules/find-employer-list.ts). */
export interface FindEmployerItem {
  employerId: Id;
  employerName: string;
  creditCode: string;
  employerRegion: string;
  contactName: string;
  contactPhone: string;
  personId: Id;
  name: string;
  /** Masked. */
  idNumber: string;
  sex: string;
  villageCode: string;
  villageName: string;
  /** Whole months at the employer on the run's date. */
  monthsInPost: number;
  status: FindUnitStatus;
  statusName: string;
  amountFen: number | null;
  maxAmountFen: number | null;
  missingFacts: string[];
  message: string;
}

export interface FindRun {
  id: Id;
  rule: string;
  ruleTitle: string;
  subject: FindSubject;
  region: string;
  date: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  statusName: string;
  total: number;
  evaluated: number;
  percent: number;
  qualified: number;
  alreadyClaimed: number;
  amountNotSet: number;
  /** Of a workshop run's list: those whose known conditions pass, the rest to verify. */
  toVerify: number;
  /** Workshop runs: 帮扶车间 names in the region's employment records that match no registered workshop. */
  unmatchedWorkshops: { name: string; laborers: number; poorLaborers: number }[];
  amountFen: number;
  maxAmountFen: number;
  message: string;
  createdAt: string;
  finishedAt: string | null;
}

export interface FindResultsPage {
  run: FindRun;
  total: number;
  page: number;
  pageSize: number;
  /** The persons of a person run (empty for a workshop run). */
  items: FindItem[];
  /** The workshops of a workshop run (empty otherwise). */
  workshops: FindWorkshopItem[];
  /** The employers and laborers of an employer run (empty otherwise). */
  employers: FindEmployerItem[];
}

export interface FindFilter {
  village?: string;
  /** 'incomplete' (待核实) occurs on workshop and employer runs only. */
  status?: FindUnitStatus;
}

export const getRules = () => api.get<RulesCatalog>('/api/rules');
export const getRule = (id: string) => api.get<RuleInfo>(`/api/rules/${encodeURIComponent(id)}`);
export const getSettings = (rule: string, region?: string) =>
  api.get<{ items: RuleSetting[] }>('/api/rules/settings', { rule, region });
export const addSetting = (s: NewSetting) =>
  api.post<{ setting: RuleSetting; closed: RuleSetting | null }>('/api/rules/settings', s);
export const evaluate = (c: TrialCase) => api.post<Evaluation>('/api/rules/evaluate', c);
export const startFindRun = (rule: string, body: { region?: string; date?: string }) =>
  api.post<FindRun>(`/api/rules/${encodeURIComponent(rule)}/find-runs`, body);
export const getFindRun = (id: Id) => api.get<FindRun>(`/api/find-runs/${id}`);
export const listFindRuns = (q: { rule?: string; region?: string; page?: number; pageSize?: number }) =>
  api.get<{ total: number; items: FindRun[] }>('/api/find-runs', q);
export const findRunResults = (id: Id, q: FindFilter & { page?: number; pageSize?: number }) =>
  api.get<FindResultsPage>(`/api/find-runs/${id}/results`, { ...q });
export interface NotifyResult {
  listed: number;
  queued: number;
  alreadyQueued: number;
  skipped: { personId: Id; channel: 'sms' | 'wechat' | 'inapp'; reason: string }[];
  channels: { channel: string; name: string }[];
}
export const notifyFindRun = (id: Id, body: FindFilter & { channels: ('sms' | 'wechat' | 'inapp')[] }) =>
  api.post<NotifyResult>(`/api/find-runs/${id}/notify`, body);
export const findRunExportUrl = (id: Id, q: FindFilter) => {
  const params = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const query = params.toString();
  return `/api/find-runs/${id}/export.xlsx${query ? `?${query}` : ''}`;
};

export type { SettingLevel };
