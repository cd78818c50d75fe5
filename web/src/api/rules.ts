// The rules engine over HTTP: catalogue, regional settings, 试算 and 政策找人
// (src/modules/rules/rules.routes.ts).
import type {
  Case,
  Decision,
  FactSpecs,
  FrequencyLimit,
  FundSource,
  Parameter,
  PolicyDocument,
  SettingLevel,
  SubjectKind,
} from '@domain/rules/types.ts';
import { api } from './client.ts';
import type { Id } from './types.ts';

/** A citation with the quoted text of its article. */
export interface CitedArticle {
  document: string;
  article: string;
  text?: string;
}

export interface RuleInfo {
  id: string;
  title: string;
  summary: string;
  document: string;
  documentNumber?: string;
  documentTitle?: string;
  subject: SubjectKind;
  beneficiary: string;
  fund: FundSource;
  region: string;
  from: string;
  to: string | null;
  articles: string[];
  limit?: FrequencyLimit | null;
  parameters: Parameter[];
  facts: FactSpecs;
  citations: CitedArticle[];
}

export interface RulesCatalog {
  documents: PolicyDocument[];
  rules: RuleInfo[];
}

export interface RuleSetting {
  id: Id;
  rule: string;
  parameter: string;
  region: string;
  regionName?: string;
  from: string;
  to: string | null;
  value: number | string;
  note?: string | null;
  createdBy?: string | null;
  createdAt?: string;
}

export interface NewSetting {
  rule: string;
  parameter: string;
  region: string;
  from: string;
  value: string;
  note?: string;
}

export type TrialCase = Case & { personId?: Id };

export interface Evaluation {
  caseId?: string;
  decisions: Decision[];
}

export interface FindItem {
  personId: Id;
  name: string;
  idNumber: string;
  villageCode: string;
  villageName?: string;
  status: Decision['status'];
  amountFen: number | null;
  maxAmountFen: number | null;
}

export interface FindPage {
  total: number;
  page: number;
  pageSize: number;
  items: FindItem[];
}

export const getRules = () => api.get<RulesCatalog>('/api/rules');
export const getRule = (id: string) => api.get<RuleInfo>(`/api/rules/${encodeURIComponent(id)}`);
export const getSettings = (rule: string, region?: string) => api.get<RuleSetting[]>('/api/rules/settings', { rule, region });
export const addSetting = (s: NewSetting) => api.post<RuleSetting>('/api/rules/settings', s);
export const evaluate = (c: TrialCase) => api.post<Evaluation>('/api/rules/evaluate', c);
export const findPersons = (id: string, q: { region?: string; date?: string; page?: number; pageSize?: number }) =>
  api.get<FindPage>(`/api/rules/${encodeURIComponent(id)}/find`, q);

export type { SettingLevel };
