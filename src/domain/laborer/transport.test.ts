import { describe, expect, it } from 'vitest';
import type { Rule } from '../rules/index.ts';
import { migrantFact, transportRuleFor, workRegionFact } from './transport.ts';

const rule = (id: string, region: string) => ({ id, region }) as Rule;
const rules = [rule('TR-YN', '53'), rule('TR-HZ', '530326'), rule('TR-HN', '43'), rule('EXP-HZ', '530326')];

describe('the transport subsidy a laborer applies for itself', () => {
  it('is the most specific transport rule of its village: Huize’s own inside Yunnan’s', () => {
    expect(transportRuleFor(rules, '530326001001')?.id).toBe('TR-HZ');
    expect(transportRuleFor(rules, '530302001001')?.id).toBe('TR-YN');
    expect(transportRuleFor(rules, '430102001001')?.id).toBe('TR-HN');
  });

  it('is none where no transport rule applies (Inner Mongolia), and never another kind of rule', () => {
    expect(transportRuleFor(rules, '150425100200')).toBeUndefined();
    expect(transportRuleFor([rule('EXP-HZ', '530326')], '530326001001')).toBeUndefined();
  });

  it('turns where it went into the rules’ workRegion fact', () => {
    expect(workRegionFact({ kind: 'out_of_province' }, '530326001001')).toBe('省外');
    expect(workRegionFact({ kind: 'in_county' }, '530326001001')).toBe('530326');
    expect(workRegionFact({ kind: 'county', code: '530302' }, '530326001001')).toBe('530302');
  });

  it('states 外出务工 for work outside the county and leaves work inside it to the register’s channel', () => {
    expect(migrantFact({ kind: 'out_of_province' })).toBe(true);
    expect(migrantFact({ kind: 'county', code: '530302' })).toBe(true);
    expect(migrantFact({ kind: 'in_county' })).toBeUndefined();
  });
});
