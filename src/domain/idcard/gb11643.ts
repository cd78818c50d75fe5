// Citizen identity numbers, GB 11643-1999: 6-digit region of issue, 8-digit birth date,
// 3-digit sequence (odd = male, even = female), ISO 7064 MOD 11-2 check character.

export type Sex = '男' | '女';

export interface IdNumberInfo {
  idNumber: string;
  regionOfIssue: string;
  birthDate: string; // YYYY-MM-DD
  sex: Sex;
}

/** Problem messages follow the field's name: "身份证号" + message reads as a sentence. */
export type IdNumberProblem =
  | { kind: 'format'; message: string }
  | { kind: 'birth-date'; message: string }
  | { kind: 'check-digit'; message: string; expected: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

export function isValidCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[m - 1] as number);
}

/** Trims, upper-cases a trailing x, and turns full-width digits into ASCII. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[xｘＸ]$/, 'X');
}

/**
 * Parses an 18-character ID number. `today` bounds the birth date (no one is born in
 * the future, nobody registered is older than 130).
 */
export function parseIdNumber(
  raw: string,
  today: string = new Date().toISOString().slice(0, 10),
): { ok: true; value: IdNumberInfo } | { ok: false; problem: IdNumberProblem } {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, problem: { kind: 'format', message: '应为18位，前17位为数字，末位为数字或X' } };
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const earliest = `${Number(today.slice(0, 4)) - 130}${today.slice(4)}`;
  if (!isValidCalendarDate(y, m, d) || birthDate > today || birthDate < earliest) {
    return { ok: false, problem: { kind: 'birth-date', message: `中的出生日期 ${id.slice(6, 14)} 不是有效日期` } };
  }
  const expected = checkCharacter(id.slice(0, 17));
  if (id[17] !== expected) {
    return {
      ok: false,
      problem: { kind: 'check-digit', message: `校验码错误（末位应为 ${expected}）`, expected },
    };
  }
  const sex: Sex = Number(id[16]) % 2 === 1 ? '男' : '女';
  return { ok: true, value: { idNumber: id, regionOfIssue: id.slice(0, 6), birthDate, sex } };
}

/** Builds a valid ID number from its parts (used by the demo-data generator and tests). */
export function makeIdNumber(regionOfIssue: string, birthDate: string, sequence: number, sex: Sex): string {
  let seq = sequence % 1000;
  if ((seq % 2 === 1) !== (sex === '男')) seq = (seq + 1) % 1000;
  const first17 = `${regionOfIssue}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}
