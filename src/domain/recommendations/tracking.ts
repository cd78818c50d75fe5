// What becomes of a recommendation: the steps a laborer takes after a push, which step may be
// recorded when, and whether a hire was still in work 3 and 6 months later (the stability the
// export service subsidies need). Pure: the recommendations module stores the dates.

/** Steps in order. A later step implies the earlier ones for the funnel even when skipped. */
export const TRACK_STEPS = ['pushed', 'seen', 'interested', 'applied', 'interviewed', 'hired'] as const;
export type TrackStep = (typeof TRACK_STEPS)[number];

/** What an officer records (pushed comes from the outbox; consent and decline are not funnel steps). */
export const TRACK_EVENTS = ['seen', 'interested', 'consent', 'applied', 'interviewed', 'hired', 'declined'] as const;
export type TrackEvent = (typeof TRACK_EVENTS)[number];

export const TRACK_EVENT_NAMES: Record<TrackEvent | 'pushed', string> = {
  pushed: '已推送',
  seen: '已查看',
  interested: '有意向',
  consent: '同意向用人单位公开信息',
  applied: '已报名',
  interviewed: '已面试',
  hired: '已录用',
  declined: '不感兴趣',
};

export interface TrackState {
  pushedAt: string | null;
  seenAt: string | null;
  interestedAt: string | null;
  consentAt: string | null;
  appliedAt: string | null;
  interviewedAt: string | null;
  hiredOn: string | null;
  declinedAt: string | null;
}

/** The furthest funnel step reached, or null before the push. */
export function furthestStep(s: TrackState): TrackStep | null {
  if (s.hiredOn) return 'hired';
  if (s.interviewedAt) return 'interviewed';
  if (s.appliedAt) return 'applied';
  if (s.interestedAt) return 'interested';
  if (s.seenAt) return 'seen';
  if (s.pushedAt) return 'pushed';
  return null;
}

const FIELD: Record<Exclude<TrackEvent, 'hired'>, keyof TrackState> = {
  seen: 'seenAt',
  interested: 'interestedAt',
  consent: 'consentAt',
  applied: 'appliedAt',
  interviewed: 'interviewedAt',
  declined: 'declinedAt',
};

/**
 * Whether `event` may be recorded now; the reason in Chinese when not. Steps may be skipped
 * (a laborer met at a fair is hired without an application on record), but nothing follows a
 * hire or a decline, and no step is recorded twice.
 */
export function mayRecord(s: TrackState, event: TrackEvent): { ok: true } | { ok: false; reason: string } {
  if (s.hiredOn) return { ok: false, reason: `已于 ${s.hiredOn} 录用，不能再记录“${TRACK_EVENT_NAMES[event]}”` };
  if (s.declinedAt) return { ok: false, reason: `劳动力已表示不感兴趣，不能再记录“${TRACK_EVENT_NAMES[event]}”` };
  if (event !== 'hired' && s[FIELD[event]]) return { ok: false, reason: `“${TRACK_EVENT_NAMES[event]}”已记录` };
  return { ok: true };
}

/** The same day `months` later; the last day of the month when it has no such day (01-31 + 1 → 02-28). */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export type Stability = 'stable' | 'left' | 'pending';

export const STABILITY_NAMES: Record<Stability, string> = { stable: '稳定在岗', left: '已离岗', pending: '未满期' };

/**
 * Was a laborer hired on `start` still in that job `months` later? `end` is the employment
 * spell's end date (null while it runs). Left when the spell ended before the mark; pending
 * when the mark is after `today` and the spell still runs.
 */
export function stabilityAt(start: string, end: string | null, months: number, today: string): Stability {
  const mark = addMonths(start, months);
  if (end !== null && end < mark) return 'left';
  return mark <= today ? 'stable' : 'pending';
}
