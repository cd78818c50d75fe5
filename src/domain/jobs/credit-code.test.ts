import { describe, expect, it } from 'vitest';
import { creditCheckChar, creditCodeProblem, isCreditCode, normalizeCreditCode, organizationKind } from './credit-code.ts';

describe('统一社会信用代码 check character (GB 32100)', () => {
  it('accepts published codes of real organisations', () => {
    // 腾讯科技（深圳）有限公司, 华为技术有限公司, 阿里巴巴（中国）有限公司 (from their licences).
    for (const c of ['9144030071526726XG', '914403001922038216', '91330100716105852F'])
      expect(creditCodeProblem(c)).toBeUndefined();
  });

  it('names the expected check character when the last one is wrong', () => {
    expect(creditCodeProblem('914403001922038217')).toBe('校验码错误（第18位应为 6）');
  });

  it('computes 31 as 0 and letters as their alphabet values', () => {
    const first = '91530326MA6K0000';
    for (const ch of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
      const code = `${first}${ch}`;
      expect(isCreditCode(code + creditCheckChar(code))).toBe(true);
    }
  });

  it('rejects the letters the alphabet leaves out and wrong lengths', () => {
    expect(creditCodeProblem('9144030071526726XGX')).toBe('应为18位，实为19位');
    expect(creditCodeProblem('9144030071526726IG')).toMatch(/不允许的字符/);
    expect(creditCodeProblem('91440A0071526726XG')).toMatch(/不允许的字符/);
  });

  it('normalizes what users paste: lower case, full width, spaces', () => {
    expect(normalizeCreditCode(' ９１４４０３００７１５２６７２６ｘｇ ')).toBe('9144030071526726XG');
  });
});

describe('the kind of organisation a code was issued to (GB 32100 表1)', () => {
  it('tells an enterprise from an individual business, a cooperative, a public institution and a social organisation', () => {
    expect(organizationKind('914403001922038216')).toEqual({ kind: '企业', enterprise: true });
    expect(organizationKind('92530326MA6K0001X0')).toEqual({ kind: '个体工商户', enterprise: false });
    expect(organizationKind('93530326MA6K0002Y0')).toEqual({ kind: '农民专业合作社', enterprise: false });
    expect(organizationKind('12530000015112345X')).toEqual({ kind: '事业单位', enterprise: false });
    expect(organizationKind('51530000MJ0000000X')).toEqual({ kind: '社会团体', enterprise: false });
    expect(organizationKind('N2530326MF0000000X')).toEqual({ kind: '村级集体经济组织', enterprise: false });
    expect(organizationKind('Y1530326000000000X')).toEqual({ kind: '其他组织', enterprise: false });
  });
});
