// The engine's decision for a claim: the rule, the case built from the claim (a laborer's
// facts read from the register through the rules module, the facts the applicant states
// winning; the history of the subject's live claims for frequency limits), the regional
// settings in force, and the answer turned into an error when it cannot be paid.
import type { Scoped } from '../../db/connection.ts';
import { formatFen } from '../../domain/money.ts';
import {
  type Case,
  CaseInputError,
  type Catalog,
  DECISION_STATUS_NAMES,
  type Decision,
  evaluateCase,
  type FactInput,
  type Rule,
} from '../../domain/rules/index.ts';
import { AppError } from '../../http/errors.ts';
import { plainCase, regionalInputs, resolveCase } from '../rules/index.ts';
import { liveClaimsOfSubject } from './claims.repository.ts';

export interface ClaimCase {
  rule: Rule;
  subject: Case['subject'];
  subjectKey: string;
  /** A laborer of the register: facts the register holds fill the ones not stated. */
  personId?: string;
  region: string;
  date: string;
  facts: Record<string, FactInput>;
  /** A claim being re-decided does not count against itself. */
  exceptClaimId?: string;
}

/** Rules that count against the same frequency limit as `rule` (itself included). */
export function limitGroupRules(catalog: Catalog, rule: Rule): string[] {
  if (rule.limit === undefined) return [rule.id];
  const group = rule.limit.group;
  return catalog.rules.filter((r) => r.limit?.group === group).map((r) => r.id);
}

/** The window key of a frequency limit for a case date: the calendar year, or 'lifetime'. */
export function windowKey(rule: Rule, date: string): string {
  return rule.limit?.window === 'calendar_year' ? date.slice(0, 4) : 'lifetime';
}

/** The article a decision's amount rests on (the amount step's citation), else the rule's first article. */
export function amountArticle(rule: Rule, d: Pick<Decision, 'trace'>): string {
  const step = [...d.trace].reverse().find((s) => s.kind === 'amount');
  return step?.cite?.article ?? rule.articles[0] ?? '';
}

/** The decision and the facts it used (the register's merged with the stated ones). */
export async function decide(
  trx: Scoped,
  catalog: Catalog,
  c: ClaimCase,
  record: string,
): Promise<{ decision: Decision; facts: Record<string, FactInput> }> {
  const prior = await liveClaimsOfSubject(trx, c.subjectKey, limitGroupRules(catalog, c.rule), c.exceptClaimId);
  const caseInput = {
    rule: c.rule.id,
    subject: c.subject,
    region: c.region,
    date: c.date,
    facts: c.facts,
    history: prior.map((p) => ({ rule: p.rule_id, date: p.case_date, amountFen: Number(p.amount_fen) })),
  };
  const input: Case =
    c.personId === undefined ? plainCase(caseInput) : await resolveCase(trx, { ...caseInput, personId: c.personId }, record);
  const regional = await regionalInputs(trx, catalog, [c.rule.id]);
  try {
    const [decision] = evaluateCase(catalog, input, regional);
    if (decision === undefined) throw new Error(`规则 ${c.rule.id} 未给出判定`);
    return { decision, facts: input.facts };
  } catch (e) {
    if (!(e instanceof CaseInputError)) throw e;
    const problems = e.problems.map((p) => ({
      field: `facts.${p.field}`,
      label: p.label,
      message: p.message,
      ...(p.value !== undefined ? { value: p.value } : {}),
    }));
    throw new AppError('VALIDATION_FAILED', `${record}：${problems.map((p) => `${p.label}${p.message}`).join('；')}`, 400, {
      record,
      problems,
    });
  }
}

const REFUSAL_CODES: Record<Exclude<Decision['status'], 'eligible'>, string> = {
  not_eligible: 'CLAIM_NOT_ELIGIBLE',
  not_in_force: 'CLAIM_NOT_ELIGIBLE',
  amount_not_set: 'CLAIM_AMOUNT_NOT_SET',
  incomplete: 'CLAIM_INCOMPLETE',
};

/** The amount to pay, or a 422 that carries the reason, the citations and the trace. */
export function payableAmount(d: Decision, record: string): number {
  if (d.status === 'eligible' && d.amountFen !== null && d.amountFen > 0) return d.amountFen;
  // The whole decision, as 试算 shows it: the office's form draws the refusal with the same view.
  const details = { record, decision: { ...d, statusName: DECISION_STATUS_NAMES[d.status] } };
  if (d.status === 'eligible') {
    const why =
      d.amountFen === 0
        ? '核定金额为 0 元'
        : `金额尚未核定（最高 ${formatFen(d.maxAmountFen ?? 0)} 元，需补充${d.missingFacts.join('、') || '金额依据'}）`;
    throw new AppError('CLAIM_AMOUNT_UNDETERMINED', `${record}：${why}，不能申报`, 422, details);
  }
  throw new AppError(REFUSAL_CODES[d.status], `${record}：${DECISION_STATUS_NAMES[d.status]}。${d.message}`, 422, details);
}
