// The demo's job fairs and organized labor export (招聘会、有组织劳务输出) of Huize, made
// through the same services an officer uses, so the fairs, the coverage card, the batches and
// their stability are what the platform itself recorded (audit, spells, openings counted). A
// fair held earlier this year had county posts entered before its day (demo-jobs dates them
// so), invited laborers, attendance and two on-site hires (each an employment spell); a second
// fair is planned, so the county meets the two fairs a year (seed 000 五). A batch left for
// Shenzhen after the 2019 Spring Festival, while the export service subsidies were in force, so
// its page shows what it earned; another, for Suzhou, leaves in two weeks.
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import { addMonths } from '../../domain/recommendations/tracking.ts';
import { ageOn, isWorkingAge, todayInShanghai } from '../../domain/registry/derive.ts';
import { addDays } from '../../domain/seed/population.ts';
import {
  addExportMembers,
  addFairJobs,
  createExportBatch,
  createFair,
  departExportBatch,
  invite,
  recordAttendance,
} from '../fairs/fairs.service.ts';
import { DEMO_COUNTY, demoOfficer } from './demo-cycle.ts';
import { addBatchPost, BATCH_JOB, DESTINATIONS } from './demo-jobs.ts';
import { findDemoLaborer } from './demo-laborer.ts';

/** Members of the departed batch (5-8 make a credible bus). */
const EXPORTED = 6;
/** Invited to the held fair: all but the last came, the first two were hired on the spot. */
const HELD_INVITED = 6;
const HIRED = 2;
/** Attendees not hired who signed up for the next batch. */
const NEXT_BATCH = 3;
/** Laborers invited to the planned fair besides the one who missed the held fair. */
const PLANNED_NEW = 4;
/** Jobs each employer brings to a fair (a different pair per employer, the next pair at the next fair). */
const JOBS_PER_EMPLOYER = 2;

/**
 * The departed batch left after the 2019 Spring Festival (元宵节 was 19 February) for a post
 * entered before it, while the export service subsidies were in force (EXP-YN 云人社通〔2018〕68号
 * 一 and EXP-HZ 会政发〔2018〕20号 第16条, to 2020-12-31): its 3- and 6-month marks (May and
 * August 2019) fall in their period, so its subsidies card shows the amounts it earned.
 */
const DEPARTED_ON = '2019-02-21';
const BATCH_POSTED_ON = '2019-01-14';

/** Destinations of the two batches (demo-jobs has a labor-cooperation employer in each). */
const DEPARTED_TO = '440306';
const PLANNED_TO = '320505';

export interface DemoFairsSummary {
  fairs: number;
  invited: number;
  attended: number;
  hired: number;
  plannedInvited: number;
  batches: number;
  exported: number;
  exportedOn: string;
  exportedTo: string;
  nextBatch: number;
}

function season(date: string): string {
  const m = Number(date.slice(5, 7));
  return m >= 3 && m <= 5 ? '春季' : m >= 6 && m <= 8 ? '夏季' : m >= 9 && m <= 11 ? '秋季' : '冬季';
}

/** Three weeks on, kept in this year when it can be (so it counts toward this year's two fairs). */
function laterThisYear(today: string): string {
  const later = addDays(today, 21);
  const last = `${today.slice(0, 4)}-12-31`;
  return later <= last || today === last ? later : last;
}

interface Job {
  id: string;
  /** The day (Beijing time) the post was entered: a fair can only have had posts that existed by its day. */
  postedOn: string;
  isWorkshop: boolean;
  ageMin: number | null;
  ageMax: number | null;
}

interface Employer {
  id: string;
  regionCode: string;
  /** Its open posts collected by the county, by id. */
  jobs: Job[];
}

/** The last day the person `p` worked (9999-12-31 while a spell is open), null for who never worked. */
const WORKED_UNTIL = sql<string | null>`(
  SELECT max(coalesce(s.end_date, DATE '9999-12-31')) FROM employment_spells s WHERE s.person_id = p.id)`;
/** Whether a claim names the person `p` (the demo's transport claims come first). */
const CLAIMED = sql<boolean>`EXISTS (SELECT 1 FROM claims c WHERE c.person_id = p.id)`;

const fits = (job: Pick<Job, 'ageMin' | 'ageMax'>, age: number) => age >= (job.ageMin ?? 16) && age <= (job.ageMax ?? 200);

/** The `round`-th pair of posts the `nth` employer brings, so fairs show more than the same two trades. */
function pair(e: Employer, nth: number, round: number): Job[] {
  const from = (nth + round) * JOBS_PER_EMPLOYER;
  const picked = new Set(Array.from({ length: JOBS_PER_EMPLOYER }, (_, i) => e.jobs[(from + i) % e.jobs.length] as Job));
  return [...picked];
}

/**
 * Makes the demo fairs and batches once, on a register that holds Huize, its demo job posts
 * and the `huize` account and has no fair in Huize yet; otherwise does nothing and answers
 * undefined. The services date attendance, departures and spells by the real day, so a
 * `today` after it makes nothing either.
 */
export async function seedDemoFairs(database: Database, today: string): Promise<DemoFairsSummary | undefined> {
  const db = database.kysely;
  if (today > todayInShanghai()) return undefined;
  const actor = await demoOfficer(db);
  if (!actor) return undefined;
  const existing = await db
    .selectFrom('job_fairs')
    .select('id')
    .where('region_code', 'like', `${DEMO_COUNTY}%`)
    .limit(1)
    .executeTakeFirst();
  if (existing) return undefined;

  // The held fair three months ago, or on New Year's Day when that was last year (it counts
  // toward this year); the next batch leaves in two weeks.
  const year = today.slice(0, 4);
  const threeMonthsAgo = addMonths(today, -3);
  const heldOn = threeMonthsAgo.startsWith(year) ? threeMonthsAgo : `${year}-01-01`;
  const plannedOn = laterThisYear(today);
  const leavesOn = addDays(today, 14);

  // The county's open posts, by employer; the two batches go to employers in Shenzhen and Suzhou.
  const posts = await db
    .selectFrom('job_posts_current as j')
    .innerJoin('employers as e', 'e.id', 'j.employer_id')
    .select([
      'j.id',
      'j.employer_id',
      'e.region_code as employer_region',
      'e.is_workshop',
      'j.age_min',
      'j.age_max',
      'j.created_at',
    ])
    .where('j.region_code', '=', DEMO_COUNTY)
    .where('j.status', '=', 'open')
    .orderBy('j.id')
    .execute();
  const byId = new Map<string, Employer>();
  for (const p of posts) {
    const e = byId.get(p.employer_id) ?? { id: p.employer_id, regionCode: p.employer_region, jobs: [] };
    e.jobs.push({
      id: p.id,
      postedOn: todayInShanghai(p.created_at),
      isWorkshop: p.is_workshop,
      ageMin: p.age_min,
      ageMax: p.age_max,
    });
    byId.set(e.id, e);
  }
  const employers = [...byId.values()];
  // The held fair had only the posts entered by its day (the planned one may have any open post).
  const heldJobs = employers.flatMap((e, nth) => {
    const existing = { ...e, jobs: e.jobs.filter((j) => j.postedOn <= heldOn) };
    return existing.jobs.length ? pair(existing, nth, 0) : [];
  });
  const plannedJobs = employers.flatMap((e, nth) => pair(e, nth, 1));
  const departedEmployer = employers.find((e) => e.regionCode === DEPARTED_TO);
  const plannedEmployer = employers.find((e) => e.regionCode === PLANNED_TO);
  const departedTo = DESTINATIONS.find((d) => d.code === DEPARTED_TO);
  const plannedTo = DESTINATIONS.find((d) => d.code === PLANNED_TO);
  if (!departedEmployer || !plannedEmployer || !departedTo || !plannedTo || heldJobs.length < 2) return undefined;

  // Laborers of 脱贫户 who want to migrate, able to work and of working age today, with the
  // last day they worked and whether a claim names them; the portal's demo laborer keeps its
  // own story.
  const demo = await findDemoLaborer(db, today);
  const rows = await db
    .selectFrom('persons as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .select(['p.id', 'p.sex', 'p.birth_date', WORKED_UNTIL.as('worked_until'), CLAIMED.as('claimed')])
    .where('p.village_code', 'like', `${DEMO_COUNTY}%`)
    .where('h.type', '=', '脱贫户')
    .where('p.migrate_willing', '=', true)
    .where('p.merged_into', 'is', null)
    .where('p.work_capacity', 'in', ['技能劳动力', '普通劳动力'])
    .where('p.student_status', '!=', '在校生')
    .where('p.id', '!=', demo?.id ?? '0')
    .orderBy('p.id')
    .execute();
  const people = rows.filter((p) => isWorkingAge(p.sex, p.birth_date, today));
  const birth = new Map(people.map((p) => [p.id, p.birth_date]));
  const ageOf = (id: string, on: string) => ageOn(birth.get(id) ?? on, on);
  // Adult on `day` and without work from then on: each hire and departure opens a spell, and
  // nobody should hold two.
  const freeFrom = (p: (typeof people)[number], day: string) =>
    ageOn(p.birth_date, day) >= 18 && (p.worked_until === null || p.worked_until < day);
  // The 2019 batch, recruited for its post: the first free since it left whose ages then fit,
  // not named by a transport claim (its ticket says where that laborer worked in 2019-2020).
  const batchAges = { ageMin: BATCH_JOB.ages?.[0] ?? null, ageMax: BATCH_JOB.ages?.[1] ?? null };
  const exported = people
    .filter((p) => !p.claimed && freeFrom(p, DEPARTED_ON) && fits(batchAges, ageOn(p.birth_date, DEPARTED_ON)))
    .slice(0, EXPORTED)
    .map((p) => p.id);
  // The fairs and the next batch: free since the held fair.
  const rest = people.filter((p) => !exported.includes(p.id) && freeFrom(p, heldOn)).map((p) => p.id);
  if (exported.length < EXPORTED || rest.length < HELD_INVITED + PLANNED_NEW) return undefined;
  const heldInvited = rest.slice(0, HELD_INVITED);
  const attended = heldInvited.slice(0, -1);
  const absent = heldInvited.slice(-1);
  const nextBatch = attended.slice(HIRED, HIRED + NEXT_BATCH);
  const plannedInvited = [...absent, ...rest.slice(HELD_INVITED, HELD_INVITED + PLANNED_NEW)];

  // The fair held earlier this year: jobs, invitations, who came, and the first two who came
  // hired on the spot (one by an employer out of the province, one by the county's workshop,
  // each at a post their age fits).
  // An on-site fair at the county's labor market with its jobs and invitations.
  const fairWith = async (title: string, date: string, jobs: readonly { id: string }[], invited: string[]) => {
    const fair = await createFair(database, actor, {
      region: DEMO_COUNTY,
      title,
      date,
      venue: '会泽县人力资源市场',
      kind: 'onsite',
    });
    await addFairJobs(
      database,
      actor,
      fair.id,
      jobs.map((j) => j.id),
    );
    await invite(database, actor, fair.id, { personIds: invited });
    return fair;
  };
  const held = await fairWith(`会泽县${year}年${season(heldOn)}农村劳动力转移就业专场招聘会`, heldOn, heldJobs, heldInvited);
  let hired = 0;
  for (const [i, personId] of attended.entries()) {
    const job = i < HIRED ? heldJobs.find((j) => j.isWorkshop === (i === 1) && fits(j, ageOf(personId, heldOn))) : undefined;
    if (job) hired++;
    await recordAttendance(database, actor, held.id, { personId, attended: true, hiredJobId: job?.id });
  }
  for (const personId of absent) await recordAttendance(database, actor, held.id, { personId, attended: false });

  // The fair planned three weeks on, with the next jobs of each employer and its invitations.
  await fairWith(
    `会泽县${plannedOn.slice(0, 4)}年${season(plannedOn)}劳务协作专场招聘会`,
    plannedOn,
    plannedJobs,
    plannedInvited,
  );

  // The batch that left in 2019 by chartered bus for its post; the departure writes its
  // members' 外出务工(有组织) spells from that day and fills the post's openings.
  const batchPost = await addBatchPost(db, {
    employerId: departedEmployer.id,
    county: DEMO_COUNTY,
    destination: departedTo,
    postedOn: BATCH_POSTED_ON,
    departure: DEPARTED_ON,
    openings: EXPORTED,
  });
  const departed = await createExportBatch(database, actor, {
    region: DEMO_COUNTY,
    destination: departedTo.place,
    destinationCode: departedTo.code,
    employerId: departedEmployer.id,
    jobId: batchPost,
    transport: '包车',
    departureDate: DEPARTED_ON,
    leader: '县就业服务中心带队干部',
  });
  const filled = await addExportMembers(database, actor, departed.id, exported);
  await departExportBatch(database, actor, departed.id, filled.version);

  // The next batch, by train in two weeks: attendees of the fair who were not hired, for the
  // first post of the employer their ages all fit, when there is one.
  const nextJob = plannedEmployer.jobs.find((j) => nextBatch.every((id) => fits(j, ageOf(id, leavesOn))));
  const next = await createExportBatch(database, actor, {
    region: DEMO_COUNTY,
    destination: plannedTo.place,
    destinationCode: plannedTo.code,
    employerId: plannedEmployer.id,
    jobId: nextJob?.id,
    transport: '火车',
    departureDate: leavesOn,
    leader: '县就业服务中心带队干部',
  });
  await addExportMembers(database, actor, next.id, nextBatch);

  return {
    fairs: 2,
    invited: heldInvited.length,
    attended: attended.length,
    hired,
    plannedInvited: plannedInvited.length,
    batches: 2,
    exported: exported.length,
    exportedOn: DEPARTED_ON,
    exportedTo: departedTo.place,
    nextBatch: nextBatch.length,
  };
}
