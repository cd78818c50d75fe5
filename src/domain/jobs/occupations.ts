// Looking up and searching the occupational classification shipped in occupation-codes.ts.
import { OCCUPATION_CODES, type OccupationCode, type OccupationLevel } from './occupation-codes.ts';

export interface Occupation extends OccupationCode {
  level: OccupationLevel;
  /** Names of the groups above, major group first. */
  path: string[];
}

const CODE_SHAPE = /^\d(-\d{2}(-\d{2}-\d{2})?)?$/;

function levelOf(code: string): OccupationLevel {
  const parts = code.split('-').length;
  return parts === 1 ? 'major' : parts === 2 ? 'middle' : 'occupation';
}

const BY_CODE = new Map<string, OccupationCode>(OCCUPATION_CODES.map((o) => [o.code, o]));

function build(o: OccupationCode): Occupation {
  const parts = o.code.split('-');
  const path: string[] = [];
  for (const n of [1, 2]) {
    if (parts.length <= n) break;
    const up = BY_CODE.get(parts.slice(0, n).join('-'));
    if (up) path.push(up.name);
  }
  return { ...o, level: levelOf(o.code), path };
}

const ALL: readonly Occupation[] = OCCUPATION_CODES.map(build);
const INDEX = new Map(ALL.map((o) => [o.code, o]));

export function isOccupationCodeShape(code: string): boolean {
  return CODE_SHAPE.test(code);
}

export function findOccupation(code: string): Occupation | undefined {
  return INDEX.get(code.trim());
}

/** The code itself, then its minor, middle and major groups: '4-10-01-06' -> ['4-10-01-06', '4-10-01', '4-10', '4']. */
export function occupationAncestry(code: string): string[] {
  const parts = code.split('-');
  return parts.map((_p, i) => parts.slice(0, parts.length - i).join('-'));
}

/**
 * Search by code prefix ("4-10"), name or keyword ("家政", "电子厂"): exact code first, then
 * codes starting with the text, then names, then keywords; occupations before groups.
 */
export function searchOccupations(q: string, limit = 20): Occupation[] {
  const t = q.trim();
  if (!t) return ALL.filter((o) => o.level !== 'occupation').slice(0, limit);
  const scored: { o: Occupation; rank: number }[] = [];
  for (const o of ALL) {
    let rank: number | undefined;
    if (o.code === t) rank = 0;
    else if (o.code.startsWith(t)) rank = 1;
    else if (o.name === t) rank = 2;
    else if (o.name.includes(t)) rank = 3;
    else if (o.keywords?.some((k) => k.includes(t) || t.includes(k))) rank = 4;
    if (rank !== undefined) scored.push({ o, rank: rank * 10 + (o.level === 'occupation' ? 0 : o.level === 'middle' ? 1 : 2) });
  }
  scored.sort((a, b) => a.rank - b.rank || a.o.code.localeCompare(b.o.code));
  return scored.slice(0, limit).map((s) => s.o);
}
