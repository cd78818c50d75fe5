// Keeping the designated-county lists (区划认定: 贫困县、深度贫困县 名单). A province officer
// enters the list its government published, with the document, and later the day a county
// left it; nothing entered is rewritten, every change is audited. Everyone reads the lists:
// the rules engine reads them as facts for the case's county and date.
import { type Database, inScope, type Scoped } from '../../db/connection.ts';
import {
  DESIGNATION_KIND_NAMES,
  DESIGNATION_KINDS,
  DesignationIndex,
  type DesignationKind,
  designationText,
} from '../../domain/region/designation.ts';
import { isIsoDate } from '../../domain/region/region-version.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { errors, type FieldProblem } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { type Actor, auditActor } from '../auth/actor.ts';
import * as repo from './designations.repository.ts';
import * as regionsRepo from './regions.repository.ts';

/** The lists and members in the database, indexed for the rules engine. */
export async function designationIndex(trx: Scoped): Promise<DesignationIndex> {
  const [lists, members] = await Promise.all([repo.lists(trx), repo.allMembers(trx)]);
  return new DesignationIndex(lists.map(repo.toList), members.map(repo.toMember));
}

/** Lists are published by a province's government: its officers (or a national admin) keep them. */
export function canKeepDesignations(actor: Actor): boolean {
  return (actor.role === 'province' || actor.role === 'admin') && actor.scope.length <= 2;
}

/** What the lists say about the county of `code` on `date` (today by default), kind by kind. */
export async function designationsOf(database: Database, actor: Actor, code: string, date: string | undefined) {
  const on = date ?? todayInShanghai();
  if (!/^(\d{6}|\d{9}|\d{12})$/.test(code)) {
    throw errors.invalid('区划认定查询', [
      { field: 'code', label: '区划代码', message: '应为县级或以下的区划代码（6、9或12位）', value: code },
    ]);
  }
  if (!isIsoDate(on))
    throw errors.invalid('区划认定查询', [{ field: 'date', label: '日期', message: '应为有效日期（YYYY-MM-DD）', value: on }]);
  return inScope(database.kysely, actor.scope, async (trx) => {
    const index = await designationIndex(trx);
    return {
      date: on,
      items: DESIGNATION_KINDS.map((kind) => {
        const answer = index.lookup(kind, code, on);
        return {
          kind,
          kindName: DESIGNATION_KIND_NAMES[kind],
          designated: answer?.designated ?? null,
          text: answer ? designationText(kind, code, on, answer) : `${on} 没有在执行的${DESIGNATION_KIND_NAMES[kind]}名单`,
          listId: answer?.list.id ?? null,
        };
      }),
    };
  });
}

function refuseKeeper(actor: Actor, province: string): void {
  if (!canKeepDesignations(actor)) throw errors.forbidden('贫困县、深度贫困县名单由省级人员录入');
  if (!province.startsWith(actor.scope)) throw errors.outOfScope(province);
}

function present(list: repo.ListRow, members: readonly repo.MemberRow[], next: repo.ListRow | undefined, today: string) {
  return {
    id: list.id,
    kind: list.kind,
    kindName: DESIGNATION_KIND_NAMES[list.kind],
    province: list.province_code,
    title: list.title,
    basis: list.basis,
    from: list.valid_from,
    /** The day the next list of the kind took over (that list's first day), or null. */
    replacedOn: next?.valid_from ?? null,
    inForce: list.valid_from <= today && (next === undefined || today < next.valid_from),
    createdAt: list.created_at,
    counties: members.map((m) => ({
      code: m.county_code,
      name: m.county_name,
      until: m.until,
      untilBasis: m.until_basis,
      designatedToday: m.until === null || today < m.until,
    })),
  };
}

export async function listDesignations(database: Database, actor: Actor, filter: { province?: string; kind?: string }) {
  const today = todayInShanghai();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const lists = await repo.lists(trx, filter);
    const members = await repo.membersOf(
      trx,
      lists.map((l) => l.id),
    );
    const byList = new Map<string, repo.MemberRow[]>();
    for (const m of members) byList.set(m.list_id, [...(byList.get(m.list_id) ?? []), m]);
    return {
      kinds: DESIGNATION_KIND_NAMES,
      canEdit: canKeepDesignations(actor),
      items: lists.map((l, i) => {
        // Lists come newest first within a province and kind: the one before in the array replaced it.
        const prev = lists[i - 1];
        const next = prev?.kind === l.kind && prev.province_code === l.province_code ? prev : undefined;
        return present(l, byList.get(l.id) ?? [], next, today);
      }),
    };
  });
}

export interface NewList {
  kind: string;
  province: string;
  title: string;
  basis: string;
  from: string;
  counties?: string[];
}

/**
 * The latest name of each code among `codes` that is a region of `level` (current or past: a
 * list of 2014 may name a county merged since).
 */
export async function latestNames(trx: Scoped, codes: readonly string[], level: number): Promise<Map<string, string>> {
  const versions = await regionsRepo.versionsOf(trx, codes); // oldest first: the last one wins
  return new Map(versions.filter((v) => v.level === level).map((v) => [v.code, v.name]));
}

/** Checks county codes for a list of `province`; returns their names or throws naming each bad one. */
async function checkCounties(
  trx: Scoped,
  record: string,
  province: string,
  codes: readonly string[],
  already: ReadonlySet<string>,
) {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const code of codes) {
    if (!/^\d{6}$/.test(code)) problems.push({ field: 'counties', label: '县', message: '应为6位县级区划代码', value: code });
    else if (!code.startsWith(province))
      problems.push({ field: 'counties', label: '县', message: `不在名单所属省份（${province}）`, value: code });
    else if (seen.has(code)) problems.push({ field: 'counties', label: '县', message: '在本次录入中重复', value: code });
    else if (already.has(code)) problems.push({ field: 'counties', label: '县', message: '已在名单内', value: code });
    seen.add(code);
  }
  const names = await latestNames(trx, [...seen], 3);
  for (const code of seen) {
    if (/^\d{6}$/.test(code) && code.startsWith(province) && !names.has(code)) {
      problems.push({ field: 'counties', label: '县', message: '不是已载入的县级区划', value: code });
    }
  }
  if (problems.length > 0) throw errors.invalid(record, problems);
  return [...seen].map((code) => ({ code, name: names.get(code) as string }));
}

export async function createList(database: Database, actor: Actor, input: NewList) {
  const kindName = DESIGNATION_KIND_NAMES[input.kind as DesignationKind] ?? '名单';
  const record = `${input.province} 的${kindName}名单（${input.from}）`;
  const problems: FieldProblem[] = [];
  if (!(DESIGNATION_KINDS as readonly string[]).includes(input.kind)) {
    problems.push({
      field: 'kind',
      label: '名单类别',
      message: `应为${Object.values(DESIGNATION_KIND_NAMES).join('或')}`,
      value: input.kind,
    });
  }
  if (!/^\d{2}$/.test(input.province)) {
    problems.push({ field: 'province', label: '省份', message: '应为2位省级区划代码', value: input.province });
  }
  if (input.title.trim() === '') problems.push({ field: 'title', label: '名单名称', message: '不能为空' });
  if (input.basis.trim() === '') problems.push({ field: 'basis', label: '依据文件', message: '不能为空（文件名称及文号）' });
  if (!isIsoDate(input.from)) {
    problems.push({ field: 'from', label: '执行日期', message: '应为有效日期（YYYY-MM-DD）', value: input.from });
  }
  if (problems.length > 0) throw errors.invalid(record, problems);
  refuseKeeper(actor, input.province);
  const kind = input.kind as DesignationKind;

  return inScope(database.kysely, actor.scope, async (trx) => {
    const province = (await latestNames(trx, [input.province], 1)).get(input.province);
    if (!province)
      throw errors.invalid(record, [
        { field: 'province', label: '省份', message: '不是已载入的省级区划', value: input.province },
      ]);
    const counties = await checkCounties(trx, record, input.province, input.counties ?? [], new Set());
    await repo.lockKind(trx, kind, input.province);
    const same = await repo.lists(trx, { province: input.province, kind });
    if (same.some((l) => l.valid_from === input.from)) {
      throw errors.conflict('DESIGNATION_LIST_EXISTS', `${record}：${province}已有一份自 ${input.from} 起执行的${kindName}名单`, {
        record,
        problems: [{ field: 'from', label: '执行日期', message: '当天已有同类名单', value: input.from }],
      });
    }
    const list = await repo.insertList(trx, {
      kind,
      province: input.province,
      title: input.title.trim(),
      basis: input.basis.trim(),
      from: input.from,
      userId: actor.userId,
    });
    const members = await repo.insertMembers(trx, list.id, counties, actor.userId);
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'designation_list.create',
      entity: 'designation_list',
      entityId: list.id,
      regionCode: input.province,
      after: { ...repo.toList(list), counties: counties.map((c) => c.code) },
    });
    return present(list, members, undefined, todayInShanghai());
  });
}

async function requireList(trx: Scoped, id: string) {
  const list = /^\d{1,18}$/.test(id) ? await repo.listById(trx, id) : undefined;
  if (!list) throw errors.notFound(`名单 ${id}`);
  return list;
}

/** Puts more counties on a list (a county left out by mistake, a list entered in parts). */
export async function addCounties(database: Database, actor: Actor, id: string, counties: string[]) {
  return inScope(database.kysely, actor.scope, async (trx) => {
    const list = await requireList(trx, id);
    refuseKeeper(actor, list.province_code);
    const record = `《${list.title}》`;
    if (counties.length === 0) throw errors.invalid(record, [{ field: 'counties', label: '县', message: '至少选择一个县' }]);
    await repo.lockKind(trx, list.kind, list.province_code);
    const existing = await repo.membersOf(trx, [list.id]);
    const added = await checkCounties(trx, record, list.province_code, counties, new Set(existing.map((m) => m.county_code)));
    const rows = await repo.insertMembers(trx, list.id, added, actor.userId);
    await appendAudit(
      trx,
      rows.map((m) => ({
        ...auditActor(actor),
        action: 'designation_member.add',
        entity: 'designation_list',
        entityId: list.id,
        regionCode: m.county_code,
        after: { county: m.county_code, name: m.county_name },
      })),
    );
    return { added: rows.length };
  });
}

/**
 * Records the day a county left a list (退出、摘帽), with the document; only ever earlier than
 * a day recorded before, so what a decision read on a past date stays what it read.
 */
export async function countyLeaves(
  database: Database,
  actor: Actor,
  id: string,
  county: string,
  input: { until: string; basis: string },
) {
  return inScope(database.kysely, actor.scope, async (trx) => {
    const list = await requireList(trx, id);
    refuseKeeper(actor, list.province_code);
    await repo.lockKind(trx, list.kind, list.province_code);
    const member = (await repo.membersOf(trx, [list.id])).find((m) => m.county_code === county);
    if (!member) throw errors.notFound(`《${list.title}》中的县 ${county}`);
    const record = `《${list.title}》中的${member.county_name}（${county}）`;
    const problems: FieldProblem[] = [];
    if (!isIsoDate(input.until) || input.until < list.valid_from) {
      problems.push({
        field: 'until',
        label: '退出日期',
        message: `应为不早于名单执行日期 ${list.valid_from} 的有效日期`,
        value: input.until,
      });
    } else if (member.until !== null && input.until >= member.until) {
      problems.push({
        field: 'until',
        label: '退出日期',
        message: `已记录 ${member.until} 起退出，只能改为更早的日期`,
        value: input.until,
      });
    }
    if (input.basis.trim() === '') problems.push({ field: 'basis', label: '退出依据', message: '不能为空（文件名称及文号）' });
    if (problems.length > 0) throw errors.invalid(record, problems);
    await repo.setUntil(trx, member.id, input.until, input.basis.trim());
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'designation_member.leave',
      entity: 'designation_list',
      entityId: list.id,
      regionCode: county,
      before: { until: member.until, basis: member.until_basis },
      after: { until: input.until, basis: input.basis.trim() },
    });
    return { county, until: input.until };
  });
}
