import { describe, expect, it } from 'vitest';
import { industrySection, validateEmployer } from './employer-input.ts';

describe('employer validation', () => {
  it('normalizes the credit code, reads the industry section and the flags', () => {
    const r = validateEmployer({
      creditCode: '9144030071526726xg',
      name: '腾讯',
      regionCode: '440305',
      industry: '信息传输、软件和信息技术服务业',
      isBase: '是',
    });
    expect(r.ok && r.value).toMatchObject({ creditCode: '9144030071526726XG', industry: 'I', isBase: true, isWorkshop: false });
  });

  it('names each problem', () => {
    const r = validateEmployer({
      creditCode: '9144030071526726XH',
      name: '',
      regionCode: '4403',
      industry: 'Z',
      contactPhone: '12345',
    });
    expect(r.ok ? [] : r.problems.map((p) => `${p.label}${p.reason}`)).toEqual([
      '统一社会信用代码校验码错误（第18位应为 G）',
      '单位名称不能为空',
      '行业门类应为国民经济行业分类门类（A-T，如“C 制造业”）',
      '联系电话应为11位手机号或带区号的固定电话',
    ]);
  });

  it('reads sections by letter or name', () => {
    expect(industrySection('c')).toBe('C');
    expect(industrySection('C 制造业')).toBe('C');
    expect(industrySection('建筑业')).toBe('E');
    expect(industrySection('制造')).toBeUndefined();
  });
});
