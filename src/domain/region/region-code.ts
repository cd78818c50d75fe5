// Statistical division codes (统计用区划代码): province 2, city/league 4, county/banner 6,
// township/sumu 9, village/gacha 12 digits. The hierarchy is the code prefix.

export type RegionLevel = 1 | 2 | 3 | 4 | 5;

export const LEVEL_NAMES: Record<RegionLevel, string> = {
  1: '省级',
  2: '地市级',
  3: '县级',
  4: '乡级',
  5: '村级',
};

const LENGTH_TO_LEVEL: Record<number, RegionLevel> = { 2: 1, 4: 2, 6: 3, 9: 4, 12: 5 };
const LEVEL_TO_LENGTH: Record<RegionLevel, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

export function regionLevel(code: string): RegionLevel | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  return LENGTH_TO_LEVEL[code.length];
}

export function isRegionCode(code: string): boolean {
  return regionLevel(code) !== undefined;
}

/** The code of the enclosing region, or undefined for a province. */
export function parentCode(code: string): string | undefined {
  const level = regionLevel(code);
  if (level === undefined || level === 1) return undefined;
  return code.slice(0, LEVEL_TO_LENGTH[(level - 1) as RegionLevel]);
}

/** All enclosing codes from the province down to the code itself. */
export function ancestry(code: string): string[] {
  const out: string[] = [];
  for (let c: string | undefined = code; c !== undefined; c = parentCode(c)) out.unshift(c);
  return out;
}

/**
 * Is `inner` the same region as `outer` or inside it? Both are codes of one version of
 * the tree; a region that moved gets a new code, so the prefix relation holds per version.
 */
export function isInside(inner: string, outer: string): boolean {
  return isRegionCode(inner) && isRegionCode(outer) && inner.startsWith(outer);
}

export function provinceOf(code: string): string {
  return code.slice(0, 2);
}

export function countyOf(code: string): string | undefined {
  return code.length >= 6 ? code.slice(0, 6) : undefined;
}
