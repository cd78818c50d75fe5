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

/**
 * What kind of organisation a code was issued to, from its first two characters (GB 32100-2015
 * 表1: 登记管理部门代码 and 机构类别代码), for the kinds the policies tell apart: an enterprise
 * (岗位补贴's higher rate, 劳务公司) against an individual business, a cooperative, a public body.
 */
export function organizationKind(code: string): { kind: string; enterprise: boolean } {
  const kinds: Record<string, string> = {
    '11': '机关',
    '12': '事业单位',
    '13': '群众团体',
    '51': '社会团体',
    '52': '民办非企业单位',
    '53': '基金会',
    '91': '企业',
    '92': '个体工商户',
    '93': '农民专业合作社',
    N1: '组级集体经济组织',
    N2: '村级集体经济组织',
    N3: '乡镇级集体经济组织',
  };
  const prefix = code.slice(0, 2);
  return { kind: kinds[prefix] ?? '其他组织', enterprise: prefix === '91' };
}
