// Which transport subsidy (交通补助) a laborer applies for in the portal: the rule of its own
// area. Huize (530326) has its county rule TR-HZ inside Yunnan's TR-YN (same limit group
// `transport`): the county's, the more specific, is the one its office pays. Pure.
import type { Rule } from '../rules/index.ts';

/** The transport subsidies a laborer may apply for itself. */
export const TRANSPORT_RULES = ['TR-HZ', 'TR-YN', 'TR-HN'] as const;

/** The transport rule whose region holds the village, the most specific first; undefined if none. */
export function transportRuleFor(rules: readonly Rule[], villageCode: string): Rule | undefined {
  return rules
    .filter((r) => (TRANSPORT_RULES as readonly string[]).includes(r.id) && villageCode.startsWith(r.region))
    .sort((a, b) => b.region.length - a.region.length)[0];
}

/** Where the laborer went to work, as the rules' `workRegion` fact: 省外, or a county code of the home province. */
export type Destination = { kind: 'out_of_province' } | { kind: 'in_county' } | { kind: 'county'; code: string };

export function workRegionFact(d: Destination, villageCode: string): string {
  if (d.kind === 'out_of_province') return '省外';
  if (d.kind === 'in_county') return villageCode.slice(0, 6);
  return d.code;
}

/**
 * The `migrant` fact (外出务工) the laborer's application states. Going to work outside the home
 * county is working away from home, and the ticket and the employer's income proof show it in
 * the county's review. Inside the county the place does not tell: a job in the county town the
 * laborer went out to is 外出务工, a 帮扶车间, 公益性岗位 or 就地就近 post at home is not. There
 * the application states nothing (undefined) and the register's channel answers.
 */
export function migrantFact(d: Destination): true | undefined {
  return d.kind === 'in_county' ? undefined : true;
}
