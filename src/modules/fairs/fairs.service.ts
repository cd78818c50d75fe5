// Job fairs (招聘会: at least two a year per county, seed 000 五) with the jobs present, the
// laborers invited, attendance and hires; organized labor export batches (有组织劳务输出)
// whose departure writes each member's employment spell, so their stability at 3 and 6
// months comes from the register. A fair that will not take place and a batch that will not
// depart are cancelled with a reason (never deleted): their invitations and members stay as
// history, the fair no longer counts toward the two a year, the batch earns no subsidy.
import { sql } from 'kysely';
import { type Database, inScope, type Scoped } from '../../db/connection.ts';
import type { ExportTransport } from '../../db/schema-recommendations.ts';
import { maskIdNumber } from '../../domain/mask.ts';
import { STABILITY_NAMES, stabilityAt } from '../../domain/recommendations/tracking.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { errors } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { type Actor, auditActor, canWriteRegister } from '../auth/actor.ts';
import { addSpellIn } from '../registry/index.ts';

/** Seed 000 五: 每个县每年至少举办两场. */
export const FAIRS_PER_COUNTY_YEAR = 2;

function requireOfficer(actor: Actor, what: string) {
  if (!canWriteRegister(actor)) throw errors.forbidden(`${what}（仅县、乡镇、村经办人员）`);
}

function requireReader(actor: Actor) {
  if (actor.role === 'employer') throw errors.forbidden('用人单位账号不能查看招聘会和劳务输出台账');
}

function within(actor: Actor, region: string | undefined, record: string, levels = /^(\d{6}|\d{9}|\d{12})$/): string {
  const code = region ?? actor.scope;
  if (!levels.test(code))
    throw errors.invalid(record, [
      { field: 'region', label: '地区', message: '应为县、乡镇或村的区划代码（6、9或12位）', value: code },
    ]);
  if (!code.startsWith(actor.scope)) throw errors.outOfScope(code);
  return code;
}

/** A cancellation's reason (天气原因、用工单位取消…): required, named on the record. */
function cancelReason(record: string, reason: string): string {
  const r = reason.trim();
  if (!r) throw errors.invalid(record, [{ field: 'reason', label: '取消原因', message: '不能为空' }]);
  return r;
}

/** Who cancelled a fair or a batch, when and why, as the detail pages show it. */
async function cancellation(
  trx: Scoped,
  row: { cancel_reason: string | null; cancelled_at: Date | null; cancelled_by: string | null },
) {
  if (row.cancel_reason === null) return null;
  const by = row.cancelled_by
    ? await trx.selectFrom('users').select('display_name').where('id', '=', row.cancelled_by).executeTakeFirst()
    : undefined;
  return { reason: row.cancel_reason, at: row.cancelled_at, byName: by?.display_name ?? null };
}

function readRegion(actor: Actor, region: string | undefined): string {
  if (!region) return actor.scope;
  if (region.startsWith(actor.scope)) return region;
  if (actor.scope.startsWith(region)) return actor.scope;
  throw errors.outOfScope(region);
}

async function countHire(trx: Scoped, jobId: string, record: string) {
  const r = await sql<{ ok: boolean }>`SELECT job_post_count_hire(${jobId}::bigint) AS ok`.execute(trx);
  if (!r.rows[0]?.ok) throw errors.conflict('JOB_NOT_OPEN', `${record}：岗位（ID ${jobId}）已招满或已关闭`);
}

async function jobInfo(trx: Scoped, jobId: string) {
  return trx
    .selectFrom('job_posts as j')
    .innerJoin('employers as e', 'e.id', 'j.employer_id')
    .select([
      'j.id',
      'j.title',
      'j.work_region_code',
      'j.work_place',
      'j.wage_min_fen',
      'j.status',
      'j.openings',
      'j.filled',
      'e.name as employer_name',
      'e.is_workshop',
      'e.id as employer_id',
    ])
    .where('j.id', '=', jobId)
    .executeTakeFirst();
}

function spellFor(
  job: NonNullable<Awaited<ReturnType<typeof jobInfo>>>,
  home: string,
  date: string,
  channel?: '外出务工(有组织)',
) {
  const inProvince = job.work_region_code.startsWith(home.slice(0, 2));
  return {
    channel:
      channel ??
      (job.is_workshop ? '帮扶车间' : job.work_region_code.startsWith(home.slice(0, 6)) ? '就地就近' : '外出务工(有组织)'),
    startDate: date,
    place: inProvince ? job.work_region_code : `省外:${job.work_place || job.work_region_code}`,
    employer: job.employer_name,
    monthlyIncome: (Number(job.wage_min_fen) / 100).toFixed(2),
  };
}

// ---- job fairs ----

export type FairStatus = 'planned' | 'held' | 'cancelled';
export const FAIR_STATUSES: readonly FairStatus[] = ['planned', 'held', 'cancelled'];
const FAIR_STATUS_NAMES: Record<FairStatus, string> = { planned: '筹备中', held: '已举办', cancelled: '已取消' };

export interface FairInput {
  region?: string | undefined;
  title: string;
  date: string;
  venue?: string | undefined;
  kind?: 'onsite' | 'online' | undefined;
}

export async function createFair(database: Database, actor: Actor, input: FairInput) {
  requireOfficer(actor, '举办招聘会');
  const record = `招聘会“${input.title}”`;
  const region = within(actor, input.region, record);
  if (!input.title.trim()) throw errors.invalid(record, [{ field: 'title', label: '名称', message: '不能为空' }]);
  return inScope(database.kysely, actor.scope, async (trx) => {
    const f = await trx
      .insertInto('job_fairs')
      .values({
        region_code: region,
        title: input.title.trim(),
        fair_date: input.date,
        venue: input.venue ?? '',
        kind: input.kind ?? 'onsite',
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'fair.create',
      entity: 'job_fair',
      entityId: f.id,
      regionCode: region,
      after: f,
    });
    return fairDetail(trx, actor, f.id);
  });
}

async function fairDetail(trx: Scoped, actor: Actor, id: string) {
  const f = await trx.selectFrom('job_fairs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!f) throw errors.notFound(`招聘会（ID ${id}）`);
  const jobs = await trx
    .selectFrom('job_fair_jobs as fj')
    .innerJoin('job_posts as j', 'j.id', 'fj.job_id')
    .innerJoin('employers as e', 'e.id', 'j.employer_id')
    .select(['j.id', 'j.title', 'e.name as employer_name', 'j.openings', 'j.filled', 'j.status', 'j.work_place'])
    .where('fj.fair_id', '=', id)
    .orderBy('j.id')
    .execute();
  const inv = await trx
    .selectFrom('job_fair_invitations as i')
    .innerJoin('persons as p', 'p.id', 'i.person_id')
    .select([
      'i.person_id',
      'p.name',
      'p.id_number',
      'p.village_code',
      'i.invited_at',
      'i.attended',
      'i.hired_job_id',
      'i.spell_id',
    ])
    .where('i.fair_id', '=', id)
    .orderBy('i.person_id')
    .execute();
  return {
    id: f.id,
    regionCode: f.region_code,
    title: f.title,
    date: f.fair_date,
    venue: f.venue,
    kind: f.kind,
    status: f.status,
    statusName: FAIR_STATUS_NAMES[f.status],
    version: f.version,
    cancellation: await cancellation(trx, f),
    jobs: jobs.map((j) => ({
      id: j.id,
      title: j.title,
      employerName: j.employer_name,
      openings: j.openings,
      filled: j.filled,
      status: j.status,
      workPlace: j.work_place,
    })),
    invitations: inv.map((i) => ({
      personId: i.person_id,
      name: i.name,
      idNumber: maskIdNumber(i.id_number),
      villageCode: i.village_code,
      attended: i.attended,
      hiredJobId: i.hired_job_id,
    })),
    counts: {
      jobs: jobs.length,
      openings: jobs.reduce((n, j) => n + j.openings, 0),
      invited: inv.length,
      attended: inv.filter((i) => i.attended).length,
      hired: inv.filter((i) => i.hired_job_id).length,
    },
    actorMayEdit: canWriteRegister(actor),
  };
}

export async function getFair(database: Database, actor: Actor, id: string) {
  requireReader(actor);
  return inScope(database.kysely, actor.scope, (trx) => fairDetail(trx, actor, id));
}

export async function listFairs(
  database: Database,
  actor: Actor,
  o: { region?: string | undefined; year?: number | undefined; status?: FairStatus | undefined },
  page: number,
  pageSize: number,
) {
  requireReader(actor);
  const region = readRegion(actor, o.region);
  return inScope(database.kysely, actor.scope, async (trx) => {
    let q = trx.selectFrom('job_fairs as f').where('f.region_code', 'like', `${region}%`);
    if (o.year) q = q.where('f.fair_date', '>=', `${o.year}-01-01`).where('f.fair_date', '<=', `${o.year}-12-31`);
    if (o.status) q = q.where('f.status', '=', o.status);
    const total = await q.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .selectAll('f')
      .select([
        sql<string>`(SELECT count(*) FROM job_fair_jobs j WHERE j.fair_id = f.id)`.as('jobs'),
        sql<string>`(SELECT count(*) FROM job_fair_invitations i WHERE i.fair_id = f.id)`.as('invited'),
        sql<string>`(SELECT count(*) FROM job_fair_invitations i WHERE i.fair_id = f.id AND i.attended)`.as('attended'),
        sql<string>`(SELECT count(*) FROM job_fair_invitations i WHERE i.fair_id = f.id AND i.hired_job_id IS NOT NULL)`.as(
          'hired',
        ),
      ])
      .orderBy('f.fair_date', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return {
      total: Number(total.n),
      page,
      pageSize,
      items: rows.map((f) => ({
        id: f.id,
        regionCode: f.region_code,
        title: f.title,
        date: f.fair_date,
        venue: f.venue,
        kind: f.kind,
        status: f.status,
        statusName: FAIR_STATUS_NAMES[f.status],
        cancelReason: f.cancel_reason,
        jobs: Number(f.jobs),
        invited: Number(f.invited),
        attended: Number(f.attended),
        hired: Number(f.hired),
      })),
    };
  });
}

/**
 * The fair to change, locked until the transaction ends so that a cancellation and an
 * attendance (which marks the fair held) never cross; a cancelled fair takes nothing new.
 */
async function fairForWrite(trx: Scoped, actor: Actor, id: string, what: string) {
  requireOfficer(actor, '编辑招聘会');
  const f = await trx.selectFrom('job_fairs').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!f) throw errors.notFound(`招聘会（ID ${id}）`);
  if (f.status === 'cancelled')
    throw errors.conflict('FAIR_CANCELLED', `招聘会“${f.title}”已取消（${f.cancel_reason ?? ''}），不能再${what}`);
  return f;
}

/**
 * Adds posts to a fair. A post entered after a past fair's day is accepted on purpose: its
 * `created_at` is when it was entered in bangfu, not when the employer began to offer it, and
 * offices enter afterwards (补录) the posts a fair collected on paper, as they record past fairs,
 * attendance and departures. A post whose 有效期 or season ends before the fair's day is refused:
 * those are the employer's dates, and they say it was not on offer there.
 */
export async function addFairJobs(database: Database, actor: Actor, id: string, jobIds: string[]) {
  return inScope(database.kysely, actor.scope, async (trx) => {
    const f = await fairForWrite(trx, actor, id, '添加参会岗位');
    const found = await trx
      .selectFrom('job_posts')
      .select(['id', 'title', 'valid_until', 'season_to'])
      .where('id', 'in', jobIds)
      .execute();
    const missing = jobIds.filter((j) => !found.some((x) => x.id === j));
    if (missing.length) throw errors.notFound(`岗位（ID ${missing.join('、')}）`);
    // A post whose own dates end before the fair's day cannot be offered at it.
    const ended = found.flatMap((j) => {
      const end = [j.valid_until, j.season_to].filter((d): d is string => d !== null && d < f.fair_date).sort()[0];
      if (!end) return [];
      const what = end === j.valid_until ? '有效期至' : '季节性用工期至';
      return [
        { field: 'jobIds', label: '参会岗位', message: `“${j.title}”${what} ${end}，早于招聘会日期 ${f.fair_date}`, value: j.id },
      ];
    });
    if (ended.length) throw errors.invalid(`招聘会“${f.title}”`, ended);
    await trx
      .insertInto('job_fair_jobs')
      .values(jobIds.map((j) => ({ fair_id: f.id, job_id: j, region_code: f.region_code })))
      .onConflict((c) => c.doNothing())
      .execute();
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'fair.jobs',
      entity: 'job_fair',
      entityId: f.id,
      regionCode: f.region_code,
      after: { jobIds },
    });
    return fairDetail(trx, actor, f.id);
  });
}

/**
 * Invites the named laborers, or (fromRecommendations) every laborer of the fair's region
 * with a live recommendation for a job present at the fair.
 */
export async function invite(
  database: Database,
  actor: Actor,
  id: string,
  o: { personIds?: string[] | undefined; fromRecommendations?: boolean | undefined },
) {
  return inScope(database.kysely, actor.scope, async (trx) => {
    const f = await fairForWrite(trx, actor, id, '邀请劳动力');
    let persons: { id: string; village_code: string }[];
    if (o.personIds?.length) {
      persons = await trx
        .selectFrom('persons')
        .select(['id', 'village_code'])
        .where('id', 'in', o.personIds)
        .where('village_code', 'like', `${f.region_code}%`)
        .execute();
      const missing = o.personIds.filter((p) => !persons.some((x) => x.id === p));
      if (missing.length) throw errors.notFound(`招聘会所在地区的劳动力（ID ${missing.join('、')}）`);
    } else if (o.fromRecommendations) {
      persons = await trx
        .selectFrom('recommendations as r')
        .innerJoin('job_fair_jobs as fj', (j) => j.onRef('fj.job_id', '=', 'r.job_id').on('fj.fair_id', '=', f.id))
        .innerJoin('persons as p', 'p.id', 'r.person_id')
        .select(['p.id', 'p.village_code'])
        .distinct()
        .where('r.region_code', 'like', `${f.region_code}%`)
        .where('r.declined_at', 'is', null)
        .where('r.hired_on', 'is', null)
        .execute();
    } else {
      throw errors.invalid(`招聘会“${f.title}”邀请`, [
        { field: 'personIds', label: '劳动力', message: '请选择劳动力或按推荐邀请' },
      ]);
    }
    if (persons.length) {
      await trx
        .insertInto('job_fair_invitations')
        .values(persons.map((p) => ({ fair_id: f.id, person_id: p.id, region_code: p.village_code })))
        .onConflict((c) => c.doNothing())
        .execute();
    }
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'fair.invite',
      entity: 'job_fair',
      entityId: f.id,
      regionCode: f.region_code,
      after: { invited: persons.length },
    });
    return fairDetail(trx, actor, f.id);
  });
}

/** Records who came and who was hired on the spot (the hire writes the spell and counts the opening). */
export async function recordAttendance(
  database: Database,
  actor: Actor,
  id: string,
  o: { personId: string; attended: boolean; hiredJobId?: string | undefined; hiredOn?: string | undefined },
) {
  const today = todayInShanghai();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const f = await fairForWrite(trx, actor, id, '登记到场或录用');
    const record = `招聘会“${f.title}”`;
    if (f.fair_date > today) throw errors.conflict('FAIR_NOT_HELD', `${record}定于 ${f.fair_date} 举办，尚不能登记到场`);
    const inv = await trx
      .selectFrom('job_fair_invitations')
      .selectAll()
      .where('fair_id', '=', f.id)
      .where('person_id', '=', o.personId)
      .executeTakeFirst();
    const person = await trx
      .selectFrom('persons')
      .select(['id', 'name', 'village_code'])
      .where('id', '=', o.personId)
      .executeTakeFirst();
    if (!person) throw errors.notFound(`劳动力（ID ${o.personId}）`);
    if (inv?.hired_job_id) throw errors.conflict('FAIR_ALREADY_HIRED', `${record}：${person.name}已登记录用`);
    let hired: { job: string; spell: string } | undefined;
    if (o.hiredJobId) {
      if (!o.attended) throw errors.invalid(record, [{ field: 'attended', label: '到场', message: '录用的劳动力应登记为到场' }]);
      const present = await trx
        .selectFrom('job_fair_jobs')
        .select('job_id')
        .where('fair_id', '=', f.id)
        .where('job_id', '=', o.hiredJobId)
        .executeTakeFirst();
      if (!present)
        throw errors.invalid(record, [
          { field: 'hiredJobId', label: '录用岗位', message: '不是本场招聘会的岗位', value: o.hiredJobId },
        ]);
      const job = await jobInfo(trx, o.hiredJobId);
      if (!job) throw errors.notFound(`岗位（ID ${o.hiredJobId}）`);
      const date = o.hiredOn ?? f.fair_date;
      await countHire(trx, job.id, `${record}：${person.name}`);
      const spell = await addSpellIn(trx, actor, person.id, spellFor(job, person.village_code, date), job.employer_id);
      hired = { job: job.id, spell: spell.id };
    }
    await trx
      .insertInto('job_fair_invitations')
      .values({
        fair_id: f.id,
        person_id: person.id,
        region_code: person.village_code,
        attended: o.attended,
        hired_job_id: hired?.job ?? null,
        spell_id: hired?.spell ?? null,
      })
      .onConflict((c) =>
        c
          .columns(['fair_id', 'person_id'])
          .doUpdateSet({ attended: o.attended, hired_job_id: hired?.job ?? null, spell_id: hired?.spell ?? null }),
      )
      .execute();
    if (f.status === 'planned')
      await trx
        .updateTable('job_fairs')
        .set({ status: 'held', version: sql`version + 1` as never })
        .where('id', '=', f.id)
        .where('status', '=', 'planned')
        .execute();
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'fair.attendance',
      entity: 'job_fair',
      entityId: f.id,
      regionCode: person.village_code,
      after: { personId: person.id, attended: o.attended, hiredJobId: hired?.job ?? null },
    });
    return fairDetail(trx, actor, f.id);
  });
}

export interface CancelInput {
  reason: string;
  /** The version the officer saw. */
  version: number;
}

/** Cancels a planned fair or batch (locked, at the version the officer saw) and audits it. */
async function markCancelled(
  trx: Scoped,
  actor: Actor,
  target: { table: 'job_fairs' | 'export_batches'; action: string; entity: string },
  row: { id: string; version: number; status: string; region_code: string },
  reason: string,
): Promise<void> {
  const moved = await sql<{ status: string; version: number }>`
    UPDATE ${sql.table(target.table)}
       SET status = 'cancelled', cancel_reason = ${reason}, cancelled_at = now(), cancelled_by = ${actor.userId},
           version = version + 1
     WHERE id = ${row.id} AND version = ${row.version} AND status = 'planned'
    RETURNING status, version`.execute(trx);
  const after = moved.rows[0];
  if (!after) throw new Error(`${target.table} ${row.id} changed while locked`); // the row is locked FOR UPDATE
  await appendAudit(trx, {
    ...auditActor(actor),
    action: target.action,
    entity: target.entity,
    entityId: row.id,
    regionCode: row.region_code,
    before: { status: row.status, version: row.version },
    after: { status: after.status, version: after.version, reason },
  });
}

/**
 * A planned fair will not take place: it is cancelled with the reason, keeps its jobs and
 * invitations as history, takes nothing new and no longer counts toward the two a year.
 */
export async function cancelFair(database: Database, actor: Actor, id: string, input: CancelInput) {
  requireOfficer(actor, '取消招聘会');
  return inScope(database.kysely, actor.scope, async (trx) => {
    const f = await trx.selectFrom('job_fairs').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!f) throw errors.notFound(`招聘会（ID ${id}）`);
    const record = `招聘会“${f.title}”（${f.fair_date}）`;
    if (f.status !== 'planned')
      throw errors.conflict('FAIR_NOT_PLANNED', `${record}状态为“${FAIR_STATUS_NAMES[f.status]}”，只有筹备中的招聘会可以取消`);
    if (f.version !== input.version)
      throw errors.conflict('FAIR_VERSION_CONFLICT', `${record}已被他人修改（当前版本 ${f.version}），请刷新后重试`);
    const reason = cancelReason(record, input.reason);
    await markCancelled(trx, actor, { table: 'job_fairs', action: 'fair.cancel', entity: 'job_fair' }, f, reason);
    return fairDetail(trx, actor, f.id);
  });
}

/** Fairs per county in a year against the two the documents ask for (a cancelled fair does not count). */
export async function fairCoverage(database: Database, actor: Actor, o: { region?: string | undefined; year: number }) {
  requireReader(actor);
  const region = readRegion(actor, o.region);
  return inScope(database.kysely, actor.scope, async (trx) => {
    const counties = await trx
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('level', '=', 3)
      .where('valid_to', 'is', null)
      .where((eb) => (region.length >= 6 ? eb('code', '=', region.slice(0, 6)) : eb('code', 'like', `${region}%`)))
      .orderBy('code')
      .execute();
    const held = await trx
      .selectFrom('job_fairs')
      .select([sql<string>`substr(region_code, 1, 6)`.as('county'), (e) => e.fn.countAll<string>().as('n')])
      .where('status', '<>', 'cancelled')
      .where('fair_date', '>=', `${o.year}-01-01`)
      .where('fair_date', '<=', `${o.year}-12-31`)
      .groupBy(sql`substr(region_code, 1, 6)`)
      .execute();
    const byCounty = new Map(held.map((h) => [h.county, Number(h.n)]));
    const items = counties.map((c) => {
      const n = byCounty.get(c.code) ?? 0;
      return {
        countyCode: c.code,
        countyName: c.name,
        fairs: n,
        required: FAIRS_PER_COUNTY_YEAR,
        met: n >= FAIRS_PER_COUNTY_YEAR,
      };
    });
    return { year: o.year, required: FAIRS_PER_COUNTY_YEAR, short: items.filter((i) => !i.met).length, items };
  });
}

// ---- organized export batches ----

export const TRANSPORTS: readonly ExportTransport[] = ['包车', '火车', '飞机', '自行前往', '其他'];
export type ExportStatus = 'planned' | 'departed' | 'cancelled';
export const EXPORT_STATUSES: readonly ExportStatus[] = ['planned', 'departed', 'cancelled'];
export const EXPORT_STATUS_NAMES: Record<ExportStatus, string> = { planned: '待出发', departed: '已出发', cancelled: '已取消' };

/** How a batch is named in messages: destination and departure date. */
export function exportRecord(b: { destination: string; departure_date: string }): string {
  return `劳务输出批次（${b.destination}，${b.departure_date}）`;
}

export interface ExportInput {
  region?: string | undefined;
  destination: string;
  destinationCode?: string | undefined;
  employerId: string;
  jobId?: string | undefined;
  transport: ExportTransport;
  departureDate: string;
  leader?: string | undefined;
}

export async function createExportBatch(database: Database, actor: Actor, input: ExportInput) {
  requireOfficer(actor, '组织劳务输出');
  const record = `劳务输出批次（${input.destination}）`;
  const region = within(actor, input.region, record);
  return inScope(database.kysely, actor.scope, async (trx) => {
    const employer = await trx
      .selectFrom('employers')
      .select(['id', 'name'])
      .where('id', '=', input.employerId)
      .executeTakeFirst();
    if (!employer) throw errors.notFound(`用人单位（ID ${input.employerId}）`);
    if (input.jobId) {
      const job = await trx.selectFrom('job_posts').select(['employer_id']).where('id', '=', input.jobId).executeTakeFirst();
      if (!job) throw errors.notFound(`岗位（ID ${input.jobId}）`);
      if (job.employer_id !== employer.id)
        throw errors.invalid(record, [
          { field: 'jobId', label: '岗位', message: `不是${employer.name}的岗位`, value: input.jobId },
        ]);
    }
    const b = await trx
      .insertInto('export_batches')
      .values({
        region_code: region,
        destination: input.destination.trim(),
        destination_code: input.destinationCode ?? null,
        employer_id: employer.id,
        job_id: input.jobId ?? null,
        transport: input.transport,
        departure_date: input.departureDate,
        leader: input.leader ?? '',
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'export.create',
      entity: 'export_batch',
      entityId: b.id,
      regionCode: region,
      after: b,
    });
    return exportDetail(trx, b.id);
  });
}

async function exportDetail(trx: Scoped, id: string) {
  const today = todayInShanghai();
  const b = await trx
    .selectFrom('export_batches as b')
    .innerJoin('employers as e', 'e.id', 'b.employer_id')
    .selectAll('b')
    .select('e.name as employer_name')
    .where('b.id', '=', id)
    .executeTakeFirst();
  if (!b) throw errors.notFound(`劳务输出批次（ID ${id}）`);
  const members = await trx
    .selectFrom('export_batch_members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .leftJoin('employment_spells as s', 's.id', 'm.spell_id')
    .select(['m.person_id', 'p.name', 'p.id_number', 'p.sex', 'p.village_code', 'm.spell_id', 's.start_date', 's.end_date'])
    .where('m.batch_id', '=', id)
    .orderBy('m.person_id')
    .execute();
  const items = members.map((m) => {
    const s3 = m.start_date ? stabilityAt(m.start_date, m.end_date, 3, today) : null;
    const s6 = m.start_date ? stabilityAt(m.start_date, m.end_date, 6, today) : null;
    return {
      personId: m.person_id,
      name: m.name,
      idNumber: maskIdNumber(m.id_number),
      sex: m.sex,
      villageCode: m.village_code,
      spellId: m.spell_id,
      endDate: m.end_date,
      stable3: s3,
      stable3Name: s3 ? STABILITY_NAMES[s3] : null,
      stable6: s6,
      stable6Name: s6 ? STABILITY_NAMES[s6] : null,
    };
  });
  const count = (k: 'stable3' | 'stable6', v: string) => items.filter((i) => i[k] === v).length;
  return {
    id: b.id,
    regionCode: b.region_code,
    destination: b.destination,
    destinationCode: b.destination_code,
    employerId: b.employer_id,
    employerName: b.employer_name,
    jobId: b.job_id,
    transport: b.transport,
    departureDate: b.departure_date,
    leader: b.leader,
    status: b.status,
    statusName: EXPORT_STATUS_NAMES[b.status],
    version: b.version,
    cancellation: await cancellation(trx, b),
    people: items.length,
    stability: {
      stable3: count('stable3', 'stable'),
      left3: count('stable3', 'left'),
      pending3: count('stable3', 'pending'),
      stable6: count('stable6', 'stable'),
      left6: count('stable6', 'left'),
      pending6: count('stable6', 'pending'),
    },
    members: items,
  };
}

export async function getExportBatch(database: Database, actor: Actor, id: string) {
  requireReader(actor);
  return inScope(database.kysely, actor.scope, (trx) => exportDetail(trx, id));
}

export async function listExportBatches(
  database: Database,
  actor: Actor,
  o: { region?: string | undefined; year?: number | undefined; status?: ExportStatus | undefined },
  page: number,
  pageSize: number,
) {
  requireReader(actor);
  const region = readRegion(actor, o.region);
  return inScope(database.kysely, actor.scope, async (trx) => {
    let q = trx
      .selectFrom('export_batches as b')
      .innerJoin('employers as e', 'e.id', 'b.employer_id')
      .where('b.region_code', 'like', `${region}%`);
    if (o.year) q = q.where('b.departure_date', '>=', `${o.year}-01-01`).where('b.departure_date', '<=', `${o.year}-12-31`);
    if (o.status) q = q.where('b.status', '=', o.status);
    const total = await q.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .selectAll('b')
      .select([
        'e.name as employer_name',
        sql<string>`(SELECT count(*) FROM export_batch_members m WHERE m.batch_id = b.id)`.as('people'),
      ])
      .orderBy('b.departure_date', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return {
      total: Number(total.n),
      page,
      pageSize,
      items: rows.map((b) => ({
        id: b.id,
        regionCode: b.region_code,
        destination: b.destination,
        employerName: b.employer_name,
        transport: b.transport,
        departureDate: b.departure_date,
        status: b.status,
        statusName: EXPORT_STATUS_NAMES[b.status],
        cancelReason: b.cancel_reason,
        people: Number(b.people),
      })),
    };
  });
}

async function batchForWrite(trx: Scoped, actor: Actor, id: string) {
  requireOfficer(actor, '编辑劳务输出批次');
  const b = await trx.selectFrom('export_batches').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!b) throw errors.notFound(`劳务输出批次（ID ${id}）`);
  return b;
}

export async function addExportMembers(database: Database, actor: Actor, id: string, personIds: string[]) {
  return inScope(database.kysely, actor.scope, async (trx) => {
    const b = await batchForWrite(trx, actor, id);
    if (b.status !== 'planned')
      throw errors.conflict('EXPORT_NOT_PLANNED', `${exportRecord(b)}${EXPORT_STATUS_NAMES[b.status]}，不能再添加人员`);
    const persons = await trx
      .selectFrom('persons')
      .select(['id', 'village_code', 'merged_into'])
      .where('id', 'in', personIds)
      .execute();
    const missing = personIds.filter((p) => !persons.some((x) => x.id === p && x.merged_into === null));
    if (missing.length) throw errors.notFound(`劳动力（ID ${missing.join('、')}）`);
    await trx
      .insertInto('export_batch_members')
      .values(persons.map((p) => ({ batch_id: b.id, person_id: p.id, region_code: p.village_code })))
      .onConflict((c) => c.doNothing())
      .execute();
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'export.members',
      entity: 'export_batch',
      entityId: b.id,
      regionCode: b.region_code,
      after: { personIds },
    });
    return exportDetail(trx, b.id);
  });
}

/**
 * The batch left: every member gets the employment spell 外出务工(有组织) from the departure
 * date at the employer (and counts an opening of the batch's job when it names one).
 */
export async function departExportBatch(database: Database, actor: Actor, id: string, version: number) {
  const today = todayInShanghai();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const b = await batchForWrite(trx, actor, id);
    const record = exportRecord(b);
    if (b.version !== version)
      throw errors.conflict('EXPORT_VERSION_CONFLICT', `${record}已被他人修改（当前版本 ${b.version}），请刷新后重试`);
    if (b.status !== 'planned')
      throw errors.conflict('EXPORT_NOT_PLANNED', `${record}${EXPORT_STATUS_NAMES[b.status]}，不能登记出发`);
    if (b.departure_date > today) throw errors.conflict('EXPORT_NOT_DUE', `${record}出发日期未到，不能登记出发`);
    const members = await trx
      .selectFrom('export_batch_members as m')
      .innerJoin('persons as p', 'p.id', 'm.person_id')
      .select(['m.person_id', 'p.village_code'])
      .where('m.batch_id', '=', b.id)
      .execute();
    if (members.length === 0) throw errors.conflict('EXPORT_EMPTY', `${record}没有输出人员`);
    const employer = await trx
      .selectFrom('employers')
      .select(['name', 'is_workshop'])
      .where('id', '=', b.employer_id)
      .executeTakeFirstOrThrow();
    const job = b.job_id ? await jobInfo(trx, b.job_id) : undefined;
    const place = b.destination_code ?? '';
    for (const m of members) {
      if (job) await countHire(trx, job.id, record);
      const inProvince = place !== '' && place.startsWith(m.village_code.slice(0, 2));
      const spell = await addSpellIn(
        trx,
        actor,
        m.person_id,
        {
          channel: '外出务工(有组织)',
          startDate: b.departure_date,
          place: inProvince ? place : `省外:${b.destination}`,
          employer: employer.name,
          monthlyIncome: job ? (Number(job.wage_min_fen) / 100).toFixed(2) : '',
        },
        b.employer_id,
      );
      await trx
        .updateTable('export_batch_members')
        .set({ spell_id: spell.id })
        .where('batch_id', '=', b.id)
        .where('person_id', '=', m.person_id)
        .execute();
    }
    await trx
      .updateTable('export_batches')
      .set({ status: 'departed', departed_at: new Date(), version: sql`version + 1` as never })
      .where('id', '=', b.id)
      .execute();
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'export.depart',
      entity: 'export_batch',
      entityId: b.id,
      regionCode: b.region_code,
      after: { people: members.length },
    });
    return exportDetail(trx, b.id);
  });
}

/**
 * A planned batch will not depart: it is cancelled with the reason and keeps its members as
 * history; it takes no new members, cannot depart and feeds no export subsidy.
 */
export async function cancelExportBatch(database: Database, actor: Actor, id: string, input: CancelInput) {
  requireOfficer(actor, '取消劳务输出批次');
  return inScope(database.kysely, actor.scope, async (trx) => {
    const b = await batchForWrite(trx, actor, id);
    const record = exportRecord(b);
    if (b.status !== 'planned')
      throw errors.conflict('EXPORT_NOT_PLANNED', `${record}状态为“${EXPORT_STATUS_NAMES[b.status]}”，只有待出发的批次可以取消`);
    if (b.version !== input.version)
      throw errors.conflict('EXPORT_VERSION_CONFLICT', `${record}已被他人修改（当前版本 ${b.version}），请刷新后重试`);
    const reason = cancelReason(record, input.reason);
    await markCancelled(trx, actor, { table: 'export_batches', action: 'export.cancel', entity: 'export_batch' }, b, reason);
    return exportDetail(trx, b.id);
  });
}
