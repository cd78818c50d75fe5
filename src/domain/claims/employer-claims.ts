// What an employer's own account may claim, without I/O: the rules whose subject is a unit it
// can be (用人单位 always; 帮扶车间 when recognised as a workshop, or as a 就业帮扶基地 where
// the rule's carriers include bases), which rules name one laborer, which facts the employer
// states and which only the register states, and what of a decision goes back to it.
import type { Decision, FactInput, Rule, SubjectKind, TraceStep } from '../rules/index.ts';

/** The unit an employer account acts for, as the employers table records it. */
export interface EmployerUnit {
  isWorkshop: boolean;
  isBase: boolean;
}

/** Why an employer may not apply for a rule (Chinese, for the error), or undefined when it may. */
export function refuseEmployerRule(rule: Rule, unit: EmployerUnit): string | undefined {
  const kind: SubjectKind = rule.subject;
  if (kind === 'employer') return undefined;
  if (kind === 'workshop') {
    if (unit.isWorkshop) return undefined;
    if (rule.bases === true) {
      return unit.isBase ? undefined : `「${rule.title}」的申请对象为帮扶车间或就业帮扶基地，本单位未被认定为其中之一`;
    }
    return `「${rule.title}」的申请对象为帮扶车间，本单位未被认定为帮扶车间`;
  }
  return `「${rule.title}」的申请对象不是用人单位，须由经办机构申报`;
}

/**
 * Facts about who a laborer is: for a claim naming a laborer they come from the register, and
 * what the employer types for them is not used (an employer cannot declare someone registered
 * poor). laborerHomeRegion is the register's village of the laborer.
 */
export const REGISTER_STATED_FACTS: ReadonlySet<string> = new Set([
  'registeredPoor',
  'monitored',
  'relocated',
  'age',
  'sex',
  'workingAge',
  'ableToWork',
  'weakLabor',
  'student',
  'disabled',
  'seriouslyIll',
  'willingToMigrate',
  'laborerHomeRegion',
]);

/**
 * Does an employer's claim under this rule name one laborer? Yes when the rule counts per
 * laborer (POST-HN) or reads a fact about who one laborer is (SI-HN, SI-YN: registeredPoor).
 */
export function namesLaborer(rule: Rule): boolean {
  if (rule.limit?.per === 'laborer') return true;
  return Object.keys(rule.formula.facts).some((f) => REGISTER_STATED_FACTS.has(f));
}

/** The facts of a rule that the employer states (the rest come from the register when a laborer is named). */
export function employerStatedFacts(rule: Rule): string[] {
  const named = namesLaborer(rule);
  return Object.keys(rule.formula.facts).filter((f) => !(named && REGISTER_STATED_FACTS.has(f)));
}

/**
 * The case's facts for an employer's claim: the register's facts about the named laborer,
 * the employer's stated facts about the job (contract, months in post, insurance, counts)
 * where the register has none or the employer states them, but never the employer's word
 * on who the laborer is.
 */
export function employerCaseFacts(
  rule: Rule,
  register: Readonly<Record<string, FactInput>>,
  stated: Readonly<Record<string, FactInput>>,
): Record<string, FactInput> {
  const allowed = new Set(employerStatedFacts(rule));
  const out: Record<string, FactInput> = { ...register };
  for (const [k, v] of Object.entries(stated)) {
    if (!allowed.has(k) || v === undefined || v === null || v === '') continue;
    out[k] = v;
  }
  return out;
}

/** Only what the employer typed, out of the facts a claim stored (the register's stay hidden). */
export function statedOnly(rule: Rule | undefined, facts: Readonly<Record<string, unknown>>): Record<string, FactInput> {
  const allowed = new Set(rule ? employerStatedFacts(rule) : []);
  const out: Record<string, FactInput> = {};
  for (const [k, v] of Object.entries(facts)) {
    if (allowed.has(k) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) out[k] = v;
  }
  return out;
}

/**
 * The decision as the employer sees it: status, amount, message, citations, parameter version,
 * and the conditions with their result and article, without the values the engine read (which
 * may come from the register).
 */
export function decisionForEmployer(
  d: Pick<Decision, 'status' | 'amountFen' | 'message' | 'citations' | 'parameterVersion' | 'trace'>,
) {
  return {
    status: d.status,
    amountFen: d.amountFen,
    message: d.message,
    citations: d.citations,
    parameterVersion: d.parameterVersion,
    trace: d.trace
      .filter((s: TraceStep) => s.kind === 'check' || s.kind === 'amount' || s.kind === 'scope' || s.kind === 'limit')
      .map((s) => ({
        kind: s.kind,
        label: s.label,
        ...(s.expected !== undefined ? { expected: s.expected } : {}),
        ...(s.passed !== undefined ? { passed: s.passed } : {}),
        ...(s.kind === 'amount' && s.value !== undefined ? { value: s.value } : {}),
        ...(s.cite ? { cite: s.cite } : {}),
      })),
  };
}
