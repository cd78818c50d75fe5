// What a 政策找人 run over units (workshops, employers) writes for each unit it lists and for
// the run as a whole: the engine's screened conclusion as result columns, and the run's counts.
import type { Decision, Rule } from '../../domain/rules/index.ts';

type Listed = 'eligible' | 'amount_not_set' | 'incomplete';

/** The result columns of a screened decision, or undefined when the unit is not listed. */
export function listedConclusion(d: Decision, rule: Rule) {
  if (d.status !== 'eligible' && d.status !== 'amount_not_set' && d.status !== 'incomplete') return undefined;
  return {
    status: d.status as Listed,
    amount_fen: d.amountFen,
    max_amount_fen: d.maxAmountFen,
    message: d.message,
    missing_facts: d.missingFacts.map((f) => rule.formula.facts[f]?.label ?? f),
  };
}

/** The run's counts over the rows it lists. */
export function unitRunCounts(
  rows: readonly { status: Listed; amount_fen?: string | number | null; max_amount_fen?: string | number | null }[],
  evaluated: number,
  alreadyClaimed: number,
) {
  const count = (s: Listed) => rows.filter((r) => r.status === s).length;
  const sum = (k: 'amount_fen' | 'max_amount_fen') => rows.reduce((t, r) => t + Number(r[k] ?? 0), 0);
  return {
    evaluated,
    qualified: rows.length,
    already_claimed: alreadyClaimed,
    amount_not_set: count('amount_not_set'),
    to_verify: count('incomplete'),
    amount_fen: sum('amount_fen'),
    max_amount_fen: sum('max_amount_fen'),
  };
}
