// What becomes of a recommendation: the steps a laborer takes after a push, which step may be
// recorded when, whether the employer may see who the laborer is (consent and its withdrawal),
// and whether a hire was still in work 3 and 6 months later (the stability the
// export service subsidies need). Pure: the recommendations module stores the dates.
import { todayInShanghai } from '../registry/derive.ts';

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

// ---- 同意公开 / 撤回同意 ----

/**
 * Whether the employer of the job may see who the laborer is: never agreed (masked), agreed
 * (name and phone shown for this job), or agreed and withdrawn (masked again, exactly as
 * before). Giving consent again after a withdrawal makes it `given` once more.
 */
export type ConsentState = 'none' | 'given' | 'withdrawn';

export const CONSENT_STATE_NAMES: Record<ConsentState, string> = {
  none: '未同意公开',
  given: '已同意公开',
  withdrawn: '已撤回同意',
};

export const CONSENT_WITHDRAWAL_NAME = '撤回同意';

/** A recommendation's consent_at and consent_withdrawn_at. */
export interface ConsentStamps {
  consentAt: Date | string | null;
  withdrawnAt: Date | string | null;
}

const time = (d: Date | string) => (d instanceof Date ? d.getTime() : Date.parse(d));

/** Consent is in force while it was given and no withdrawal at or after it is recorded. */
export function consentState(s: ConsentStamps): ConsentState {
  if (!s.consentAt) return 'none';
  if (s.withdrawnAt && time(s.withdrawnAt) >= time(s.consentAt)) return 'withdrawn';
  return 'given';
}

export const consentInForce = (s: ConsentStamps) => consentState(s) === 'given';

/**
 * When consent is given again after a withdrawal: now, or just after the withdrawal when a
 * clock behind the one that dated it would put the new consent before it.
 */
export function consentStampAfter(withdrawnAt: Date | string | null, now: Date = new Date()): Date {
  if (!withdrawnAt || time(withdrawnAt) < now.getTime()) return now;
  return new Date(time(withdrawnAt) + 1);
}

/**
 * Whether the consent may be withdrawn now: only a consent in force. A hire does not
 * stop it. Once hired, the employer holds the person as its employee through the employment
 * itself (labor contract, payroll), which the recommendation's consent never governed: the
 * withdrawal masks the laborer again in the job's list of matched laborers, and the hire, the
 * employment spell in the register and the employer's own records stay;
 * `hiredWithdrawalNotice` says so in Chinese. A hired laborer cannot give consent again
 * (nothing follows a hire, `mayRecord`): the recruiting that consent served is over.
 * The laborer withdraws in its portal, or tells the village and an officer records it; the
 * reason speaks to whichever of them asked (`to`).
 */
export function mayWithdrawConsent(
  s: ConsentStamps,
  to: 'laborer' | 'officer' = 'laborer',
): { ok: true } | { ok: false; problem: 'none' | 'withdrawn'; reason: string } {
  const state = consentState(s);
  const who = to === 'laborer' ? '您' : '劳动力';
  if (state === 'none') return { ok: false, problem: 'none', reason: `${who}尚未同意向用人单位公开信息，无需撤回` };
  if (state === 'withdrawn') {
    const day = s.withdrawnAt ? todayInShanghai(new Date(time(s.withdrawnAt))) : '';
    const whose = to === 'laborer' ? '您的' : '其';
    return { ok: false, problem: 'withdrawn', reason: `${who}已于 ${day} 撤回同意，用人单位已看不到${whose}姓名和电话` };
  }
  return { ok: true };
}

/** Longest note an officer writes when recording a withdrawal for the laborer (in characters). */
export const WITHDRAWAL_NOTE_MAX = 200;

/**
 * The note of a withdrawal an officer records for the laborer, saying how the laborer asked
 * (本人电话告知, 本人到村委会当面提出): required, trimmed, at most 200 characters.
 */
export function withdrawalNote(note: string): { ok: true; note: string } | { ok: false; reason: string } {
  const n = note.trim();
  if (n === '') return { ok: false, reason: '不能为空，请写明劳动力如何提出撤回（如 本人电话告知）' };
  if ([...n].length > WITHDRAWAL_NOTE_MAX) return { ok: false, reason: `不能超过${WITHDRAWAL_NOTE_MAX}个字` };
  return { ok: true, note: n };
}

/** What withdrawing means once hired (shown with a withdrawn consent of a hired laborer). */
export function hiredWithdrawalNotice(hiredOn: string): string {
  return `您已于 ${hiredOn} 被该单位录用。撤回同意后，该岗位的匹配名单中不再显示您的姓名和电话；但录用记录、就业经历和您与单位的劳动关系不受影响，仍然保留。`;
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
