// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (digits and
// capital letters without I, O, Z, S, V). Position 1 is the registering authority, 2 the
// kind of organisation, 3-8 the region code, 9-17 the organisation code, 18 a check
// character: weights 3^(i-1) mod 31, check = 31 - (Σ value × weight mod 31), 31 written 0.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Upper case, full-width characters and spaces removed: what users paste from licences. */
export function normalizeCreditCode(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** The check character for the first 17 characters. */
export function creditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i] as string) * (WEIGHTS[i] as number);
  return ALPHABET[(31 - (sum % 31)) % 31] as string;
}

/** Why a credit code is not valid, in Chinese; undefined when it is. */
export function creditCodeProblem(code: string): string | undefined {
  if (code.length !== 18) return `应为18位，实为${code.length}位`;
  if (!SHAPE.test(code)) return '含有不允许的字符（第3-8位为数字，其余为数字或大写字母，不含 I、O、Z、S、V）';
  const want = creditCheckChar(code.slice(0, 17));
  if (code[17] !== want) return `校验码错误（第18位应为 ${want}）`;
  return undefined;
}

export function isCreditCode(code: string): boolean {
  return creditCodeProblem(code) === undefined;
}
