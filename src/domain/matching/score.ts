// The score of a job that passed the hard constraints, term by term, with the Chinese reason
// for every term that added points.
import { regionInside } from './constraints.ts';
import { countyOrSelf, distanceKm } from './geo.ts';
import type { MatchContext, MatchJob, MatchLaborer, MatchModel, Reason } from './types.ts';

const WEAK = '弱劳动力或半劳动力';

/** The 意向工种 kinds of a job: its own list, else by occupation code prefix or title keyword. */
export function jobKinds(job: MatchJob, model: MatchModel): readonly string[] {
  if (job.workKinds) return job.workKinds;
  const out: string[] = [];
  for (const [kind, rule] of Object.entries(model.workKinds)) {
    if (rule.codes.some((c) => job.occupationCode.startsWith(c)) || rule.keywords.some((k) => job.title.includes(k))) {
      out.push(kind);
    }
  }
  return out;
}

const yuan = (fen: number) => String(Math.round(fen / 100));

/** Points of the distance term for `km` (null: unknown, no points). */
export function distancePoints(model: MatchModel, km: number | null): number {
  if (km === null) return 0;
  return model.weights.distance * Math.max(0, 1 - km / model.distanceZeroKm);
}

/** Points of the wage term for a job's wage range (on its middle). */
export function wagePoints(model: MatchModel, wageMinFen: number, wageMaxFen: number): number {
  const mid = (wageMinFen + wageMaxFen) / 2;
  const span = model.wageCeilingFen - model.wageFloorFen;
  const share = span > 0 ? Math.min(1, Math.max(0, (mid - model.wageFloorFen) / span)) : 0;
  return model.weights.wage * share;
}

/** Points of the board term: only for a job away from home (a migrant needs a bed). */
export function boardPoints(model: MatchModel, accommodation: boolean, meals: boolean): number {
  if (accommodation && meals) return model.weights.board;
  if (accommodation || meals) return model.weights.board * model.boardOneShare;
  return 0;
}

export interface Scored {
  score: number;
  distanceKm: number | null;
  reasons: Reason[];
}

/**
 * Scores a job for a laborer. Call only for a pair that passed the hard constraints; `kinds`
 * are the job's 意向工种 kinds (jobKinds), passed in so an index computes them once.
 */
export function scoreJob(
  l: MatchLaborer,
  job: MatchJob,
  ctx: MatchContext,
  kinds: readonly string[] = jobKinds(job, ctx.model),
  km: number | null = distanceKm(ctx.geo, l.homeRegion, job.workRegion),
  withReasons = true,
): Scored {
  const { model } = ctx;
  const w = model.weights;
  const reasons: Reason[] = [];
  let score = 0;
  // Without reasons (ranking many candidates) only the points are summed, in the same order.
  const add = (term: Reason['term'], points: number, text: string | (() => string)) => {
    score += points;
    if (withReasons) reasons.push({ term, text: typeof text === 'string' ? text : text(), points: Math.round(points * 10) / 10 });
  };

  const wanted = kinds.filter((k) => l.preferredWork.includes(k));
  if (wanted.length > 0) add('occupation', w.occupation, () => `意向工种一致（${wanted.join('、')}）`);

  const skills = job.skills.filter((s) => l.skills.includes(s));
  if (skills.length > 0) add('skill', Math.min(w.skill, skills.length * model.skillStep), () => `技能对口：${skills.join('、')}`);
  if (job.certificates.length > 0) add('skill', 0, () => `持有${job.certificates.join('、')}`);

  const home = countyOrSelf(l.homeRegion);
  const local = regionInside(job.workRegion, home);
  const dPoints = distancePoints(model, local ? 0 : km);
  if (local) add('distance', dPoints, '在本县就业');
  else if (km !== null) add('distance', dPoints, () => `距家 ${km} 公里`);

  if (!local && l.preferredRegions.some((r) => regionInside(job.workRegion, r))) {
    add('preferredPlace', w.preferredPlace, () => `在意向地区（${job.workPlace}）`);
  }

  const wPoints = wagePoints(model, job.wageMinFen, job.wageMaxFen);
  if (wPoints > 0) {
    add('wage', wPoints, () => {
      const range = job.wageMinFen === job.wageMaxFen ? yuan(job.wageMinFen) : `${yuan(job.wageMinFen)}-${yuan(job.wageMaxFen)}`;
      return `月工资 ${range} 元`;
    });
  }

  if (!local && (job.accommodation || job.meals)) {
    const text = job.accommodation && job.meals ? '包吃住' : job.accommodation ? '包住' : '包吃';
    add('board', boardPoints(model, job.accommodation, job.meals), text);
  }

  const past = pastWorkReason(l, job, kinds);
  if (past) add('pastWork', w.pastWork * past.share, past.text);

  if (l.workCapacity === WEAK && job.suitableForWeak) add('weakFit', w.weakFit, '适合弱劳动力、半劳动力');

  return { score: Math.round(score * 100) / 100, distanceKm: local ? (km ?? 0) : km, reasons };
}

/** What the laborer did before that speaks for this job: the same employer, kind of work or place. */
function pastWorkReason(l: MatchLaborer, job: MatchJob, kinds: readonly string[]): { share: number; text: string } | undefined {
  let best: { share: number; text: string } | undefined;
  for (const p of l.pastWork) {
    const sameEmployer =
      p.employerId && job.employerId ? p.employerId === job.employerId : p.employer !== '' && p.employer === job.employerName;
    if (sameEmployer) return { share: 1, text: '曾在该单位工作' };
    const kind = p.workKinds.find((k) => kinds.includes(k));
    if (kind && (!best || best.share < 1)) best = { share: 1, text: `做过同类工作（${kind}）` };
    else if (!best && p.placeCode !== null && p.placeCode.length >= 4 && job.workRegion.startsWith(p.placeCode.slice(0, 4))) {
      best = { share: 0.5, text: `曾在${p.placeName}务工` };
    }
  }
  return best;
}

/**
 * The score of scoreJob without its reasons, for ranking many candidates: the same terms added
 * in the same order (so the same number to the last bit), with no closures or strings.
 */
export function scorePoints(
  l: MatchLaborer,
  job: MatchJob,
  model: MatchModel,
  kinds: readonly string[],
  km: number | null,
  local: boolean,
): number {
  const w = model.weights;
  let score = 0;
  for (const k of kinds) {
    if (l.preferredWork.includes(k)) {
      score += w.occupation;
      break;
    }
  }
  if (job.skills.length > 0 && l.skills.length > 0) {
    let n = 0;
    for (const s of job.skills) if (l.skills.includes(s)) n++;
    if (n > 0) score += Math.min(w.skill, n * model.skillStep);
  }
  if (job.certificates.length > 0) score += 0;
  if (local || km !== null) score += distancePoints(model, local ? 0 : km);
  if (!local) {
    for (const r of l.preferredRegions) {
      if (job.workRegion.startsWith(r)) {
        score += w.preferredPlace;
        break;
      }
    }
  }
  const wPoints = wagePoints(model, job.wageMinFen, job.wageMaxFen);
  if (wPoints > 0) score += wPoints;
  if (!local && (job.accommodation || job.meals)) score += boardPoints(model, job.accommodation, job.meals);
  if (l.pastWork.length > 0) {
    const past = pastWorkReason(l, job, kinds);
    if (past) score += w.pastWork * past.share;
  }
  if (l.workCapacity === WEAK && job.suitableForWeak) score += w.weakFit;
  return Math.round(score * 100) / 100;
}
