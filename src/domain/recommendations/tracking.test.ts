import { describe, expect, it } from 'vitest';
import {
  addMonths,
  consentStampAfter,
  consentState,
  furthestStep,
  hiredWithdrawalNotice,
  mayRecord,
  mayWithdrawConsent,
  stabilityAt,
  type TrackState,
  withdrawalNote,
} from './tracking.ts';

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

describe('同意公开 and 撤回同意', () => {
  const given = '2026-11-20T02:00:00.000Z';
  const withdrawn = '2026-11-21T03:00:00.000Z';
  it('consent is in force from its date until a withdrawal at or after it; given again after it, in force again', () => {
    expect(consentState({ consentAt: null, withdrawnAt: null })).toBe('none');
    expect(consentState({ consentAt: given, withdrawnAt: null })).toBe('given');
    expect(consentState({ consentAt: given, withdrawnAt: withdrawn })).toBe('withdrawn');
    expect(consentState({ consentAt: given, withdrawnAt: given })).toBe('withdrawn');
    expect(consentState({ consentAt: new Date('2026-11-22T00:00:00Z'), withdrawnAt: new Date(withdrawn) })).toBe('given');
  });
  it('only a consent in force may be withdrawn, with the reason in Chinese otherwise (the day in Beijing time)', () => {
    expect(mayWithdrawConsent({ consentAt: given, withdrawnAt: null })).toEqual({ ok: true });
    expect(mayWithdrawConsent({ consentAt: null, withdrawnAt: null })).toEqual({
      ok: false,
      problem: 'none',
      reason: '您尚未同意向用人单位公开信息，无需撤回',
    });
    expect(mayWithdrawConsent({ consentAt: given, withdrawnAt: '2026-11-21T17:00:00.000Z' })).toEqual({
      ok: false,
      problem: 'withdrawn',
      reason: '您已于 2026-11-22 撤回同意，用人单位已看不到您的姓名和电话',
    });
    // Recorded by an officer for the laborer: the same rule, the reason about the laborer.
    expect(mayWithdrawConsent({ consentAt: null, withdrawnAt: null }, 'officer')).toMatchObject({
      reason: '劳动力尚未同意向用人单位公开信息，无需撤回',
    });
    expect(mayWithdrawConsent({ consentAt: given, withdrawnAt: '2026-11-21T17:00:00.000Z' }, 'officer')).toMatchObject({
      problem: 'withdrawn',
      reason: '劳动力已于 2026-11-22 撤回同意，用人单位已看不到其姓名和电话',
    });
    expect(hiredWithdrawalNotice('2026-11-01')).toMatch(/^您已于 2026-11-01 被该单位录用。.*录用记录、就业经历.*不受影响/);
  });
  it('consent given again is dated after the withdrawal even when this clock is behind', () => {
    const now = new Date('2026-11-21T03:00:05.000Z');
    expect(consentStampAfter(null, now)).toBe(now);
    expect(consentStampAfter(withdrawn, now)).toBe(now);
    expect(consentStampAfter('2026-11-21T03:00:05.000Z', now).toISOString()).toBe('2026-11-21T03:00:05.001Z');
    expect(consentStampAfter(new Date('2026-11-21T04:00:00Z'), now).toISOString()).toBe('2026-11-21T04:00:00.001Z');
  });
  it('an officer records a withdrawal with a note of how the laborer asked: required, trimmed, at most 200 characters', () => {
    expect(withdrawalNote('  本人电话告知 ')).toEqual({ ok: true, note: '本人电话告知' });
    expect(withdrawalNote(' \n ')).toMatchObject({ ok: false, reason: expect.stringContaining('不能为空') });
    expect(withdrawalNote('话'.repeat(200))).toMatchObject({ ok: true });
    expect(withdrawalNote(` ${'话'.repeat(200)} `)).toMatchObject({ ok: true });
    expect(withdrawalNote('话'.repeat(201))).toEqual({ ok: false, reason: '不能超过200个字' });
    // Counted in characters, not UTF-16 units: 200 characters outside the BMP still pass.
    expect(withdrawalNote('𠀀'.repeat(200))).toMatchObject({ ok: true });
  });
});
