// A rule as the engine sees it: the metadata and parameters from its YAML file joined to
// its formula (a small pure function), under the document that issues it.
import type {
  Citation,
  FactSpecs,
  FactValue,
  FrequencyLimit,
  FundSource,
  Parameter,
  PolicyDocument,
  SubjectKind,
} from './types.ts';

/** What a formula may return: an amount, a maximum (amount facts missing), or nothing (checks only). */
export type Outcome =
  | { kind: 'pay'; amountFen: number; basis: string; article: string }
  | { kind: 'up_to'; maxAmountFen: number; basis: string; article: string };

export interface CheckDetail {
  value?: unknown;
  expected?: string;
  article: string;
}

/** What a formula sees while it runs (implemented by the engine's EvaluationContext). */
export interface RuleContext<F extends FactSpecs> {
  readonly date: string;
  readonly region: string;
  cite(article: string): Citation;
  /** A fact the rule needs (the engine has made sure it is present and well-typed). */
  fact<K extends keyof F & string>(name: K): FactValue<F[K]>;
  /** A fact that may be missing (need: amount or optional). */
  maybe<K extends keyof F & string>(name: K): FactValue<F[K]> | undefined;
  /** A numeric parameter in force on the case date (fen, count, months, percent...). */
  param(name: string): number;
  /** A 'choice' parameter (e.g. which reading of a conflicting text a county applies). */
  choice(name: string): string;
  /** Records one condition with its value and article; returns whether it passed. */
  check(label: string, passed: boolean, detail: CheckDetail): boolean;
  /** Records a derived fact (no condition) in the trace, e.g. which cap a destination falls under. */
  note(label: string, value: string, article: string): void;
  pay(amountFen: number, basis: string, article: string): Outcome;
  upTo(maxAmountFen: number, basis: string, article: string): Outcome;
}

export interface RuleFormula<F extends FactSpecs = FactSpecs> {
  id: string;
  facts: F;
  evaluate(c: RuleContext<F>): Outcome | undefined;
}

/** Declare a formula; `facts` keeps its literal types so `c.fact('x')` is typed. */
export function defineRule<const F extends FactSpecs>(formula: RuleFormula<F>): RuleFormula<F> {
  return formula;
}

/**
 * What a rule pays for, beyond its id, for the lists that gather rules by purpose (the
 * subsidies an organized export batch earns). A closed vocabulary: a misspelt tag in a
 * policy file stops the catalogue from loading instead of silently leaving a rule out.
 */
export const RULE_TAGS = ['organized_export'] as const;
export type RuleTag = (typeof RULE_TAGS)[number];
export const RULE_TAG_NAMES: Record<RuleTag, string> = {
  organized_export: '有组织劳务输出',
};

export interface Rule {
  id: string;
  title: string;
  /** One paragraph in Chinese: who, what, how much, as the document says it. */
  summary: string;
  document: PolicyDocument;
  subject: SubjectKind;
  /** Who receives the money (shown on applications and bank files). */
  beneficiary: string;
  fund: FundSource;
  /** Region prefix and period of the rule (the document's unless the rule narrows them). */
  region: string;
  from: string;
  to: string | null;
  /** Articles that grant the rule (cited on every decision). */
  articles: string[];
  limit?: FrequencyLimit;
  /** Purposes the policy file declares (`tags:` in the rule's YAML). */
  tags: readonly RuleTag[];
  /** A workshop rule whose carriers include 就业帮扶基地 (a recognised base may claim it too). */
  bases?: boolean;
  parameters: Record<string, Parameter>;
  formula: RuleFormula<FactSpecs>;
}

export interface Catalog {
  documents: PolicyDocument[];
  rules: Rule[];
}

export function findRule(catalog: Catalog, id: string): Rule | undefined {
  return catalog.rules.find((r) => r.id === id);
}

/** The rules whose policy files carry this tag, in catalogue order. */
export function rulesTagged(catalog: Catalog, tag: RuleTag): Rule[] {
  return catalog.rules.filter((r) => r.tags.includes(tag));
}

/**
 * 是 or 否, as a rule writes a yes/no fact into its trace. One function at module level: a
 * closure declared inside a formula is made again on every call of a batch run.
 */
export function yesNo(b: boolean): '是' | '否' {
  return b ? '是' : '否';
}
