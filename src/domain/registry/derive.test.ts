import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ageOn,
  beijingDateTime,
  currentSpell,
  employmentStatus,
  isWorkingAge,
  isZeroEmploymentHousehold,
  type MemberLike,
  todayInShanghai,
} from './derive.ts';

describe('age and working age (NM-2018: men 16-60, women 16-55)', () => {
  it('counts whole years, turning a year older on the birthday', () => {
    expect(ageOn('1966-11-21', '2026-11-20')).toBe(59);
    expect(ageOn('1966-11-21', '2026-11-21')).toBe(60);
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
  });

  it('includes a man through the whole year he is 60 and a woman through 55', () => {
    expect(isWorkingAge('男', '1966-11-22', '2026-11-21')).toBe(true); // 59
    expect(isWorkingAge('男', '1965-11-22', '2026-11-21')).toBe(true); // 60
    expect(isWorkingAge('男', '1965-11-21', '2026-11-21')).toBe(false); // 61 today
    expect(isWorkingAge('女', '1970-11-22', '2026-11-21')).toBe(true); // 55
    expect(isWorkingAge('女', '1970-11-21', '2026-11-21')).toBe(false); // 56 today
    expect(isWorkingAge('女', '2010-11-21', '2026-11-21')).toBe(true); // 16 today
    expect(isWorkingAge('女', '2010-11-22', '2026-11-21')).toBe(false); // 15
  });

  it('age never decreases as time passes (property)', () => {
    const day = fc
      .date({ min: new Date('1940-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (b, x, y) => {
        const [d1, d2] = x < y ? [x, y] : [y, x];
        expect(ageOn(b, d2)).toBeGreaterThanOrEqual(ageOn(b, d1));
      }),
    );
  });
});

describe('employment status from spells', () => {
  const spells = [
    { startDate: '2024-01-01', endDate: '2024-06-30', channel: '外出务工(自主)' as const },
    { startDate: '2025-03-01', endDate: null, channel: '公益性岗位' as const },
  ];
  it('is employed while a spell runs, including its last day', () => {
    expect(employmentStatus(spells, '2024-06-30')).toBe('已就业');
    expect(employmentStatus(spells, '2024-07-01')).toBe('未就业');
    expect(currentSpell(spells, '2026-01-01')?.channel).toBe('公益性岗位');
  });
});

describe('zero-employment households (人社部函〔2018〕22号)', () => {
  const m = (o: Partial<MemberLike>): MemberLike => ({
    sex: '男',
    birthDate: '1980-01-01',
    workCapacity: '普通劳动力',
    studentStatus: '非在校生',
    employed: false,
    ...o,
  });
  it('is a household with a laborer of working age and nobody of them employed', () => {
    expect(isZeroEmploymentHousehold([m({}), m({ sex: '女' })], '2026-11-21')).toBe(true);
    expect(isZeroEmploymentHousehold([m({}), m({ employed: true })], '2026-11-21')).toBe(false);
  });
  it('does not count households without anyone able to work', () => {
    expect(
      isZeroEmploymentHousehold(
        [
          m({ workCapacity: '丧失劳动力' }),
          m({ birthDate: '1950-01-01' }),
          m({ studentStatus: '在校生', birthDate: '2008-01-01' }),
        ],
        '2026-11-21',
      ),
    ).toBe(false);
  });
});

describe('Beijing time on a machine set to UTC (a browser abroad, a screenshot server)', () => {
  const tz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'UTC';
  });
  afterAll(() => {
    // process.env turns undefined into the string 'undefined'.
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });
  beforeEach(() => {
    vi.useFakeTimers();
    // 05:38:49 on 22 November in Beijing, still 21 November in UTC.
    vi.setSystemTime(new Date('2026-11-21T21:38:49Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the time and takes the day of Beijing, not of the machine', () => {
    const now = new Date();
    expect(now.getHours()).toBe(21); // what local formatting would show
    expect(now.getDate()).toBe(21);
    expect(beijingDateTime(now.toISOString())).toBe('2026-11-22 05:38:49');
    expect(beijingDateTime(now.toISOString(), false)).toBe('2026-11-22 05:38');
    expect(todayInShanghai()).toBe('2026-11-22');
  });

  it('reads an offset the server sends and turns the day at Beijing midnight (00, not 24)', () => {
    expect(beijingDateTime('2026-11-22T05:38:49.123+08:00')).toBe('2026-11-22 05:38:49');
    expect(beijingDateTime('2026-11-21T16:00:00Z')).toBe('2026-11-22 00:00:00');
    expect(beijingDateTime('2026-11-21T15:59:59Z')).toBe('2026-11-21 23:59:59');
    expect(todayInShanghai(new Date('2026-11-21T15:59:59Z'))).toBe('2026-11-21');
    expect(todayInShanghai(new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
  });

  it('shows a dash for no time or one it cannot read', () => {
    expect(beijingDateTime(null)).toBe('-');
    expect(beijingDateTime(undefined)).toBe('-');
    expect(beijingDateTime('')).toBe('-');
    expect(beijingDateTime('not a time')).toBe('-');
  });
});
