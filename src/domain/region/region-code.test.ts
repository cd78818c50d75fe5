import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ancestry, isInside, parentCode, regionLevel } from './region-code.ts';

describe('region codes', () => {
  it('knows the level from the length', () => {
    expect(['15', '1504', '150425', '150425100', '150425100201'].map(regionLevel)).toEqual([1, 2, 3, 4, 5]);
    expect(regionLevel('15042')).toBeUndefined();
    expect(regionLevel('15a4')).toBeUndefined();
  });

  it('walks from a village up to its province', () => {
    expect(ancestry('530326101201')).toEqual(['53', '5303', '530326', '530326101', '530326101201']);
    expect(parentCode('53')).toBeUndefined();
  });

  it('a village is inside its county but not inside a neighbouring one', () => {
    expect(isInside('530326101201', '530326')).toBe(true);
    expect(isInside('530326101201', '5303')).toBe(true);
    expect(isInside('530326101201', '530325')).toBe(false);
    expect(isInside('15', '1504')).toBe(false);
  });

  it('every ancestor contains the code, and containment is transitive (property)', () => {
    const village = fc.stringMatching(/^[1-6]\d{11}$/);
    fc.assert(
      fc.property(village, (v) => {
        const chain = ancestry(v);
        expect(chain).toHaveLength(5);
        for (const a of chain) expect(isInside(v, a)).toBe(true);
        for (let i = 1; i < chain.length; i++) expect(isInside(chain[i] as string, chain[i - 1] as string)).toBe(true);
      }),
    );
  });
});
