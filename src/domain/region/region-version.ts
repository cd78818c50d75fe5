// Regions are kept with the dates they are valid: a version is valid from `validFrom`
// (inclusive) to `validTo` (exclusive; null while still valid). A change of the tree closes
// versions and opens new ones, so "region X on date D" always gives what was true on D.
import { isValidCalendarDate } from '../idcard/gb11643.ts';
import type { RegionLevel } from './region-code.ts';

export interface Validity {
  validFrom: string;
  validTo: string | null;
}

export interface RegionVersion extends Validity {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isValidCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Is the version valid on `date` (YYYY-MM-DD strings compare as dates)? */
export function isValidOn(v: Validity, date: string): boolean {
  return v.validFrom <= date && (v.validTo === null || date < v.validTo);
}

/** The version of `code` valid on `date`, if any. */
export function versionOn<T extends Validity & { code: string }>(
  versions: readonly T[],
  code: string,
  date: string,
): T | undefined {
  return versions.find((v) => v.code === code && isValidOn(v, date));
}

/** Do two validity periods share a day? */
export function overlaps(a: Validity, b: Validity): boolean {
  return (b.validTo === null || a.validFrom < b.validTo) && (a.validTo === null || b.validFrom < a.validTo);
}

/**
 * The lower and upper bounds (upper exclusive, undefined when unbounded) of the codes that
 * start with `prefix`, so that a prefix query can use the primary-key index whatever the
 * database's collation: for digit strings, `prefix <= code < next` is the same as
 * `code LIKE prefix || '%'`.
 */
export function prefixRange(prefix: string): { from: string; to: string | undefined } {
  if (!/^\d*$/.test(prefix)) throw new Error(`区划代码前缀只能包含数字：${prefix}`);
  const digits = prefix.split('').map(Number);
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === 9) i -= 1;
  if (i < 0) return { from: prefix, to: undefined };
  return { from: prefix, to: `${digits.slice(0, i).join('')}${(digits[i] as number) + 1}` };
}
