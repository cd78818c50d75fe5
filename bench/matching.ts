// Matching benchmark: generated laborers and jobs with a known ground truth (src/domain/matching/
// ground-truth.ts), pure and in memory (no database).
//
//   npm run bench -- matching [--laborers 200000] [--jobs 20000] [--brute N] [--seed 1]
//
// 1. Batch: the top 10 of every laborer through JobIndex (one laborer at a time; no list of
//    all pairs is ever held), timed, with pairs checked and scored.
// 2. Brute force: every job checked and scored for each laborer (recommendBruteForce) over the
//    first N laborers (default: all), timed; its rate gives the time for all laborers. The
//    top 10 must be identical to the batch's for those laborers.
// 3. Single laborer: 1,000 laborers one by one on a fresh index (the home county's distances
//    not cached), p50 / p95 / max.
// 4. Quality: precision@3 (share of the first three that the laborer would really take) and
//    the share of migrants given three jobs that satisfy every hard constraint, for the model
//    and for a baseline that ranks every open job by distance alone.
import { parseArgs } from 'node:util';
import { fits } from '../src/domain/matching/constraints.ts';
import { generateGroundTruth, isRelevant } from '../src/domain/matching/ground-truth.ts';
import {
  countyCentres,
  distanceKm,
  JobIndex,
  type MatchContext,
  type MatchJob,
  recommendBruteForce,
} from '../src/domain/matching/index.ts';
import { loadMatchModel } from '../src/modules/recommendations/model.ts';

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      laborers: { type: 'string', default: '200000' },
      jobs: { type: 'string', default: '20000' },
      brute: { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
  });
  const nL = Number(values.laborers);
  const nJ = Number(values.jobs);
  const nBrute = Math.min(nL, Number(values.brute ?? nL));
  const model = loadMatchModel();
  const ctx: MatchContext = { model, geo: countyCentres(), date: '2026-03-01' };
  const { loadavg } = await import('node:os');
  console.log(
    `matching bench: ${fmt(nL)} laborers x ${fmt(nJ)} jobs, top ${model.topK}, model ${model.version}, load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );

  let t = performance.now();
  const gt = generateGroundTruth({ seed: Number(values.seed), laborers: nL, jobs: nJ, date: ctx.date }, model);
  console.log(`generated in ${secs(performance.now() - t)}`);
  // Laborers of one county one after another, as a run over a region reads them.
  const order = gt.laborers.map((_, i) => i).sort((a, b) => (gt.laborers[a]!.homeRegion < gt.laborers[b]!.homeRegion ? -1 : 1));

  t = performance.now();
  const index = new JobIndex(gt.jobs, ctx);
  const buildMs = performance.now() - t;
  t = performance.now();
  const top3 = new Array<string[]>(nL);
  const top10 = new Array<string>(nL);
  for (const i of order) {
    const recs = index.recommend(gt.laborers[i]!);
    top3[i] = recs.slice(0, 3).map((r) => r.jobId);
    if (i < nBrute) top10[i] = recs.map((r) => `${r.jobId}:${r.score}`).join(',');
  }
  const batchMs = performance.now() - t;
  console.log(
    `batch (index): ${secs(batchMs)} (+ index built in ${secs(buildMs)}), ${fmt((nL / batchMs) * 1000)} laborers/s, ` +
      `${fmt(index.checked)} pairs checked, ${fmt(index.scored)} scored (${((index.checked / (nL * nJ)) * 100).toFixed(2)}% of all pairs)`,
  );

  t = performance.now();
  let mismatches = 0;
  for (let i = 0; i < nBrute; i++) {
    const got = recommendBruteForce(gt.laborers[i]!, gt.jobs, ctx)
      .map((r) => `${r.jobId}:${r.score}`)
      .join(',');
    if (got !== top10[i]) mismatches++;
  }
  const bruteMs = performance.now() - t;
  const bruteAllMs = (bruteMs / nBrute) * nL;
  console.log(
    `brute force: ${fmt(nBrute)} laborers x ${fmt(nJ)} jobs in ${secs(bruteMs)}, ${fmt(((nBrute * nJ) / bruteMs) * 1000)} pairs/s` +
      (nBrute < nL ? `; all ${fmt(nL)} laborers at that rate: ${secs(bruteAllMs)}` : '') +
      `; top ${model.topK} differing from the batch: ${mismatches}`,
  );

  const single = new JobIndex(gt.jobs, ctx);
  const lat: number[] = [];
  for (let k = 0; k < 1000; k++) {
    const l = gt.laborers[(k * 7919) % nL]!;
    const s = performance.now();
    single.recommend(l);
    lat.push(performance.now() - s);
  }
  lat.sort((a, b) => a - b);
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  console.log(`single laborer (1,000, distances not cached): p50 ${ms(lat[500]!)}, p95 ${ms(lat[950]!)}, max ${ms(lat[999]!)}`);

  // Baseline: every open job by distance alone (nearest first, ties by id), no constraints.
  const open = gt.jobs.filter((j) => j.status === 'open' && j.filled < j.openings);
  const byCounty = new Map<string, MatchJob[]>();
  for (const j of open) {
    const c = j.workRegion.slice(0, 6);
    const list = byCounty.get(c);
    if (list) list.push(j);
    else byCounty.set(c, [j]);
  }
  const nearest = new Map<string, MatchJob[]>();
  const baseline = (home: string): MatchJob[] => {
    const county = home.slice(0, 6);
    let got = nearest.get(county);
    if (!got) {
      const counties = [...byCounty.keys()].map((c) => [c, distanceKm(ctx.geo, county, c) ?? 1e9] as const);
      counties.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
      got = [];
      for (const [c] of counties) {
        for (const j of byCounty.get(c)!) if (got.length < 3) got.push(j);
        if (got.length >= 3) break;
      }
      nearest.set(county, got);
    }
    return got;
  };
  let pM = 0;
  let pB = 0;
  let migrants = 0;
  let threeM = 0;
  let threeB = 0;
  const jobById = (id: string) => gt.jobs[Number(id.slice(1))]!;
  for (let i = 0; i < nL; i++) {
    const l = gt.laborers[i]!;
    const truth = gt.truth[i]!;
    const m = top3[i]!.map(jobById);
    const b = baseline(l.homeRegion);
    pM += m.filter((j) => isRelevant(l, truth, j, ctx)).length / 3;
    pB += b.filter((j) => isRelevant(l, truth, j, ctx)).length / 3;
    if (l.migrateWilling) {
      migrants++;
      if (m.length === 3 && m.every((j) => fits(l, j, ctx))) threeM++;
      if (b.length === 3 && b.every((j) => fits(l, j, ctx))) threeB++;
    }
  }
  const P = pM / nL;
  const B = pB / nL;
  console.log(
    `migrants given three constraint-satisfying jobs: ${((threeM / migrants) * 100).toFixed(1)}% (baseline ${((threeB / migrants) * 100).toFixed(1)}%) of ${fmt(migrants)}`,
  );
  console.log(`matching speedup vs brute force: ${(bruteAllMs / batchMs).toFixed(1)}`);
  console.log(`precision@3: ${P.toFixed(3)} (baseline ${B.toFixed(3)})`);
  return mismatches === 0 ? 0 : 1;
}
