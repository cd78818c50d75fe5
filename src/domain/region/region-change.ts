// Changes of the division tree (a township renamed, a township merged into another, a
// county moved to another city) planned as new versions: the versions valid on the day
// before the change are never edited except to be closed, so every past record keeps the
// region it belonged to and "region X on date D" keeps its answer for every D before.
//
// Codes are the tree (a region's parent is its code prefix), so a region that moves gets
// a new code, and so do all the regions below it.
import { LEVEL_NAMES, parentCode, regionLevel } from './region-code.ts';
import { isIsoDate, isValidOn, type RegionVersion, versionOn } from './region-version.ts';

/** A region below a merged one that lives on inside the absorbing region under a new code. */
export interface Recode {
  from: string;
  to: string;
  /** Defaults to the old name. */
  name?: string | undefined;
}

export type RegionChange =
  | { kind: 'rename'; code: string; name: string; effective: string; note?: string | undefined }
  | {
      kind: 'merge';
      /** The absorbed region: closed with everything below it. */
      code: string;
      into: string;
      effective: string;
      recode?: Recode[] | undefined;
      note?: string | undefined;
    }
  | { kind: 'move'; code: string; newCode: string; effective: string; name?: string | undefined; note?: string | undefined };

export interface ChangeLogEntry {
  kind: 'rename' | 'merge' | 'move';
  oldCode: string;
  newCode: string;
  note: string;
}

export interface ChangePlan {
  effective: string;
  /** Versions that end the day before `effective` (their validTo becomes `effective`). */
  close: RegionVersion[];
  /** Versions that start on `effective`. */
  open: RegionVersion[];
  log: ChangeLogEntry[];
}

export interface ChangeProblem {
  field: string;
  message: string;
}

export type PlanResult = { ok: true; plan: ChangePlan } | { ok: false; problems: ChangeProblem[] };

const F = {
  code: '区划代码',
  name: '新名称',
  into: '并入区划',
  newCode: '新代码',
  effective: '生效日期',
  recode: '下级新代码',
} as const;

class Rejected extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function reject(field: string, message: string): never {
  throw new Rejected(field, message);
}

function label(v: RegionVersion): string {
  return `${v.name}（${v.code}）`;
}

/**
 * The codes whose versions `planRegionChange` needs besides every version of the changed
 * region's subtree (`subtree`: all versions whose code starts with `change.code`).
 */
export function codesToLookUp(change: RegionChange, subtree: readonly RegionVersion[]): string[] {
  switch (change.kind) {
    case 'rename':
      return [];
    case 'merge': {
      const targets = (change.recode ?? []).map((r) => r.to);
      return unique([change.into, ...targets, ...targets.map((t) => parentCode(t) ?? '')].filter((c) => c !== ''));
    }
    case 'move': {
      const members = subtree.filter((v) => v.code.startsWith(change.code) && isValidOn(v, change.effective));
      const np = parentCode(change.newCode);
      return unique([...(np ? [np] : []), ...members.map((m) => change.newCode + m.code.slice(change.code.length))]);
    }
  }
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/**
 * Plans `change` against `known`: every version of the changed region's subtree and of the
 * codes `codesToLookUp` names. Rejects changes that would rewrite the past or break the tree,
 * and, when `today` is given, changes not yet in force.
 */
export function planRegionChange(change: RegionChange, known: readonly RegionVersion[], today?: string): PlanResult {
  try {
    // Only changes already in force are registered, so the open version of a code is always
    // the one valid today (what `valid_to IS NULL` look-ups elsewhere rely on).
    if (today !== undefined && change.effective > today) {
      reject(F.effective, `${change.effective} 晚于今天（${today}），请在生效当日或之后登记`);
    }
    return { ok: true, plan: plan(change, known) };
  } catch (e) {
    if (e instanceof Rejected) return { ok: false, problems: [{ field: e.field, message: e.message }] };
    throw e;
  }
}

function plan(change: RegionChange, known: readonly RegionVersion[]): ChangePlan {
  const { code, effective } = change;
  if (!isIsoDate(effective)) reject(F.effective, `应为有效日期（YYYY-MM-DD）：${effective}`);
  if (regionLevel(code) === undefined) reject(F.code, `应为2、4、6、9或12位数字：${code}`);
  const source = versionOn(known, code, effective) ?? reject(F.code, `${code} 在 ${effective} 不存在`);

  // Changes are registered in the order they happen: a later version of any region the
  // change touches means this change would rewrite what is already recorded after it.
  const touched = known.filter((v) => (change.kind === 'rename' ? v.code === code : v.code.startsWith(code)));
  for (const v of touched) {
    // The later change is the start of a version, or the end of the version valid then.
    const at = v.validFrom >= effective ? v.validFrom : v.validTo !== null && v.validTo > effective ? v.validTo : undefined;
    if (at !== undefined) {
      reject(F.effective, `${effective} 不晚于 ${label(v)} 已登记的 ${at} 的变更，区划变更须按时间顺序登记`);
    }
  }
  const members = touched.filter((v) => isValidOn(v, effective));
  const note = change.note?.trim() ?? '';

  switch (change.kind) {
    case 'rename': {
      const name = change.name.trim();
      if (name === '') reject(F.name, '不能为空');
      if (name === source.name) reject(F.name, `与现名称相同：${name}`);
      return {
        effective,
        close: [source],
        open: [{ ...source, name, validFrom: effective, validTo: null }],
        log: [{ kind: 'rename', oldCode: code, newCode: code, note: note || `${source.name}更名为${name}` }],
      };
    }
    case 'merge': {
      const into = openTarget(known, change.into, effective, F.into);
      if (into.code === code) reject(F.into, '不能并入自身');
      if (into.level !== source.level) {
        reject(
          F.into,
          `${label(into)} 为${LEVEL_NAMES[into.level]}，${label(source)} 为${LEVEL_NAMES[source.level]}，级别不同不能合并`,
        );
      }
      const below = members.filter((m) => m.code !== code);
      const open = recreate(below, change.recode ?? [], into, known, effective);
      const why = `随${source.name}并入${into.name}`;
      return {
        effective,
        close: members,
        open,
        log: [
          { kind: 'merge', oldCode: code, newCode: into.code, note: note || `${source.name}并入${into.name}` },
          ...(change.recode ?? []).map((r) => ({ kind: 'move' as const, oldCode: r.from, newCode: r.to, note: note || why })),
        ],
      };
    }
    case 'move': {
      const { newCode } = change;
      if (source.level === 1) reject(F.code, '省级区划不能迁移');
      if (regionLevel(newCode) !== source.level)
        reject(F.newCode, `应为${LEVEL_NAMES[source.level]}代码（${code.length}位）：${newCode}`);
      if (newCode === code) reject(F.newCode, '与原代码相同');
      const parent = openTarget(known, parentCode(newCode) as string, effective, F.newCode);
      const name = change.name?.trim() || source.name;
      const recodes = members.map((m) => ({
        from: m.code,
        to: newCode + m.code.slice(code.length),
        name: m.code === code ? name : undefined,
      }));
      const open = recreate(members, recodes, parent, known, effective);
      const why = `随${source.name}迁入${parent.name}`;
      return {
        effective,
        close: members,
        open,
        log: recodes.map((r) => ({
          kind: 'move' as const,
          oldCode: r.from,
          newCode: r.to,
          note: note || (r.from === code ? `${source.name}迁入${parent.name}` : why),
        })),
      };
    }
  }
}

/** A region that receives others: valid on `effective` and not yet changed after it. */
function openTarget(known: readonly RegionVersion[], code: string, effective: string, field: string): RegionVersion {
  const v = versionOn(known, code, effective) ?? reject(field, `${code} 在 ${effective} 不存在`);
  if (v.validTo !== null) reject(field, `${label(v)} 在 ${v.validTo} 已有变更，区划变更须按时间顺序登记`);
  return v;
}

/** New versions for the regions in `recodes`, each under a parent that exists on `effective`. */
function recreate(
  members: readonly RegionVersion[],
  recodes: readonly Recode[],
  inside: RegionVersion,
  known: readonly RegionVersion[],
  effective: string,
): RegionVersion[] {
  const byCode = new Map(members.map((m) => [m.code, m]));
  const froms = new Set<string>();
  const created = new Map<string, RegionVersion>();
  const items = recodes.map((r, i) => ({ r, field: `${F.recode}第${i + 1}项` }));
  for (const { r, field } of [...items].sort((a, b) => a.r.to.length - b.r.to.length)) {
    const from = byCode.get(r.from) ?? reject(field, `${r.from} 不是在 ${effective} 随之变更的下级区划`);
    if (froms.has(r.from)) reject(field, `${r.from} 重复`);
    froms.add(r.from);
    if (regionLevel(r.to) !== from.level) reject(field, `${r.to} 应为${LEVEL_NAMES[from.level]}代码（${r.from.length}位）`);
    if (!r.to.startsWith(inside.code)) reject(field, `${r.to} 不在 ${label(inside)} 之内`);
    if (created.has(r.to)) reject(field, `${r.to} 重复`);
    const taken = known.find((v) => v.code === r.to && (v.validTo === null || v.validTo > effective));
    if (taken) reject(field, `${r.to} 在 ${effective} 已被 ${taken.name} 使用`);
    const p = parentCode(r.to) as string;
    const parentOpen = created.has(p) || versionOn(known, p, effective)?.validTo === null;
    if (!parentOpen) reject(field, `${r.to} 的上级区划 ${p} 在 ${effective} 不存在`);
    const name = r.name?.trim() || from.name;
    created.set(r.to, { code: r.to, name, level: from.level, parentCode: p, validFrom: effective, validTo: null });
  }
  return [...created.values()];
}

/** The versions after the plan: what the database holds once the plan is applied. */
export function applyPlan(versions: readonly RegionVersion[], plan: ChangePlan): RegionVersion[] {
  const key = (v: RegionVersion) => `${v.code}@${v.validFrom}`;
  const closing = new Set(plan.close.map(key));
  return [...versions.map((v) => (closing.has(key(v)) ? { ...v, validTo: plan.effective } : v)), ...plan.open];
}
