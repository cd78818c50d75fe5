import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refuseSetting, valueOn } from './parameters.ts';

describe('dated parameter values', () => {
  const values = [
    { from: '2018-01-01', to: '2018-12-31', value: 30000, article: '一' },
    { from: '2019-01-01', to: null, value: 50000, article: '二' },
  ];

  it('gives the value in force on the day, including the first and last day of each period', () => {
    expect(valueOn(values, '2017-12-31')).toBeUndefined();
    expect(valueOn(values, '2018-01-01')?.value).toBe(30000);
    expect(valueOn(values, '2018-12-31')?.value).toBe(30000);
    expect(valueOn(values, '2019-01-01')?.value).toBe(50000);
  });

  it('never answers a value whose period does not contain the day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2016-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        const v = valueOn(values, day);
        if (v) expect(v.from <= day && (v.to === null || day <= v.to)).toBe(true);
      }),
    );
  });
});

describe('a region setting a standard', () => {
  const existing = [{ id: '1', rule: 'WS-NM', parameter: 'award', region: '1504', from: '2019-01-01', to: null, value: 100000 }];

  it('may start a new period after the latest one', () => {
    expect(
      refuseSetting(existing, { rule: 'WS-NM', parameter: 'award', region: '1504', from: '2020-01-01', value: 1 }),
    ).toBeUndefined();
  });

  it('may not rewrite a period already in force', () => {
    const reason = refuseSetting(existing, { rule: 'WS-NM', parameter: 'award', region: '1504', from: '2019-01-01', value: 1 });
    expect(reason).toContain('不能改写已执行的期间');
  });

  it('is independent of other regions', () => {
    expect(
      refuseSetting(existing, { rule: 'WS-NM', parameter: 'award', region: '1505', from: '2018-01-01', value: 1 }),
    ).toBeUndefined();
  });
});
