import { describe, expect, it } from 'vitest';
import { OCCUPATION_CODES } from './occupation-codes.ts';
import { findOccupation, occupationAncestry, searchOccupations } from './occupations.ts';

describe('occupational classification list', () => {
  it('has unique, well-formed codes and every listed code lies under a listed major group', () => {
    const codes = OCCUPATION_CODES.map((o) => o.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) {
      expect(c).toMatch(/^\d(-\d{2}(-\d{2}-\d{2})?)?$/);
      expect(findOccupation(c.slice(0, 1))).toBeDefined();
    }
    // occupations name the national standard that prints their code
    for (const o of OCCUPATION_CODES.filter((x) => x.code.split('-').length === 4)) expect(o.source).toMatch(/国家职业技能标准/);
  });

  it('finds by code (the group itself first), by code prefix, by name and by keyword', () => {
    expect(searchOccupations('4-10-01-06').map((o) => o.name)).toEqual(['家政服务员']);
    expect(searchOccupations('4-10').map((o) => o.code)).toEqual([
      '4-10',
      '4-10-01-01',
      '4-10-01-02',
      '4-10-01-05',
      '4-10-01-06',
    ]);
    expect(searchOccupations('焊工')[0]?.code).toBe('6-18-02-04');
    expect(searchOccupations('电子厂')[0]?.code).toBe('6-25');
    expect(searchOccupations('保姆').map((o) => o.code)).toEqual(['4-10-01-06', '4-10']);
  });

  it('gives the path of groups above an occupation', () => {
    expect(findOccupation('4-10-01-05')?.path).toEqual(['社会生产服务和生活服务人员', '居民服务人员']);
    expect(occupationAncestry('4-10-01-05')).toEqual(['4-10-01-05', '4-10-01', '4-10', '4']);
  });
});
