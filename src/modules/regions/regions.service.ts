// Reading the region tree as a user: the tree at and below the user's scope in full, the
// names above it for breadcrumbs, nothing of the neighbouring subtrees. Every answer is for
// a date (today in Asia/Shanghai unless asked), so a past record shows the names of then.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isInside, isRegionCode, LEVEL_NAMES, parentCode, type RegionLevel } from '../../domain/region/region-code.ts';
import { regionAccess, searchPrefix } from '../../domain/region/region-scope.ts';
import { isIsoDate } from '../../domain/region/region-version.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { errors } from '../../http/errors.ts';
import type { Actor } from '../auth/actor.ts';
import * as repo from './regions.repository.ts';

type Db = Kysely<DB>;

export interface RegionDetail {
  code: string;
  name: string;
  level: RegionLevel;
  levelName: string;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  /** From the province down to the region itself. */
  path: { code: string; name: string }[];
}

export interface RegionChild {
  code: string;
  name: string;
  level: RegionLevel;
  childCount: number;
}

export interface RegionHit {
  code: string;
  name: string;
  level: RegionLevel;
  /** Names from the province down to the region, joined by '/'. */
  path: string;
}

export const SEARCH_LIMIT_MAX = 100;

function resolveDate(date: string | undefined): string {
  if (date === undefined || date === '') return todayInShanghai();
  if (!isIsoDate(date)) throw errors.invalid('区划查询', [{ field: '日期', message: `应为有效日期（YYYY-MM-DD）`, value: date }]);
  return date;
}

function checkCode(code: string, field = '区划代码'): void {
  if (!isRegionCode(code)) throw errors.invalid('区划查询', [{ field, message: '应为2、4、6、9或12位数字', value: code }]);
}

/** The actor may see this region at least by name (it is in scope or above it). */
function requireVisible(actor: Actor, code: string): void {
  if (regionAccess(actor.scope, code) === 'none') throw errors.outOfScope(code);
}

async function requireRegion(db: Db, code: string, date: string) {
  const region = await repo.findRegionOn(db, code, date);
  if (!region) throw errors.notFound(`区划 ${code} `);
  return region;
}

/** A region as it was on `date`, with the names above it. */
export async function getRegion(db: Db, actor: Actor, code: string, date?: string): Promise<RegionDetail> {
  checkCode(code);
  const on = resolveDate(date);
  requireVisible(actor, code);
  const region = await requireRegion(db, code, on);
  const path = await repo.findPathOn(db, code, on);
  return {
    code: region.code,
    name: region.name,
    level: region.level,
    levelName: LEVEL_NAMES[region.level],
    parentCode: region.parentCode,
    validFrom: region.validFrom,
    validTo: region.validTo,
    path: path.map((p) => ({ code: p.code, name: p.name })),
  };
}

/** The regions directly below `code` on `date`; only inside the actor's scope. */
export async function getChildren(db: Db, actor: Actor, code: string, date?: string): Promise<RegionChild[]> {
  checkCode(code);
  const on = resolveDate(date);
  // Above the scope the children are the neighbours' regions: names of the path only.
  if (regionAccess(actor.scope, code) !== 'full') throw errors.outOfScope(code);
  await requireRegion(db, code, on);
  return repo.findChildrenOn(db, code, on);
}

/** Regions whose name contains `q` (or whose code starts with it, for digits), inside the actor's scope (and inside `within` if given). */
export async function searchRegions(
  db: Db,
  actor: Actor,
  query: { q: string; within?: string | undefined; limit?: number | undefined; date?: string | undefined },
): Promise<RegionHit[]> {
  const q = query.q.trim();
  if (q === '') throw errors.invalid('区划查询', [{ field: '名称', message: '不能为空' }]);
  if (query.within) checkCode(query.within, '范围');
  const on = resolveDate(query.date);
  const within = searchPrefix(actor.scope, query.within);
  if (within === undefined) throw errors.outOfScope(query.within as string);
  const limit = Math.min(Math.max(query.limit ?? 20, 1), SEARCH_LIMIT_MAX);
  const hits = /^\d+$/.test(q)
    ? await searchCodes(db, within, q, on, limit)
    : await repo.searchByName(db, { q, within, date: on, limit });
  const above = new Set<string>();
  for (const h of hits) for (let c = parentCode(h.code); c !== undefined; c = parentCode(c)) above.add(c);
  const names = await repo.namesOn(db, [...above], on);
  return hits.map((h) => {
    const chain: string[] = [h.name];
    for (let c = parentCode(h.code); c !== undefined; c = parentCode(c)) chain.unshift(names.get(c) ?? c);
    return { code: h.code, name: h.name, level: h.level, path: chain.join('/') };
  });
}

/** Codes starting with `digits`, inside `within`. */
function searchCodes(db: Db, within: string, digits: string, date: string, limit: number) {
  if (digits.startsWith(within)) return repo.searchByCodePrefix(db, { prefix: digits, date, limit });
  if (within.startsWith(digits)) return repo.searchByCodePrefix(db, { prefix: within, date, limit });
  return Promise.resolve([]);
}

/** Is `other` inside `code` (or the same region) on `date`? Both must exist then. */
export async function regionContains(
  db: Db,
  actor: Actor,
  code: string,
  other: string,
  date?: string,
): Promise<{ inside: boolean }> {
  checkCode(code);
  checkCode(other);
  const on = resolveDate(date);
  requireVisible(actor, code);
  requireVisible(actor, other);
  await requireRegion(db, code, on);
  await requireRegion(db, other, on);
  return { inside: isInside(other, code) };
}

export type VillageCheck = { ok: true; name: string } | { ok: false; reason: 'unknown' | 'outOfScope'; message: string };

/**
 * Checks village codes as an import does: each must be a village valid on `date` and inside
 * `scope`. One query for the whole batch; the messages name the code and why.
 */
export async function checkVillageCodes(
  db: Db,
  scope: string,
  codes: readonly string[],
  date?: string,
): Promise<Map<string, VillageCheck>> {
  const on = resolveDate(date);
  const unique = [...new Set(codes)];
  const inScope = unique.filter((c) => /^\d{12}$/.test(c) && c.startsWith(scope));
  const found = await repo.villageNamesOn(db, inScope, on);
  const out = new Map<string, VillageCheck>();
  for (const c of unique) {
    const name = found.get(c);
    if (name !== undefined) out.set(c, { ok: true, name });
    else if (!/^\d{12}$/.test(c)) out.set(c, { ok: false, reason: 'unknown', message: `村代码 ${c} 应为12位数字` });
    else if (!c.startsWith(scope)) out.set(c, { ok: false, reason: 'outOfScope', message: `村代码 ${c} 不在您的管辖范围内` });
    else out.set(c, { ok: false, reason: 'unknown', message: `村代码 ${c} 在 ${on} 不是有效的村级区划代码` });
  }
  return out;
}
