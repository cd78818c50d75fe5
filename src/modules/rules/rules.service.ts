// Use cases of the rules engine: the catalogue, regional settings (dated, audited, inside
// the actor's scope), evaluation of cases (facts from the register when a case names a
// person) and 政策找人 over the register. The engine itself is pure (src/domain/rules).
import { type Database, inScope, type Scoped } from '../../db/connection.ts';
import type { DesignationIndex } from '../../domain/region/designation.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { isIsoDate } from '../../domain/rules/facts.ts';
import {
  type Case,
  CaseInputError,
  type Catalog,
  type Decision,
  evaluateCase,
  type FactInput,
  type Parameter,
  type PriorClaim,
  type RegionalSetting,
  type Rule,
  refuseSetting,
} from '../../domain/rules/index.ts';
import { mergeFacts, personFacts, type RegisterPerson } from '../../domain/rules/person-facts.ts';
import { isRegionFact } from '../../domain/rules/region-facts.ts';
import { AppError, errors, type FieldProblem } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { type Actor, auditActor } from '../auth/actor.ts';
import { designationIndex } from '../regions/designations.service.ts';
import { catalog } from './catalog.ts';
import { refuseSetter } from './rules.policy.ts';
import { presentCatalog, presentRule, presentSetting } from './rules.presenter.ts';
import * as repo from './rules.repository.ts';
import * as settingsRepo from './settings.repository.ts';

/** A region filter must overlap the actor's scope; none means the scope. */
export function regionIn(actor: Actor, region: string | undefined): string {
  if (!region) return actor.scope;
  if (!region.startsWith(actor.scope) && !actor.scope.startsWith(region)) throw errors.outOfScope(region);
  return region.length < actor.scope.length ? actor.scope : region;
}

export function requireRule(cat: Catalog, id: string): Rule {
  const rule = cat.rules.find((r) => r.id === id);
  if (!rule) throw errors.notFound(`规则 ${id}`);
  return rule;
}

// ---- catalogue ----

export async function listCatalog() {
  return presentCatalog(await catalog());
}

export async function getRule(id: string) {
  const cat = await catalog();
  return presentRule(requireRule(cat, id), cat);
}

// ---- regional settings ----

const NUMERIC = /^\d{1,15}$/;

/** The stored text of a setting as the engine's value (a number for numeric units). */
export function settingValue(param: Parameter | undefined, text: string): number | string {
  return param === undefined || param.unit === 'choice' ? text : Number(text);
}

export function toRegionalSetting(cat: Catalog, row: settingsRepo.SettingRow): RegionalSetting {
  const param = cat.rules.find((r) => r.id === row.rule_id)?.parameters[row.parameter];
  return {
    id: `setting:${row.id}`,
    rule: row.rule_id,
    parameter: row.parameter,
    region: row.region_code,
    from: row.valid_from,
    to: row.valid_to,
    value: settingValue(param, row.value),
  };
}

/** Checks a value against its parameter's unit; returns the text to store or a problem. */
function checkValue(param: Parameter, raw: string | number): { text: string } | { problem: string } {
  const text = String(raw).trim();
  if (param.unit === 'choice') {
    const choices = Object.keys(param.choices ?? {});
    return choices.includes(text) ? { text } : { problem: `应为以下之一：${choices.join('、')}` };
  }
  if (!NUMERIC.test(text)) {
    return { problem: param.unit.startsWith('fen') ? '应为以分计的非负整数金额' : '应为非负整数' };
  }
  if (param.unit === 'percent' && Number(text) > 100) return { problem: '百分比不能大于 100' };
  if (param.max !== undefined && Number(text) > param.max) return { problem: `不能大于文件规定的上限 ${param.max}` };
  if (param.min !== undefined && Number(text) < param.min) return { problem: `不能小于文件规定的下限 ${param.min}` };
  return { text: String(Number(text)) };
}

/** What the database adds to the documents for an evaluation: regional settings and the designated-county lists. */
export interface RegionalInputs {
  settings: RegionalSetting[];
  designations?: DesignationIndex;
}

/** The regional settings (of the given rules, or all) and the designated-county lists, as the engine takes them. */
export async function regionalInputs(trx: Scoped, cat: Catalog, rules?: readonly string[]): Promise<RegionalInputs> {
  const rows = rules ? await settingsRepo.settingsOfRules(trx, rules) : await settingsRepo.listSettings(trx, {});
  const settings = rows.map((r) => toRegionalSetting(cat, r));
  // The lists are read only when one of the rules reads a fact they give (most claims' rules do not).
  const asked = rules ? cat.rules.filter((r) => rules.includes(r.id)) : cat.rules;
  if (!asked.some((r) => Object.keys(r.formula.facts).some(isRegionFact))) return { settings };
  return { settings, designations: await designationIndex(trx) };
}

export async function listSettings(database: Database, actor: Actor, filter: { rule?: string; region?: string }) {
  const cat = await catalog();
  if (filter.rule) requireRule(cat, filter.rule);
  return inScope(database.kysely, actor.scope, async (trx) => {
    const rows = await settingsRepo.listSettings(trx, filter);
    return { items: rows.map((r) => presentSetting(cat, r)) };
  });
}

export interface NewSetting {
  rule: string;
  parameter: string;
  region: string;
  from: string;
  to?: string | null;
  value: string | number;
  note?: string;
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export async function createSetting(database: Database, actor: Actor, input: NewSetting) {
  const cat = await catalog();
  const record = `规则 ${input.rule} 参数 ${input.parameter}（区划 ${input.region}）的地区标准`;
  const invalid = (problems: FieldProblem[]) =>
    new AppError('VALIDATION_FAILED', `${record}：${problems.map((p) => `${p.label ?? p.field}${p.message}`).join('；')}`, 400, {
      record,
      problems,
    });
  const rule = requireRule(cat, input.rule);
  const param = rule.parameters[input.parameter];
  if (!param)
    throw invalid([{ field: 'parameter', label: '参数', message: `不是规则 ${rule.id} 的参数`, value: input.parameter }]);
  const refusal = refuseSetter(actor, rule, param, input.region);
  if (refusal?.kind === 'invalid')
    throw invalid([{ field: refusal.field, label: refusal.label, message: refusal.message, value: input.region }]);
  if (refusal?.kind === 'role') throw errors.forbidden(refusal.message);
  if (refusal?.kind === 'scope') throw errors.outOfScope(input.region);
  const problems: FieldProblem[] = [];
  const checked = checkValue(param, input.value);
  if ('problem' in checked)
    problems.push({ field: 'value', label: `「${param.label}」的取值`, message: checked.problem, value: String(input.value) });
  if (!isIsoDate(input.from))
    problems.push({ field: 'from', label: '执行日期', message: '应为有效日期（YYYY-MM-DD）', value: input.from });
  const to = input.to ?? null;
  if (to !== null && (!isIsoDate(to) || to < input.from)) {
    problems.push({ field: 'to', label: '截止日期', message: '应为不早于执行日期的有效日期', value: to });
  }
  if (problems.length > 0) throw invalid(problems);
  const text = (checked as { text: string }).text;

  return inScope(database.kysely, actor.scope, async (trx) => {
    if (!(await settingsRepo.regionExists(trx, input.region))) {
      throw invalid([{ field: 'region', label: '地区', message: '不是现行的区划代码', value: input.region }]);
    }
    await settingsRepo.lockSettingKey(trx, rule.id, param.name, input.region);
    const existing = await settingsRepo.settingsOfKey(trx, rule.id, param.name, input.region);
    const reason = refuseSetting(
      existing.map((r) => toRegionalSetting(cat, r)),
      { rule: rule.id, parameter: param.name, region: input.region, from: input.from, value: text },
    );
    if (reason) {
      throw errors.conflict('SETTING_PERIOD_CLOSED', `${record}：${reason}`, {
        record,
        problems: [{ field: 'from', label: '执行日期', message: reason, value: input.from }],
      });
    }
    const previous = existing.at(-1);
    let closed: settingsRepo.SettingRow | undefined;
    if (previous && (previous.valid_to === null || previous.valid_to >= input.from)) {
      await settingsRepo.closeSetting(trx, previous.id, dayBefore(input.from));
      closed = { ...previous, valid_to: dayBefore(input.from) };
    }
    const row = await settingsRepo.insertSetting(trx, {
      rule: rule.id,
      parameter: param.name,
      region: input.region,
      from: input.from,
      to,
      value: text,
      note: input.note ?? '',
      userId: actor.userId,
    });
    await appendAudit(trx, [
      ...(closed && previous
        ? [
            {
              ...auditActor(actor),
              action: 'rule_setting.close',
              entity: 'rule_setting',
              entityId: previous.id,
              regionCode: input.region,
              before: { validTo: previous.valid_to },
              after: { validTo: closed.valid_to, closedBy: row.id },
            },
          ]
        : []),
      {
        ...auditActor(actor),
        action: 'rule_setting.create',
        entity: 'rule_setting',
        entityId: row.id,
        regionCode: input.region,
        after: {
          rule: row.rule_id,
          parameter: row.parameter,
          region: row.region_code,
          from: row.valid_from,
          to: row.valid_to,
          value: row.value,
          note: row.note,
        },
      },
    ]);
    return { setting: presentSetting(cat, row), closed: closed ? presentSetting(cat, closed) : null };
  });
}

// ---- evaluation ----

/** A case as the API and the CLI take it: the engine's Case, with an optional person of the register. */
export interface CaseInput {
  id?: string;
  rule?: string;
  personId?: string;
  subject?: Case['subject'];
  region?: string;
  date: string;
  facts?: Record<string, FactInput>;
  history?: PriorClaim[];
}

export interface CaseResult {
  caseId: string | null;
  decisions: Decision[];
}

function caseRecord(c: CaseInput, index: number, many: boolean): string {
  return c.id ? `案例 ${c.id}` : many ? `第 ${index + 1} 个案例` : '案例';
}

function toValidation(e: CaseInputError, record: string): AppError {
  const problems = e.problems.map((p) => ({
    field: p.field,
    label: p.label,
    message: p.message,
    ...(p.value !== undefined ? { value: p.value } : {}),
  }));
  return new AppError('VALIDATION_FAILED', `${record}：${problems.map((p) => `${p.label}${p.message}`).join('；')}`, 400, {
    record,
    problems,
  });
}

export function registerPerson(p: repo.PersonFactsRow, spells: readonly repo.SpellFactsRow[]): RegisterPerson {
  return {
    sex: p.sex,
    birthDate: p.birth_date,
    workCapacity: p.work_capacity,
    studentStatus: p.student_status,
    disability: p.disability,
    health: p.health,
    migrateWilling: p.migrate_willing,
    householdType: p.household_type,
    relocated: p.relocated,
    spells: spells.map((s) => ({
      startDate: s.start_date,
      endDate: s.end_date,
      channel: s.channel,
      placeCode: s.place_code,
      outOfProvince: s.out_of_province,
      monthlyIncomeFen: Number(s.monthly_income_fen),
      insured: s.insured,
    })),
  };
}

/** A case that names no person, as the engine takes it (the subject defaults to a laborer). */
export function plainCase(input: CaseInput): Case {
  return {
    ...(input.id !== undefined ? { id: input.id } : {}),
    ...(input.rule !== undefined ? { rule: input.rule } : {}),
    subject: input.subject ?? { kind: 'person' },
    region: input.region ?? '',
    date: input.date,
    facts: input.facts ?? {},
    ...(input.history ? { history: input.history } : {}),
  };
}

/** The engine's Case for an input: facts and history from the register when it names a person. */
export async function resolveCase(trx: Scoped, input: CaseInput, record: string): Promise<Case> {
  if (input.personId === undefined) return plainCase(input);
  if (!/^\d{1,18}$/.test(input.personId)) {
    throw errors.invalid(record, [
      { field: 'personId', label: '劳动力', message: '应为台账中的劳动力编号', value: input.personId },
    ]);
  }
  const person = await repo.personForFacts(trx, input.personId);
  if (!person) throw errors.notFound(`${record}的劳动力（ID ${input.personId}）`);
  const spells = await repo.spellsOf(trx, [person.id]);
  const date = isIsoDate(input.date) ? input.date : todayInShanghai();
  const facts = mergeFacts(personFacts(registerPerson(person, spells), date), input.facts ?? {});
  const history =
    input.history ??
    (await repo.liveClaimsOf(trx, person.id)).map((c) => ({
      rule: c.rule_id,
      date: c.case_date,
      amountFen: Number(c.amount_fen),
    }));
  return {
    ...(input.id !== undefined ? { id: input.id } : {}),
    ...(input.rule !== undefined ? { rule: input.rule } : {}),
    subject: { kind: 'person', id: person.id, name: person.name, ...(input.subject ?? {}) },
    region: input.region ?? person.village_code,
    date: input.date,
    facts,
    history,
  };
}

/**
 * Evaluates cases against the catalogue with the regional settings of the database. Cases
 * naming a person read that person through row-level security: outside the scope is 404.
 */
export async function evaluate(database: Database, actor: Actor, body: CaseInput | CaseInput[]) {
  const many = Array.isArray(body);
  const inputs = many ? body : [body];
  const cat = await catalog();
  const results = await inScope(database.kysely, actor.scope, async (trx) => {
    const regional = await regionalInputs(trx, cat);
    const out: CaseResult[] = [];
    for (const [i, input] of inputs.entries()) {
      const record = caseRecord(input, i, many);
      const c = await resolveCase(trx, input, record);
      try {
        out.push({ caseId: input.id ?? null, decisions: evaluateCase(cat, c, regional) });
      } catch (e) {
        if (e instanceof CaseInputError) throw toValidation(e, record);
        throw e;
      }
    }
    return out;
  });
  return many ? results : results[0];
}

/** Evaluates cases with the given regional inputs only (the CLI, and tests): none, or the database's. */
export function evaluateOffline(cat: Catalog, inputs: readonly Case[], regional: Partial<RegionalInputs> = {}): CaseResult[] {
  return inputs.map((c, i) => {
    try {
      return { caseId: c.id ?? null, decisions: evaluateCase(cat, c, regional) };
    } catch (e) {
      if (e instanceof CaseInputError) throw toValidation(e, caseRecord(c, i, inputs.length > 1));
      throw e;
    }
  });
}
