// Facts a rule can read from the designated-county lists (区划认定) for the case's region and
// date: the engine fills them when the case does not state them, and says in the trace which
// list it read. A fact stays missing where no list of its kind is in force for the province.
import { type DesignationAnswer, type DesignationIndex, type DesignationKind, designationText } from '../region/designation.ts';

/** The facts the lists can give, with their meaning (shown in the rule catalogue). */
export const REGION_FACTS = {
  deepPovertyCounty: '案例地区所在县列入省级公布的深度贫困县名单',
  employerInPoorArea: '用人单位所在县（案例地区）列入省级公布的贫困县或深度贫困县名单',
} as const;
export type RegionFact = keyof typeof REGION_FACTS;

export function isRegionFact(name: string): name is RegionFact {
  return Object.hasOwn(REGION_FACTS, name);
}

export interface RegionFactValue {
  value: boolean;
  /** The list that decided it (kind and answer): what `regionFactNote` words for the trace. */
  kind: DesignationKind;
  answer: DesignationAnswer;
}

/** The value of a region fact for `region` on `date`, or undefined when no list decides it. */
export function regionFact(index: DesignationIndex, name: RegionFact, region: string, date: string): RegionFactValue | undefined {
  const deep = index.lookup('deep_poverty_county', region, date);
  if (name === 'deepPovertyCounty') return deep && { value: deep.designated, kind: 'deep_poverty_county', answer: deep };
  // A 深度贫困县 is a 贫困县 even where the province's list of 贫困县 is not in the database.
  if (deep?.designated) return { value: true, kind: 'deep_poverty_county', answer: deep };
  const poor = index.lookup('poor_county', region, date);
  return poor && { value: poor.designated, kind: 'poor_county', answer: poor };
}

/** Which list said what, in a line for the trace (worded only when a trace is kept: batch runs keep none). */
export function regionFactNote(found: RegionFactValue, region: string, date: string): string {
  return designationText(found.kind, region, date, found.answer);
}
