// 劳动者服务: what a laborer does for itself. Every read runs under its own scope
// 'person:<id>' (row-level security shows it its own rows only); the only write to the
// register side is what it did with a recommendation (seen, interested, consent, its
// withdrawal, not interested); a transport claim goes through the
// claims module's applyForClaim like an office's application, marked 本人申请.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Database, inScope, type Scoped, setScope } from '../../db/connection.ts';
import type { RecommendationRow } from '../../db/schema-recommendations.ts';
import { CLAIM_ACTION_NAMES, CLAIM_STATUS_NAMES, type ClaimAction } from '../../domain/claims/steps.ts';
import { type Destination, migrantFact, transportRuleFor, workRegionFact } from '../../domain/laborer/transport.ts';
import { maskIdNumber, maskPhone } from '../../domain/mask.ts';
import { formatFen } from '../../domain/money.ts';
import { hiredWithdrawalNotice, mayRecord, TRACK_EVENT_NAMES, type TrackEvent } from '../../domain/recommendations/tracking.ts';
import { ageOn, todayInShanghai } from '../../domain/registry/derive.ts';
import { isIsoDate } from '../../domain/rules/facts.ts';
import { DECISION_STATUS_NAMES, type Decision, type FactInput, findRule } from '../../domain/rules/index.ts';
import { AppError, errors, type FieldProblem } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { type Actor, auditActor } from '../auth/actor.ts';
import { LABORER_PAYMENT_STATUS_NAMES, maskAccount, presentClaim } from '../claims/claims.presenter.ts';
import * as claimsRepo from '../claims/claims.repository.ts';
import { applyForClaim, evidenceDir } from '../claims/claims.service.ts';
import { jobsById } from '../recommendations/matching-input.ts';
import { presentJob, trackingOf } from '../recommendations/recommendations.presenter.ts';
import * as recRepo from '../recommendations/recommendations.repository.ts';
import { replacedBy, stampOf, trackState, withdrawConsentIn } from '../recommendations/recommendations.service.ts';
import { catalog, evaluate } from '../rules/index.ts';
import * as repo from './laborer.repository.ts';

/** The person the signed-in laborer is; every other role is refused here. */
export function requireLaborer(actor: Actor): string {
  if (actor.role !== 'laborer' || !actor.personId) throw errors.forbidden('劳动者服务（仅劳动者本人登录后使用）');
  return actor.personId;
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

// ---- 我的信息 ----

export async function profile(database: Database, actor: Actor) {
  const personId = requireLaborer(actor);
  const today = todayInShanghai();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const p = await repo.ownPerson(trx, personId);
    if (!p) throw errors.notFound('您的台账记录');
    const spells = await repo.ownSpells(trx, personId);
    return {
      name: p.name,
      idNumber: maskIdNumber(p.id_number),
      sex: p.sex,
      birthDate: p.birth_date,
      age: ageOn(p.birth_date, today),
      phone: p.phone ? maskPhone(p.phone) : '',
      villageCode: p.village_code,
      place: (await repo.placeNames(trx, p.village_code)).join(' '),
      household: {
        number: p.household_number,
        type: p.household_type,
        monitoringCategory: p.monitoring_category,
        relocated: p.relocated,
        relationship: p.relationship,
      },
      ethnicity: p.ethnicity,
      education: p.education,
      workCapacity: p.work_capacity,
      health: p.health,
      disability: p.disability,
      skills: p.skills,
      certificates: p.certificates,
      migrateWilling: p.migrate_willing,
      preferredPlaces: p.preferred_places,
      preferredWork: p.preferred_work,
      trainingNeeds: p.training_needs,
      updatedAt: iso(p.updated_at),
      spells: spells.map((s) => ({
        id: s.id,
        startDate: s.start_date,
        endDate: s.end_date,
        place: s.out_of_province ? s.place_name || '省外' : s.place_name || s.place_code || '',
        employer: s.employer,
        channel: s.channel,
        monthlyIncomeFen: Number(s.monthly_income_fen),
      })),
      correction: '信息有误请联系村就业信息员（或驻村工作队）更正，本页不能修改。',
    };
  });
}

// ---- 推荐岗位 ----

async function presentOwn(trx: Scoped, rows: readonly RecommendationRow[], today: string) {
  const jobs = await jobsById(
    trx,
    rows.map((r) => r.job_id),
  );
  const employers = await repo.employersPublic(
    trx,
    [...jobs.values()].map((j) => j.employer_id),
  );
  const statuses = await repo.jobStatuses(
    trx,
    rows.map((r) => r.job_id),
  );
  return rows.map((r) => {
    const job = jobs.get(r.job_id);
    const employer = job ? employers.get(job.employer_id) : undefined;
    const t = trackingOf(r, null, today);
    return {
      id: r.id,
      rank: r.rank,
      reasons: r.reasons,
      version: r.version,
      job: job
        ? {
            ...presentJob(job),
            effectiveStatus: statuses.get(job.id) ?? job.status,
            employer: employer
              ? { name: employer.name, address: employer.address, isWorkshop: employer.is_workshop, isBase: employer.is_base }
              : null,
          }
        : null,
      seenAt: t.seenAt,
      interestedAt: t.interestedAt,
      consentAt: t.consentAt,
      consentWithdrawnAt: t.consentWithdrawnAt,
      consentState: t.consentState,
      consentStateName: t.consentStateName,
      // A hired laborer that withdrew: the employment stays (domain/recommendations/tracking.ts).
      consentNotice: t.consentState === 'withdrawn' && r.hired_on ? hiredWithdrawalNotice(r.hired_on) : null,
      declinedAt: t.declinedAt,
      hiredOn: t.hiredOn,
      stepName: t.stepName,
      createdAt: iso(r.created_at),
    };
  });
}

/** The latest matching run's recommendations, and earlier ones the laborer took up. */
export async function recommendations(database: Database, actor: Actor) {
  const personId = requireLaborer(actor);
  const today = todayInShanghai();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const rows = await recRepo.recommendationsOf(trx, personId);
    const latest = rows[0]?.run_id ?? null;
    const current = rows.filter((r) => r.run_id === latest);
    const earlier = rows.filter((r) => r.run_id !== latest && (r.interested_at || r.hired_on));
    return { items: await presentOwn(trx, current, today), earlier: await presentOwn(trx, earlier, today) };
  });
}

async function ownRecommendation(trx: Scoped, personId: string, id: string) {
  const rec = /^\d{1,18}$/.test(id) ? await recRepo.getRecommendation(trx, id) : undefined;
  // Row-level security already hides other people's; the person check is the second lock.
  if (!rec || rec.person_id !== personId) throw errors.notFound(`推荐岗位（ID ${id}）`);
  return rec;
}

export async function recommendation(database: Database, actor: Actor, id: string) {
  const personId = requireLaborer(actor);
  return inScope(database.kysely, actor.scope, async (trx) => {
    const rec = await ownRecommendation(trx, personId, id);
    const [item] = await presentOwn(trx, [rec], todayInShanghai());
    return item;
  });
}

/** Records the steps on the laborer's own recommendation at the version it saw, with the audit entry. */
async function record(trx: Scoped, actor: Actor, rec: RecommendationRow, events: Exclude<TrackEvent, 'hired'>[], reason = '') {
  const name = `推荐岗位（ID ${rec.id}）`;
  let set: Record<string, unknown> = {};
  for (const e of events) set = { ...set, ...stampOf(e, reason, rec) };
  const updated = await recRepo.updateAtVersion(trx, rec.id, rec.version, set);
  if (!updated) throw errors.conflict('RECOMMENDATION_VERSION_CONFLICT', `${name}已更新，请刷新后重试`, { record: name });
  await appendAudit(
    trx,
    events.map((e) => ({
      ...auditActor(actor),
      action: `recommendation.${e}`,
      entity: 'recommendation',
      entityId: rec.id,
      regionCode: rec.region_code,
      before: replacedBy(e, rec),
      after: { event: TRACK_EVENT_NAMES[e], by: '劳动者本人', ...(e === 'declined' && reason ? { reason } : {}) },
    })),
  );
  return updated;
}

/** Opening a recommendation records 已查看 once (nothing after a hire or a decline). */
export async function markSeen(database: Database, actor: Actor, id: string) {
  const personId = requireLaborer(actor);
  return inScope(database.kysely, actor.scope, async (trx) => {
    let rec = await ownRecommendation(trx, personId, id);
    if (!rec.seen_at && mayRecord(trackState(rec), 'seen').ok) rec = await record(trx, actor, rec, ['seen']);
    const [item] = await presentOwn(trx, [rec], todayInShanghai());
    return item;
  });
}

export interface ResponseInput {
  answer: 'interested' | 'not_interested';
  version: number;
  reason?: string | undefined;
}

/**
 * 感兴趣: 有意向 and 同意公开 together (the employer then sees its name and phone for this job,
 * recommendations.presenter presentForEmployer); 不感兴趣: declined with an optional reason.
 * 有意向 already recorded (by an officer, or before a withdrawal) stays as it was, and 感兴趣
 * then gives the consent alone: again after a withdrawal.
 */
export async function respond(database: Database, actor: Actor, id: string, input: ResponseInput) {
  const personId = requireLaborer(actor);
  return inScope(database.kysely, actor.scope, async (trx) => {
    const rec = await ownRecommendation(trx, personId, id);
    const name = `推荐岗位（ID ${rec.id}）`;
    if (rec.version !== input.version) {
      throw errors.conflict('RECOMMENDATION_VERSION_CONFLICT', `${name}已更新（当前版本 ${rec.version}），请刷新后重试`, {
        record: name,
      });
    }
    const state = trackState(rec);
    const wanted: Exclude<TrackEvent, 'hired'>[] =
      input.answer === 'interested' ? ['seen', 'interested', 'consent'] : ['seen', 'declined'];
    // 已查看 and 有意向 once recorded are implied; the others must be allowed (domain/recommendations/tracking).
    const events = wanted.filter((e) => !(e === 'seen' && rec.seen_at) && !(e === 'interested' && rec.interested_at));
    for (const e of events) {
      if (e === 'seen') continue;
      const ok = mayRecord(state, e);
      if (!ok.ok) throw errors.conflict('RECOMMENDATION_STEP_NOT_ALLOWED', `${name}：${ok.reason}`, { record: name });
    }
    const reason = (input.reason ?? '').trim().slice(0, 200);
    const updated = await record(trx, actor, rec, events, reason);
    const [item] = await presentOwn(trx, [updated], todayInShanghai());
    return item;
  });
}

export interface WithdrawInput {
  version: number;
}

/**
 * 撤回同意 in the portal: the employer of the job no longer sees who the laborer is (masked as
 * before it agreed), on this recommendation and any other of the same job it agreed on; the
 * recommendations module's withdrawConsentIn does it, as for a withdrawal an officer records.
 * Allowed after a hire (the notice says the employment stays); refused, naming the
 * recommendation, when no consent is in force.
 */
export async function withdrawConsent(database: Database, actor: Actor, id: string, input: WithdrawInput) {
  const personId = requireLaborer(actor);
  return inScope(database.kysely, actor.scope, async (trx) => {
    const rec = await ownRecommendation(trx, personId, id);
    const title = (await jobsById(trx, [rec.job_id])).get(rec.job_id)?.title;
    const name = title ? `推荐岗位“${title}”（ID ${rec.id}）` : `推荐岗位（ID ${rec.id}）`;
    const updated = await withdrawConsentIn(trx, actor, rec, name, input.version, { by: 'laborer' });
    const [item] = await presentOwn(trx, [updated], todayInShanghai());
    return item;
  });
}

// ---- 政策 ----

const QUALIFIES: ReadonlySet<Decision['status']> = new Set(['eligible', 'amount_not_set']);

/**
 * The person-subject rules of its area (and national ones) as the engine decides them today on
 * the register's facts: those it qualifies for with amount and citations, those needing facts
 * the register lacks, and those not in force or not met with the reason. Rules of other
 * provinces are left out (they never apply to it).
 */
export async function policies(database: Database, actor: Actor) {
  const personId = requireLaborer(actor);
  const today = todayInShanghai();
  const village = await inScope(database.kysely, actor.scope, async (trx) => (await repo.ownPerson(trx, personId))?.village_code);
  if (!village) throw errors.notFound('您的台账记录');
  const cat = await catalog();
  const result = await evaluate(database, actor, { personId, date: today });
  const decisions = (Array.isArray(result) ? result[0] : result)?.decisions ?? [];
  const present = (d: Decision) => {
    const rule = findRule(cat, d.rule);
    return {
      rule: d.rule,
      title: d.title,
      document: d.document,
      documentTitle: rule?.document.title ?? '',
      summary: rule?.summary ?? '',
      beneficiary: rule?.beneficiary ?? '',
      status: d.status,
      statusName: DECISION_STATUS_NAMES[d.status],
      amountFen: d.amountFen,
      maxAmountFen: d.maxAmountFen,
      message: d.message,
      missingFacts: d.missingFacts,
      citations: d.citations,
      inForce: d.inForce,
    };
  };
  const local = decisions.filter((d) => village.startsWith(d.inForce.region));
  return {
    date: today,
    qualifies: local.filter((d) => QUALIFIES.has(d.status)).map(present),
    needsFacts: local.filter((d) => d.status === 'incomplete').map(present),
    notNow: local.filter((d) => d.status === 'not_eligible' || d.status === 'not_in_force').map(present),
  };
}

// ---- 交通补助 ----

export async function transportInfo(database: Database, actor: Actor) {
  const personId = requireLaborer(actor);
  const cat = await catalog();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const p = await repo.ownPerson(trx, personId);
    if (!p) throw errors.notFound('您的台账记录');
    const rule = transportRuleFor(cat.rules, p.village_code);
    const counties = rule ? await repo.countiesOf(trx, p.village_code.slice(0, 2)) : [];
    return {
      rule: rule
        ? {
            id: rule.id,
            title: rule.title,
            summary: rule.summary,
            beneficiary: rule.beneficiary,
            document: rule.document.code,
            documentTitle: rule.document.title,
            articles: rule.articles,
            from: rule.from,
            to: rule.to,
          }
        : null,
      homeCounty: p.village_code.slice(0, 6),
      counties: counties.filter((c) => c.code !== p.village_code.slice(0, 6)).map((c) => ({ code: c.code, name: c.name })),
      beneficiaryName: p.name,
    };
  });
}

export interface TransportInput {
  caseDate: string;
  destination: Destination;
  workPlace: string;
  stableMonths: number;
  ticketPriceFen: number;
  bankName: string;
  bankAccount: string;
  ticket: { fileName: string; contentType: string; dataBase64: string };
}

const RECORD = '交通补助申请';
const MAX_TICKET_BYTES = 8 * 1024 * 1024;
const TICKET_TYPES = /^(image\/(jpeg|png|webp|heic|heif)|application\/pdf)$/;

function ticketBytes(input: TransportInput, problems: FieldProblem[]): Buffer {
  const t = input.ticket;
  const data = Buffer.from(t.dataBase64.replace(/^data:[^,]*,/, ''), 'base64');
  if (data.length === 0) problems.push({ field: 'ticket', label: '车票照片', message: '不能为空' });
  else if (data.length > MAX_TICKET_BYTES) problems.push({ field: 'ticket', label: '车票照片', message: '不能超过8MB' });
  if (!TICKET_TYPES.test(t.contentType))
    problems.push({ field: 'ticket.contentType', label: '车票照片', message: '应为 JPG、PNG 图片或 PDF', value: t.contentType });
  return data;
}

/**
 * Applies for the transport subsidy of the laborer's area with the ticket photo as evidence, in
 * one transaction: the claim (decided by the engine through applyForClaim, 本人申请), its event,
 * its ledger entry, the evidence row and the audit entries; nothing of it if any part fails.
 */
export async function applyTransport(database: Database, dataDir: string, actor: Actor, input: TransportInput) {
  const personId = requireLaborer(actor);
  const cat = await catalog();
  const problems: FieldProblem[] = [];
  if (!isIsoDate(input.caseDate))
    problems.push({ field: 'caseDate', label: '发生日期', message: '应为有效日期（YYYY-MM-DD）', value: input.caseDate });
  if (input.workPlace.trim() === '') problems.push({ field: 'workPlace', label: '务工地点', message: '不能为空' });
  if (!Number.isInteger(input.ticketPriceFen) || input.ticketPriceFen <= 0)
    problems.push({ field: 'ticketPriceFen', label: '车票价格', message: '应大于0元', value: String(input.ticketPriceFen) });
  if (!Number.isInteger(input.stableMonths) || input.stableMonths < 0)
    problems.push({
      field: 'stableMonths',
      label: '稳定就业月数',
      message: '应为不小于0的整数',
      value: String(input.stableMonths),
    });
  const data = ticketBytes(input, problems);

  const own = await inScope(database.kysely, actor.scope, (trx) => repo.ownPerson(trx, personId));
  if (!own) throw errors.notFound('您的台账记录');
  const rule = transportRuleFor(cat.rules, own.village_code);
  if (!rule) {
    throw new AppError('TRANSPORT_RULE_NONE', `${RECORD}：您所在地区没有可以本人申请的交通补助政策`, 422, { record: RECORD });
  }
  const d = input.destination;
  if (d.kind === 'county') {
    const home = own.village_code;
    if (!/^\d{6}$/.test(d.code) || d.code.slice(0, 2) !== home.slice(0, 2) || d.code === home.slice(0, 6))
      problems.push({
        field: 'destination.code',
        label: '务工地所在县（市、区）',
        message: '应为本省其他县（市、区）',
        value: d.code,
      });
  }
  if (problems.length > 0) throw errors.invalid(RECORD, problems);

  // The facts the laborer states (the county checks them against the ticket and the income
  // proof in its review); the register gives the rest (registered poor, age, capacity, and
  // whether work inside the county is 外出务工: see migrantFact).
  const stated: Record<string, FactInput> = {
    workRegion: workRegionFact(d, own.village_code),
    ticketPriceFen: input.ticketPriceFen,
    stableMonths: input.stableMonths,
  };
  if (migrantFact(d)) stated.migrant = true;
  const facts = Object.fromEntries(Object.entries(stated).filter(([k]) => k in rule.formula.facts));

  // The ticket is kept by its sha256 like every evidence file (claims.service addEvidence).
  const sha256 = createHash('sha256').update(data).digest('hex');
  const dir = evidenceDir(dataDir);
  const target = join(dir, sha256);
  if (!existsSync(target)) {
    const tmp = join(dir, `.upload-${randomBytes(8).toString('hex')}`);
    await writeFile(tmp, data);
    await rename(tmp, target).catch(async (e) => {
      await rm(tmp, { force: true });
      throw e;
    });
  }

  // The laborer's scope sees no region, but a claim belongs to its village: the decision (the
  // village's regional settings, the frequency-limit history) and the claim, its slot, event
  // and ledger entry are written in the scope of the person's village, as the village office's
  // application would be. That is safe because the checks above are done: the applicant is the
  // laborer itself, the rule is the transport subsidy of its own area, and it states only the
  // trip's facts.
  const acting: Actor = { ...actor, displayName: `${own.name}（本人申请）`, scope: own.village_code };
  const result = await applyForClaim(
    database,
    acting,
    {
      rule: rule.id,
      personId,
      caseDate: input.caseDate,
      facts,
      bankName: input.bankName,
      bankAccount: input.bankAccount,
    },
    {
      comment: `本人申请：务工地点 ${input.workPlace.trim().slice(0, 100)}，稳定就业 ${input.stableMonths} 个月，车票 ${formatFen(input.ticketPriceFen)} 元`,
      run: (fn) =>
        inScope(database.kysely, actor.scope, async (trx) => {
          const me = await repo.ownPerson(trx, personId);
          if (!me || me.village_code !== own.village_code)
            throw errors.conflict('PERSON_CHANGED', '您的台账记录刚刚被更新，请刷新后重试');
          await setScope(trx, own.village_code);
          const out = await fn(trx);
          const claimId = (out as { claim: { id: string } }).claim.id;
          const row = await claimsRepo.insertEvidence(trx, {
            claim_id: claimId,
            region_code: own.village_code,
            kind: 'ticket',
            file_name: input.ticket.fileName.slice(0, 200) || '车票',
            content_type: input.ticket.contentType,
            size_bytes: data.length,
            sha256,
            uploaded_by: actor.userId,
          });
          await appendAudit(trx, {
            ...auditActor(acting),
            action: 'claim.evidence',
            entity: 'claim',
            entityId: claimId,
            regionCode: own.village_code,
            after: { kind: row.kind, fileName: row.file_name, sha256, size: data.length, by: '劳动者本人' },
          });
          return out;
        }),
    },
  );
  return myClaim(database, actor, result.claim.id);
}

// ---- 我的申请 ----

const STEP_NAMES: Record<string, string> = { ...CLAIM_ACTION_NAMES, correct_bank: '更正银行账户' };

export async function myClaims(database: Database, actor: Actor) {
  const personId = requireLaborer(actor);
  const cat = await catalog();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const rows = await repo.ownClaims(trx, personId);
    return {
      items: rows.map((c) => ({
        ...brief(actor, c, findRule(cat, c.rule_id)?.title ?? c.rule_id),
      })),
    };
  });
}

function brief(actor: Actor, c: claimsRepo.ClaimRow, ruleTitle: string) {
  const p = presentClaim(actor, c, { ruleTitle });
  return {
    id: p.id,
    number: p.number,
    rule: p.rule,
    ruleTitle: p.ruleTitle,
    document: p.document,
    caseDate: p.caseDate,
    amountFen: p.amountFen,
    amountYuan: p.amountYuan,
    status: p.status,
    statusName: p.statusName,
    applicantName: p.applicantName,
    bankName: p.bankName,
    bankAccount: p.bankAccount,
    decisionMessage: p.decisionMessage,
    citations: p.citations,
    createdAt: p.createdAt,
  };
}

export async function myClaim(database: Database, actor: Actor, id: string) {
  const personId = requireLaborer(actor);
  const cat = await catalog();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const c = /^\d{1,18}$/.test(id) ? await claimsRepo.getClaim(trx, id) : undefined;
    if (!c || c.person_id !== personId) throw errors.notFound(`补贴申请（ID ${id}）`);
    const events = await claimsRepo.eventsOf(trx, id);
    const evidence = await claimsRepo.evidenceOf(trx, id);
    const payments = await claimsRepo.paymentsOfClaim(trx, id);
    return {
      ...brief(actor, c, findRule(cat, c.rule_id)?.title ?? c.rule_id),
      steps: events.map((e) => ({
        action: e.action,
        actionName: STEP_NAMES[e.action as ClaimAction] ?? e.action,
        toName: CLAIM_STATUS_NAMES[e.to_status as keyof typeof CLAIM_STATUS_NAMES] ?? e.to_status,
        comment: e.comment,
        actorName: e.actor_name,
        at: iso(e.at),
      })),
      evidence: evidence.map((e) => ({
        kind: e.kind,
        fileName: e.file_name,
        size: Number(e.size_bytes),
        uploadedAt: iso(e.uploaded_at),
      })),
      payments: payments.map((p) => ({
        status: p.status,
        statusName: LABORER_PAYMENT_STATUS_NAMES[p.status],
        amountFen: Number(p.amount_fen),
        amountYuan: formatFen(p.amount_fen),
        bankName: p.bank_name,
        bankAccount: maskAccount(p.bank_account),
        failureReason: p.failure_reason,
        settledAt: iso(p.settled_at),
      })),
    };
  });
}
