// The vocabulary of the rules engine: what a policy document says (documents, rules,
// dated parameters with citations), what a case brings (who, where, when, facts) and what
// the engine answers (a decision with its amount in fen and a trace that cites every step).

/** Where a value or a step comes from: the document code of policies/<code>/ and its article. */
export interface Citation {
  document: string;
  article: string;
}

/** An issuing document: one folder under policies/. */
export interface PolicyDocument {
  code: string;
  /** 文号, e.g. 会政发〔2018〕20号 (empty when the document has none). */
  number: string;
  title: string;
  issuer: string;
  /** Region prefix the document applies to; '' for national documents. */
  region: string;
  from: string;
  to: string | null;
  /** Quoted articles by their label (e.g. "第16条"), shown beside citations. */
  articles: Record<string, string>;
}

/**
 * An article reference as written in a rule: "第16条" for the rule's own document, or
 * "NM-2020-142:三" for an article of another document the rule also rests on.
 */
export function parseArticleRef(ownDocument: string, ref: string): Citation {
  const at = ref.indexOf(':');
  return at < 0 ? { document: ownDocument, article: ref } : { document: ref.slice(0, at), article: ref.slice(at + 1) };
}

export const PARAMETER_UNITS = [
  'fen',
  'fen_per_person',
  'fen_per_month',
  'fen_per_day',
  'fen_per_hour',
  'fen_per_year',
  'count',
  'months',
  'years',
  'days',
  'hours',
  'percent',
  'choice',
] as const;
export type ParameterUnit = (typeof PARAMETER_UNITS)[number];

/** One dated value of a parameter, as written in the document. */
export interface DatedValue {
  from: string;
  to: string | null;
  value: number | string;
  article: string;
}

/** Administrative level that may set a parameter the document leaves open (标准由各盟市确定). */
export type SettingLevel = 'province' | 'city' | 'county';

export const SETTING_LEVEL_LENGTH: Record<SettingLevel, number> = { province: 2, city: 4, county: 6 };
export const SETTING_LEVEL_NAMES: Record<SettingLevel, string> = { province: '省级', city: '地市级', county: '县级' };

/** What each level is called in a province: 内蒙古 has 盟市 and 旗县, 云南 州（市）, 湖南 市州. */
const LOCAL_LEVEL_NAMES: Record<string, Record<SettingLevel, string>> = {
  '15': { province: '自治区', city: '盟市', county: '旗县（市、区）' },
  '43': { province: '省', city: '市州', county: '县市区' },
  '53': { province: '省', city: '州（市）', county: '县（市、区）' },
};

export function settingLevelName(level: SettingLevel, region: string): string {
  return LOCAL_LEVEL_NAMES[region.slice(0, 2)]?.[level] ?? SETTING_LEVEL_NAMES[level];
}

export interface Parameter {
  name: string;
  label: string;
  unit: ParameterUnit;
  /** Values fixed by the document itself. */
  values: DatedValue[];
  /** When set, regions of this level set the value (dated, audited) and the document's values are absent. */
  setBy?: SettingLevel;
  /** Bounds a region's setting must respect (e.g. "上浮不超过30%"). */
  min?: number;
  max?: number;
  /** For unit 'choice': the allowed values and what each means, with the article behind each. */
  choices?: Record<string, { label: string; article: string }>;
  /** The article that leaves the value to the region. */
  article?: string;
}

/** A value a region set for a parameter its document left open. Never rewritten: a new value starts a new period. */
export interface RegionalSetting {
  id: string;
  rule: string;
  parameter: string;
  region: string;
  from: string;
  to: string | null;
  value: number | string;
}

export type SubjectKind = 'person' | 'household' | 'employer' | 'workshop' | 'agency' | 'organizer' | 'county' | 'unit';

export const SUBJECT_KIND_NAMES: Record<SubjectKind, string> = {
  person: '劳动力个人',
  household: '家庭',
  employer: '用人单位',
  workshop: '帮扶车间',
  agency: '人力资源服务机构/经纪人',
  organizer: '组织输出的个人',
  county: '县（区）',
  unit: '单位',
};

export const FUND_SOURCES = ['employment_fund', 'unemployment_insurance', 'poverty_fund', 'county_finance'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];
export const FUND_NAMES: Record<FundSource, string> = {
  employment_fund: '就业补助资金',
  unemployment_insurance: '失业保险基金',
  poverty_fund: '财政专项扶贫资金',
  county_finance: '县级财政资金',
};

/** How often one subject may receive a rule (or a group of rules that pay for the same thing). */
export interface FrequencyLimit {
  /** Rules sharing a group count each other's claims (e.g. the county and province transport subsidy). */
  group: string;
  window: 'calendar_year' | 'lifetime';
  times: number;
  article: string;
  /**
   * Whose limit it is: the subject that applies (default), or the laborer a unit's claim is
   * about ("每名贫困劳动力每年只享受一次" while an agency claims for many laborers).
   */
  per?: 'subject' | 'laborer';
}

export type Need = 'eligibility' | 'amount' | 'optional';

interface FactBase {
  label: string;
  /** eligibility (default): without it the rule cannot decide; amount: without it only the maximum is known. */
  need?: Need;
}
export type FactSpec =
  | (FactBase & { type: 'boolean' })
  | (FactBase & { type: 'integer'; min?: number; max?: number })
  | (FactBase & { type: 'fen' })
  | (FactBase & { type: 'date' })
  | (FactBase & { type: 'region' })
  | (FactBase & { type: 'text' })
  | (FactBase & { type: 'enum'; values: readonly string[] });

export type FactSpecs = Record<string, FactSpec>;

export type FactValue<S extends FactSpec> = S extends { type: 'boolean' }
  ? boolean
  : S extends { type: 'integer' | 'fen' }
    ? number
    : S extends { type: 'enum'; values: readonly (infer V)[] }
      ? V
      : string;

export type FactInput = boolean | number | string;

/** A prior claim of the same subject, for frequency limits. */
export interface PriorClaim {
  rule: string;
  date: string;
  amountFen?: number;
}

/** What one evaluation is asked about. */
export interface Case {
  /** Caller's label for the case (echoed back). */
  id?: string;
  /** Evaluate only this rule (otherwise every rule for the subject kind). */
  rule?: string;
  subject: { kind: SubjectKind; id?: string; name?: string };
  /** Statistical code of where the subject belongs (village code for a person). */
  region: string;
  /** The date the entitlement arises (e.g. the day the laborer left, the end of the year assessed). */
  date: string;
  facts: Record<string, FactInput>;
  history?: PriorClaim[];
}

export type DecisionStatus = 'eligible' | 'not_eligible' | 'not_in_force' | 'amount_not_set' | 'incomplete';

export const DECISION_STATUS_NAMES: Record<DecisionStatus, string> = {
  eligible: '符合条件',
  not_eligible: '不符合条件',
  not_in_force: '不在适用范围或有效期内',
  amount_not_set: '符合条件，标准未设定',
  incomplete: '材料不全，无法判定',
};

export interface TraceStep {
  kind: 'scope' | 'fact' | 'check' | 'limit' | 'parameter' | 'amount';
  label: string;
  value?: string;
  expected?: string;
  passed?: boolean;
  cite?: Citation;
}

export interface ParameterUse {
  name: string;
  label: string;
  value: number | string;
  unit: ParameterUnit;
  from: string;
  to: string | null;
  /** 'document' or the id of the regional setting that gave the value. */
  source: string;
  region?: string;
  cite: Citation;
}

export interface Decision {
  caseId?: string;
  rule: string;
  title: string;
  document: string;
  status: DecisionStatus;
  /** The amount granted, in fen; null when not eligible or not decidable. */
  amountFen: number | null;
  /** When a fact needed only for the amount (a ticket price) is missing: the most the rule can grant. */
  maxAmountFen: number | null;
  message: string;
  trace: TraceStep[];
  parameters: ParameterUse[];
  citations: Citation[];
  /** Hash of the parameter values used: recorded with every claim so a decision can be replayed. */
  parameterVersion: string;
  inForce: { region: string; from: string; to: string | null };
  missingFacts: string[];
  fund: FundSource;
}
