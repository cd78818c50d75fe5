import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate, isValidOn, overlaps, prefixRange, versionOn } from './region-version.ts';

describe('region versions by date', () => {
  const renamed = [
    { code: '150425100', name: '经棚镇', validFrom: '2023-06-30', validTo: '2024-01-01' },
    { code: '150425100', name: '经棚新镇', validFrom: '2024-01-01', validTo: null },
  ];

  it('gives the name valid on the day: the old one until the day before the change, the new one from it', () => {
    expect(versionOn(renamed, '150425100', '2023-12-31')?.name).toBe('经棚镇');
    expect(versionOn(renamed, '150425100', '2024-01-01')?.name).toBe('经棚新镇');
    expect(versionOn(renamed, '150425100', '2030-05-01')?.name).toBe('经棚新镇');
  });

  it('knows nothing of a region before the first date it is known to be valid', () => {
    expect(versionOn(renamed, '150425100', '2023-06-29')).toBeUndefined();
    expect(versionOn(renamed, '150425101', '2024-01-01')).toBeUndefined();
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-6-30')).toBe(false);
  });

  it('a version is valid on a day exactly when it overlaps that one-day period (property)', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
    const validity = fc
      .tuple(day, fc.option(day, { nil: null }))
      .filter(([a, b]) => b === null || a < b)
      .map(([validFrom, validTo]) => ({ validFrom, validTo }));
    fc.assert(
      fc.property(validity, day, (v, d) => {
        const next = new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10);
        expect(isValidOn(v, d)).toBe(overlaps(v, { validFrom: d, validTo: next }));
      }),
    );
  });

  it('a prefix range holds exactly the codes that start with the prefix (property)', () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }).chain(digits), digits(12), (prefix, code) => {
        const { from, to } = prefixRange(prefix);
        const inRange = code >= from && (to === undefined || code < to);
        expect(inRange).toBe(code.startsWith(prefix));
      }),
    );
    expect(prefixRange('150425')).toEqual({ from: '150425', to: '150426' });
    expect(prefixRange('1599')).toEqual({ from: '1599', to: '16' });
    expect(prefixRange('99')).toEqual({ from: '99', to: undefined });
  });
});
