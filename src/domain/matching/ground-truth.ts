// Generated laborers and jobs with a known ground truth, for the matching benchmark and the
// property tests. Laborers are drawn first with hidden preferences (the kinds of work they
// really want, a reservation wage, whether they need a bed away from home); most jobs are then
// drawn around a laborer (their kind, a place they would go, a wage near theirs), the rest at
// random. The register shows the model only what a register holds: 意向工种 with some noise,
// preferred places, skills, certificates and past work; never the reservation wage.

import type { WorkCapacity } from '../registry/vocabulary.ts';
import { Random } from '../seed/random.ts';
import { fits } from './constraints.ts';
import { COUNTY_CENTRES } from './county-centres.ts';
import { countyOrSelf } from './geo.ts';
import { jobKinds } from './score.ts';
import type { MatchContext, MatchJob, MatchLaborer, MatchModel, PhysicalDemand } from './types.ts';

/** What the laborer really wants, hidden from the model. */
export interface HiddenTruth {
  kinds: readonly string[];
  reservationWageFen: number;
  needsBoard: boolean;
}

export interface GroundTruth {
  laborers: MatchLaborer[];
  truth: HiddenTruth[];
  jobs: MatchJob[];
}

const ORIGIN_PROVINCES = ['15', '43', '53'];
/** Where migrants from these provinces go (area-profiles of the demo population). */
const DESTINATIONS = ['44', '33', '35', '32', '31', '11', '12', '13', '21'];
const SKILL_CERTS: Record<string, string> = {
  电焊: '焊工证',
  电工: '电工证',
  驾驶: '机动车驾驶证（B2）',
  厨师: '中式烹调师证',
  保安: '保安员证',
  养老护理: '养老护理员证',
};
const KIND_SKILLS: Record<string, string[]> = {
  建筑业: ['砌筑', '钢筋工', '电焊'],
  制造业: ['电焊', '缝纫'],
  餐饮服务: ['厨师'],
  家政服务: ['家政服务', '育婴'],
  保安: ['保安'],
  驾驶运输: ['驾驶'],
  电子装配: ['电工'],
  养老护理: ['养老护理'],
};
const TITLES: Record<string, string> = {
  建筑业: '建筑工地砌筑工',
  制造业: '制造车间普工',
  餐饮服务: '餐饮服务员',
  家政服务: '家政服务员',
  保安: '保安员',
  物流快递: '快递分拣员',
  电子装配: '电子厂组装工',
  种植养殖: '种植基地采摘工',
  驾驶运输: '货运司机',
  商贸销售: '超市收银员',
  保洁: '物业保洁员',
  养老护理: '养老院护理员',
};

function isoDate(year: number, dayOfYear: number): string {
  return new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
}

export interface GroundTruthSpec {
  seed: number;
  laborers: number;
  jobs: number;
  /** The day of the match (ages, seasons). */
  date: string;
  /** Share of jobs drawn around one laborer (the rest at random). */
  targetedShare?: number;
}

/** Generates laborers (all wanting work) and open jobs around them; deterministic per seed. */
export function generateGroundTruth(spec: GroundTruthSpec, model: MatchModel): GroundTruth {
  const rnd = new Random(spec.seed);
  const counties = COUNTY_CENTRES.split(';').map((s) => s.slice(0, 6));
  const homeCounties = counties.filter((c) => ORIGIN_PROVINCES.includes(c.slice(0, 2)));
  const countiesIn = new Map<string, string[]>();
  for (const c of counties) {
    for (const p of [c.slice(0, 2), c.slice(0, 4)]) {
      const list = countiesIn.get(p);
      if (list) list.push(c);
      else countiesIn.set(p, [c]);
    }
  }
  const citiesOf = (province: string) => [...new Set((countiesIn.get(province) ?? []).map((c) => c.slice(0, 4)))];
  const kinds = Object.keys(model.workKinds);
  const year = Number(spec.date.slice(0, 4));
  const laborers: MatchLaborer[] = [];
  const truth: HiddenTruth[] = [];

  for (let i = 0; i < spec.laborers; i++) {
    const home = rnd.pick(homeCounties);
    const sex: '男' | '女' = rnd.chance(0.55) ? '男' : '女';
    const age = rnd.int(18, sex === '男' ? 58 : 53);
    const capacity: WorkCapacity = rnd.weighted({ 技能劳动力: 15, 普通劳动力: 75, 弱劳动力或半劳动力: 10 }) as WorkCapacity;
    const weak = capacity === '弱劳动力或半劳动力';
    const migrate = !weak && age <= 50 && rnd.chance(0.75);
    const trueKinds = rnd.some(kinds, 1, 2);
    // The register's 意向工种: what the laborer said, one in six times not quite what they want.
    const said = rnd.chance(0.83) ? trueKinds : [rnd.pick(kinds)];
    const regions: string[] = [];
    if (migrate && rnd.chance(0.8)) {
      for (const p of rnd.some(DESTINATIONS, 1, 2)) regions.push(rnd.chance(0.6) ? p : rnd.pick(citiesOf(p)));
      if (rnd.chance(0.3)) regions.push(rnd.pick(citiesOf(home.slice(0, 2))));
    }
    const skills: string[] = [];
    const certificates: string[] = [];
    if (capacity === '技能劳动力' || rnd.chance(0.2)) {
      const pool = trueKinds.flatMap((k) => KIND_SKILLS[k] ?? []);
      const skill = pool.length > 0 && rnd.chance(0.8) ? rnd.pick(pool) : rnd.pick(Object.values(KIND_SKILLS).flat());
      skills.push(skill);
      const cert = SKILL_CERTS[skill];
      if (cert && rnd.chance(0.7)) certificates.push(cert);
    }
    const pastWork = rnd.chance(0.4)
      ? [
          (() => {
            const away = migrate && rnd.chance(0.7);
            const place = away ? rnd.pick(countiesIn.get(rnd.pick(DESTINATIONS)) ?? [home]) : home;
            return {
              placeCode: place,
              placeName: place,
              employer: '',
              workKinds: rnd.chance(0.6) ? [trueKinds[0] as string] : [rnd.pick(kinds)],
            };
          })(),
        ]
      : [];
    const month = rnd.int(1, 12);
    const birthDate = `${year - age - (month > Number(spec.date.slice(5, 7)) ? 1 : 0)}-${String(month).padStart(2, '0')}-15`;
    laborers.push({
      id: `L${i}`,
      sex,
      birthDate,
      workCapacity: capacity,
      education: rnd.weighted({ 小学: 25, 初中: 55, 高中: 12, 中专: 5, 大专: 3 }),
      homeRegion: `${home}${String(rnd.int(100, 130)).padStart(3, '0')}${String(rnd.int(200, 230)).padStart(3, '0')}`,
      skills,
      certificates,
      migrateWilling: migrate,
      preferredRegions: regions,
      preferredWork: said,
      pastWork,
    });
    truth.push({
      kinds: trueKinds,
      reservationWageFen: Math.round(rnd.around(migrate ? 4200 : 2600, 700, 1500, 7000)) * 100,
      needsBoard: migrate && rnd.chance(0.7),
    });
  }

  const jobs: MatchJob[] = [];
  const targeted = spec.targetedShare ?? 0.7;
  for (let j = 0; j < spec.jobs; j++) {
    let kind: string;
    let place: string;
    let wageMid: number;
    let board: boolean;
    let demand: PhysicalDemand = rnd.weighted({ 轻: 30, 中: 50, 重: 20 }) as PhysicalDemand;
    let forWeak = rnd.chance(0.15);
    let sexRequired: '男' | '女' | null = null;
    let ageMin: number | null = rnd.chance(0.5) ? 18 : null;
    let ageMax: number | null = rnd.chance(0.6) ? rnd.pick([45, 50, 55]) : null;
    if (laborers.length > 0 && rnd.chance(targeted)) {
      const k = rnd.int(0, laborers.length - 1);
      const l = laborers[k] as MatchLaborer;
      const t = truth[k] as HiddenTruth;
      kind = rnd.pick(t.kinds);
      const county = l.homeRegion.slice(0, 6);
      if (l.migrateWilling && rnd.chance(0.8)) {
        const region = l.preferredRegions.length > 0 ? rnd.pick(l.preferredRegions) : rnd.pick(DESTINATIONS);
        place = rnd.pick(countiesIn.get(region) ?? [region.slice(0, 6)]);
      } else place = county;
      wageMid = t.reservationWageFen + rnd.int(-800, 2000) * 100;
      board = place !== county && rnd.chance(0.75);
      if (l.workCapacity === '弱劳动力或半劳动力') {
        forWeak = rnd.chance(0.8);
        demand = rnd.chance(0.8) ? '轻' : '中';
      }
      const age = Number(spec.date.slice(0, 4)) - Number(l.birthDate.slice(0, 4));
      if (ageMax !== null && age > ageMax && rnd.chance(0.8)) ageMax = null;
      if (ageMin !== null && age < ageMin) ageMin = null;
    } else {
      kind = rnd.pick(kinds);
      const region = rnd.chance(0.5) ? rnd.pick(DESTINATIONS) : rnd.pick(ORIGIN_PROVINCES);
      place = rnd.pick(countiesIn.get(region) ?? [region]);
      wageMid = rnd.int(2000, 7000) * 100;
      board = rnd.chance(0.5);
    }
    if (rnd.chance(0.03)) sexRequired = kind === '家政服务' || kind === '养老护理' ? '女' : '男';
    const spread = rnd.int(0, 1500) * 100;
    const seasonal = kind === '种植养殖' && rnd.chance(0.5);
    const seasonStart = rnd.int(-60, 120);
    const skills = rnd.chance(0.4) ? (KIND_SKILLS[kind] ?? []).slice(0, 1) : [];
    const cert = skills[0] ? SKILL_CERTS[skills[0]] : undefined;
    const openings = rnd.int(1, 30);
    const dayOfYear = Math.floor((Date.parse(spec.date) - Date.UTC(year, 0, 1)) / 86_400_000);
    jobs.push({
      id: `J${j}`,
      title: TITLES[kind] ?? kind,
      employerName: `雇主${rnd.int(1, Math.max(1, Math.floor(spec.jobs / 4)))}`,
      occupationCode: '',
      workKinds: [kind],
      workRegion: place.length === 6 ? `${place}${String(rnd.int(1, 20)).padStart(3, '0')}` : place,
      workPlace: place,
      openings,
      filled: rnd.chance(0.05) ? openings : rnd.int(0, openings - 1),
      wageMinFen: Math.max(100000, wageMid - spread),
      wageMaxFen: Math.max(100000, wageMid + spread),
      accommodation: board,
      meals: board && rnd.chance(0.8),
      seasonFrom: seasonal ? isoDate(year, dayOfYear + seasonStart) : null,
      seasonTo: seasonal ? isoDate(year, dayOfYear + seasonStart + rnd.int(30, 150)) : null,
      validUntil: rnd.chance(0.05) ? isoDate(year, dayOfYear - rnd.int(1, 60)) : null,
      ageMin,
      ageMax,
      sexRequired,
      educationMin: rnd.chance(0.08) ? '高中' : null,
      skills,
      certificates: cert && rnd.chance(0.5) ? [cert] : [],
      physicalDemand: demand,
      suitableForWeak: forWeak,
      status: 'open',
    });
  }
  return { laborers, truth, jobs };
}

/**
 * Is the job one the laborer would really take: it passes the hard constraints and is of a kind
 * they truly want, pays at least their reservation wage, and gives a bed away from home when
 * they need one.
 */
export function isRelevant(l: MatchLaborer, t: HiddenTruth, job: MatchJob, ctx: MatchContext): boolean {
  if (!fits(l, job, ctx)) return false;
  if (!jobKinds(job, ctx.model).some((k) => t.kinds.includes(k))) return false;
  if ((job.wageMinFen + job.wageMaxFen) / 2 < t.reservationWageFen) return false;
  const away = !job.workRegion.startsWith(countyOrSelf(l.homeRegion));
  return !(away && t.needsBoard && !job.accommodation);
}
