import { describe, expect, it } from 'vitest';
import { addMonths, furthestStep, mayRecord, stabilityAt, type TrackState } from './tracking.ts';

const none: TrackState = {
  pushedAt: null,
  seenAt: null,
  interestedAt: null,
  consentAt: null,
  appliedAt: null,
  interviewedAt: null,
  hiredOn: null,
  declinedAt: null,
};

describe('stability of a hire at 3 and 6 months', () => {
  it('counts a laborer still in work on the day three months after the hire as stable, not the day before', () => {
    expect(stabilityAt('2026-03-15', null, 3, '2026-06-15')).toBe('stable');
    expect(stabilityAt('2026-03-15', null, 3, '2026-06-14')).toBe('pending');
  });
  it('a spell ended the day before the mark is left; ended on the mark is stable', () => {
    expect(stabilityAt('2026-03-15', '2026-06-14', 3, '2026-12-01')).toBe('left');
    expect(stabilityAt('2026-03-15', '2026-06-15', 3, '2026-12-01')).toBe('stable');
    expect(stabilityAt('2026-03-15', '2026-06-15', 6, '2026-12-01')).toBe('left');
  });
  it('month ends clamp (31 August + 6 months is 28 February, 29 in a leap year)', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15');
  });
});

describe('tracking steps', () => {
  it('allows skipping steps but nothing after a hire or a decline, and no step twice', () => {
    expect(mayRecord({ ...none, pushedAt: 'x' }, 'hired').ok).toBe(true);
    expect(mayRecord({ ...none, seenAt: 'x' }, 'seen')).toEqual({ ok: false, reason: '“已查看”已记录' });
    expect(mayRecord({ ...none, hiredOn: '2026-03-01' }, 'interviewed').ok).toBe(false);
    expect(mayRecord({ ...none, declinedAt: 'x' }, 'applied').ok).toBe(false);
  });
  it('the furthest step counts a hire as every step before it', () => {
    expect(furthestStep(none)).toBeNull();
    expect(furthestStep({ ...none, pushedAt: 'x', hiredOn: '2026-03-01' })).toBe('hired');
    expect(furthestStep({ ...none, seenAt: 'x', pushedAt: 'x' })).toBe('seen');
  });
});
