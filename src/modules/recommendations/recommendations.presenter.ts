// What clients see of runs, recommendations and matched laborers. Officers see names with
// masked ID numbers and phones (by their rights); an employer sees a laborer only as a
// masked name, sex, age and county until the laborer agrees (consent) on that job, and so
// again once the laborer withdraws that consent (撤回同意).
import type { MatchingRunRow, RecommendationRow } from '../../db/schema-recommendations.ts';
import { maskIdNumber, maskPhone } from '../../domain/mask.ts';
import { CONSTRAINT_NAMES, type ConstraintId } from '../../domain/matching/index.ts';
import {
  CONSENT_STATE_NAMES,
  consentState,
  furthestStep,
  STABILITY_NAMES,
  stabilityAt,
  TRACK_EVENT_NAMES,
} from '../../domain/recommendations/tracking.ts';
import { ageOn } from '../../domain/registry/derive.ts';
import type { Actor } from '../auth/actor.ts';
import type { JobRow, PersonForMatch } from './matching-input.ts';

const RUN_STATUS_NAMES = { queued: '排队中', running: '匹配中', done: '已完成', failed: '失败' } as const;

export function presentRun(r: MatchingRunRow) {
  return {
    id: r.id,
    regionCode: r.region_code,
    asOf: r.as_of,
    status: r.status,
    statusName: RUN_STATUS_NAMES[r.status],
    percent: r.status === 'done' ? 100 : r.total > 0 ? Math.min(99, Math.floor((r.processed / r.total) * 100)) : 0,
    total: r.total,
    processed: r.processed,
    withThree: r.with_three,
    fewer: r.fewer,
    recommendations: r.recommendations,
    jobsConsidered: r.jobs_considered,
    message: r.message,
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  };
}

export function excludedNames(excluded: Record<string, number>) {
  return Object.entries(excluded)
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => ({ constraint: c, name: CONSTRAINT_NAMES[c as ConstraintId] ?? c, jobs: n }));
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Whether the employer of the recommended job may see who the laborer is, from the row. */
export function consentOf(r: Pick<RecommendationRow, 'consent_at' | 'consent_withdrawn_at'>) {
  return consentState({ consentAt: r.consent_at, withdrawnAt: r.consent_withdrawn_at });
}

export function trackingOf(r: RecommendationRow, spellEnd: string | null, today: string) {
  const state = {
    pushedAt: iso(r.pushed_at),
    seenAt: iso(r.seen_at),
    interestedAt: iso(r.interested_at),
    consentAt: iso(r.consent_at),
    appliedAt: iso(r.applied_at),
    interviewedAt: iso(r.interviewed_at),
    hiredOn: r.hired_on,
    declinedAt: iso(r.declined_at),
  };
  const step = furthestStep(state);
  const consent = consentOf(r);
  const s3 = r.hired_on ? stabilityAt(r.hired_on, spellEnd, 3, today) : null;
  const s6 = r.hired_on ? stabilityAt(r.hired_on, spellEnd, 6, today) : null;
  return {
    ...state,
    declineReason: r.decline_reason,
    consentWithdrawnAt: iso(r.consent_withdrawn_at),
    consentState: consent,
    consentStateName: CONSENT_STATE_NAMES[consent],
    step,
    stepName: r.declined_at ? TRACK_EVENT_NAMES.declined : step ? TRACK_EVENT_NAMES[step] : '未推送',
    stable3: s3,
    stable3Name: s3 ? STABILITY_NAMES[s3] : null,
    stable6: s6,
    stable6Name: s6 ? STABILITY_NAMES[s6] : null,
    spellId: r.spell_id,
  };
}

export function presentJob(j: JobRow) {
  return {
    id: j.id,
    title: j.title,
    employerId: j.employer_id,
    employerName: j.employer_name,
    occupationCode: j.occupation_code,
    workRegionCode: j.work_region_code,
    workPlace: j.work_place,
    openings: j.openings,
    filled: j.filled,
    wageMinFen: Number(j.wage_min_fen),
    wageMaxFen: Number(j.wage_max_fen),
    accommodation: j.accommodation,
    meals: j.meals,
    workingHours: j.working_hours,
    status: j.status,
    seasonFrom: j.season_from,
    seasonTo: j.season_to,
  };
}

export function presentRecommendation(r: RecommendationRow, job: JobRow | undefined, spellEnd: string | null, today: string) {
  return {
    id: r.id,
    runId: r.run_id,
    personId: r.person_id,
    jobId: r.job_id,
    rank: r.rank,
    score: r.score,
    reasons: r.reasons,
    version: r.version,
    job: job ? presentJob(job) : null,
    tracking: trackingOf(r, spellEnd, today),
  };
}

/** A laborer as an officer sees them in a list. */
export function presentLaborerBrief(actor: Actor, p: PersonForMatch, today: string) {
  return {
    personId: p.id,
    name: p.name,
    idNumber: maskIdNumber(p.id_number),
    phone: p.phone ? (actor.canViewFullId ? p.phone : maskPhone(p.phone)) : '',
    sex: p.sex,
    age: ageOn(p.birth_date, today),
    villageCode: p.village_code,
    workCapacity: p.work_capacity,
    preferredWork: p.preferred_work,
    preferredPlaces: p.preferred_places,
  };
}

/** 张三 → 张*, 欧阳娜娜 → 欧***. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/**
 * A laborer as an employer sees them: masked until consent on this job, then name and phone;
 * masked again after the consent is withdrawn (`consented` is whether consent is in force).
 */
export function presentForEmployer(p: PersonForMatch, consented: boolean, today: string) {
  return {
    personId: consented ? p.id : null,
    name: consented ? p.name : maskName(p.name),
    phone: consented ? (p.phone ?? '') : '',
    sex: p.sex,
    age: ageOn(p.birth_date, today),
    countyCode: p.village_code.slice(0, 6),
    consented,
  };
}
