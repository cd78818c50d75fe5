import { describe, expect, it } from 'vitest';
import type { Rule } from '../rules/index.ts';
import { employerCaseFacts, employerStatedFacts, namesLaborer, refuseEmployerRule } from './employer-claims.ts';

const rule = (o: Partial<Rule> & { facts?: string[] }): Rule =>
  ({
    id: 'X',
    title: '某补贴',
    subject: 'employer',
    ...o,
    formula: { id: 'X', facts: Object.fromEntries((o.facts ?? []).map((f) => [f, { type: 'boolean', label: f }])) },
  }) as unknown as Rule;

const plain = { isWorkshop: false, isBase: false };

describe('what an employer may claim for its own unit', () => {
  it('rules for employers always; workshop rules only when recognised; bases where the rule names them', () => {
    expect(refuseEmployerRule(rule({}), plain)).toBeUndefined();
    expect(refuseEmployerRule(rule({ subject: 'workshop' }), plain)).toContain('未被认定为帮扶车间');
    expect(refuseEmployerRule(rule({ subject: 'workshop' }), { isWorkshop: true, isBase: false })).toBeUndefined();
    expect(refuseEmployerRule(rule({ subject: 'workshop' }), { isWorkshop: false, isBase: true })).toBeDefined();
    expect(refuseEmployerRule(rule({ subject: 'workshop', bases: true }), { isWorkshop: false, isBase: true })).toBeUndefined();
    expect(refuseEmployerRule(rule({ subject: 'person' }), { isWorkshop: true, isBase: true })).toContain('经办机构');
    expect(refuseEmployerRule(rule({ subject: 'agency' }), plain)).toBeDefined();
  });

  it('a rule reading who one laborer is names the laborer, and the register, not the employer, states it', () => {
    const si = rule({ facts: ['registeredPoor', 'laborerHomeRegion', 'contractMonths'] });
    expect(namesLaborer(si)).toBe(true);
    expect(employerStatedFacts(si)).toEqual(['contractMonths']);
    expect(
      employerCaseFacts(
        si,
        { registeredPoor: false, laborerHomeRegion: '530326001001' },
        { registeredPoor: true, contractMonths: 24 },
      ),
    ).toEqual({ registeredPoor: false, laborerHomeRegion: '530326001001', contractMonths: 24 });
    const counts = rule({ facts: ['inCountyEmployer'] });
    expect(namesLaborer(counts)).toBe(false);
    expect(namesLaborer(rule({ limit: { group: 'g', window: 'calendar_year', times: 1, article: '一', per: 'laborer' } }))).toBe(
      true,
    );
  });
});
