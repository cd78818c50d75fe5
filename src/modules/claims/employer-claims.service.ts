// An employer's own claims (用人单位自行申报): the rules it may apply for, applying for its own
// unit (never another), following its claims, withdrawing, and correcting and resubmitting a
// claim the county returned. Evidence files go through claims.service addEvidence.
//
// How the decision gets the laborer's facts. The account's scope `employer:<id>` sees no
// register row, and must not. Inside the one transaction of the application the service:
//   1. checks, under the employer's own scope, that the ID number and name the employer typed
//      are a person of the register (find_register_person, SECURITY DEFINER, answers only
//      "which person, which village");
//   2. reads that one person's register facts under the scope of that person's village only;
//   3. decides under the scope of the employer's county, exactly as the county office that
//      reviews the claim would: the claims history for frequency limits, the regional
//      settings, the advisory lock of the limit group;
//   4. writes the claim, slot, event, ledger entry and audit entry back under `employer:<id>`,
//      where row-level security lets it write only a claim of its own.
// The register's facts never leave the service: the employer gets back what it typed, the
// laborer's name and masked ID number it typed, and the decision (status, amount, message,
// citations, parameter version, conditions without the values read). A SECURITY DEFINER
// function returning register facts was the alternative; it would hand register data to any
// caller of the application role, so the widening of scope is kept inside this service instead.
import type { Database, Scoped } from '../../db/connection.ts';
import { inScope, underScope } from '../../db/connection.ts';
import type { ClaimStatus } from '../../db/schema-claims.ts';
import {
  decisionForEmployer,
  employerCaseFacts,
  employerStatedFacts,
  namesLaborer,
  refuseEmployerRule,
  statedOnly,
} from '../../domain/claims/employer-claims.ts';
import { CLAIM_ACTION_NAMES, type ClaimAction, takeStep } from '../../domain/claims/steps.ts';
import { parseIdNumber } from '../../domain/idcard/gb11643.ts';
import { maskIdNumber } from '../../domain/mask.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { isIsoDate } from '../../domain/rules/facts.ts';
import {
  type Catalog,
  DECISION_STATUS_NAMES,
  type Decision,
  type FactInput,
  findRule,
  parseArticleRef,
  type Rule,
  SUBJECT_KIND_NAMES,
} from '../../domain/rules/index.ts';
import { AppError, errors, type FieldProblem } from '../../http/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { catalog, resolveCase } from '../rules/index.ts';
import { maskAccount, PAYMENT_STATUS_NAMES, presentClaim, presentEvidence } from './claims.presenter.ts';
import * as repo from './claims.repository.ts';
import {
  claimRecord,
  decidedAgain,
  fileClaim,
  invalid,
  ledgerRow,
  limitReachedMessage,
  refuseOverLimit,
  transition,
} from './claims.service.ts';
import { decide, payableAmount, windowKey } from './decide.ts';
import * as erepo from './employer-claims.repository.ts';

/** The employer an account acts for; any other role is refused. */
function ownEmployer(actor: Actor): string {
  if (actor.role !== 'employer' || actor.employerId === undefined) {
    throw errors.forbidden('用人单位自行申报（只有用人单位账号可以使用，经办机构请在「补贴申领」中申报）');
  }
  return actor.employerId;
}

const CLAIM_REGION = /^(\d{6}|\d{9}|\d{12})$/;

async function mustFindUnit(trx: Scoped, employerId: string) {
  const unit = await erepo.employerOf(trx, employerId);
  if (!unit) throw errors.notFound(`用人单位（ID ${employerId}）`);
  return unit;
}

function ruleFitsRegion(rule: Rule, region: string): boolean {
  return rule.region === '' || region.startsWith(rule.region);
}

// ---- the rules an employer may apply for ----

export async function employerRules(database: Database, actor: Actor) {
  const employerId = ownEmployer(actor);
  const cat = await catalog();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const unit = await mustFindUnit(trx, employerId);
    const names = await repo.regionNames(trx, [unit.region_code]);
    const kinds = { isWorkshop: unit.is_workshop, isBase: unit.is_base };
    const items = cat.rules
      .filter((r) => refuseEmployerRule(r, kinds) === undefined && ruleFitsRegion(r, unit.region_code))
      .map((r) => presentRuleForEmployer(cat, r));
    return {
      employer: {
        id: unit.id,
        name: unit.name,
        creditCode: unit.credit_code,
        region: unit.region_code,
        regionName: names.get(unit.region_code) ?? '',
        isWorkshop: unit.is_workshop,
        isBase: unit.is_base,
      },
      items,
    };
  });
}

function presentRuleForEmployer(cat: Catalog, r: Rule) {
  const facts = r.formula.facts;
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    subjectKind: r.subject,
    subjectKindName: SUBJECT_KIND_NAMES[r.subject],
    document: { code: r.document.code, number: r.document.number, title: r.document.title },
    articles: r.articles.map((ref) => {
      const c = parseArticleRef(r.document.code, ref);
      const doc = cat.documents.find((d) => d.code === c.document);
      return { ...c, documentNumber: doc?.number ?? '', text: doc?.articles[c.article] ?? '' };
    }),
    from: r.from,
    to: r.to,
    namesLaborer: namesLaborer(r),
    limit: r.limit
      ? { window: r.limit.window, times: r.limit.times, perLaborer: r.limit.per === 'laborer', article: r.limit.article }
      : null,
    facts: employerStatedFacts(r).map((name) => {
      const spec = facts[name];
      return {
        name,
        label: spec?.label ?? name,
        type: spec?.type ?? 'text',
        need: spec?.need ?? 'eligibility',
        ...(spec?.type === 'enum' ? { values: spec.values } : {}),
        ...(spec?.type === 'integer' && spec.min !== undefined ? { min: spec.min } : {}),
        ...(spec?.type === 'integer' && spec.max !== undefined ? { max: spec.max } : {}),
      };
    }),
  };
}

// ---- presenting an employer's claim ----

function presentOwnClaim(actor: Actor, c: repo.ClaimRow, extra: { ruleTitle: string; regionName?: string }) {
  const { personId: _personId, idNumber: _idNumber, ...rest } = presentClaim(actor, c, extra);
  return rest;
}

/**
 * The amount to pay, or payableAmount's refusal with the decision as the employer may see it
 * (the full trace would show values read from the register).
 */
function payableForEmployer(decision: Decision, record: string): number {
  try {
    return payableAmount(decision, record);
  } catch (e) {
    if (!(e instanceof AppError) || e.details?.decision === undefined) throw e;
    throw new AppError(e.code, e.message, e.status, {
      ...e.details,
      decision: { ...decisionForEmployer(decision), statusName: DECISION_STATUS_NAMES[decision.status] },
    });
  }
}

// ---- apply ----

export interface EmployerApplyInput {
  rule: string;
  /** The laborer as on the labor contract (per-laborer rules). */
  laborer?: { idNumber: string; name: string };
  caseDate: string;
  facts?: Record<string, FactInput>;
  bankName: string;
  bankAccount: string;
}

function checkBank(problems: FieldProblem[], bankName: string, bankAccount: string): void {
  if (bankName.trim() === '') problems.push({ field: 'bankName', label: '开户行', message: '不能为空' });
  if (!/^\d{10,30}$/.test(bankAccount.replace(/\s/g, ''))) {
    problems.push({ field: 'bankAccount', label: '银行账号', message: '应为10至30位数字', value: bankAccount });
  }
}

function checkInput(input: EmployerApplyInput, rule: Rule | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!rule) problems.push({ field: 'rule', label: '补贴项目', message: '不存在', value: input.rule });
  if (!isIsoDate(input.caseDate))
    problems.push({ field: 'caseDate', label: '享受日期', message: '应为有效日期（YYYY-MM-DD）', value: input.caseDate });
  else if (input.caseDate > todayInShanghai())
    problems.push({ field: 'caseDate', label: '享受日期', message: '不能晚于今天', value: input.caseDate });
  checkBank(problems, input.bankName, input.bankAccount);
  if (rule && namesLaborer(rule) && !input.laborer) {
    problems.push({
      field: 'laborer',
      label: '劳动力',
      message: `「${rule.title}」按所吸纳的劳动力逐人申报，须填写劳动合同上的身份证号和姓名`,
    });
  }
  if (input.laborer) {
    const id = parseIdNumber(input.laborer.idNumber, todayInShanghai());
    if (!id.ok) problems.push({ field: 'laborer.idNumber', label: '劳动力身份证号', message: id.problem.message });
    if (input.laborer.name.trim() === '') problems.push({ field: 'laborer.name', label: '劳动力姓名', message: '不能为空' });
  }
  return problems;
}

/** The register's facts about one laborer, read under the scope of that laborer's village only. */
async function registerFactsOf(
  trx: Scoped,
  actor: Actor,
  rule: Rule,
  laborer: { personId: string; village: string },
  date: string,
  record: string,
): Promise<Record<string, FactInput>> {
  const c = await underScope(trx, laborer.village, actor.scope, () =>
    resolveCase(trx, { rule: rule.id, personId: laborer.personId, date, facts: {}, history: [] }, record),
  );
  return 'laborerHomeRegion' in rule.formula.facts ? { ...c.facts, laborerHomeRegion: laborer.village } : c.facts;
}

export async function applyAsEmployer(database: Database, actor: Actor, input: EmployerApplyInput) {
  const employerId = ownEmployer(actor);
  const cat = await catalog();
  const rule = findRule(cat, input.rule);
  const record0 = `补贴申请（${rule?.title ?? input.rule}）`;
  const problems = checkInput(input, rule);
  if (problems.length > 0 || !rule) throw invalid(record0, problems);
  const account = input.bankAccount.replace(/\s/g, '');

  return inScope(database.kysely, actor.scope, async (trx) => {
    // The subject is always the account's own employer record: name, credit code and region
    // come from the employers table, never from the request.
    const unit = await mustFindUnit(trx, employerId);
    const record = `${unit.name}的${rule.title}申请`;
    const refusal = refuseEmployerRule(rule, { isWorkshop: unit.is_workshop, isBase: unit.is_base });
    if (refusal) {
      throw new AppError('CLAIM_SUBJECT_NOT_ALLOWED', `${record}：${refusal}`, 403, {
        record,
        problems: [{ field: 'rule', label: '补贴项目', message: refusal, value: rule.id }],
      });
    }
    const region = unit.region_code;
    if (!CLAIM_REGION.test(region)) {
      throw invalid(record, [
        {
          field: 'employer.regionCode',
          label: '单位所在地区',
          message: '须为县（6位）、乡镇（9位）或村（12位）区划代码，请联系登记本单位的经办机构更正',
          value: region,
        },
      ]);
    }

    let laborer: { personId: string; village: string; name: string; idMasked: string } | undefined;
    if (input.laborer) {
      const idNumber = (parseIdNumber(input.laborer.idNumber, todayInShanghai()) as { ok: true; value: { idNumber: string } })
        .value.idNumber;
      const name = input.laborer.name.trim();
      const found = await erepo.findRegisterPerson(trx, idNumber, name);
      if (!found) {
        // Same answer whether the ID number is unknown or belongs to someone of another name.
        const message = '与劳动力姓名在实名制台账中没有相符的记录，请按劳动合同核对身份证号和姓名';
        throw new AppError('LABORER_NOT_MATCHED', `${record}：劳动力身份证号${message}`, 422, {
          record,
          problems: [
            { field: 'laborer.idNumber', label: '劳动力身份证号', message, value: maskIdNumber(idNumber) },
            { field: 'laborer.name', label: '劳动力姓名', message: '与身份证号不相符或不在台账中', value: name },
          ],
        });
      }
      laborer = { personId: found.person_id, village: found.village_code, name, idMasked: maskIdNumber(idNumber) };
    }

    const register = laborer ? await registerFactsOf(trx, actor, rule, laborer, input.caseDate, record) : {};
    const stated = employerCaseFacts(rule, register, input.facts ?? {});
    const subjectKey = laborer && rule.limit?.per === 'laborer' ? `person:${laborer.personId}` : unit.credit_code;
    const limitHolder = laborer && rule.limit?.per === 'laborer' ? `劳动力 ${laborer.name}` : unit.name;
    const window = windowKey(rule, input.caseDate);
    const limitMessage = () => limitReachedMessage(rule, limitHolder, window);

    // Decided under the county's scope, as the county office that reviews it would decide it.
    const { decision, facts } = await underScope(trx, region.slice(0, 6), actor.scope, async () => {
      if (rule.limit) await repo.lockLimitGroup(trx, rule.limit.group, subjectKey);
      const d = await decide(
        trx,
        cat,
        {
          rule,
          subject: { kind: rule.subject, name: unit.name, ...(laborer ? { id: laborer.personId } : {}) },
          subjectKey,
          region,
          date: input.caseDate,
          facts: stated,
        },
        record,
      );
      // The county's claims show which ones hold the limit.
      await refuseOverLimit(trx, cat, rule, d.decision, { subjectKey, window, record, message: limitMessage });
      return d;
    });
    const amountFen = payableForEmployer(decision, record);

    // Written under `employer:<id>`: row-level security admits only a claim of this employer.
    const claim = await fileClaim(trx, actor, {
      rule,
      decision,
      facts,
      amountFen,
      region,
      subjectKey,
      personId: laborer?.personId ?? null,
      unitCode: unit.credit_code,
      beneficiaryName: unit.name,
      bankName: input.bankName,
      bankAccount: account,
      caseDate: input.caseDate,
      window,
      record,
      limitMessage,
      filedBy: {
        applicant: 'employer',
        employer_id: employerId,
        laborer_name: laborer?.name ?? null,
        laborer_id_masked: laborer?.idMasked ?? null,
      },
    });
    return {
      claim: presentOwnClaim(actor, claim, { ruleTitle: rule.title }),
      facts: statedOnly(rule, facts),
      decision: decisionForEmployer(decision),
    };
  });
}

// ---- withdraw, resubmit ----

export interface EmployerActionInput {
  action: 'resubmit' | 'withdraw';
  comment?: string;
  version: number;
  /** resubmit only: the corrected facts the employer states (the register's are read again). */
  facts?: Record<string, FactInput>;
  bankName?: string;
  bankAccount?: string;
}

/** One of the account's own claims, read under its own scope (RLS hides the others too). */
async function ownClaim(trx: Scoped, employerId: string, id: string): Promise<repo.ClaimRow> {
  const claim = await repo.getClaim(trx, id);
  if (!claim || claim.employer_id !== employerId) throw errors.notFound(`补贴申请（ID ${id}）`);
  return claim;
}

export async function actAsEmployer(database: Database, actor: Actor, id: string, input: EmployerActionInput) {
  const employerId = ownEmployer(actor);
  const cat = await catalog();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const claim = await ownClaim(trx, employerId, id);
    const record = claimRecord(claim);
    const rule = findRule(cat, claim.rule_id);
    const comment = input.comment ?? '';
    let set: Record<string, unknown> = {};
    let ledger: repo.LedgerInsert[] = [];
    if (input.action === 'resubmit' && rule && takeStep(actor.role, claim.status, 'resubmit', comment).ok) {
      const problems: FieldProblem[] = [];
      if (input.bankName !== undefined || input.bankAccount !== undefined) {
        checkBank(problems, input.bankName ?? claim.bank_name ?? '', input.bankAccount ?? claim.bank_account ?? '');
      }
      if (problems.length > 0) throw invalid(record, problems);
      let register: Record<string, FactInput> = {};
      if (claim.person_id) {
        const village = await erepo.ownClaimLaborerVillage(trx, claim.id);
        if (!village) throw errors.notFound(`${record}所涉劳动力`);
        register = await registerFactsOf(trx, actor, rule, { personId: claim.person_id, village }, claim.case_date, record);
      }
      const stated = employerCaseFacts(rule, register, input.facts ?? statedOnly(rule, claim.facts));
      const { decision, facts } = await underScope(trx, claim.region_code.slice(0, 6), actor.scope, async () => {
        if (rule.limit) await repo.lockLimitGroup(trx, rule.limit.group, claim.subject_key);
        return decide(
          trx,
          cat,
          {
            rule,
            subject: { kind: rule.subject, name: claim.beneficiary_name, ...(claim.person_id ? { id: claim.person_id } : {}) },
            subjectKey: claim.subject_key,
            region: claim.region_code,
            date: claim.case_date,
            facts: stated,
            exceptClaimId: claim.id,
          },
          record,
        );
      });
      ({ set, ledger } = decidedAgain(claim, actor, rule, { decision, facts }, payableForEmployer(decision, record), input));
    }
    const moved = await transition(trx, actor, claim, input.action, comment, input.version, set);
    if (moved.status === 'withdrawn') {
      ledger.push(ledgerRow(claim, actor, 'reversed', claim.amount_fen, { reverses: 'decided' }));
    }
    await repo.appendLedger(trx, ledger);
    return presentOwnClaim(actor, moved, { ruleTitle: rule?.title ?? moved.rule_id });
  });
}

// ---- reading ----

export async function listOwnClaims(
  database: Database,
  actor: Actor,
  f: { status?: ClaimStatus[] },
  page: number,
  pageSize: number,
) {
  const employerId = ownEmployer(actor);
  const cat = await catalog();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const { total, items } = await erepo.listOwnClaims(trx, employerId, f, page, pageSize);
    const names = await repo.regionNames(
      trx,
      items.map((c) => c.region_code),
    );
    return {
      total,
      page,
      pageSize,
      items: items.map((c) =>
        presentOwnClaim(actor, c, {
          ruleTitle: findRule(cat, c.rule_id)?.title ?? c.rule_id,
          regionName: names.get(c.region_code) ?? '',
        }),
      ),
    };
  });
}

export async function getOwnClaim(database: Database, actor: Actor, id: string) {
  const employerId = ownEmployer(actor);
  const cat = await catalog();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const c = await ownClaim(trx, employerId, id);
    const rule = findRule(cat, c.rule_id);
    const names = await repo.regionNames(trx, [c.region_code]);
    const events = await repo.eventsOf(trx, id);
    const evidence = await repo.evidenceOf(trx, id);
    const payments = await repo.paymentsOfClaim(trx, id);
    const decision = c.decision as unknown as Parameters<typeof decisionForEmployer>[0] & { amountArticle?: string };
    return {
      claim: presentOwnClaim(actor, c, { ruleTitle: rule?.title ?? c.rule_id, regionName: names.get(c.region_code) ?? '' }),
      facts: statedOnly(rule, c.facts),
      factLabels: Object.fromEntries(Object.entries(rule?.formula.facts ?? {}).map(([k, spec]) => [k, spec.label])) as Record<
        string,
        string
      >,
      decision: {
        ...decisionForEmployer({ ...decision, trace: decision.trace ?? [] }),
        amountArticle: decision.amountArticle ?? '',
      },
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
      evidence: evidence.map((e) => ({ ...presentEvidence(id, e), url: `/api/employer/claims/${id}/evidence/${e.id}` })),
      payments: payments.map((p) => ({
        detailNo: p.detail_no,
        status: p.status,
        statusName: PAYMENT_STATUS_NAMES[p.status],
        amountFen: Number(p.amount_fen),
        bankName: p.bank_name,
        bankAccount: maskAccount(p.bank_account),
        failureReason: p.failure_reason,
        settledAt: p.settled_at === null ? null : new Date(p.settled_at).toISOString(),
      })),
    };
  });
}
