// Matching runs, recommendations and their tracking, pushes and the funnel: who may do what
// (by role and region), the audit entry of each change, and the hire that writes the
// employment spell into the register and counts a filled opening.
import { sql } from 'kysely';
import { type Database, inScope, type Scoped } from '../../db/connection.ts';
import type { PushChannel, RecommendationRow } from '../../db/schema-recommendations.ts';
import { type LaborerMatch, rankLaborersForJob } from '../../domain/matching/index.ts';
import { formatFen } from '../../domain/money.ts';
import {
  CONSENT_STATE_NAMES,
  CONSENT_WITHDRAWAL_NAME,
  consentStampAfter,
  mayRecord,
  mayWithdrawConsent,
  TRACK_EVENT_NAMES,
  type TrackEvent,
  type TrackState,
  withdrawalNote,
} from '../../domain/recommendations/tracking.ts';
import { isInside } from '../../domain/region/region-code.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import type { EmploymentChannel } from '../../domain/registry/vocabulary.ts';
import { errors } from '../../http/errors.ts';
import { appendAudit, auditFor } from '../audit/audit.repository.ts';
import { type Actor, auditActor, canWriteRegister } from '../auth/actor.ts';
import { CHANNEL_NAMES, type EnqueueRow, enqueue, type OutboxDispatcher, renderRecommendation } from '../outbox/index.ts';
import { addSpellIn } from '../registry/index.ts';
import {
  type JobRow,
  jobsById,
  pastSpells,
  personsById,
  RegionNames,
  toMatchJob,
  toMatchLaborer,
  willingAfter,
} from './matching-input.ts';
import type { MatchingJobs, MatchingSetup } from './matching-runner.ts';
import {
  consentOf,
  excludedNames,
  presentForEmployer,
  presentLaborerBrief,
  presentRecommendation,
  presentRun,
} from './recommendations.presenter.ts';
import * as repo from './recommendations.repository.ts';

function requireOfficer(actor: Actor, what: string) {
  if (!canWriteRegister(actor)) throw errors.forbidden(`${what}（仅县、乡镇、村经办人员）`);
}

function requireReader(actor: Actor) {
  if (actor.role === 'employer') throw errors.forbidden('用人单位账号只能查看本单位岗位的匹配人员');
}

/** A region given by the client must lie inside the actor's scope; none means the scope. */
export function regionWithin(actor: Actor, region: string | undefined): string {
  if (!region) return actor.scope;
  if (!/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(region)) {
    throw errors.invalid('查询', [{ field: 'region', message: '应为2、4、6、9或12位区划代码', value: region }]);
  }
  if (isInside(region, actor.scope)) return region;
  if (isInside(actor.scope, region)) return actor.scope;
  throw errors.outOfScope(region);
}

// ---- runs ----

export async function startRun(
  database: Database,
  jobs: MatchingJobs,
  actor: Actor,
  input: { region?: string | undefined; asOf?: string | undefined },
) {
  requireOfficer(actor, '发起人岗匹配');
  const region = regionWithin(actor, input.region);
  const today = todayInShanghai();
  const asOf = input.asOf ?? today;
  const run = await inScope(database.kysely, actor.scope, async (trx) => {
    const r = await repo.insertRun(trx, region, asOf, actor.userId);
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'matching.run',
      entity: 'matching_run',
      entityId: r.id,
      regionCode: region,
      after: { region, asOf },
    });
    return r;
  });
  jobs.start(run.id);
  return presentRun(run);
}

export async function getRun(database: Database, actor: Actor, id: string) {
  requireReader(actor);
  return inScope(database.kysely, actor.scope, async (trx) => {
    const r = await repo.getRun(trx, id);
    if (!r) throw errors.notFound(`匹配批次（ID ${id}）`);
    return presentRun(r);
  });
}

export async function listRuns(database: Database, actor: Actor, region: string | undefined, page: number, pageSize: number) {
  requireReader(actor);
  const code = regionWithin(actor, region);
  return inScope(database.kysely, actor.scope, async (trx) => {
    const { total, items } = await repo.listRuns(trx, code, page, pageSize);
    return { total, page, pageSize, items: items.map(presentRun) };
  });
}

/** The fewer-than-three list of a run (the latest finished run of the region when none is named). */
export async function shortfalls(
  database: Database,
  actor: Actor,
  o: { runId?: string | undefined; region?: string | undefined },
  page: number,
  pageSize: number,
) {
  requireReader(actor);
  const region = regionWithin(actor, o.region);
  const today = todayInShanghai();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const run = o.runId ? await repo.getRun(trx, o.runId) : await repo.latestRunFor(trx, region);
    if (!run) {
      if (o.runId) throw errors.notFound(`匹配批次（ID ${o.runId}）`);
      return { run: null, total: 0, page, pageSize, byReason: [], items: [] };
    }
    const r = await repo.shortfalls(trx, run.id, region, page, pageSize);
    return {
      run: presentRun(run),
      total: r.total,
      page,
      pageSize,
      byReason: excludedNames(Object.fromEntries(r.byReason.map((b) => [b.constraint, Number(b.laborers)]))).map((x) => ({
        constraint: x.constraint,
        name: x.name,
        laborers: x.jobs,
      })),
      items: r.items.map((i) => ({
        ...presentLaborerBrief(
          actor,
          {
            ...i,
            id: i.person_id,
            phone: null,
            education: null,
            student_status: '',
            skills: [],
            certificates: [],
            migrate_willing: true,
          },
          today,
        ),
        found: i.found,
        mainReason: i.main_reason,
        excluded: excludedNames(i.excluded),
      })),
    };
  });
}

// ---- a laborer's recommendations ----

async function presentList(trx: Scoped, rows: RecommendationRow[], today: string) {
  const jobs = await jobsById(trx, [...new Set(rows.map((r) => r.job_id))]);
  const ends = await repo.spellEnds(
    trx,
    rows.map((r) => r.spell_id),
  );
  return rows.map((r) => presentRecommendation(r, jobs.get(r.job_id), r.spell_id ? (ends.get(r.spell_id) ?? null) : null, today));
}

/** The latest run's recommendations of a laborer, with reasons, and earlier ones already in progress. */
export async function laborerRecommendations(database: Database, actor: Actor, personId: string) {
  requireReader(actor);
  const today = todayInShanghai();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const [person] = await personsById(trx, [personId]);
    if (!person) throw errors.notFound(`劳动力（ID ${personId}）`);
    const rows = await repo.recommendationsOf(trx, personId);
    const run = await repo.latestRunFor(trx, person.village_code);
    const latestRunId = rows[0]?.run_id ?? null;
    const current = rows.filter((r) => r.run_id === latestRunId);
    const earlier = rows.filter((r) => r.run_id !== latestRunId && (r.pushed_at || r.hired_on || r.interested_at));
    const shortfall = run ? await repo.shortfallOf(trx, run.id, personId) : undefined;
    return {
      laborer: presentLaborerBrief(actor, person, today),
      runId: latestRunId,
      items: await presentList(trx, current, today),
      earlier: await presentList(trx, earlier, today),
      shortfall: shortfall
        ? {
            runId: shortfall.run_id,
            found: shortfall.found,
            mainReason: shortfall.main_reason,
            excluded: excludedNames(shortfall.excluded),
          }
        : null,
    };
  });
}

// ---- tracking ----

export interface EventInput {
  event: TrackEvent;
  version: number;
  /** The hire date (hired), YYYY-MM-DD, not after today; today when omitted. */
  date?: string | undefined;
  reason?: string | undefined;
}

const STAMP: Record<Exclude<TrackEvent, 'hired'>, string> = {
  seen: 'seen_at',
  interested: 'interested_at',
  consent: 'consent_at',
  applied: 'applied_at',
  interviewed: 'interviewed_at',
  declined: 'declined_at',
};

/**
 * The tracking state of a stored recommendation, as domain/recommendations/tracking.ts reads it.
 * Consent counts as recorded while it is in force: after a withdrawal it may be given again.
 */
export function trackState(rec: RecommendationRow): TrackState {
  return {
    pushedAt: rec.pushed_at ? 'x' : null,
    seenAt: rec.seen_at ? 'x' : null,
    interestedAt: rec.interested_at ? 'x' : null,
    consentAt: consentOf(rec) === 'given' ? 'x' : null,
    appliedAt: rec.applied_at ? 'x' : null,
    interviewedAt: rec.interviewed_at ? 'x' : null,
    hiredOn: rec.hired_on,
    declinedAt: rec.declined_at ? 'x' : null,
  };
}

/**
 * The columns a step other than a hire sets. Consent given again after a withdrawal is dated
 * after it (the withdrawal stays on the row; consentState compares the two).
 */
export function stampOf(
  event: Exclude<TrackEvent, 'hired'>,
  reason?: string,
  rec?: Pick<RecommendationRow, 'consent_withdrawn_at'>,
): Record<string, unknown> {
  return {
    [STAMP[event]]: event === 'consent' ? consentStampAfter(rec?.consent_withdrawn_at ?? null) : new Date(),
    ...(event === 'declined' ? { decline_reason: (reason ?? '').trim() } : {}),
  };
}

/** The values a step replaces, for its audit entry: only consent given again replaces any. */
export function replacedBy(event: TrackEvent, rec: RecommendationRow): Record<string, unknown> | undefined {
  if (event !== 'consent' || !rec.consent_at) return undefined;
  return { consentAt: rec.consent_at, consentWithdrawnAt: rec.consent_withdrawn_at };
}

/** Where the register puts a hire: a workshop, the home county, or organized work away (the service placed them). */
export function hireChannel(job: JobRow & { is_workshop?: boolean }, homeVillage: string): EmploymentChannel {
  if (job.is_workshop) return '帮扶车间';
  if (job.work_region_code.startsWith(homeVillage.slice(0, 6))) return '就地就近';
  return '外出务工(有组织)';
}

/** The spell a hire writes: the place as a code inside the home province, else 省外 with the place as written. */
export function hireSpell(job: JobRow & { is_workshop?: boolean }, homeVillage: string, date: string) {
  const inProvince = job.work_region_code.startsWith(homeVillage.slice(0, 2));
  return {
    channel: hireChannel(job, homeVillage),
    startDate: date,
    place: inProvince ? job.work_region_code : `省外:${job.work_place || job.work_region_code}`,
    employer: job.employer_name,
    monthlyIncome: formatFen(job.wage_min_fen),
  };
}

export async function recordEvent(database: Database, actor: Actor, id: string, input: EventInput) {
  requireOfficer(actor, '记录推荐跟踪');
  const today = todayInShanghai();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const rec = await repo.getRecommendation(trx, id);
    if (!rec) throw errors.notFound(`推荐（ID ${id}）`);
    const [person] = await personsById(trx, [rec.person_id]);
    const jobs = await jobsById(trx, [rec.job_id]);
    const job = jobs.get(rec.job_id);
    const record = `推荐 ${id}（${person?.name ?? rec.person_id}：${job?.title ?? rec.job_id}）`;
    if (rec.version !== input.version)
      throw errors.conflict('RECOMMENDATION_VERSION_CONFLICT', `${record}已被他人更新（当前版本 ${rec.version}），请刷新后重试`);
    const ok = mayRecord(trackState(rec), input.event);
    if (!ok.ok) throw errors.conflict('RECOMMENDATION_STEP_NOT_ALLOWED', `${record}：${ok.reason}`);
    let set: Record<string, unknown>;
    if (input.event === 'hired') {
      if (!job || !person) throw errors.notFound(record);
      const date = input.date ?? today;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > today) {
        throw errors.invalid(record, [
          { field: 'date', label: '录用日期', message: '应为不晚于今天的日期（YYYY-MM-DD）', value: date },
        ]);
      }
      const counted = await sql<{ ok: boolean }>`SELECT job_post_count_hire(${job.id}::bigint) AS ok`.execute(trx);
      if (!counted.rows[0]?.ok) {
        throw errors.conflict(
          'JOB_NOT_OPEN',
          `${record}：岗位“${job.title}”已招满或已关闭（招聘 ${job.openings} 人，已录用 ${job.filled} 人）`,
        );
      }
      const employer = await trx
        .selectFrom('employers')
        .select('is_workshop')
        .where('id', '=', job.employer_id)
        .executeTakeFirstOrThrow();
      const spell = await addSpellIn(
        trx,
        actor,
        person.id,
        hireSpell({ ...job, ...employer }, person.village_code, date),
        job.employer_id,
      );
      set = { hired_on: date, spell_id: spell.id };
    } else {
      set = stampOf(input.event, input.reason, rec);
    }
    const updated = await repo.updateAtVersion(trx, rec.id, rec.version, set);
    if (!updated) throw errors.conflict('RECOMMENDATION_VERSION_CONFLICT', `${record}已被他人更新，请刷新后重试`);
    await appendAudit(trx, {
      ...auditActor(actor),
      action: `recommendation.${input.event}`,
      entity: 'recommendation',
      entityId: rec.id,
      regionCode: rec.region_code,
      before: replacedBy(input.event, rec),
      after: { event: TRACK_EVENT_NAMES[input.event], ...set },
    });
    const ends = await repo.spellEnds(trx, [updated.spell_id]);
    return presentRecommendation(
      updated,
      (await jobsById(trx, [rec.job_id])).get(rec.job_id),
      updated.spell_id ? (ends.get(updated.spell_id) ?? null) : null,
      today,
    );
  });
}

// ---- consent and its withdrawal ----

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/**
 * Who withdraws a consent: the laborer in its portal, or an officer the laborer told (by phone,
 * in person), with the note of how it asked.
 */
export type ConsentWithdrawal = { by: 'laborer' } | { by: 'officer'; note: string };

const WITHDRAWN_BY: Record<ConsentWithdrawal['by'], string> = { laborer: '劳动者本人', officer: '经办人员代为记录' };

/**
 * 撤回同意 on `rec`, read in the caller's transaction and scope, at the version the caller saw:
 * the employer of the job no longer sees who the laborer is (masked as before it agreed). The
 * withdrawal is stamped on the recommendation and audited with the consent it ends; when a
 * later matching run recommended the same job again and the laborer agreed there too, that
 * consent is withdrawn with it, since the employer sees the laborer per job. Allowed after a
 * hire; refused, naming `record`, when no consent is in force. The one path of the laborer's
 * own withdrawal (laborer.service) and of one an officer records for it (`withdrawConsent`).
 */
export async function withdrawConsentIn(
  trx: Scoped,
  actor: Actor,
  rec: RecommendationRow,
  record: string,
  version: number,
  withdrawal: ConsentWithdrawal,
): Promise<RecommendationRow> {
  if (rec.version !== version) {
    throw errors.conflict('RECOMMENDATION_VERSION_CONFLICT', `${record}已更新（当前版本 ${rec.version}），请刷新后重试`, {
      record,
    });
  }
  const ok = mayWithdrawConsent({ consentAt: rec.consent_at, withdrawnAt: rec.consent_withdrawn_at }, withdrawal.by);
  if (!ok.ok) {
    const code = ok.problem === 'none' ? 'CONSENT_NOT_GIVEN' : 'CONSENT_ALREADY_WITHDRAWN';
    throw errors.conflict(code, `${record}：${ok.reason}`, { record });
  }
  const sameJob = (await repo.recommendationsOf(trx, rec.person_id)).filter(
    (r) => r.job_id === rec.job_id && r.id !== rec.id && consentOf(r) === 'given',
  );
  const at = new Date();
  const updated = await repo.updateAtVersion(trx, rec.id, rec.version, { consent_withdrawn_at: at });
  if (!updated) throw errors.conflict('RECOMMENDATION_VERSION_CONFLICT', `${record}已更新，请刷新后重试`, { record });
  for (const r of sameJob) {
    if (!(await repo.updateAtVersion(trx, r.id, r.version, { consent_withdrawn_at: at }))) {
      throw errors.conflict('RECOMMENDATION_VERSION_CONFLICT', `${record}已更新，请刷新后重试`, { record });
    }
  }
  await appendAudit(
    trx,
    [rec, ...sameJob].map((r) => ({
      ...auditActor(actor),
      action: 'recommendation.consent_withdrawn',
      entity: 'recommendation',
      entityId: r.id,
      regionCode: r.region_code,
      before: { consentAt: r.consent_at, consentWithdrawnAt: r.consent_withdrawn_at },
      after: {
        event: CONSENT_WITHDRAWAL_NAME,
        by: WITHDRAWN_BY[withdrawal.by],
        ...(withdrawal.by === 'officer' ? { requestNote: withdrawal.note } : {}),
        consentWithdrawnAt: at,
        ...(r.id !== rec.id ? { with: rec.id } : {}),
        ...(r.hired_on ? { hiredOn: r.hired_on, note: '已录用：录用和就业记录保留' } : {}),
      },
    })),
  );
  return updated;
}

export interface OfficerWithdrawInput {
  version: number;
  /** How the laborer asked (本人电话告知): required, 1-200 characters once trimmed. */
  note: string;
}

/**
 * 撤回同意 recorded by an officer: most rural laborers tell the village cadre by phone or in
 * person rather than use the portal. Same rights as recording a tracking step, in the
 * recommendation's region; the same effect as the laborer's own withdrawal
 * (`withdrawConsentIn`), audited under the officer with the note.
 */
export async function withdrawConsent(database: Database, actor: Actor, id: string, input: OfficerWithdrawInput) {
  requireOfficer(actor, '代劳动力撤回同意');
  const today = todayInShanghai();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const rec = await repo.getRecommendation(trx, id);
    if (!rec) throw errors.notFound(`推荐（ID ${id}）`);
    const [person] = await personsById(trx, [rec.person_id]);
    const job = (await jobsById(trx, [rec.job_id])).get(rec.job_id);
    const record = `推荐 ${id}（${person?.name ?? rec.person_id}：${job?.title ?? rec.job_id}）`;
    const note = withdrawalNote(input.note);
    if (!note.ok) throw errors.invalid(record, [{ field: 'note', label: '撤回说明', message: note.reason }]);
    const updated = await withdrawConsentIn(trx, actor, rec, record, input.version, { by: 'officer', note: note.note });
    const ends = await repo.spellEnds(trx, [updated.spell_id]);
    return presentRecommendation(updated, job, updated.spell_id ? (ends.get(updated.spell_id) ?? null) : null, today);
  });
}

const CONSENT_ACTIONS: Record<string, string> = {
  'recommendation.consent': TRACK_EVENT_NAMES.consent,
  'recommendation.consent_withdrawn': CONSENT_WITHDRAWAL_NAME,
};

/**
 * Whether the employer sees who the laborer is for this recommendation, and every time consent
 * was given or withdrawn, by whom (the laborer in its portal or an officer who recorded it, with
 * the note of how the laborer asked), newest first, from the audit log (where each change keeps
 * the values it replaced).
 */
export async function consentHistory(database: Database, actor: Actor, id: string) {
  requireReader(actor);
  return inScope(database.kysely, actor.scope, async (trx) => {
    const rec = await repo.getRecommendation(trx, id);
    if (!rec) throw errors.notFound(`推荐（ID ${id}）`);
    const state = consentOf(rec);
    const entries = (await auditFor(trx, 'recommendation', rec.id)).filter((e) => Object.hasOwn(CONSENT_ACTIONS, e.action));
    return {
      recommendationId: rec.id,
      consentState: state,
      consentStateName: CONSENT_STATE_NAMES[state],
      consentAt: iso(rec.consent_at),
      consentWithdrawnAt: iso(rec.consent_withdrawn_at),
      hiredOn: rec.hired_on,
      history: entries.map((e) => {
        const after = (e.after ?? {}) as { by?: unknown; requestNote?: unknown };
        return {
          at: iso(e.at),
          action: e.action === 'recommendation.consent' ? ('consent' as const) : ('consent_withdrawn' as const),
          actionName: CONSENT_ACTIONS[e.action] as string,
          actorName: e.actor_name,
          by: typeof after.by === 'string' ? after.by : '经办人员记录',
          // How the laborer asked, when an officer recorded the withdrawal for it.
          note: typeof after.requestNote === 'string' ? after.requestNote : null,
        };
      }),
    };
  });
}

// ---- pushes ----

export interface PushInput {
  recommendationIds?: string[] | undefined;
  runId?: string | undefined;
  region?: string | undefined;
  channels: PushChannel[];
}

/** Messages at most this many are sent before the answer; more are sent in the background. */
const SEND_INLINE = 200;

export async function push(database: Database, dispatcher: OutboxDispatcher, actor: Actor, input: PushInput) {
  requireOfficer(actor, '推送岗位');
  if (!input.recommendationIds && !input.runId) {
    throw errors.invalid('推送', [{ field: 'recommendationIds', message: '请选择推荐记录或匹配批次' }]);
  }
  const region = regionWithin(actor, input.region);
  const channels = [...new Set(input.channels)];
  const result = await inScope(database.kysely, actor.scope, async (trx) => {
    const recs = await repo.recommendationsForPush(trx, { ids: input.recommendationIds, runId: input.runId, region });
    if (input.recommendationIds) {
      const found = new Set(recs.map((r) => r.id));
      const missing = input.recommendationIds.filter((x) => !found.has(x));
      if (missing.length) throw errors.notFound(`推荐（ID ${missing.join('、')}）`);
    }
    const persons = new Map((await personsById(trx, [...new Set(recs.map((r) => r.person_id))])).map((p) => [p.id, p]));
    const jobs = await jobsById(trx, [...new Set(recs.map((r) => r.job_id))]);
    const openids = new Map((await repo.wechatOpenids(trx, [...persons.keys()])).map((w) => [w.person_id, w.openid]));
    const rows: EnqueueRow[] = [];
    const skipped: { recommendationId: string; channel: PushChannel; reason: string }[] = [];
    for (const r of recs) {
      const p = persons.get(r.person_id);
      const j = jobs.get(r.job_id);
      if (!p || !j) continue;
      const msg = renderRecommendation({
        name: p.name,
        jobTitle: j.title,
        employer: j.employer_name,
        place: j.work_place || j.work_region_code,
        wageMinFen: Number(j.wage_min_fen),
        wageMaxFen: Number(j.wage_max_fen),
        reasons: r.reasons,
      });
      for (const ch of channels) {
        const recipient = ch === 'sms' ? p.phone : ch === 'wechat' ? openids.get(p.id) : p.id;
        if (!recipient) {
          skipped.push({
            recommendationId: r.id,
            channel: ch,
            reason: ch === 'sms' ? `${p.name}未登记手机号` : `${p.name}未绑定微信`,
          });
          continue;
        }
        rows.push({
          recommendation_id: r.id,
          channel: ch,
          region_code: r.region_code,
          recipient,
          template: 'recommendation',
          body: JSON.stringify({ ...msg, personId: p.id }),
          created_by: actor.userId,
        });
      }
    }
    const queued: string[] = [];
    for (let i = 0; i < rows.length; i += 1000) queued.push(...(await enqueue(trx, rows.slice(i, i + 1000))));
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'recommendation.push',
      entity: 'matching_run',
      entityId: input.runId ?? recs[0]?.run_id ?? '',
      regionCode: region,
      after: { channels, recommendations: recs.length, queued: queued.length, skipped: skipped.length },
    });
    return { recommendations: recs.length, queued: queued.length, alreadyQueued: rows.length - queued.length, skipped };
  });
  let delivery: { sent: number; retry: number; failed: number } | null = null;
  if (result.queued > 0 && result.queued <= SEND_INLINE) delivery = await dispatcher.drain();
  else if (result.queued > 0) void dispatcher.drain().catch(() => {});
  return {
    ...result,
    channels: channels.map((c) => ({
      channel: c,
      name: CHANNEL_NAMES[c],
      sender: dispatcher.senderOf(c)?.description ?? '未配置',
    })),
    delivery,
  };
}

// ---- a job's matched laborers ----

/**
 * Officers: the laborers of their scope who fit the job, ranked live by the model, with the
 * recommendations already made. An employer (its own jobs only): the laborers recommended
 * for the job, masked until each agrees.
 */
export async function jobMatches(database: Database, setup: MatchingSetup, actor: Actor, jobId: string, limit: number) {
  const today = todayInShanghai();
  if (actor.role === 'employer') {
    // The register is invisible to an employer's scope: read as the system, only this job's recommendations.
    const db = database.kysely;
    const job = (await jobsById(db, [jobId])).get(jobId);
    if (!job || job.employer_id !== actor.employerId) throw errors.notFound(`岗位（ID ${jobId}）`);
    const all = await db.selectFrom('recommendations').selectAll().where('job_id', '=', jobId).orderBy('score', 'desc').execute();
    const recs = all.filter((r, i) => all.findIndex((x) => x.person_id === r.person_id) === i);
    // Shown by name while a consent to this job is in force on any of the laborer's
    // recommendations of it (a later run may recommend the same job again); a withdrawal
    // covers them all (withdrawConsentIn), so the laborer is masked again.
    const consented = new Set(all.filter((r) => consentOf(r) === 'given').map((r) => r.person_id));
    const persons = new Map(
      (
        await personsById(
          db,
          recs.map((r) => r.person_id),
        )
      ).map((p) => [p.id, p]),
    );
    return {
      job: { id: job.id, title: job.title },
      items: recs.slice(0, limit).flatMap((r) => {
        const p = persons.get(r.person_id);
        if (!p) return [];
        return [
          {
            recommendationId: r.id,
            score: r.score,
            reasons: r.reasons,
            laborer: presentForEmployer(p, consented.has(r.person_id), today),
            hired: r.hired_on !== null,
          },
        ];
      }),
    };
  }
  requireReader(actor);
  return inScope(database.kysely, actor.scope, async (trx) => {
    const job = (await jobsById(trx, [jobId])).get(jobId);
    if (!job) throw errors.notFound(`岗位（ID ${jobId}）`);
    const names = await RegionNames.load(trx);
    const ctx = { model: setup.model, geo: setup.geo, date: today };
    const mj = toMatchJob(job);
    let best: LaborerMatch[] = [];
    let cursor = '0';
    for (;;) {
      const persons = await willingAfter(trx, actor.scope, cursor, 2000);
      if (persons.length === 0) break;
      cursor = (persons[persons.length - 1] as { id: string }).id;
      const spells = await pastSpells(
        trx,
        persons.map((p) => p.id),
      );
      const top = rankLaborersForJob(
        mj,
        persons.map((p) => toMatchLaborer(p, spells.get(p.id) ?? [], names)),
        ctx,
        limit,
      );
      best = [...best, ...top]
        .sort((a, b) => b.score - a.score || (a.distanceKm ?? 99999) - (b.distanceKm ?? 99999))
        .slice(0, limit);
    }
    const persons = new Map(
      (
        await personsById(
          trx,
          best.map((b) => b.laborerId),
        )
      ).map((p) => [p.id, p]),
    );
    const recs = await repo.recommendationsOfJob(trx, jobId, 1000);
    const recByPerson = new Map<string, RecommendationRow>();
    for (const r of recs) if (!recByPerson.has(r.person_id)) recByPerson.set(r.person_id, r);
    return {
      job: {
        id: job.id,
        title: job.title,
        employerName: job.employer_name,
        openings: job.openings,
        filled: job.filled,
        status: job.status,
      },
      items: best.map((b, i) => {
        const rec = recByPerson.get(b.laborerId);
        return {
          rank: i + 1,
          score: Math.round(b.score * 100) / 100,
          distanceKm: b.distanceKm,
          reasons: b.reasons.map((x) => x.text),
          laborer: presentLaborerBrief(actor, persons.get(b.laborerId) as NonNullable<ReturnType<typeof persons.get>>, today),
          recommendationId: rec?.id ?? null,
          consented: rec ? consentOf(rec) === 'given' : false,
        };
      }),
    };
  });
}

// ---- funnel ----

const CHILD_LEN: Record<number, number> = { 2: 4, 4: 6, 6: 9, 9: 12, 12: 12 };

export async function funnel(database: Database, actor: Actor, region: string | undefined) {
  requireReader(actor);
  const code = regionWithin(actor, region);
  const today = todayInShanghai();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const rows = await repo.funnel(trx, code, CHILD_LEN[code.length] ?? 12, today);
    const num = (r: repo.FunnelRow) => ({
      laborers: Number(r.laborers),
      recommended: Number(r.recommended),
      pushed: Number(r.pushed),
      seen: Number(r.seen),
      interested: Number(r.interested),
      applied: Number(r.applied),
      interviewed: Number(r.interviewed),
      hired: Number(r.hired),
      due3: Number(r.due3),
      stable3: Number(r.stable3),
      due6: Number(r.due6),
      stable6: Number(r.stable6),
    });
    const items = rows.map((r) => ({ regionCode: r.code, regionName: r.name ?? r.code, ...num(r) }));
    const total = items.reduce(
      (acc, r) => {
        for (const k of Object.keys(acc) as (keyof typeof acc)[]) acc[k] += r[k];
        return acc;
      },
      {
        laborers: 0,
        recommended: 0,
        pushed: 0,
        seen: 0,
        interested: 0,
        applied: 0,
        interviewed: 0,
        hired: 0,
        due3: 0,
        stable3: 0,
        due6: 0,
        stable6: 0,
      },
    );
    return { regionCode: code, total, items };
  });
}
