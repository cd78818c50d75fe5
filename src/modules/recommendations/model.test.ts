import { describe, expect, it } from 'vitest';
import { generateGroundTruth } from '../../domain/matching/ground-truth.ts';
import {
  countyCentres,
  distanceKm,
  JobIndex,
  type MatchContext,
  type MatchJob,
  type MatchLaborer,
  rankLaborersForJob,
  recommendBruteForce,
  resolvePreferredPlaces,
  scoreJob,
  violations,
} from '../../domain/matching/index.ts';
import { loadMatchModel } from './model.ts';

const model = loadMatchModel();
const geo = countyCentres();
const ctx: MatchContext = { model, geo, date: '2026-03-01' };
const HUIZE_VILLAGE = '530326001001';

function laborer(over: Partial<MatchLaborer> = {}): MatchLaborer {
  return {
    id: 'p1',
    sex: '男',
    birthDate: '1990-05-01',
    workCapacity: '普通劳动力',
    education: '初中',
    homeRegion: HUIZE_VILLAGE,
    skills: [],
    certificates: [],
    migrateWilling: true,
    preferredRegions: ['44'],
    preferredWork: ['建筑业'],
    pastWork: [],
    ...over,
  };
}

function job(over: Partial<MatchJob> = {}): MatchJob {
  return {
    id: 'j1',
    title: '建筑工地砌筑工',
    employerName: '深圳恒达建筑劳务有限公司',
    occupationCode: '6-29-01-01',
    workRegion: '440306',
    workPlace: '广东省深圳市宝安区',
    openings: 10,
    filled: 0,
    wageMinFen: 500000,
    wageMaxFen: 700000,
    accommodation: true,
    meals: true,
    seasonFrom: null,
    seasonTo: null,
    validUntil: null,
    ageMin: 18,
    ageMax: 50,
    sexRequired: null,
    educationMin: null,
    skills: [],
    certificates: [],
    physicalDemand: '重',
    suitableForWeak: false,
    status: 'open',
    ...over,
  };
}

describe('hard constraints', () => {
  it('accepts a Huize laborer for a Shenzhen building job in his preferred province', () => {
    expect(violations(laborer(), job(), ctx)).toEqual([]);
  });

  it('refuses by age at the limit +1 and accepts at the limit', () => {
    // Born 1975-03-01: 51 on 2026-03-01; born 1975-03-02: still 50.
    expect(violations(laborer({ birthDate: '1975-03-01' }), job(), ctx).map((v) => v.constraint)).toEqual(['age']);
    expect(violations(laborer({ birthDate: '1975-03-02' }), job(), ctx)).toEqual([]);
  });

  it('names the laborer and the job in Chinese', () => {
    const [v] = violations(laborer({ sex: '女' }), job({ sexRequired: '男' }), ctx);
    expect(v?.message).toBe('岗位“建筑工地砌筑工”限男性，劳动力为女性');
  });

  it('keeps weak laborers off heavy work and off jobs not marked for them', () => {
    const weak = laborer({ workCapacity: '弱劳动力或半劳动力' });
    expect(violations(weak, job(), ctx).map((v) => v.constraint)).toEqual(['capacity']);
    expect(violations(weak, job({ physicalDemand: '轻' }), ctx).map((v) => v.constraint)).toEqual(['capacity']);
    expect(violations(weak, job({ physicalDemand: '轻', suitableForWeak: true }), ctx)).toEqual([]);
  });

  it('offers a laborer who will not migrate only the home county and places within the local radius', () => {
    const stay = laborer({ migrateWilling: false, preferredRegions: [] });
    expect(violations(stay, job(), ctx).map((v) => v.constraint)).toEqual(['place']);
    expect(violations(stay, job({ workRegion: '530326101', workPlace: '会泽县' }), ctx)).toEqual([]);
  });

  it('refuses places outside the preferred regions, filled posts, ended seasons and missing certificates', () => {
    const c = (j: Partial<MatchJob>, l: Partial<MatchLaborer> = {}) =>
      violations(laborer(l), job(j), ctx).map((v) => v.constraint);
    expect(c({ workRegion: '330203', workPlace: '浙江省宁波市海曙区' })).toEqual(['place']);
    expect(c({ filled: 10 })).toEqual(['openings']);
    expect(c({ seasonFrom: '2025-09-01', seasonTo: '2026-02-28' })).toEqual(['season']);
    expect(c({ seasonFrom: '2025-09-01', seasonTo: '2026-03-01' })).toEqual([]);
    expect(c({ certificates: ['焊工证'] })).toEqual(['certificates']);
    expect(c({ certificates: ['焊工证'] }, { certificates: ['焊工证'] })).toEqual([]);
    expect(c({ educationMin: '高中' }, { education: '技校' })).toEqual([]);
    expect(c({ educationMin: '高中' })).toEqual(['education']);
  });
});

describe('score and reasons', () => {
  it('explains a migrant job in Chinese: kind, distance, preferred place, wage, board', () => {
    const s = scoreJob(laborer(), job(), ctx);
    expect(s.reasons.map((r) => r.text)).toEqual([
      '意向工种一致（建筑业）',
      `距家 ${s.distanceKm} 公里`,
      '在意向地区（广东省深圳市宝安区）',
      '月工资 5000-7000 元',
      '包吃住',
    ]);
    // Huize to Bao'an, centre to centre: about 1,150 km.
    expect(s.distanceKm).toBeGreaterThan(1050);
    expect(s.distanceKm).toBeLessThan(1250);
    expect(s.score).toBeCloseTo(
      s.reasons.reduce((n, r) => n + r.points, 0),
      0,
    );
  });

  it('prefers the same job nearer home, and a job of the wanted kind over one that pays a little more', () => {
    const near = scoreJob(laborer({ preferredRegions: [] }), job({ workRegion: '530302', workPlace: '曲靖市麒麟区' }), ctx);
    const far = scoreJob(laborer({ preferredRegions: [] }), job(), ctx);
    expect(near.score).toBeGreaterThan(far.score);
    const other = scoreJob(laborer(), job({ title: '电子厂组装工', occupationCode: '6-25', wageMaxFen: 750000 }), ctx);
    expect(scoreJob(laborer(), job(), ctx).score).toBeGreaterThan(other.score);
  });

  it('knows the laborer worked for the employer before by the linked record, whatever name it was written under', () => {
    const past = (employer: string, employerId?: string) =>
      laborer({
        pastWork: [{ placeCode: null, placeName: '广东省深圳市', employer, employerId: employerId ?? null, workKinds: [] }],
      });
    const reasons = (l: MatchLaborer, j: MatchJob) => scoreJob(l, j, ctx).reasons.map((r) => r.text);
    const theJob = job({ employerName: '深圳宝安某建筑劳务有限公司', employerId: '7' });
    expect(reasons(past('宝安建筑劳务', '7'), theJob)).toContain('曾在该单位工作');
    // The same name, but linked to another registered employer: not this one.
    expect(reasons(past('深圳宝安某建筑劳务有限公司', '8'), theJob)).not.toContain('曾在该单位工作');
    // No link on the record: the name decides, as before.
    expect(reasons(past('深圳宝安某建筑劳务有限公司'), theJob)).toContain('曾在该单位工作');
  });

  it('gives distances between real county centres', () => {
    expect(distanceKm(geo, '530326', '530302')).toBeGreaterThan(80);
    expect(distanceKm(geo, '530326', '530302')).toBeLessThan(150);
    expect(distanceKm(geo, '150425001001', '150425')).toBe(0);
  });

  it('resolves 本县 and names to region codes and reports what it cannot resolve', () => {
    const names: Record<string, string> = { 曲靖市: '5303', 浙江省: '33' };
    expect(resolvePreferredPlaces(['本县', '曲靖市', '浙江省', '省会城市'], HUIZE_VILLAGE, (n) => names[n])).toEqual({
      codes: ['530326', '5303', '33'],
      unresolved: ['省会城市'],
    });
  });
});

describe('ranking on generated data', () => {
  const gt = generateGroundTruth({ seed: 7, laborers: 1500, jobs: 2500, date: ctx.date }, model);
  const index = new JobIndex(gt.jobs, ctx);

  it('never recommends a job that breaks a hard constraint (checked by the independent violations list)', () => {
    let recommended = 0;
    for (const l of gt.laborers) {
      for (const r of index.recommend(l)) {
        const j = gt.jobs[Number(r.jobId.slice(1))] as MatchJob;
        expect(violations(l, j, ctx), `${l.id} ${j.id}`).toEqual([]);
        // The score shown is the one the reasons add up to, the one the ranking used.
        expect(scoreJob(l, j, ctx).score).toBe(r.score);
        recommended++;
      }
    }
    expect(recommended).toBeGreaterThan(gt.laborers.length * 3);
  });

  it('answers exactly what brute force over every job answers', () => {
    for (const l of gt.laborers.slice(0, 400)) {
      const fast = index.recommend(l).map((r) => [r.jobId, r.score]);
      const slow = recommendBruteForce(l, gt.jobs, ctx).map((r) => [r.jobId, r.score]);
      expect(fast, l.id).toEqual(slow);
    }
  });

  it('gives a laborer who stays home the same answer as brute force when a nearby preferred city earns points', () => {
    const l = laborer({ migrateWilling: false, preferredRegions: ['5303'], homeRegion: HUIZE_VILLAGE, preferredWork: ['保洁'] });
    const jobs = [
      job({
        id: 'near',
        title: '物业保洁员',
        workRegion: '530302',
        workPlace: '曲靖市麒麟区',
        accommodation: false,
        meals: false,
      }),
      job({ id: 'home', title: '物业保洁员', workRegion: '530326101', workPlace: '会泽县', accommodation: false, meals: false }),
    ];
    const local = { ...ctx, model: { ...model, localRadiusKm: 200 } };
    const best = new JobIndex(jobs, local).recommend(l, 1);
    expect(best).toEqual(recommendBruteForce(l, jobs, local, 1));
    expect(best[0]?.jobId).toBe('near');
  });

  it('ranks for the employer only laborers who fit the job, best first', () => {
    const j = gt.jobs[0] as MatchJob;
    const ranked = rankLaborersForJob(j, gt.laborers, ctx, 20);
    for (const m of ranked) expect(violations(gt.laborers[Number(m.laborerId.slice(1))] as MatchLaborer, j, ctx)).toEqual([]);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]?.score).toBeGreaterThanOrEqual(ranked[i]?.score as number);
  });

  it('says which constraint left a laborer with fewer than three jobs', () => {
    const stay = laborer({ migrateWilling: false, preferredRegions: [], homeRegion: '150425001001' });
    const s = index.shortfall(stay, 3);
    expect(s.suitable).toBeLessThan(3);
    expect(s.mainReason).toBe('place');
    expect(s.mainReasonText).toMatch(/^不在意向或可去的地区（排除 \d+ 个岗位）$/);
  });
});

describe('the model file', () => {
  it('refuses a misspelt weight or an inverted wage range, naming the field', async () => {
    const { readFileSync } = await import('node:fs');
    const { MODEL_FILE, parseMatchModel } = await import('./model.ts');
    const text = readFileSync(MODEL_FILE, 'utf8');
    expect(() => parseMatchModel(text.replace('occupation: 30', 'occupaton: 30'))).toThrow(/weights/);
    expect(() => parseMatchModel(text.replace('wageCeilingFen: 800000', 'wageCeilingFen: 100000'))).toThrow(
      /wageCeilingFen：wageCeilingFen 必须大于 wageFloorFen/,
    );
  });
});
