import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCharacter, makeIdNumber, normalizeIdNumber, parseIdNumber } from './gb11643.ts';

const TODAY = '2026-11-21';

describe('ID numbers (GB 11643)', () => {
  it('accepts the standard example and derives birth date and sex', () => {
    // GB 11643-1999 appendix example: 11010519491231002X, a woman born 1949-12-31.
    const r = parseIdNumber('11010519491231002X', TODAY);
    expect(r).toEqual({
      ok: true,
      value: { idNumber: '11010519491231002X', regionOfIssue: '110105', birthDate: '1949-12-31', sex: '女' },
    });
  });

  it('accepts a lower-case x and full-width digits', () => {
    expect(normalizeIdNumber(' １１010519491231002x ')).toBe('11010519491231002X');
    expect(parseIdNumber('11010519491231002x', TODAY).ok).toBe(true);
  });

  it('names the expected check character when it is wrong', () => {
    const r = parseIdNumber('110105194912310021', TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatchObject({ kind: 'check-digit', expected: 'X' });
  });

  it('refuses impossible and future birth dates', () => {
    const feb30 = `15042519900230001`;
    expect(parseIdNumber(feb30 + checkCharacter(feb30), TODAY)).toMatchObject({ ok: false, problem: { kind: 'birth-date' } });
    const future = `15042520300101001`;
    expect(parseIdNumber(future + checkCharacter(future), TODAY)).toMatchObject({ ok: false, problem: { kind: 'birth-date' } });
    const leap = `15042520000229001`;
    expect(parseIdNumber(leap + checkCharacter(leap), TODAY).ok).toBe(true);
  });

  it('refuses 15-digit and malformed numbers', () => {
    for (const bad of ['150425900101001', '15042519900101001', '1504251990010100AX', '']) {
      expect(parseIdNumber(bad, TODAY)).toMatchObject({ ok: false, problem: { kind: 'format' } });
    }
  });

  const dateArb = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-11-20T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('round-trips every generated number (property)', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 999 }), fc.constantFrom('男', '女' as const), (birth, seq, sex) => {
        const id = makeIdNumber('530326', birth, seq, sex);
        const r = parseIdNumber(id, TODAY);
        expect(r).toEqual({ ok: true, value: { idNumber: id, regionOfIssue: '530326', birthDate: birth, sex } });
      }),
    );
  });

  it('detects every single-digit change (property)', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (birth, seq, pos, delta) => {
          const id = makeIdNumber('150425', birth, seq, '男');
          const digit = (Number(id[pos]) + delta) % 10;
          const changed = id.slice(0, pos) + digit + id.slice(pos + 1);
          expect(parseIdNumber(changed, TODAY).ok).toBe(false);
        },
      ),
    );
  });
});
