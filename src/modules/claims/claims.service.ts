// Applications and their review: who may apply and act (by role and region), the engine's
// decision recorded with its parameter version, frequency limits held by claim_slots,
// events with comments, evidence files, the ledger's decided amounts, and an audit entry
// for every step.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Insertable } from 'kysely';
import { type Database, inScope, type Scoped } from '../../db/connection.ts';
import type { ClaimStatus, ClaimsTable, EvidenceKind } from '../../db/schema-claims.ts';
import { type LedgerKind, REVERSAL_CAUSE_NAMES, type ReversalCause, type ReversibleKind } from '../../domain/claims/ledger.ts';
import { type RegisterCheck, registerCheck } from '../../domain/claims/register-check.ts';
import {
  CLAIM_ACTION_NAMES,
  CLAIM_STATUS_NAMES,
  type ClaimAction,
  type DirectAction,
  mayAddEvidence,
  maySubmit,
  RELEASING_STATUSES,
  takeStep,
} from '../../domain/claims/steps.ts';
import { creditCodeProblem, normalizeCreditCode } from '../../domain/jobs/credit-code.ts';
import { maskIdNumber } from '../../domain/mask.ts';
import { isInside } from '../../domain/region/region-code.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { isIsoDate } from '../../domain/rules/facts.ts';
import {
  type Catalog,
  type Decision,
  type FactInput,
  findRule,
  type Rule,
  SUBJECT_KIND_NAMES,
  type SubjectKind,
} from '../../domain/rules/index.ts';
import { AppError, errors, type FieldProblem } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { type Actor, auditActor } from '../auth/actor.ts';
import { catalog } from '../rules/index.ts';
import { EVIDENCE_KIND_NAMES, maskAccount, PAYMENT_STATUS_NAMES, presentClaim, presentEvidence } from './claims.presenter.ts';
import * as repo from './claims.repository.ts';
import { amountArticle, decide, limitGroupRules, payableAmount, windowKey } from './decide.ts';

/** VALIDATION_FAILED naming the record and each field by the label the user sees. */
export function invalid(record: string, problems: FieldProblem[]): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    `${record}：${problems.map((p) => `${p.label ?? p.field}${p.message}`).join('；')}`,
    400,
    {
      record,
      problems,
    },
  );
}

export function claimRecord(c: { number: string; beneficiary_name: string }): string {
  return `申请 ${c.number}（${c.beneficiary_name}）`;
}

/** A region given by the client must lie inside the actor's scope; none means the scope. */
export function regionWithin(actor: Actor, region: string | undefined): string {
  if (!region) return actor.scope;
  if (!/^\d{2,12}$/.test(region)) throw invalid('查询', [{ field: 'region', message: '应为区划代码', value: region }]);
  if (isInside(region, actor.scope)) return region;
  if (isInside(actor.scope, region)) return actor.scope;
  throw errors.outOfScope(region);
}

// ---- ledger entries of a claim ----

export function ledgerRow(
  claim: repo.ClaimRow,
  actor: Actor,
  kind: LedgerKind,
  amountFen: number | string,
  o: { reverses?: ReversibleKind; paymentId?: string; article?: string; cause?: ReversalCause; date?: string } = {},
): repo.LedgerInsert {
  const decision = claim.decision as { amountArticle?: string };
  return {
    kind,
    reverses: o.reverses ?? null,
    cause: o.cause ?? null,
    fund_source: claim.fund_source,
    region_code: claim.region_code,
    year: claim.claim_year,
    rule_id: claim.rule_id,
    document_code: claim.document_code,
    article: o.article ?? decision.amountArticle ?? '',
    claim_id: claim.id,
    payment_id: o.paymentId ?? null,
    amount_fen: String(amountFen),
    entry_date: o.date ?? todayInShanghai(),
    actor_id: actor.userId,
  };
}

// ---- one step of one claim ----

/**
 * Moves a claim by one step: checks the role and status (domain/claims/steps), moves it only
 * if nobody moved it first (version and status in the WHERE clause), records the event and
 * the audit entry. `version` is the one the client saw; undefined for steps the system takes
 * on a locked row (publicity, batches).
 */
export async function transition(
  trx: Scoped,
  actor: Actor,
  claim: repo.ClaimRow,
  action: ClaimAction,
  comment: string,
  version: number | undefined,
  set: Record<string, unknown> = {},
): Promise<repo.ClaimRow> {
  const record = claimRecord(claim);
  const step = takeStep(actor.role, claim.status, action, comment);
  if (!step.ok && step.forbidden) throw errors.forbidden(`${record}：${step.reason}`);
  // A stale version means someone acted since the client looked: say that before the status.
  if (version !== undefined && version !== claim.version) throw versionConflict(record, claim.version);
  if (!step.ok) throw new AppError('CLAIM_STEP_NOT_ALLOWED', `${record}：${step.reason}`, 409, { record, status: claim.status });
  const moved = await repo.moveClaim(
    trx,
    claim.id,
    { version: claim.version, status: claim.status },
    { status: step.to, ...set },
  );
  if (!moved) throw versionConflict(record, claim.version + 1);
  if (RELEASING_STATUSES.has(step.to)) await repo.releaseSlots(trx, claim.id);
  await repo.insertEvent(trx, {
    claimId: claim.id,
    region: claim.region_code,
    action,
    from: claim.status,
    to: step.to,
    comment: comment.trim(),
    actorId: actor.userId,
    actorName: auditActor(actor).actorName,
  });
  await appendAudit(trx, {
    ...auditActor(actor),
    action: `claim.${action}`,
    entity: 'claim',
    entityId: claim.id,
    regionCode: claim.region_code,
    before: { status: claim.status, version: claim.version },
    after: { status: moved.status, version: moved.version, comment: comment.trim() },
  });
  return moved;
}

export function versionConflict(record: string, current: number): AppError {
  return errors.conflict('CLAIM_VERSION_CONFLICT', `${record}已被他人处理（当前版本 ${current}），请刷新后重试`, { record });
}

// ---- apply ----

export interface ApplyInput {
  rule: string;
  personId?: string;
  subject?: { kind: SubjectKind; name: string; key: string };
  region?: string;
  caseDate: string;
  facts?: Record<string, FactInput>;
  bankName: string;
  bankAccount: string;
}

function checkApplyInput(input: ApplyInput, rule: Rule | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!rule) problems.push({ field: 'rule', label: '补贴项目', message: '不存在', value: input.rule });
  if (!isIsoDate(input.caseDate))
    problems.push({ field: 'caseDate', label: '享受日期', message: '应为有效日期（YYYY-MM-DD）', value: input.caseDate });
  else if (input.caseDate > todayInShanghai())
    problems.push({ field: 'caseDate', label: '享受日期', message: '不能晚于今天', value: input.caseDate });
  if (input.bankName.trim() === '') problems.push({ field: 'bankName', label: '开户行', message: '不能为空' });
  if (!/^\d{10,30}$/.test(input.bankAccount.replace(/\s/g, ''))) {
    problems.push({ field: 'bankAccount', label: '银行账号', message: '应为10至30位数字', value: input.bankAccount });
  }
  if (rule?.subject === 'person') {
    if (!input.personId) problems.push({ field: 'personId', label: '劳动力', message: `「${rule.title}」须从台账中选择劳动力` });
  } else if (rule) {
    if (rule.limit?.per === 'laborer' && !input.personId) {
      problems.push({
        field: 'personId',
        label: '劳动力',
        message: `「${rule.title}」按劳动力计次（${rule.document.code} ${rule.limit.article}），须从台账中选择所涉劳动力`,
      });
    }
    const s = input.subject;
    if (!s)
      problems.push({
        field: 'subject',
        label: '申请对象',
        message: `须填写${SUBJECT_KIND_NAMES[rule.subject]}的名称和统一社会信用代码`,
      });
    else {
      if (s.name.trim() === '') problems.push({ field: 'subject.name', label: '申请对象名称', message: '不能为空' });
      const codeProblem = creditCodeProblem(normalizeCreditCode(s.key));
      if (codeProblem) problems.push({ field: 'subject.key', label: '统一社会信用代码', message: codeProblem, value: s.key });
      if (s.kind !== rule.subject) {
        problems.push({
          field: 'subject.kind',
          label: '申请对象类型',
          message: `「${rule.title}」的申请对象应为${SUBJECT_KIND_NAMES[rule.subject]}`,
          value: s.kind,
        });
      }
    }
    if (!input.region || !/^(\d{6}|\d{9}|\d{12})$/.test(input.region)) {
      problems.push({ field: 'region', label: '所在地区', message: '应为6/9/12位区划代码', value: input.region ?? '' });
    }
  }
  return problems;
}

/**
 * A laborer's own application from the portal (modules/laborer): that module has checked that
 * the laborer applies for itself and for the rule of its area, and gives the transaction (the
 * scope of its village) to decide and write the claim in.
 */
export interface LaborerApplication {
  run<T>(fn: (trx: Scoped) => Promise<T>): Promise<T>;
  /** Said on the submit event (what the laborer stated). */
  comment: string;
}

export async function applyForClaim(database: Database, actor: Actor, input: ApplyInput, laborer?: LaborerApplication) {
  if (!laborer && !maySubmit(actor.role)) throw errors.forbidden('申报补贴（当前角色只能查看）');
  const cat = await catalog();
  const rule = findRule(cat, input.rule);
  const record0 = `补贴申请（${rule?.title ?? input.rule}）`;
  const problems = checkApplyInput(input, rule);
  if (problems.length > 0 || !rule) throw invalid(record0, problems);
  const account = input.bankAccount.replace(/\s/g, '');
  const run: LaborerApplication['run'] = laborer ? (fn) => laborer.run(fn) : (fn) => inScope(database.kysely, actor.scope, fn);

  return run(async (trx) => {
    let name: string;
    let region: string;
    let subjectKey: string;
    let personId: string | null = null;
    let limitHolder = '';
    let homeRegion: string | undefined;
    let unitCode: string | null = null;
    /** The laborer a unit's claim is about, named on the claim as the employer's own claims are. */
    let aboutLaborer: { laborer_name: string; laborer_id_masked: string } | undefined;
    if (rule.subject === 'person') {
      const person = await repo.personIdentity(trx, input.personId as string);
      if (!person) throw errors.notFound(`劳动力（ID ${input.personId}）`);
      name = person.name;
      region = person.village_code;
      subjectKey = `person:${person.id}`;
      personId = person.id;
    } else {
      const s = input.subject as NonNullable<ApplyInput['subject']>;
      name = s.name.trim();
      region = input.region as string;
      subjectKey = normalizeCreditCode(s.key);
      unitCode = subjectKey;
      if (input.personId) {
        // A unit's claim about one laborer (a placement, a post): the register gives the
        // laborer's facts, and a per-laborer limit is keyed by the laborer, not the unit.
        const laborer = await repo.personIdentity(trx, input.personId);
        if (!laborer) throw errors.notFound(`劳动力（ID ${input.personId}）`);
        personId = laborer.id;
        aboutLaborer = { laborer_name: laborer.name, laborer_id_masked: maskIdNumber(laborer.id_number) };
        // Where the laborer is from is the register's word, as for an employer's own claim.
        if ('laborerHomeRegion' in rule.formula.facts) homeRegion = laborer.village_code;
        if (rule.limit?.per === 'laborer') {
          subjectKey = `person:${laborer.id}`;
          limitHolder = `劳动力 ${laborer.name}`;
        }
      }
      if (!isInside(region, actor.scope)) throw errors.outOfScope(region);
      if (!(await repo.regionExists(trx, region))) {
        throw invalid(record0, [{ field: 'region', label: '所在地区', message: '不是现行的区划代码', value: region }]);
      }
    }
    const record = `${name}的${rule.title}申请`;
    const window = windowKey(rule, input.caseDate);
    const limitMessage = () =>
      limitReachedMessage(
        rule,
        limitHolder || `${rule.subject === 'person' ? '劳动力' : SUBJECT_KIND_NAMES[rule.subject]} ${name}`,
        window,
      );

    if (rule.limit) await repo.lockLimitGroup(trx, rule.limit.group, subjectKey);
    const { decision, facts } = await decide(
      trx,
      cat,
      {
        rule,
        subject: { kind: rule.subject, name, ...(personId ? { id: personId } : {}) },
        subjectKey,
        ...(personId ? { personId } : {}),
        region,
        date: input.caseDate,
        facts: homeRegion ? { ...input.facts, laborerHomeRegion: homeRegion } : (input.facts ?? {}),
      },
      record,
    );
    await refuseOverLimit(trx, cat, rule, decision, { subjectKey, window, record, message: limitMessage });
    const amountFen = payableAmount(decision, record);
    const claim = await fileClaim(trx, actor, {
      rule,
      decision,
      facts,
      amountFen,
      region,
      subjectKey,
      personId,
      unitCode,
      beneficiaryName: name,
      bankName: input.bankName,
      bankAccount: account,
      caseDate: input.caseDate,
      window,
      record,
      limitMessage,
      ...(laborer ? { filedBy: { applicant: 'laborer' as const }, eventComment: laborer.comment ?? '' } : {}),
      ...(aboutLaborer ? { filedBy: aboutLaborer } : {}),
    });
    return { claim: presentClaim(actor, claim, { ruleTitle: rule.title }), decision };
  });
}

/** The refusal of a claim beyond its frequency limit, naming who, the window and the article. */
export function limitReachedMessage(rule: Rule, holder: string, window: string): string {
  const inYear = window === 'lifetime' ? '' : `${window} 年`;
  return `${holder} ${inYear}已申领过「${rule.title}」（${rule.id}）或同类补贴，${window === 'lifetime' ? '' : '每年'}限 ${
    rule.limit?.times ?? 1
  } 次（${rule.document.code} ${rule.limit?.article ?? ''}）`;
}

/**
 * When the engine refused a claim because the live claims of its limit window are used up, says
 * so by name with the claims that hold them (CLAIM_LIMIT_REACHED), as the slot race does.
 */
export async function refuseOverLimit(
  trx: Scoped,
  cat: Catalog,
  rule: Rule,
  decision: Decision,
  o: { subjectKey: string; window: string; record: string; message: () => string },
): Promise<void> {
  if (!rule.limit || decision.status !== 'not_eligible') return;
  const prior = (await repo.liveClaimsOfSubject(trx, o.subjectKey, limitGroupRules(cat, rule))).filter(
    (p) => rule.limit?.window === 'lifetime' || String(p.claim_year) === o.window,
  );
  if (prior.length >= rule.limit.times) {
    throw errors.conflict('CLAIM_LIMIT_REACHED', `${o.message()}：已有申请 ${prior.map((p) => p.number).join('、')}`, {
      record: o.record,
      existing: prior.map((p) => p.number),
    });
  }
}

/** A decided application, ready to be written. */
export interface NewClaim {
  rule: Rule;
  decision: Decision;
  facts: Record<string, unknown>;
  amountFen: number;
  region: string;
  subjectKey: string;
  personId: string | null;
  /** The 统一社会信用代码 of the unit the claim pays; null for a person's own claim. */
  unitCode: string | null;
  beneficiaryName: string;
  bankName: string;
  bankAccount: string;
  caseDate: string;
  /** The frequency limit's window (a year, or lifetime). */
  window: string;
  record: string;
  limitMessage: () => string;
  /** Who filed it when not an office: the laborer in its portal, or an employer's own account. */
  filedBy?: Partial<Pick<Insertable<ClaimsTable>, 'applicant' | 'employer_id' | 'laborer_name' | 'laborer_id_masked'>>;
  eventComment?: string;
}

/**
 * Writes a decided application: the claim with its number, the frequency-limit slot (the
 * database refuses a slot beyond the limit, so two racing applications end with one), the
 * submit event, the decided amount in the ledger and the audit entry.
 */
export async function fileClaim(trx: Scoped, actor: Actor, c: NewClaim): Promise<repo.ClaimRow> {
  const { rule, decision } = c;
  const year = Number(c.caseDate.slice(0, 4));
  const id = await repo.nextClaimId(trx);
  const claim = await repo.insertClaim(trx, {
    id,
    number: `BT${year}-${id.padStart(6, '0')}`,
    rule_id: rule.id,
    document_code: rule.document.code,
    region_code: c.region,
    subject_kind: rule.subject,
    person_id: c.personId,
    subject_key: c.subjectKey,
    unit_code: c.unitCode,
    beneficiary_name: c.beneficiaryName,
    bank_name: c.bankName.trim(),
    bank_account: c.bankAccount,
    case_date: c.caseDate,
    claim_year: year,
    facts: JSON.stringify(c.facts),
    decision: JSON.stringify({ ...decision, amountArticle: amountArticle(rule, decision) }),
    parameter_version: decision.parameterVersion,
    amount_fen: c.amountFen,
    fund_source: rule.fund,
    created_by: actor.userId,
    ...c.filedBy,
  });
  if (rule.limit) {
    const slot = await repo.takeSlot(trx, {
      group: rule.limit.group,
      subjectKey: c.subjectKey,
      window: c.window,
      times: rule.limit.times,
      claimId: claim.id,
      region: c.region,
    });
    if (slot === undefined) throw errors.conflict('CLAIM_LIMIT_REACHED', c.limitMessage(), { record: c.record });
  }
  await repo.insertEvent(trx, {
    claimId: claim.id,
    region: c.region,
    action: 'submit',
    from: null,
    to: 'submitted',
    comment: c.eventComment ?? '',
    actorId: actor.userId,
    actorName: auditActor(actor).actorName,
  });
  await repo.appendLedger(trx, [ledgerRow(claim, actor, 'decided', c.amountFen)]);
  await appendAudit(trx, {
    ...auditActor(actor),
    action: 'claim.submit',
    entity: 'claim',
    entityId: claim.id,
    regionCode: c.region,
    after: {
      number: claim.number,
      rule: rule.id,
      ...(c.filedBy?.employer_id ? { employerId: String(c.filedBy.employer_id) } : {}),
      amountFen: c.amountFen,
      parameterVersion: decision.parameterVersion,
      status: claim.status,
    },
  });
  return claim;
}

// ---- review actions ----

export interface ActionInput {
  action: DirectAction;
  comment?: string;
  version: number;
  /** resubmit only: corrected facts and bank details (the claim is decided again). */
  facts?: Record<string, FactInput>;
  bankName?: string;
  bankAccount?: string;
}

export async function actOnClaim(database: Database, actor: Actor, id: string, input: ActionInput) {
  const cat = await catalog();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const claim = await repo.getClaim(trx, id);
    if (!claim) throw errors.notFound(`补贴申请（ID ${id}）`);
    const comment = input.comment ?? '';
    const rule = findRule(cat, claim.rule_id);
    let set: Record<string, unknown> = {};
    let ledger: repo.LedgerInsert[] = [];
    if (input.action === 'resubmit' && rule) {
      // Check the step first so that a wrong role or status is reported before the facts are.
      const step = takeStep(actor.role, claim.status, 'resubmit', comment);
      if (step.ok) {
        const record = claimRecord(claim);
        if (rule.limit) await repo.lockLimitGroup(trx, rule.limit.group, claim.subject_key);
        const { decision, facts } = await decide(
          trx,
          cat,
          {
            rule,
            subject: { kind: rule.subject, name: claim.beneficiary_name, ...(claim.person_id ? { id: claim.person_id } : {}) },
            subjectKey: claim.subject_key,
            ...(claim.person_id ? { personId: claim.person_id } : {}),
            region: claim.region_code,
            date: claim.case_date,
            facts: input.facts ?? (claim.facts as Record<string, FactInput>),
            exceptClaimId: claim.id,
          },
          record,
        );
        ({ set, ledger } = decidedAgain(claim, actor, rule, { decision, facts }, payableAmount(decision, record), input));
      }
    }
    const moved = await transition(trx, actor, claim, input.action, comment, input.version, set);
    if (moved.status === 'refused' || moved.status === 'withdrawn') {
      // A claim refused after publicity was owed: take back the approved amount as well.
      if (claim.status === 'approved' || claim.status === 'failed') {
        ledger.push(ledgerRow(claim, actor, 'reversed', claim.amount_fen, { reverses: 'approved' }));
      }
      ledger.push(ledgerRow(claim, actor, 'reversed', claim.amount_fen, { reverses: 'decided' }));
    }
    await repo.appendLedger(trx, ledger);
    return presentClaim(actor, moved, { ruleTitle: rule?.title ?? moved.rule_id });
  });
}

/**
 * What a resubmitted claim becomes once decided again: its facts, decision, parameter version,
 * amount and any corrected bank details, and in the ledger the decided amount taken back and
 * decided anew when it changed.
 */
export function decidedAgain(
  claim: repo.ClaimRow,
  actor: Actor,
  rule: Rule,
  d: { decision: Decision; facts: Record<string, unknown> },
  amountFen: number,
  bank: { bankName?: string | undefined; bankAccount?: string | undefined },
): { set: Record<string, unknown>; ledger: repo.LedgerInsert[] } {
  const ledger: repo.LedgerInsert[] = [];
  if (amountFen !== Number(claim.amount_fen)) {
    ledger.push(ledgerRow(claim, actor, 'reversed', claim.amount_fen, { reverses: 'decided' }));
    ledger.push({ ...ledgerRow(claim, actor, 'decided', amountFen), article: amountArticle(rule, d.decision) });
  }
  return {
    set: {
      facts: JSON.stringify(d.facts),
      decision: JSON.stringify({ ...d.decision, amountArticle: amountArticle(rule, d.decision) }),
      parameter_version: d.decision.parameterVersion,
      amount_fen: String(amountFen),
      ...(bank.bankName ? { bank_name: bank.bankName.trim() } : {}),
      ...(bank.bankAccount ? { bank_account: bank.bankAccount.replace(/\s/g, '') } : {}),
    },
    ledger,
  };
}

// ---- bank details ----

const BANK_EDITABLE: ReadonlySet<ClaimStatus> = new Set([
  'submitted',
  'returned',
  'reviewed',
  'publicized',
  'approved',
  'failed',
]);

/**
 * Corrects the bank details of a claim not at the bank (typically after a failed payment, before
 * the next batch). County office only; the event and the audit entry keep the old account masked.
 */
export async function correctBankAccount(
  database: Database,
  actor: Actor,
  id: string,
  input: { bankName: string; bankAccount: string; version: number; comment?: string },
) {
  if (actor.role !== 'county') throw errors.forbidden('更正银行账户（只能由县级就业部门办理）');
  const account = input.bankAccount.replace(/\s/g, '');
  const cat = await catalog();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const claim = await repo.getClaim(trx, id);
    if (!claim) throw errors.notFound(`补贴申请（ID ${id}）`);
    const record = claimRecord(claim);
    const problems: FieldProblem[] = [];
    if (input.bankName.trim() === '') problems.push({ field: 'bankName', label: '开户行', message: '不能为空' });
    if (!/^\d{10,30}$/.test(account))
      problems.push({ field: 'bankAccount', label: '银行账号', message: '应为10至30位数字', value: input.bankAccount });
    if (problems.length > 0) throw invalid(record, problems);
    if (input.version !== claim.version) throw versionConflict(record, claim.version);
    if (!BANK_EDITABLE.has(claim.status)) {
      throw new AppError(
        'CLAIM_STEP_NOT_ALLOWED',
        `${record}：申请处于「${CLAIM_STATUS_NAMES[claim.status]}」，不能更正银行账户`,
        409,
        { record },
      );
    }
    const moved = await repo.moveClaim(
      trx,
      claim.id,
      { version: claim.version, status: claim.status },
      { bank_name: input.bankName.trim(), bank_account: account },
    );
    if (!moved) throw versionConflict(record, claim.version + 1);
    const before = `${claim.bank_name ?? ''} ${maskAccount(claim.bank_account ?? '')}`;
    const after = `${moved.bank_name ?? ''} ${maskAccount(account)}`;
    await repo.insertEvent(trx, {
      claimId: claim.id,
      region: claim.region_code,
      action: 'correct_bank',
      from: claim.status,
      to: claim.status,
      comment: `${before} → ${after}${input.comment ? `：${input.comment.trim()}` : ''}`,
      actorId: actor.userId,
      actorName: auditActor(actor).actorName,
    });
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'claim.correct_bank',
      entity: 'claim',
      entityId: claim.id,
      regionCode: claim.region_code,
      before: { bank: before, version: claim.version },
      after: { bank: after, version: moved.version },
    });
    return presentClaim(actor, moved, { ruleTitle: findRule(cat, moved.rule_id)?.title ?? moved.rule_id });
  });
}

// ---- reading ----

export interface ListFilter {
  region?: string;
  status?: ClaimStatus[];
  rule?: string;
  fund?: string;
  q?: string;
}

export async function listClaims(database: Database, actor: Actor, f: ListFilter, page: number, pageSize: number) {
  const region = regionWithin(actor, f.region);
  const cat = await catalog();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const { total, items } = await repo.listClaims(trx, { ...f, region }, page, pageSize);
    const names = await repo.regionNames(
      trx,
      items.map((c) => c.region_code),
    );
    const persons = new Map(
      (
        await repo.personIdentities(
          trx,
          items.flatMap((c) => (c.person_id ? [c.person_id] : [])),
        )
      ).map((p) => [p.id, p]),
    );
    return {
      total,
      page,
      pageSize,
      items: items.map((c) =>
        presentClaim(actor, c, {
          ruleTitle: findRule(cat, c.rule_id)?.title ?? c.rule_id,
          regionName: names.get(c.region_code) ?? '',
          idNumber: c.person_id ? (persons.get(c.person_id)?.id_number ?? null) : null,
        }),
      ),
    };
  });
}

/**
 * For a unit's claim about one laborer: the laborer's employment at that unit as the register
 * holds it, beside what the claim states (months in post, insurance). Null for other claims.
 */
async function registerCheckOf(trx: Scoped, c: repo.ClaimRow, laborerVisible: boolean): Promise<RegisterCheck | null> {
  if (c.subject_kind === 'person' || c.person_id === null || c.unit_code === null) return null;
  const { employer, spells } = await repo.employmentAtUnit(trx, c.person_id, c.unit_code);
  const facts = c.facts as Record<string, unknown>;
  return registerCheck({
    unitCode: c.unit_code,
    employerRegistered: employer !== undefined,
    laborerVisible,
    spells: spells.map((s) => ({ startDate: s.start_date, endDate: s.end_date, channel: s.channel, insured: s.insured })),
    caseDate: c.case_date,
    stated: {
      monthsInPost: typeof facts.monthsInPost === 'number' ? facts.monthsInPost : undefined,
      insured: typeof facts.insured === 'boolean' ? facts.insured : undefined,
    },
  });
}

export async function getClaimDetail(database: Database, actor: Actor, id: string) {
  const cat = await catalog();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const c = await repo.getClaim(trx, id);
    if (!c) throw errors.notFound(`补贴申请（ID ${id}）`);
    const person = c.person_id ? await repo.personIdentity(trx, c.person_id) : undefined;
    const names = await repo.regionNames(trx, [c.region_code]);
    const events = await repo.eventsOf(trx, id);
    const evidence = await repo.evidenceOf(trx, id);
    // The office's history keeps lines removed from a batch or voided with it.
    const payments = await repo.paymentsOfClaim(trx, id, true);
    const reversals = await repo.reversalsOfClaim(trx, id);
    return {
      registerCheck: await registerCheckOf(trx, c, person !== undefined),
      claim: presentClaim(actor, c, {
        ruleTitle: findRule(cat, c.rule_id)?.title ?? c.rule_id,
        regionName: names.get(c.region_code) ?? '',
        idNumber: person?.id_number ?? null,
      }),
      facts: c.facts,
      decision: c.decision,
      events: events.map((e) => ({
        id: e.id,
        action: e.action,
        actionName:
          e.action === 'correct_bank' ? '更正银行账户' : (CLAIM_ACTION_NAMES[e.action as ClaimAction | 'submit'] ?? e.action),
        from: e.from_status,
        to: e.to_status,
        comment: e.comment,
        actorName: e.actor_name,
        at: new Date(e.at).toISOString(),
      })),
      evidence: evidence.map((e) => presentEvidence(id, e)),
      payments: payments.map((p) => ({
        detailNo: p.detail_no,
        batchId: p.batch_id,
        status: p.status,
        statusName: PAYMENT_STATUS_NAMES[p.status],
        amountFen: Number(p.amount_fen),
        failureReason: p.failure_reason,
        bankRef: p.bank_ref,
        removalReason: p.removal_reason,
      })),
      reversals: reversals.map((r) => ({
        id: r.id,
        paymentId: r.payment_id,
        cause: r.cause,
        causeName: REVERSAL_CAUSE_NAMES[r.cause],
        amountFen: Number(r.amount_fen),
        reason: r.reason,
        date: r.occurred_on,
        reference: r.reference,
        actorName: r.actor_name,
        at: new Date(r.at).toISOString(),
      })),
    };
  });
}

// ---- evidence ----

export const EVIDENCE_KINDS = Object.keys(EVIDENCE_KIND_NAMES) as EvidenceKind[];
const EVIDENCE_OPEN: ReadonlySet<ClaimStatus> = new Set(['submitted', 'returned', 'reviewed']);

export function evidenceDir(dataDir: string): string {
  const dir = join(dataDir, 'claims', 'evidence');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Keeps an uploaded file under dataDir/claims/evidence/<sha256> and records it on the claim. */
export async function addEvidence(
  database: Database,
  dataDir: string,
  actor: Actor,
  claimId: string,
  upload: { kind: string; fileName: string; contentType: string; stream: Readable },
) {
  if (!mayAddEvidence(actor.role)) {
    upload.stream.resume();
    throw errors.forbidden('上传申请材料（当前角色只能查看）');
  }
  const dir = evidenceDir(dataDir);
  const tmp = join(dir, `.upload-${randomBytes(8).toString('hex')}`);
  const hash = createHash('sha256');
  let size = 0;
  upload.stream.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    size += chunk.length;
  });
  await pipeline(upload.stream, createWriteStream(tmp));
  if ((upload.stream as Readable & { truncated?: boolean }).truncated) {
    await rm(tmp, { force: true });
    throw new AppError('FILE_TOO_LARGE', '文件过大', 413);
  }
  const sha256 = hash.digest('hex');
  try {
    return await inScope(database.kysely, actor.scope, async (trx) => {
      const claim = await repo.getClaim(trx, claimId);
      // An employer adds files to its own claims only (row-level security hides the rest too).
      if (!claim || (actor.role === 'employer' && claim.employer_id !== actor.employerId)) {
        throw errors.notFound(`补贴申请（ID ${claimId}）`);
      }
      const record = claimRecord(claim);
      if (!EVIDENCE_KINDS.includes(upload.kind as EvidenceKind)) {
        throw invalid(record, [
          { field: 'kind', label: '材料类型', message: `应为以下之一：${EVIDENCE_KINDS.join('、')}`, value: upload.kind },
        ]);
      }
      if (size === 0) throw invalid(record, [{ field: 'file', label: '文件', message: '是空文件', value: upload.fileName }]);
      if (!EVIDENCE_OPEN.has(claim.status)) {
        throw new AppError(
          'CLAIM_STEP_NOT_ALLOWED',
          `${record}：已${claim.status === 'refused' ? '不予通过' : '进入公示或拨付'}，不能再补充材料`,
          409,
        );
      }
      const row = await repo.insertEvidence(trx, {
        claim_id: claim.id,
        region_code: claim.region_code,
        kind: upload.kind as EvidenceKind,
        file_name: upload.fileName.slice(0, 200),
        content_type: upload.contentType || 'application/octet-stream',
        size_bytes: size,
        sha256,
        uploaded_by: actor.userId,
      });
      await rename(tmp, join(dir, sha256));
      await appendAudit(trx, {
        ...auditActor(actor),
        action: 'claim.evidence',
        entity: 'claim',
        entityId: claim.id,
        regionCode: claim.region_code,
        after: { kind: row.kind, fileName: row.file_name, sha256, size },
      });
      return presentEvidence(claim.id, row);
    });
  } finally {
    await rm(tmp, { force: true });
  }
}

export async function openEvidence(database: Database, dataDir: string, actor: Actor, claimId: string, id: string) {
  const row = await inScope(database.kysely, actor.scope, (trx) => repo.getEvidence(trx, claimId, id));
  if (!row) throw errors.notFound(`申请材料（ID ${id}）`);
  const path = join(evidenceDir(dataDir), row.sha256);
  const st = await stat(path).catch(() => undefined);
  if (!st) throw new AppError('EVIDENCE_FILE_MISSING', `申请材料「${row.file_name}」的文件已不在服务器上，请重新上传`, 410);
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  if (hash.digest('hex') !== row.sha256) {
    throw new AppError('EVIDENCE_FILE_CHANGED', `申请材料「${row.file_name}」的文件与上传时的校验值不符，可能被改动`, 409);
  }
  return { row, stream: createReadStream(path) };
}
