import { describe, expect, it } from 'vitest';
import { creditCheckChar, creditCodeProblem, isCreditCode, normalizeCreditCode } from './credit-code.ts';

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
