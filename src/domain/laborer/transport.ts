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
