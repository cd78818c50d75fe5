// Ranking: the laborer's top K jobs through an index of jobs by county with score bounds (no
// pair is scored that cannot reach the top K), the same by brute force over every job, the
// employer's side (the laborers who fit one job), and why a laborer has fewer than K jobs.
import { firstViolation } from './constraints.ts';
import { countyOrSelf, distanceKm, haversineKm } from './geo.ts';
import { boardPoints, jobKinds, scoreJob, scorePoints, wagePoints } from './score.ts';
import {
  CONSTRAINT_NAMES,
  CONSTRAINTS,
  type ConstraintId,
  type LaborerMatch,
  type MatchContext,
  type MatchJob,
  type MatchLaborer,
  type Recommendation,
  type Shortfall,
  type ShortfallCounts,
} from './types.ts';

const WEAK = '弱劳动力或半劳动力';
/** Scores are rounded to 0.01, so a bound may fall short of a rounded score by up to 0.005. */
const ROUNDING = 0.01;

interface Entry {
  id: string;
  score: number;
  distanceKm: number | null;
  reasons: Recommendation['reasons'];
  /** Tie-break: smaller distance, then id, first. */
  tie: string;
  /** The job, when its reasons are still to be written. */
  job?: MatchJob;
}

/** Keeps the best `k` entries seen: a min-heap on score (ties: the later id is worse). */
export class TopK {
  readonly #k: number;
  readonly #heap: Entry[] = [];

  constructor(k: number) {
    this.#k = k;
  }

  get full(): boolean {
    return this.#heap.length >= this.#k;
  }

  /** The score an entry must beat to enter (−Infinity while not full). */
  get floor(): number {
    return this.full ? (this.#heap[0] as Entry).score : Number.NEGATIVE_INFINITY;
  }

  static #worse(a: Entry, b: Entry): boolean {
    return a.score < b.score || (a.score === b.score && a.tie > b.tie);
  }

  push(e: Entry): void {
    const h = this.#heap;
    if (h.length < this.#k) {
      h.push(e);
      let i = h.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!TopK.#worse(h[i] as Entry, h[p] as Entry)) break;
        [h[i], h[p]] = [h[p] as Entry, h[i] as Entry];
        i = p;
      }
      return;
    }
    if (!TopK.#worse(h[0] as Entry, e)) return;
    h[0] = e;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && TopK.#worse(h[l] as Entry, h[m] as Entry)) m = l;
      if (r < h.length && TopK.#worse(h[r] as Entry, h[m] as Entry)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m] as Entry, h[i] as Entry];
      i = m;
    }
  }

  /** Best first. */
  sorted(): Entry[] {
    return [...this.#heap].sort((a, b) => b.score - a.score || (a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0));
  }
}

const tieKey = (km: number | null, id: string) => `${String(km ?? 99999).padStart(5, '0')}|${id}`;

/** The reasons are written only for the jobs that made the top K. */
function toRecommendations(top: TopK, l: MatchLaborer, ctx: MatchContext): Recommendation[] {
  return top.sorted().map((e, i) => ({
    jobId: e.id,
    rank: i + 1,
    score: e.score,
    distanceKm: e.distanceKm,
    reasons: e.job ? scoreJob(l, e.job, ctx).reasons : e.reasons,
  }));
}

/** Top K jobs for one laborer by scoring every job that passes the hard constraints (the reference). */
export function recommendBruteForce(
  l: MatchLaborer,
  jobs: readonly MatchJob[],
  ctx: MatchContext,
  k = ctx.model.topK,
): Recommendation[] {
  const top = new TopK(k);
  const home = countyOrSelf(l.homeRegion);
  for (const job of jobs) {
    if (firstViolation(l, job, ctx) !== undefined) continue;
    const local = job.workRegion.startsWith(home);
    const km = distanceKm(ctx.geo, l.homeRegion, job.workRegion);
    const score = scorePoints(l, job, ctx.model, jobKinds(job, ctx.model), km, local);
    if (top.full && score < top.floor) continue;
    const shown = local ? (km ?? 0) : km;
    top.push({ id: job.id, score, distanceKm: shown, reasons: [], tie: tieKey(shown, job.id), job });
  }
  return toRecommendations(top, l, ctx);
}

interface IndexedJob {
  job: MatchJob;
  kinds: readonly string[];
  /** Bit i set: the job is of kind i of the index's kind list. */
  kindMask: number;
  /** Wage points, and board points as if away from home: the part of the score fixed by the job alone. */
  staticPoints: number;
}

interface Bucket {
  /** The county (or coarser region) all its jobs are in. */
  region: string;
  point: readonly [number, number] | undefined;
  /** Jobs, highest staticPoints first. */
  jobs: IndexedJob[];
  kindMask: number;
  anyWeakFit: boolean;
}

/**
 * An index of open jobs by the county of the place of work. For one laborer it visits only the
 * counties the laborer may be offered, highest score bound first, and inside a county only the
 * jobs whose bound can still enter the top K: the answer is exactly the brute-force answer.
 */
export class JobIndex {
  readonly #ctx: MatchContext;
  readonly #buckets: Bucket[] = [];
  readonly #kindBit = new Map<string, number>();
  /** Region prefix (2, 4 or 6 digits) -> buckets inside it. */
  readonly #byPrefix = new Map<string, number[]>();
  /** Per home county: distance (km) to each bucket, cached for laborers of the same county. */
  #distHome = '';
  #dist = new Float64Array(0);
  /** Buckets near the cached home county (home, within localRadiusKm, or enclosing it). */
  #near: number[] = [];
  #all: number[] = [];
  #seen = new Int32Array(0);
  /** Stamped with the current laborer's stamp: buckets inside one of their preferred regions. */
  #pref = new Int32Array(0);
  #stamp = 0;
  /** Pairs scored and hard-checked since creation, for the benchmark. */
  scored = 0;
  checked = 0;

  constructor(jobs: Iterable<MatchJob>, ctx: MatchContext) {
    this.#ctx = ctx;
    const { model } = ctx;
    for (const kind of Object.keys(model.workKinds)) this.#kindBit.set(kind, this.#kindBit.size);
    const byRegion = new Map<string, Bucket>();
    for (const job of jobs) {
      // Jobs that can never be offered on this date are left out of the index.
      if (job.status !== 'open' || job.filled >= job.openings) continue;
      if (job.validUntil !== null && job.validUntil < ctx.date) continue;
      if (job.seasonTo !== null && job.seasonTo < ctx.date) continue;
      const region = job.workRegion.length > 6 ? job.workRegion.slice(0, 6) : job.workRegion;
      let b = byRegion.get(region);
      if (!b) {
        b = { region, point: ctx.geo.locate(region), jobs: [], kindMask: 0, anyWeakFit: false };
        byRegion.set(region, b);
        this.#buckets.push(b);
      }
      const kinds = jobKinds(job, model);
      const kindMask = this.#maskOf(kinds);
      b.jobs.push({
        job,
        kinds,
        kindMask,
        staticPoints: wagePoints(model, job.wageMinFen, job.wageMaxFen) + boardPoints(model, job.accommodation, job.meals),
      });
      b.kindMask |= kindMask;
      if (job.suitableForWeak) b.anyWeakFit = true;
    }
    for (const [i, b] of this.#buckets.entries()) {
      b.jobs.sort((x, y) => y.staticPoints - x.staticPoints);
      for (const len of [2, 4, 6]) {
        if (b.region.length < len) continue;
        const p = b.region.slice(0, len);
        const list = this.#byPrefix.get(p);
        if (list) list.push(i);
        else this.#byPrefix.set(p, [i]);
      }
    }
  }

  #ready(): void {
    if (this.#all.length !== this.#buckets.length) {
      this.#all = this.#buckets.map((_, i) => i);
      this.#seen = new Int32Array(this.#buckets.length);
      this.#pref = new Int32Array(this.#buckets.length);
    }
  }

  get jobCount(): number {
    return this.#buckets.reduce((n, b) => n + b.jobs.length, 0);
  }

  #maskOf(kinds: readonly string[]): number {
    let m = 0;
    for (const k of kinds) {
      const bit = this.#kindBit.get(k);
      if (bit !== undefined) m |= 1 << bit;
    }
    return m;
  }

  #distances(homeRegion: string): Float64Array {
    const home = homeRegion.slice(0, 6);
    if (home !== this.#distHome) {
      const p = this.#ctx.geo.locate(home);
      const { localRadiusKm } = this.#ctx.model;
      this.#dist = new Float64Array(this.#buckets.length);
      this.#near = [];
      for (const [i, b] of this.#buckets.entries()) {
        const d = p && b.point ? Math.round(haversineKm(p, b.point)) : Number.NaN;
        this.#dist[i] = d;
        // Home county, places nearby, and coarse places (a province-wide post) go through the exact check.
        if (b.region.startsWith(home) || home.startsWith(b.region) || d <= localRadiusKm) this.#near.push(i);
      }
      this.#distHome = home;
    }
    return this.#dist;
  }

  /** Buckets the laborer may be offered at all (place constraint at county level). */
  #candidateBuckets(l: MatchLaborer): number[] {
    // Stamp the buckets inside a preferred region (for the bound of preferredPlace, which a
    // laborer who stays home can also earn nearby). A township or village: its county's bucket
    // (over-estimating a bound is safe). A preferred region finer than a bucket's region (a
    // county inside a city-wide post) cannot contain it; coarser ones are in the prefix lists.
    const stamp = ++this.#stamp;
    for (const r of l.preferredRegions) {
      for (const i of this.#byPrefix.get(r.length > 6 ? r.slice(0, 6) : r) ?? []) this.#pref[i] = stamp;
    }
    if (l.migrateWilling && l.preferredRegions.length === 0) return this.#all;
    if (!l.migrateWilling) return this.#near;
    const out: number[] = [];
    const take = (i: number) => {
      if (this.#seen[i] !== stamp) {
        this.#seen[i] = stamp;
        out.push(i);
      }
    };
    for (const i of this.#near) take(i);
    for (const r of l.preferredRegions) for (const i of this.#byPrefix.get(r.length > 6 ? r.slice(0, 6) : r) ?? []) take(i);
    return out;
  }

  /** The laborer's top K jobs, best first, each with its reasons. */
  recommend(l: MatchLaborer, k = this.#ctx.model.topK): Recommendation[] {
    const ctx = this.#ctx;
    const { model } = ctx;
    const w = model.weights;
    this.#ready();
    const dist = this.#distances(l.homeRegion);
    const home = l.homeRegion.slice(0, 6);
    const wantMask = this.#maskOf(l.preferredWork);
    const skillBound = Math.min(w.skill, l.skills.length * model.skillStep);
    const pastBound = l.pastWork.length > 0 ? w.pastWork : 0;
    const weak = l.workCapacity === WEAK;
    const candidates = this.#candidateBuckets(l);
    // Bound of each candidate bucket without the job's own static points.
    const bounds = new Float64Array(candidates.length);
    const prefStamp = this.#stamp;
    for (let j = 0; j < candidates.length; j++) {
      const i = candidates[j] as number;
      const b = this.#buckets[i] as Bucket;
      const local = b.region.startsWith(home);
      const d = dist[i] as number;
      let bound = local ? w.distance : Number.isNaN(d) ? 0 : w.distance * Math.max(0, 1 - d / model.distanceZeroKm);
      // #candidateBuckets stamped the buckets inside a preferred region.
      if (!local && this.#pref[i] === prefStamp) bound += w.preferredPlace;
      if (b.kindMask & wantMask) bound += w.occupation;
      if (weak && b.anyWeakFit) bound += w.weakFit;
      bounds[j] = bound + skillBound + pastBound;
    }
    // Highest bound first: one native sort of keys packing (bound, position).
    const keys = new Float64Array(candidates.length);
    for (let j = 0; j < candidates.length; j++) keys[j] = Math.round((1000 - (bounds[j] as number)) * 1000) * 65536 + j;
    keys.sort();
    const order = Array.from(keys, (key) => key % 65536);
    const top = new TopK(k);
    for (const j of order) {
      const base = bounds[j] as number;
      const maxStatic = w.wage + w.board;
      if (top.full && base + maxStatic + ROUNDING < top.floor) break;
      const b = this.#buckets[candidates[j] as number] as Bucket;
      const local = b.region.startsWith(home);
      const d = dist[candidates[j] as number] as number;
      const km = Number.isNaN(d) ? null : d;
      // The bucket's bound counts occupation points if any of its posts is of a wanted kind;
      // a post of another kind cannot have them.
      const occInBase = (b.kindMask & wantMask) !== 0 ? w.occupation : 0;
      for (const ij of b.jobs) {
        // staticPoints counts board as if away from home; at home it only overstates the bound.
        if (top.full) {
          if (base + ij.staticPoints + ROUNDING < top.floor) break;
          if ((ij.kindMask & wantMask) === 0 && base - occInBase + ij.staticPoints + ROUNDING < top.floor) continue;
        }
        this.checked++;
        if (firstViolation(l, ij.job, ctx) !== undefined) continue;
        this.scored++;
        const score = scorePoints(l, ij.job, model, ij.kinds, km, local);
        if (top.full && score < top.floor) continue;
        const shown = local ? (km ?? 0) : km;
        top.push({ id: ij.job.id, score, distanceKm: shown, reasons: [], tie: tieKey(shown, ij.job.id), job: ij.job });
      }
    }
    return toRecommendations(top, l, ctx);
  }

  /** How many indexed jobs each hard constraint rules out for the laborer (the first failed one counts). */
  shortfall(l: MatchLaborer, k = this.#ctx.model.topK): Shortfall {
    const ruledOut = Object.fromEntries(CONSTRAINTS.map((c) => [c, 0])) as ShortfallCounts;
    let suitable = 0;
    for (const b of this.#buckets) {
      for (const ij of b.jobs) {
        const v = firstViolation(l, ij.job, this.#ctx);
        if (v === undefined) suitable++;
        else ruledOut[v]++;
      }
    }
    let main: ConstraintId | null = null;
    if (suitable < k) {
      for (const c of CONSTRAINTS) if (ruledOut[c] > 0 && (main === null || ruledOut[c] > ruledOut[main])) main = c;
    }
    return {
      laborerId: l.id,
      suitable,
      ruledOut,
      mainReason: main,
      mainReasonText: main === null ? '' : `${CONSTRAINT_NAMES[main]}（排除 ${ruledOut[main]} 个岗位）`,
    };
  }
}

/**
 * The employer's side: the laborers who fit one job, best first. Laborers are streamed (an
 * iterable of the officer's scope), never all held; masking is the caller's (presenter's) job.
 */
export function rankLaborersForJob(job: MatchJob, laborers: Iterable<MatchLaborer>, ctx: MatchContext, k = 50): LaborerMatch[] {
  const kinds = jobKinds(job, ctx.model);
  const top = new TopK(k);
  for (const l of laborers) {
    if (firstViolation(l, job, ctx) !== undefined) continue;
    const s = scoreJob(l, job, ctx, kinds);
    top.push({ id: l.id, score: s.score, distanceKm: s.distanceKm, reasons: s.reasons, tie: tieKey(s.distanceKm, l.id) });
  }
  return top
    .sorted()
    .map((e, i) => ({ laborerId: e.id, rank: i + 1, score: e.score, distanceKm: e.distanceKm, reasons: e.reasons }));
}
