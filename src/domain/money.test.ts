import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen, parseYuanToFen } from './money.ts';

describe('money in fen', () => {
  it('formats fen as yuan with two decimals, signs and zero-padding included', () => {
    expect(formatFen(0)).toBe('0.00');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(48000)).toBe('480.00');
    expect(formatFen(-30050)).toBe('-300.50');
    expect(formatFen('123456789012345678')).toBe('1234567890123456.78');
  });

  it('reads back every amount it writes (up to 12 digits of yuan), and formats numbers as BigInt does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999_999 }), (fen) => {
        expect(parseYuanToFen(formatFen(fen))).toBe(fen);
        expect(formatFen(fen)).toBe(formatFen(BigInt(fen)));
        expect(formatFen(-fen)).toBe(fen === 0 ? '0.00' : `-${formatFen(fen)}`);
      }),
    );
  });
});
