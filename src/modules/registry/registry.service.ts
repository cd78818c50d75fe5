// The register's use cases: read, correct and extend laborer records within the actor's
// region, with the same validation as the import and an audit entry for every change.

import { type Database, inScope, type Scoped } from '../../db/connection.ts';
import type { HouseholdRow, PersonRow } from '../../db/schema.ts';
import { isInside } from '../../domain/region/region-code.ts';
import {
  ageOn,
  employmentStatus,
  isZeroEmploymentHousehold,
  type MemberLike,
  todayInShanghai,
} from '../../domain/registry/derive.ts';
import { FIELD_LABELS, type PersonField, type RawPerson, validatePerson } from '../../domain/registry/person-input.ts';
import { type RawSpell, SPELL_FIELD_LABELS, type SpellInput, validateSpell } from '../../domain/registry/spell-input.ts';
import type { EmploymentChannel, WorkCapacity } from '../../domain/registry/vocabulary.ts';
import { isIsoDate } from '../../domain/rules/facts.ts';
import { wholeMonths } from '../../domain/rules/person-facts.ts';
import { AppError, errors, type FieldProblem } from '../../http/errors.ts';
import { appendAudit, auditFor } from '../audit/audit.repository.ts';
import { type Actor, auditActor, canWriteRegister } from '../auth/actor.ts';
import {
  idOnScreen,
  type ListRow,
  maskAuditValues,
  presentHousehold,
  presentListItem,
  presentPerson,
  presentSpell,
} from './laborer.presenter.ts';
import type { LaborerFilters } from './laborer-filters.ts';
import {
  auditDiff,
  changedKeys,
  householdColumns,
  personColumns,
  personToRaw,
  pick,
  spellColumns,
  spellToRaw,
} from './person-mapping.ts';
import * as repo from './registry.repository.ts';
import { workbenchCounts } from './workbench.repository.ts';

function requireWriter(actor: Actor) {
  if (!canWriteRegister(actor)) throw errors.forbidden('您的角色只能查看台账，不能修改');
}

/** A region filter must lie inside the actor's scope; none means the whole scope. */
export function resolveRegion(actor: Actor, region: string | undefined): string {
  if (!region) return actor.scope;
  if (!isInside(region, actor.scope) && !isInside(actor.scope, region)) throw errors.outOfScope(region);
  // Asking for a wider region than the scope shows the scope (RLS would hide the rest anyway).
  return region.length < actor.scope.length ? actor.scope : region;
}

export async function listLaborers(database: Database, actor: Actor, filters: LaborerFilters, page: number, pageSize: number) {
  const today = todayInShanghai();
  const region = resolveRegion(actor, filters.region);
  return inScope(database.kysely, actor.scope, async (trx) => {
    const { total, items } = await repo.listLaborers(trx, { ...filters, region }, today, page, pageSize);
    return { total, page, pageSize, items: items.map((r) => presentListItem(actor, r as ListRow, today)) };
  });
}

async function villagePath(trx: Scoped, code: string): Promise<string> {
  const names: string[] = [];
  for (const len of [2, 4, 6, 9, 12]) {
    if (code.length < len) break;
    const r = await repo.villageName(trx, code.slice(0, len));
    names.push(r?.name ?? code.slice(0, len));
  }
  return names.join('/');
}

async function loadDetail(trx: Scoped, actor: Actor, personId: string) {
  const today = todayInShanghai();
  const person = await repo.getPerson(trx, personId);
  if (!person) throw errors.notFound(`劳动力（ID ${personId}）`);
  const household = await repo.getHousehold(trx, person.household_id);
  if (!household) throw errors.notFound(`户（ID ${person.household_id}）`);
  const members = await repo.householdMembers(trx, household.id);
  const spells = await repo.spellsOf(
    trx,
    members.map((m) => m.id).concat(members.some((m) => m.id === person.id) ? [] : [person.id]),
  );
  const spellsByPerson = new Map<string, typeof spells>();
  for (const s of spells) spellsByPerson.set(s.person_id, [...(spellsByPerson.get(s.person_id) ?? []), s]);
  const statusOf = (id: string) =>
    employmentStatus(
      (spellsByPerson.get(id) ?? []).map((s) => ({
        startDate: s.start_date,
        endDate: s.end_date,
        channel: s.channel as EmploymentChannel,
      })),
      today,
    );
  const memberLikes: MemberLike[] = members.map((m) => ({
    sex: m.sex,
    birthDate: m.birth_date,
    workCapacity: m.work_capacity as WorkCapacity,
    studentStatus: m.student_status,
    employed: statusOf(m.id) === '已就业',
  }));
  return {
    person: presentPerson(actor, person, spellsByPerson.get(person.id) ?? [], await villagePath(trx, person.village_code), today),
    household: {
      ...presentHousehold(household),
      zeroEmployment: isZeroEmploymentHousehold(memberLikes, today),
      members: members.map((m) => ({
        id: m.id,
        name: m.name,
        relationship: m.relationship,
        sex: m.sex,
        age: ageOn(m.birth_date, today),
        workCapacity: m.work_capacity,
        status: statusOf(m.id),
      })),
    },
    spells: (spellsByPerson.get(person.id) ?? []).map(presentSpell),
  };
}

export async function getLaborer(database: Database, actor: Actor, personId: string) {
  return inScope(database.kysely, actor.scope, (trx) => loadDetail(trx, actor, personId));
}

function toFieldProblems(problems: { field: string; label: string; value: string; reason: string }[]): FieldProblem[] {
  return problems.map((p) => ({ field: p.field, label: p.label, message: p.reason, value: p.value }));
}

function invalid(record: string, problems: { field: string; label: string; value: string; reason: string }[]) {
  return new AppError('VALIDATION_FAILED', `${record}：${problems.map((p) => `${p.label}${p.reason}`).join('；')}`, 400, {
    record,
    problems: toFieldProblems(problems),
  });
}

/** Checks the village exists now and lies inside the actor's scope. */
async function checkVillage(trx: Scoped, actor: Actor, code: string, record: string) {
  const village = await repo.villageName(trx, code);
  if (village?.level !== 5) {
    throw invalid(record, [
      { field: 'villageCode', label: FIELD_LABELS.villageCode, value: code, reason: '不是现行的村级区划代码' },
    ]);
  }
  if (!isInside(code, actor.scope)) {
    throw invalid(record, [
      { field: 'villageCode', label: FIELD_LABELS.villageCode, value: code, reason: `不在您的管辖范围（${actor.scope}）内` },
    ]);
  }
}

async function checkIdNumberFree(trx: Scoped, idNumber: string, exceptPersonId: string | null, record: string) {
  const found = await repo.locateIdNumber(trx, idNumber);
  if (found && found.person_id !== exceptPersonId) {
    const place = await villagePath(trx, found.village_code);
    throw new AppError(
      'PERSON_DUPLICATE_ID',
      `${record}：身份证号已登记在 ${place}（${found.village_code}），同一人不能重复登记`,
      409,
      {
        record,
        problems: [
          {
            field: 'idNumber',
            label: FIELD_LABELS.idNumber,
            message: `已登记在 ${place}（${found.village_code}）`,
            value: idNumber,
          },
        ],
        existingVillageCode: found.village_code,
      },
    );
  }
}

/** Finds or creates the household the validated input names, updating its own fields. */
async function resolveHousehold(
  trx: Scoped,
  actor: Actor,
  v: ReturnType<typeof householdColumns>,
  record: string,
): Promise<HouseholdRow> {
  const existing = await repo.findHouseholdByNumber(trx, v.number);
  if (!existing) {
    if (await repo.householdNumberTakenAnywhere(trx, v.number)) {
      throw invalid(record, [
        { field: 'householdNumber', label: FIELD_LABELS.householdNumber, value: v.number, reason: '已被其他地区的户使用' },
      ]);
    }
    const created = await repo.insertHousehold(trx, v);
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'household.create',
      entity: 'household',
      entityId: created.id,
      regionCode: created.village_code,
      after: created,
    });
    return created;
  }
  if (existing.village_code !== v.village_code) {
    throw invalid(record, [
      {
        field: 'villageCode',
        label: FIELD_LABELS.villageCode,
        value: v.village_code,
        reason: `与户 ${v.number} 的村代码 ${existing.village_code} 不一致`,
      },
    ]);
  }
  const keys = changedKeys(existing, v);
  if (keys.length === 0) return existing;
  const updated = await repo.updateHousehold(trx, existing.id, pick(v, keys));
  await appendAudit(trx, {
    ...auditActor(actor),
    action: 'household.update',
    entity: 'household',
    entityId: existing.id,
    regionCode: existing.village_code,
    ...auditDiff(existing, updated, keys),
  });
  return updated;
}

export async function createLaborer(database: Database, actor: Actor, fields: RawPerson) {
  requireWriter(actor);
  const today = todayInShanghai();
  const record = `新增劳动力 ${fields.name ?? ''}`.trim();
  const result = validatePerson(fields, today);
  if (!result.ok) throw invalid(record, result.problems);
  const v = result.value;
  return inScope(database.kysely, actor.scope, async (trx) => {
    await checkVillage(trx, actor, v.villageCode, record);
    await checkIdNumberFree(trx, v.idNumber, null, record);
    const household = await resolveHousehold(trx, actor, householdColumns(v), record);
    const person = await repo.insertPerson(trx, { ...personColumns(v), household_id: household.id, merged_into: null });
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'person.create',
      entity: 'person',
      entityId: person.id,
      regionCode: person.village_code,
      after: person,
    });
    return loadDetail(trx, actor, person.id);
  });
}

export async function updateLaborer(database: Database, actor: Actor, personId: string, version: number, fields: RawPerson) {
  requireWriter(actor);
  const today = todayInShanghai();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const person = await repo.getPerson(trx, personId);
    if (!person) throw errors.notFound(`劳动力（ID ${personId}）`);
    const household = await repo.getHousehold(trx, person.household_id);
    if (!household) throw errors.notFound(`户（ID ${person.household_id}）`);
    const record = `劳动力 ${person.name}（${idOnScreen(person.id_number)}）`;
    if (person.version !== version) {
      throw errors.conflict('PERSON_VERSION_CONFLICT', `${record}已被他人修改（当前版本 ${person.version}），请刷新后重试`);
    }
    // Masked numbers sent back as they were shown mean "unchanged": keep the stored ones.
    const raw: RawPerson = { ...personToRaw(person, household), ...fields };
    if (raw.idNumber?.includes('*')) raw.idNumber = person.id_number;
    if (!actor.canViewFullId && raw.phone?.includes('*')) raw.phone = person.phone ?? '';
    const result = validatePerson(raw, today);
    if (!result.ok) throw invalid(record, result.problems);
    const v = result.value;
    if (v.villageCode !== person.village_code) await checkVillage(trx, actor, v.villageCode, record);
    if (v.idNumber !== person.id_number) await checkIdNumberFree(trx, v.idNumber, person.id, record);
    const hh = await resolveHousehold(trx, actor, householdColumns(v), record);
    const next = { ...personColumns(v), household_id: hh.id };
    const keys = changedKeys(person, next);
    if (keys.length > 0) {
      const updated = await repo.updatePersonAtVersion(trx, person.id, version, pick(next, keys));
      if (!updated) throw errors.conflict('PERSON_VERSION_CONFLICT', `${record}已被他人修改，请刷新后重试`);
      await appendAudit(trx, {
        ...auditActor(actor),
        action: 'person.update',
        entity: 'person',
        entityId: person.id,
        regionCode: updated.village_code,
        ...auditDiff(person, updated, keys),
      });
    }
    return loadDetail(trx, actor, person.id);
  });
}

async function personForWrite(trx: Scoped, actor: Actor, personId: string): Promise<PersonRow> {
  requireWriter(actor);
  const person = await repo.getPerson(trx, personId);
  if (!person) throw errors.notFound(`劳动力（ID ${personId}）`);
  if (person.merged_into) throw errors.conflict('PERSON_MERGED', `劳动力 ${person.name} 已合并到其他记录，不能再修改`);
  return person;
}

/**
 * The spell's columns, linked to the registered employer its credit code names. An unknown
 * code is refused rather than dropped: the officer meant a registered employer, and a spell
 * silently left unlinked would be missing from that employer's count. The written name stays
 * as typed (registers abbreviate); an empty one takes the registered name.
 */
async function linkEmployer(trx: Scoped, v: SpellInput, record: string) {
  if (!v.employerCreditCode) return spellColumns(v, null);
  const employer = await repo.employerByCreditCode(trx, v.employerCreditCode);
  if (!employer) {
    throw invalid(record, [
      {
        field: 'employerCreditCode',
        label: SPELL_FIELD_LABELS.employerCreditCode,
        value: v.employerCreditCode,
        reason: '未在用工单位名录中登记：请先登记该用工单位，或不填此项只写单位名称',
      },
    ]);
  }
  return spellColumns({ ...v, employer: v.employer || employer.name }, employer.id);
}

/**
 * Adds an employment spell inside the caller's scoped transaction (a hire recorded by another
 * module, e.g. through a recommendation or an export batch, commits with its own records).
 * A hire knows the registered employer it is with: `employerId` links the spell to it directly.
 */
export async function addSpellIn(trx: Scoped, actor: Actor, personId: string, fields: RawSpell, employerId?: string) {
  const today = todayInShanghai();
  const person = await personForWrite(trx, actor, personId);
  const record = `劳动力 ${person.name} 的就业经历`;
  const r = validateSpell(fields, today);
  if (!r.ok) throw invalid(record, r.problems);
  const columns = employerId ? spellColumns(r.value, employerId) : await linkEmployer(trx, r.value, record);
  const spell = await repo
    .insertSpell(trx, { ...columns, person_id: person.id, village_code: person.village_code })
    .catch((e: Error) => {
      if (/spells_person_start_key|duplicate key/.test(e.message)) {
        throw errors.conflict('SPELL_DUPLICATE', `${record}：${r.value.startDate} 开始的“${r.value.channel}”经历已登记`);
      }
      throw e;
    });
  await appendAudit(trx, {
    ...auditActor(actor),
    action: 'spell.create',
    entity: 'person',
    entityId: person.id,
    regionCode: person.village_code,
    after: spell,
  });
  return spell;
}

export async function addSpell(database: Database, actor: Actor, personId: string, fields: RawSpell) {
  return inScope(database.kysely, actor.scope, async (trx) => {
    const spell = await addSpellIn(trx, actor, personId, fields);
    return loadDetail(trx, actor, spell.person_id);
  });
}

export async function updateSpell(database: Database, actor: Actor, personId: string, spellId: string, fields: RawSpell) {
  const today = todayInShanghai();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const person = await personForWrite(trx, actor, personId);
    const spell = await repo.getSpell(trx, person.id, spellId);
    if (!spell) throw errors.notFound(`就业经历（ID ${spellId}）`);
    const record = `劳动力 ${person.name} 的就业经历`;
    const raw = { ...spellToRaw(spell), ...fields };
    // Another employer's name without a credit code is another employer: the old link goes.
    if (fields.employerCreditCode === undefined && fields.employer !== undefined && fields.employer.trim() !== spell.employer)
      raw.employerCreditCode = '';
    const r = validateSpell(raw, today);
    if (!r.ok) throw invalid(record, r.problems);
    const next = await linkEmployer(trx, r.value, record);
    const keys = changedKeys(spell, next);
    if (keys.length === 0) return loadDetail(trx, actor, person.id);
    const updated = await repo.updateSpell(trx, spell.id, pick(next, keys));
    const diff = auditDiff(spell, updated, keys);
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'spell.update',
      entity: 'person',
      entityId: person.id,
      regionCode: person.village_code,
      before: { spellId: spell.id, ...diff.before },
      after: { spellId: spell.id, ...diff.after },
    });
    return loadDetail(trx, actor, person.id);
  });
}

/** Showing a full ID number is an audited event, allowed only to those with the right. */
export async function revealIdNumber(database: Database, actor: Actor, personId: string) {
  if (!actor.canViewFullId) throw errors.forbidden('查看完整身份证号');
  return inScope(database.kysely, actor.scope, async (trx) => {
    const person = await repo.getPerson(trx, personId);
    if (!person) throw errors.notFound(`劳动力（ID ${personId}）`);
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'person.view_id',
      entity: 'person',
      entityId: person.id,
      regionCode: person.village_code,
    });
    return { idNumber: person.id_number };
  });
}

export async function laborerAudit(database: Database, actor: Actor, personId: string) {
  return inScope(database.kysely, actor.scope, async (trx) => {
    const person = await repo.getPerson(trx, personId);
    if (!person) throw errors.notFound(`劳动力（ID ${personId}）`);
    const rows = await auditFor(trx, 'person', person.id);
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actorName: r.actor_name,
      action: r.action,
      before: maskAuditValues(actor, r.before),
      after: maskAuditValues(actor, r.after),
    }));
  });
}

/** The most laborers an employer's page lists (the counts cover them all); the export has them all. */
const EMPLOYER_LABORERS_SHOWN = 500;
const EMPLOYER_LABORERS_EXPORTED = 100_000;

/** The date an employer's laborers are counted on: the one asked for, checked, or today. */
function laborersDate(actor: Actor, date: string | undefined): string {
  if (actor.role === 'employer') throw errors.forbidden('用人单位账号不能查看台账中的劳动力');
  if (date !== undefined && !isIsoDate(date)) {
    throw new AppError('VALIDATION_FAILED', `统计日期“${date}”不是有效日期（如 2024-03-01）`, 400, {
      problems: [{ field: 'date', label: '统计日期', message: '不是有效日期（如 2024-03-01）', value: date }],
    });
  }
  return date ?? todayInShanghai();
}

/** The employer and its laborers on a date, in the actor's scoped transaction. */
async function atEmployer(trx: Scoped, employerId: string, on: string, limit: number) {
  const employer = await repo.employerById(trx, employerId);
  if (!employer) throw errors.notFound(`用人单位（ID ${employerId}）`);
  const [counts, rows] = await repo.laborersAtEmployer(trx, employerId, on, limit);
  return {
    employer,
    counts,
    rows: rows.map((r) => ({ ...r, age: ageOn(r.birth_date, on), monthsThere: wholeMonths(r.start_date, on) })),
  };
}

/**
 * The register's laborers employed at a registered employer on `date` (today by default), by
 * the spells linked to it: who the employer's post, absorption and social insurance subsidies
 * could be for, with how long each has been there. Officers only, each seeing the laborers of
 * their own region (row-level security); an employer's own account sees no register row.
 */
export async function employerLaborers(database: Database, actor: Actor, employerId: string, date?: string) {
  const on = laborersDate(actor, date);
  return inScope(database.kysely, actor.scope, async (trx) => {
    const { employer, counts, rows } = await atEmployer(trx, employerId, on, EMPLOYER_LABORERS_SHOWN);
    const unlinked = await repo.unlinkedSpellsNamed(trx, employer.name, on);
    return {
      date: on,
      scope: actor.scope,
      total: Number(counts.total),
      poor: Number(counts.poor),
      /** Current spells in scope written under exactly this name, linked to no employer. */
      unlinkedSameName: unlinked.length,
      /** Registered employers with exactly this name (more than one: linking by name is refused). */
      employersSameName: await repo.employersNamed(trx, employer.name),
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        idNumber: idOnScreen(r.id_number),
        sex: r.sex,
        age: r.age,
        villageCode: r.village_code,
        villageName: r.village_name ?? '',
        householdType: r.household_type,
        spellId: r.spell_id,
        channel: r.channel,
        startDate: r.start_date,
        endDate: r.end_date,
        monthsThere: r.monthsThere,
        monthlyIncomeFen: Number(r.monthly_income_fen),
        insured: r.insured,
      })),
    };
  });
}

/**
 * All of an employer's laborers on a date for the Excel list an office takes to the employer
 * (ID numbers in full only for those with the right), the export audited in the same transaction.
 */
export async function employerLaborersForExport(database: Database, actor: Actor, employerId: string, date?: string) {
  const on = laborersDate(actor, date);
  return inScope(database.kysely, actor.scope, async (trx) => {
    const found = await atEmployer(trx, employerId, on, EMPLOYER_LABORERS_EXPORTED);
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'employer.laborers_export',
      entity: 'employer',
      entityId: found.employer.id,
      regionCode: actor.scope,
      after: { date: on, rows: found.rows.length, fullId: actor.canViewFullId },
    });
    return { date: on, ...found };
  });
}

/**
 * Links to a registered employer the current spells of the actor's region that are written under
 * exactly its name and linked to no employer: what an office does once it has registered an
 * employer its laborers already worked for. Refused when another registered employer has the same
 * name (which one they work for is then for the officer to say, spell by spell), and when the
 * number found differs from the number the officer was shown (`expected`), so nobody links spells
 * they did not see. Each spell linked is audited on its laborer's record.
 */
export async function linkSpellsByName(database: Database, actor: Actor, employerId: string, expected: number) {
  requireWriter(actor);
  const today = todayInShanghai();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const employer = await repo.employerById(trx, employerId);
    if (!employer) throw errors.notFound(`用人单位（ID ${employerId}）`);
    const record = `用人单位“${employer.name}”`;
    const shared = await repo.employersNamed(trx, employer.name);
    if (shared > 1) {
      throw errors.conflict(
        'EMPLOYER_NAME_SHARED',
        `${record}：另有 ${shared - 1} 个登记单位同名，不能按名称关联，请在各劳动力的就业经历中选择具体单位（按统一社会信用代码）`,
      );
    }
    const spells = await repo.unlinkedSpellsNamed(trx, employer.name, today);
    if (spells.length !== expected) {
      throw errors.conflict(
        'LINK_COUNT_CHANGED',
        `${record}：待关联的就业经历现为 ${spells.length} 条（您看到的是 ${expected} 条），请刷新后重试`,
      );
    }
    const linked = await repo.linkSpells(
      trx,
      spells.map((x) => x.id),
      employer.id,
    );
    await appendAudit(
      trx,
      linked.map((x) => ({
        ...auditActor(actor),
        action: 'spell.link_employer',
        entity: 'person',
        entityId: x.person_id,
        regionCode: x.village_code,
        before: { spellId: x.id, employer_id: null },
        after: { spellId: x.id, employer_id: employer.id, credit_code: employer.credit_code },
      })),
    );
    return { linked: linked.length };
  });
}

export const PERSON_FIELDS = Object.keys(FIELD_LABELS) as PersonField[];

export async function workbench(database: Database, actor: Actor, region: string | undefined) {
  const code = resolveRegion(actor, region);
  return inScope(database.kysely, actor.scope, async (trx) => {
    const r = await workbenchCounts(trx, code, todayInShanghai());
    const name = (await repo.villageName(trx, code))?.name ?? code;
    return {
      regionCode: code,
      regionName: name,
      ...r.counts,
      unemployed: r.counts.laborers - r.counts.employed,
      byChannel: r.byChannel,
      byChild: r.byChild,
    };
  });
}
