// Demo employers and job posts for the seeded counties, so matching has jobs to rank: local
// workshop and public-service posts in each county, the village workshops the register names
// (for 政策找人 over workshops), and labor-export posts in the places the
// documents send Huize and Inner Mongolia laborers (深圳宝安、龙岗, 杭州上城, 苏州虎丘).
// Occupation codes are middle groups of 职业分类大典 shipped in src/domain/jobs.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { creditCheckChar } from '../../domain/jobs/credit-code.ts';
import { addMonths } from '../../domain/recommendations/tracking.ts';
import { namesOn } from '../regions/regions.repository.ts';

/** Real district codes of the export destinations (2023 division codes). */
export const DESTINATIONS = [
  { code: '440306', place: '广东省深圳市宝安区' },
  { code: '440307', place: '广东省深圳市龙岗区' },
  { code: '330102', place: '浙江省杭州市上城区' },
  { code: '320505', place: '江苏省苏州市虎丘区' },
] as const;

interface DemoJob {
  title: string;
  occupation: string;
  wage: [number, number];
  board: boolean;
  demand: '轻' | '中' | '重';
  weak?: boolean;
  ages?: [number, number];
}

/** The trade an organized batch of an earlier year was recruited for, with its ages (addBatchPost). */
export const BATCH_JOB: DemoJob = {
  title: '电子厂普工',
  occupation: '6-25',
  wage: [450000, 650000],
  board: true,
  demand: '轻',
  ages: [18, 45],
};

const EXPORT_JOBS: DemoJob[] = [
  BATCH_JOB,
  { title: '建筑工地钢筋工', occupation: '6-29', wage: [600000, 900000], board: true, demand: '重', ages: [20, 55] },
  { title: '服装厂缝纫工', occupation: '6-05', wage: [400000, 700000], board: true, demand: '轻', ages: [18, 50] },
  { title: '物流仓储分拣员', occupation: '4-02', wage: [450000, 600000], board: true, demand: '中', ages: [18, 50] },
  { title: '酒店餐饮服务员', occupation: '4-03', wage: [380000, 500000], board: true, demand: '轻', ages: [18, 45] },
  { title: '小区保安', occupation: '4-07', wage: [380000, 450000], board: true, demand: '轻', ages: [20, 55] },
];

const LOCAL_JOBS: DemoJob[] = [
  { title: '帮扶车间手工编织', occupation: '6-05', wage: [150000, 250000], board: false, demand: '轻', weak: true },
  { title: '大棚蔬菜种植工', occupation: '5-01', wage: [200000, 300000], board: false, demand: '中' },
  { title: '乡村保洁员', occupation: '4-09', wage: [120000, 180000], board: false, demand: '轻', weak: true },
  { title: '家政服务员', occupation: '4-10', wage: [300000, 450000], board: false, demand: '轻' },
];

/**
 * Posts are dated as collected four months before the day the demo is made for, so they
 * existed before the Huize fair held three months ago (demo-fairs), which lists only posts
 * that existed on its day; they stay valid six months on.
 */
const POSTED_MONTHS_AGO = 4;

/** 09:00 Beijing time on `date`: when an office enters the posts it collected. */
function officeMorning(date: string): Date {
  return new Date(`${date}T09:00:00+08:00`);
}

function creditCode(n: number, region: string): string {
  const first17 = `91${region.slice(0, 6)}MA${String(n).padStart(7, '0')}`;
  return first17 + creditCheckChar(first17);
}

interface PostOf {
  employerId: string;
  /** The county office that collected the post. */
  county: string;
  place: { code: string; place: string };
  openings: number;
  posted: Date;
  validUntil: string;
}

function postRow(j: DemoJob, o: PostOf) {
  return {
    employer_id: o.employerId,
    region_code: o.county,
    title: j.title,
    occupation_code: j.occupation,
    work_region_code: o.place.code,
    work_place: o.place.place,
    openings: o.openings,
    wage_min_fen: j.wage[0],
    wage_max_fen: j.wage[1],
    accommodation: j.board,
    meals: j.board,
    physical_demand: j.demand,
    suitable_for_weak: j.weak ?? false,
    age_min: j.ages?.[0] ?? null,
    age_max: j.ages?.[1] ?? null,
    valid_until: o.validUntil,
    created_at: o.posted,
    updated_at: o.posted,
  };
}

/**
 * The post an export employer had for an organized batch of an earlier year: entered on
 * `postedOn`, valid until the departure, with as many openings as the batch took (its
 * departure fills them), so the batch names a post that existed when it left.
 */
export async function addBatchPost(
  db: Kysely<DB>,
  o: {
    employerId: string;
    county: string;
    destination: (typeof DESTINATIONS)[number];
    postedOn: string;
    departure: string;
    openings: number;
  },
): Promise<string> {
  const post = postRow(BATCH_JOB, {
    employerId: o.employerId,
    county: o.county,
    place: o.destination,
    openings: o.openings,
    posted: officeMorning(o.postedOn),
    validUntil: o.departure,
  });
  return (await db.insertInto('job_posts').values(post).returning('id').executeTakeFirstOrThrow()).id;
}

/** Adds demo employers and open job posts for `counties`, dated as collected earlier; answers how many posts it wrote. */
export async function seedDemoJobs(db: Kysely<DB>, counties: readonly string[], today: string): Promise<number> {
  let posts = 0;
  const validUntil = addMonths(today, 6);
  const posted = officeMorning(addMonths(today, -POSTED_MONTHS_AGO));
  const names = await namesOn(db, counties, today);
  for (const [ci, county] of counties.entries()) {
    const countyName = names.get(county) ?? '本县';
    const existing = await db.selectFrom('job_posts').select('id').where('region_code', '=', county).limit(1).executeTakeFirst();
    if (existing) continue;
    const employers = await db
      .insertInto('employers')
      .values([
        ...DESTINATIONS.map((d, i) => ({
          credit_code: creditCode(ci * 100 + i + 1, d.code),
          name: `${d.place.slice(3, 6)}劳务合作企业${ci * 10 + i + 1}号`,
          region_code: d.code,
          // Registered by the county's office, which keeps it among its own employers.
          office_code: county,
          industry: 'C',
        })),
        {
          credit_code: creditCode(ci * 100 + 50, county),
          name: `${countyName}就业帮扶车间${ci + 1}号`,
          region_code: county,
          office_code: county,
          industry: 'C',
          is_workshop: true,
        },
      ])
      .onConflict((c) => c.column('credit_code').doNothing())
      .returning(['id', 'region_code', 'is_workshop'])
      .execute();
    const rows = employers.flatMap((e) => {
      const list = e.is_workshop ? LOCAL_JOBS : EXPORT_JOBS;
      const place = e.is_workshop
        ? { code: county, place: countyName }
        : (DESTINATIONS.find((d) => d.code === e.region_code) as (typeof DESTINATIONS)[number]);
      return list.map((j) => postRow(j, { employerId: e.id, county, place, openings: 10, posted, validUntil }));
    });
    if (rows.length) await db.insertInto('job_posts').values(rows).execute();
    posts += rows.length;
    await registerVillageWorkshops(db, county);
  }
  return posts;
}

/**
 * The village workshops the generated register employs people at (spells at a 帮扶车间 name
 * the workshop), registered as recognised 帮扶车间 in their village and linked from those spells,
 * so that 政策找人 over the workshops of a county finds them with their laborers.
 */
async function registerVillageWorkshops(db: Kysely<DB>, county: string): Promise<void> {
  const named = await db
    .selectFrom('employment_spells')
    .select(['employer', (eb) => eb.fn.min('village_code').as('village')])
    .where('channel', '=', '帮扶车间')
    .where('village_code', 'like', `${county}%`)
    .where('employer', 'like', '%帮扶车间（%')
    .groupBy('employer')
    .orderBy('employer')
    .execute();
  for (let i = 0; i < named.length; i += 500) {
    await db
      .insertInto('employers')
      .values(
        named.slice(i, i + 500).map((w, j) => ({
          credit_code: creditCode(1000 + i + j, county),
          name: w.employer,
          region_code: String(w.village),
          industry: 'C',
          is_workshop: true,
        })),
      )
      .onConflict((c) => c.column('credit_code').doNothing())
      .execute();
  }
  // Their laborers' employment records point at them, as records made after registration would.
  await db
    .updateTable('employment_spells as s')
    .from('employers as e')
    .set((eb) => ({ employer_id: eb.ref('e.id') }))
    .where('s.employer_id', 'is', null)
    .where('s.channel', '=', '帮扶车间')
    .where('s.village_code', 'like', `${county}%`)
    .whereRef('e.name', '=', 's.employer')
    .where('e.is_workshop', '=', true)
    .where('e.region_code', 'like', `${county}%`)
    .execute();
}
