// The engine: for one case, every rule that could apply answers eligible or not, the
// amount in fen, and a trace citing the document and article of every step. The same
// function runs with tracing off for batch runs over the whole register.
import { createHash } from 'node:crypto';
import { formatFen } from '../money.ts';
import type { DesignationIndex } from '../region/designation.ts';
import { EvaluationContext, FactUnknown, ParameterNotSet } from './context.ts';
import { checkFacts, type FactProblem, isIsoDate } from './facts.ts';
import { inPeriod } from './parameters.ts';
import { isRegionFact, regionFact, regionFactNote } from './region-facts.ts';
import type { Catalog, Outcome, Rule } from './rule.ts';
import type {
  Case,
  Citation,
  Decision,
  DecisionStatus,
  FactInput,
  FactSpecs,
  ParameterUse,
  RegionalSetting,
  TraceStep,
} from './types.ts';
import { parseArticleRef, SUBJECT_KIND_NAMES } from './types.ts';

/** Bad input in a case: the module turns it into a VALIDATION_FAILED error naming the case and fact. */
export class CaseInputError extends Error {
  constructor(
    readonly record: string,
    readonly problems: FactProblem[],
  ) {
    super(`${record}：${problems.map((p) => `${p.label}${p.message}`).join('；')}`);
  }
}

export interface EvaluateOptions {
  settings?: readonly RegionalSetting[];
  /** The designated-county lists: facts like 深度贫困县 the case does not state are read from them. */
  designations?: DesignationIndex;
  /**
   * Build the trace (default true). Batch runs switch it off: their decisions carry the
   * status, the amounts, the message and the missing facts, but no trace, citations,
   * parameters or parameter version.
   */
  trace?: boolean;
  /**
   * Screening (政策找人 over units whose records hold only some of a rule's facts): when facts
   * needed for eligibility are missing, the formula still runs until it first reads one. A
   * condition that failed before that point makes the case not eligible; otherwise the answer
   * is `incomplete` with the missing facts named, "may qualify, to be verified". Without it a
   * missing fact answers `incomplete` before any condition is checked.
   */
  screen?: boolean;
}

function caseLabel(c: Case): string {
  return `案例${c.id ? ` ${c.id}` : ''}${c.subject.name ? `（${c.subject.name}）` : ''}`;
}

/** Checks the parts of a case every rule needs; throws CaseInputError naming what is wrong. */
export function checkCase(input: Case, catalog: Catalog): void {
  const problems: FactProblem[] = [];
  if (!(input.subject?.kind in SUBJECT_KIND_NAMES)) {
    problems.push({
      field: 'subject.kind',
      label: '对象类型',
      message: `应为以下之一：${Object.keys(SUBJECT_KIND_NAMES).join('、')}`,
      value: String(input.subject?.kind),
    });
  }
  if (typeof input.region !== 'string' || !/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(input.region)) {
    problems.push({ field: 'region', label: '地区', message: '应为 2/4/6/9/12 位统计用区划代码', value: String(input.region) });
  }
  if (typeof input.date !== 'string' || !isIsoDate(input.date)) {
    problems.push({ field: 'date', label: '日期', message: '应为有效日期（YYYY-MM-DD）', value: String(input.date) });
  }
  if (input.rule !== undefined && !catalog.rules.some((r) => r.id === input.rule)) {
    problems.push({ field: 'rule', label: '规则', message: '不存在', value: input.rule });
  }
  if (input.facts === null || typeof input.facts !== 'object') {
    problems.push({ field: 'facts', label: '事实', message: '应为对象' });
  }
  for (const h of input.history ?? []) {
    if (!isIsoDate(h.date))
      problems.push({ field: 'history.date', label: '既往申领日期', message: '应为有效日期', value: h.date });
  }
  if (problems.length === 0) {
    for (const rule of rulesFor(catalog, input)) problems.push(...checkFacts(rule.formula.facts, input.facts).problems);
  }
  if (problems.length > 0) {
    const unique = problems.filter((p, i) => problems.findIndex((q) => q.field === p.field) === i);
    throw new CaseInputError(caseLabel(input), unique);
  }
}

/** The rules a case is about: the one it names, or every rule for its kind of subject. */
export function rulesFor(catalog: Catalog, input: Case): Rule[] {
  return input.rule !== undefined
    ? catalog.rules.filter((r) => r.id === input.rule)
    : catalog.rules.filter((r) => r.subject === input.subject.kind);
}

/** Evaluates every rule that could apply to the case. Throws CaseInputError on malformed input. */
export function evaluateCase(catalog: Catalog, input: Case, options: EvaluateOptions = {}): Decision[] {
  checkCase(input, catalog);
  return rulesFor(catalog, input).map((rule) => evaluateRule(catalog, rule, input, options));
}

function scopeStep(rule: Rule, label: string, value: string, expected: string, passed: boolean): TraceStep {
  return {
    kind: 'scope',
    label,
    value,
    expected,
    passed,
    cite: parseArticleRef(rule.document.code, rule.articles[0] ?? ''),
  };
}

function decide(
  rule: Rule,
  input: Case,
  tracing: boolean,
  status: DecisionStatus,
  message: string,
  steps: TraceStep[],
  parameters: ParameterUse[] = [],
  amountFen: number | null = null,
  maxAmountFen: number | null = null,
  missingFacts: string[] = [],
): Decision {
  return {
    caseId: input.id,
    rule: rule.id,
    title: rule.title,
    document: rule.document.code,
    status,
    amountFen,
    maxAmountFen,
    message,
    trace: steps,
    parameters,
    citations: tracing ? citationsOf(rule, steps) : [],
    parameterVersion: tracing ? parameterVersion(parameters) : '',
    inForce: { region: rule.region, from: rule.from, to: rule.to },
    missingFacts,
    fund: rule.fund,
  };
}

/** One rule against one case (facts already checked by `checkCase` or trusted, as in batch runs). */
export function evaluateRule(catalog: Catalog, rule: Rule, input: Case, options: EvaluateOptions = {}): Decision {
  const tracing = options.trace !== false;
  const settings = options.settings ?? [];
  const trace: TraceStep[] = [];

  const inRegion = input.region.startsWith(rule.region);
  if (tracing) {
    trace.push(scopeStep(rule, '适用地区', input.region, rule.region === '' ? '全国' : `${rule.region} 及所辖`, inRegion));
  }
  if (!inRegion) {
    return decide(
      rule,
      input,
      tracing,
      'not_in_force',
      `${rule.document.title}仅适用于区划 ${rule.region} 及所辖地区（有效期 ${periodText(rule)}）`,
      trace,
    );
  }
  const inTime = inPeriod(input.date, rule.from, rule.to);
  if (tracing) trace.push(scopeStep(rule, '有效期', input.date, periodText(rule), inTime));
  if (!inTime) {
    return decide(
      rule,
      input,
      tracing,
      'not_in_force',
      `不在有效期内：${outOfPeriodText(rule, input.date)}；案例日期 ${input.date}`,
      trace,
    );
  }

  const { values, missing } = checkFacts(rule.formula.facts, input.facts);
  if (options.designations !== undefined && missing.length > 0) {
    fillRegionFacts(rule, input, options.designations, values, missing, tracing ? trace : undefined);
  }
  const missingForEligibility: string[] = [];
  const missingLabels: string[] = [];
  const missingForAmount: string[] = [];
  const amountLabels: string[] = [];
  for (const m of missing) {
    if (m.need === 'eligibility') {
      missingForEligibility.push(m.name);
      missingLabels.push(m.label);
    } else if (m.need === 'amount') {
      missingForAmount.push(m.name);
      amountLabels.push(m.label);
    }
  }
  // Screening runs the formula with the missing facts marked: reading one stops it (FactUnknown).
  const screening = missingForEligibility.length > 0 && options.screen === true;
  if (missingForEligibility.length > 0 && !screening) {
    return decide(
      rule,
      input,
      tracing,
      'incomplete',
      `缺少判定所需的事实：${missingLabels.join('、')}`,
      trace,
      [],
      null,
      null,
      missingForEligibility,
    );
  }

  const ctx = new EvaluationContext(
    rule,
    input,
    values,
    settings,
    tracing,
    screening ? new Set(missingForEligibility) : undefined,
  );
  if (rule.limit !== undefined) checkLimit(catalog, rule, input, ctx);

  let outcome: Outcome | undefined;
  let notSet: ParameterNotSet | undefined;
  try {
    outcome = rule.formula.evaluate(ctx);
  } catch (e) {
    if (e instanceof ParameterNotSet) notSet = e;
    else if (!(e instanceof FactUnknown)) throw e;
  }
  const steps = tracing ? [...trace, ...ctx.trace] : trace;
  const parameters = ctx.parameters;
  if (ctx.failed.length > 0) {
    return decide(rule, input, tracing, 'not_eligible', `不符合条件：${ctx.failed.join('；')}`, steps, parameters);
  }
  if (screening) {
    const message = `已知条件均符合，待核实：${missingLabels.join('、')}`;
    return decide(rule, input, tracing, 'incomplete', message, steps, parameters, null, null, missingForEligibility);
  }
  if (notSet !== undefined) {
    return decide(rule, input, tracing, 'amount_not_set', `符合条件，但${notSet.message}，暂不能确定金额`, steps, parameters);
  }
  if (outcome === undefined) return decide(rule, input, tracing, 'eligible', '符合条件', steps, parameters);
  if (tracing) {
    steps.push({
      kind: 'amount',
      label: outcome.kind === 'pay' ? '补贴金额' : '最高补贴金额',
      value: `${formatFen(outcome.kind === 'pay' ? outcome.amountFen : outcome.maxAmountFen)} 元`,
      expected: outcome.basis,
      cite: parseArticleRef(rule.document.code, outcome.article),
    });
  }
  if (outcome.kind === 'pay') {
    return decide(
      rule,
      input,
      tracing,
      'eligible',
      `符合条件，补贴 ${formatFen(outcome.amountFen)} 元（${outcome.basis}）`,
      steps,
      parameters,
      outcome.amountFen,
    );
  }
  return decide(
    rule,
    input,
    tracing,
    'eligible',
    `符合条件，最高 ${formatFen(outcome.maxAmountFen)} 元（${outcome.basis}）${amountLabels.length ? `，金额需凭${amountLabels.join('、')}核定` : ''}`,
    steps,
    parameters,
    null,
    outcome.maxAmountFen,
    missingForAmount,
  );
}

/**
 * Fills the region facts the case left out from the designated-county lists: each one a list
 * decides moves from `missing` to `values`, with a trace step naming the list. The case's own
 * value always wins (such a fact is never missing). Only missing facts are looked at, so a
 * batch run whose rules read no region fact pays nothing for it.
 */
function fillRegionFacts(
  rule: Rule,
  input: Case,
  index: DesignationIndex,
  values: Record<string, FactInput>,
  missing: { name: string }[],
  trace: TraceStep[] | undefined,
): void {
  for (let i = missing.length - 1; i >= 0; i--) {
    const name = (missing[i] as { name: string }).name;
    if (!isRegionFact(name)) continue;
    const found = regionFact(index, name, input.region, input.date);
    if (found === undefined) continue;
    values[name] = found.value;
    missing.splice(i, 1);
    trace?.push({
      kind: 'fact',
      label: `区划认定：${rule.formula.facts[name]?.label ?? name}`,
      value: regionFactNote(found, input.region, input.date),
    });
  }
}

function periodText(rule: Rule): string {
  return `${rule.from} 至 ${rule.to ?? '今'}`;
}

/**
 * Why a date outside a rule's period is outside it, in Chinese: the document by title and
 * number, its period, and whether it expired (已于 … 期满) or had not begun (自 … 起施行).
 */
export function outOfPeriodText(rule: Pick<Rule, 'document' | 'from' | 'to'>, date: string): string {
  const d = rule.document;
  const doc = d.number ? `${d.title}（${d.number}）` : d.title;
  const period = `有效期为 ${rule.from} 至 ${rule.to ?? '今'}`;
  return rule.to !== null && date > rule.to ? `${doc}${period}，已于 ${rule.to} 期满` : `${doc}${period}，自 ${rule.from} 起施行`;
}

/** The limit group of every rule, per catalogue (built once, not per case). */
const groupsByCatalog = new WeakMap<Catalog, Map<string, string | undefined>>();

function limitGroups(catalog: Catalog): Map<string, string | undefined> {
  let groups = groupsByCatalog.get(catalog);
  if (groups === undefined) {
    groups = new Map(catalog.rules.map((r) => [r.id, r.limit?.group]));
    groupsByCatalog.set(catalog, groups);
  }
  return groups;
}

function checkLimit(catalog: Catalog, rule: Rule, input: Case, ctx: EvaluationContext<FactSpecs>): void {
  const limit = rule.limit;
  if (limit === undefined) return;
  const year = input.date.slice(0, 4);
  let prior = 0;
  if (input.history !== undefined && input.history.length > 0) {
    const groupOf = limitGroups(catalog);
    for (const h of input.history) {
      if (groupOf.get(h.rule) === limit.group && (limit.window === 'lifetime' || h.date.slice(0, 4) === year)) prior++;
    }
  }
  // A limit not reached adds nothing to an untraced decision: skip building its label.
  if (!ctx.tracing && prior < limit.times) return;
  const windowName = limit.window === 'calendar_year' ? `每年（${year} 年）` : '';
  ctx.check(`${windowName}限享受 ${limit.times} 次`, prior < limit.times, {
    value: `已享受 ${prior} 次`,
    expected: `少于 ${limit.times} 次`,
    article: limit.article,
  });
}

function citationsOf(rule: Rule, steps: readonly TraceStep[]): Citation[] {
  const all: Citation[] = [
    ...rule.articles.map((article) => parseArticleRef(rule.document.code, article)),
    ...steps.flatMap((s) => (s.cite && s.cite.article !== '' ? [s.cite] : [])),
  ];
  return all.filter((c, i) => all.findIndex((d) => d.document === c.document && d.article === c.article) === i);
}

/** A short, stable fingerprint of the parameter values a decision used. */
export function parameterVersion(
  parameters: readonly { name: string; value: number | string; from: string; source: string }[],
): string {
  const key = parameters
    .map((p) => `${p.name}=${p.value}@${p.from}#${p.source}`)
    .sort()
    .join('|');
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}
