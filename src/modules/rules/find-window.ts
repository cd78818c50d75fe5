// Whose claims keep someone off a 政策找人 list: a live claim under any rule of the rule's
// frequency-limit group, in its window (the calendar year of the run, or ever).
import type { Catalog, Rule } from '../../domain/rules/index.ts';

/** Who the rule's frequency limit counts against: the rules of its group, in its window. */
export function limitWindow(cat: Catalog, rule: Rule, date: string): { rules: string[]; year: number | null } {
  const rules = rule.limit ? cat.rules.filter((r) => r.limit?.group === rule.limit?.group).map((r) => r.id) : [rule.id];
  return { rules, year: rule.limit?.window === 'calendar_year' ? Number(date.slice(0, 4)) : null };
}
