// Hard constraints: a job that breaks one is never recommended, whatever its score.
import { ageOn } from '../registry/derive.ts';
import { countyOrSelf, distanceKm } from './geo.ts';
import type { ConstraintId, MatchContext, MatchJob, MatchLaborer, Violation } from './types.ts';

const WEAK = '弱劳动力或半劳动力';

/** Is `code` the region `outer` or inside it (codes are prefixes of their children)? */
export function regionInside(code: string, outer: string): boolean {
  return code.startsWith(outer);
}

/** Is the job's place of work one the laborer may be offered (home county, nearby, or a place they would migrate to)? */
export function placeAllowed(l: MatchLaborer, job: MatchJob, ctx: MatchContext): boolean {
  const home = countyOrSelf(l.homeRegion);
  if (regionInside(job.workRegion, home)) return true;
  if (l.migrateWilling) {
    if (l.preferredRegions.length === 0) return true;
    for (const r of l.preferredRegions) if (regionInside(job.workRegion, r)) return true;
  }
  const d = distanceKm(ctx.geo, l.homeRegion, job.workRegion);
  return d !== null && d <= ctx.model.localRadiusKm;
}

function educationRank(ranks: Readonly<Record<string, number>>, level: string | null): number {
  return level === null ? -1 : (ranks[level] ?? -1);
}

/**
 * The first hard constraint the pair breaks, or undefined when the job fits. Checked in the
 * order of CONSTRAINTS (cheapest and most common first).
 */
export function firstViolation(l: MatchLaborer, job: MatchJob, ctx: MatchContext): ConstraintId | undefined {
  const { model, date } = ctx;
  if (job.status !== 'open' || (job.validUntil !== null && job.validUntil < date)) return 'status';
  if (job.filled >= job.openings) return 'openings';
  if (job.seasonTo !== null && job.seasonTo < date) return 'season';
  const age = ageOn(l.birthDate, date);
  const ageMin = job.ageMin ?? model.defaultAgeMin;
  const ageMax = job.ageMax ?? (l.sex === '男' ? model.defaultAgeMaxMale : model.defaultAgeMaxFemale);
  if (age < ageMin || age > ageMax) return 'age';
  if (job.sexRequired !== null && job.sexRequired !== l.sex) return 'sex';
  if (!model.capacityDemand[l.workCapacity].includes(job.physicalDemand)) return 'capacity';
  if (l.workCapacity === WEAK && !job.suitableForWeak) return 'capacity';
  if (!placeAllowed(l, job, ctx)) return 'place';
  for (const c of job.certificates) if (!l.certificates.includes(c)) return 'certificates';
  if (job.educationMin !== null) {
    const need = educationRank(model.educationRank, job.educationMin);
    if (need >= 0 && educationRank(model.educationRank, l.education) < need) return 'education';
  }
  return undefined;
}

export function fits(l: MatchLaborer, job: MatchJob, ctx: MatchContext): boolean {
  return firstViolation(l, job, ctx) === undefined;
}

/** Every hard constraint the pair breaks, each with a Chinese message naming both values. */
export function violations(l: MatchLaborer, job: MatchJob, ctx: MatchContext): Violation[] {
  const { model, date } = ctx;
  const out: Violation[] = [];
  const add = (constraint: ConstraintId, message: string) => out.push({ constraint, message });
  if (job.status !== 'open') add('status', `岗位“${job.title}”状态为${job.status === 'filled' ? '已招满' : '已过期'}`);
  else if (job.validUntil !== null && job.validUntil < date)
    add('status', `岗位“${job.title}”有效期至 ${job.validUntil}，已过期`);
  if (job.filled >= job.openings) add('openings', `岗位“${job.title}”招聘 ${job.openings} 人，已招满`);
  if (job.seasonTo !== null && job.seasonTo < date)
    add('season', `岗位“${job.title}”用工期 ${job.seasonFrom} 至 ${job.seasonTo}，已结束`);
  const age = ageOn(l.birthDate, date);
  const ageMin = job.ageMin ?? model.defaultAgeMin;
  const ageMax = job.ageMax ?? (l.sex === '男' ? model.defaultAgeMaxMale : model.defaultAgeMaxFemale);
  if (age < ageMin || age > ageMax) add('age', `劳动力年龄 ${age} 岁，岗位“${job.title}”要求 ${ageMin}-${ageMax} 岁`);
  if (job.sexRequired !== null && job.sexRequired !== l.sex)
    add('sex', `岗位“${job.title}”限${job.sexRequired}性，劳动力为${l.sex}性`);
  if (!model.capacityDemand[l.workCapacity].includes(job.physicalDemand))
    add('capacity', `劳动力为${l.workCapacity}，岗位“${job.title}”体力要求为${job.physicalDemand}`);
  else if (l.workCapacity === WEAK && !job.suitableForWeak)
    add('capacity', `劳动力为${l.workCapacity}，岗位“${job.title}”未标明适合弱劳动力或半劳动力`);
  if (!placeAllowed(l, job, ctx)) {
    add(
      'place',
      l.migrateWilling
        ? `岗位工作地“${job.workPlace}”不在劳动力的意向地区内`
        : `劳动力不愿外出务工，岗位工作地“${job.workPlace}”不在本县且超过 ${model.localRadiusKm} 公里`,
    );
  }
  const missing = job.certificates.filter((c) => !l.certificates.includes(c));
  if (missing.length > 0) add('certificates', `岗位“${job.title}”要求${missing.join('、')}，劳动力未持有`);
  if (job.educationMin !== null) {
    const need = educationRank(model.educationRank, job.educationMin);
    if (need >= 0 && educationRank(model.educationRank, l.education) < need)
      add('education', `岗位“${job.title}”要求${job.educationMin}及以上学历，劳动力为${l.education ?? '未登记'}`);
  }
  return out;
}
