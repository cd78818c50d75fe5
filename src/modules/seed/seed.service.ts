// `bangfu seed`: generates a demo population for real villages and bulk-loads it with COPY,
// a batch of households at a time, all in one transaction (a failed run leaves nothing).

import type { Database, RawSession } from '../../db/connection.ts';
import { csvLine } from '../../db/copy-csv.ts';
import { makeIdNumber } from '../../domain/idcard/gb11643.ts';
import { isLaborer, todayInShanghai } from '../../domain/registry/derive.ts';
import { nameInitials } from '../../domain/registry/name-initials.ts';
import type { SeededVillage } from '../../domain/seed/demo-accounts.ts';
import {
  generatePopulation,
  type PopulationSpec,
  planVillages,
  type SeedCounty,
  type SeedHousehold,
  type SeedPerson,
  type WorkPlace,
} from '../../domain/seed/population.ts';
import { AppError } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { loadProvinces } from '../regions/region-loader.ts';
import { seedDemoJobs } from './demo-jobs.ts';
import * as repo from './seed.repository.ts';

export interface SeedOptions {
  /** Region codes (any level) to populate; see parseAreas. */
  areas: readonly string[];
  /** Laborers (persons with some work capacity) to make in total. */
  laborers: number;
  seed: number;
  /** The date ages and employment are generated for; today in Asia/Shanghai by default. */
  today?: string;
  /** Add to regions that already have households instead of refusing. */
  append?: boolean;
  /** Households per COPY batch. */
  batchHouseholds?: number;
  onProgress?: (done: { households: number; persons: number; laborers: number }) => void;
}

export interface CountySummary {
  code: string;
  name: string;
  villages: number;
  households: number;
  persons: number;
  laborers: number;
  employed: number;
}

export interface SeedSummary {
  counties: CountySummary[];
  /** Villages that received households, in code order. */
  villages: SeededVillage[];
  households: number;
  persons: number;
  laborers: number;
  employed: number;
  spells: number;
  duplicates: number;
  seconds: number;
}

export const DUPLICATE_REASON = '同名同出生日期';

interface Area {
  counties: SeedCounty[];
  workPlaces: WorkPlace[];
}

/** Reads the counties, townships and villages of the areas (loading their provinces first). */
export async function loadArea(database: Database, areas: readonly string[]): Promise<Area> {
  const db = database.kysely;
  const provinces = [...new Set(areas.map((a) => a.slice(0, 2)))];
  await loadProvinces(database, provinces);
  const upper = await repo.regionsUnder(db, provinces, [1, 2, 3]);
  const byCode = new Map(upper.map((r) => [r.code, r]));
  const countyRows = upper.filter(
    (r) => r.level === 3 && areas.some((a) => (a.length <= 6 ? r.code.startsWith(a) : a.startsWith(r.code))),
  );
  const townships = await repo.regionsUnder(
    db,
    countyRows.map((c) => c.code),
    [4],
  );
  const villages = await repo.regionsUnder(db, areas, [5]);
  const known = new Set([...upper.map((r) => r.code), ...townships.map((r) => r.code), ...villages.map((r) => r.code)]);
  const unknown = areas.filter((a) => !known.has(a));
  if (unknown.length > 0) throw new AppError('SEED_AREA_UNKNOWN', `区划代码 ${unknown.join('、')} 在区划数据中不存在`, 400);

  const townshipName = new Map(townships.map((t) => [t.code, t.name]));
  const nameOf = (code: string) => byCode.get(code)?.name ?? '';
  const counties: SeedCounty[] = countyRows
    .map((c) => ({
      code: c.code,
      name: c.name,
      cityName: nameOf(c.code.slice(0, 4)),
      provinceName: nameOf(c.code.slice(0, 2)),
      townships: townships.filter((t) => t.code.startsWith(c.code)).map((t) => ({ code: t.code, name: t.name })),
      villages: villages
        .filter((v) => v.code.startsWith(c.code))
        .map((v) => ({ code: v.code, name: v.name, townshipName: townshipName.get(v.code.slice(0, 9)) ?? '' })),
    }))
    .filter((c) => c.villages.length > 0);
  if (counties.length === 0)
    throw new AppError('SEED_AREA_EMPTY', `区划 ${areas.join('、')} 下没有村级区划，无法生成演示数据`, 400);
  const workPlaces = upper
    .filter((r) => r.level === 3)
    .map((r) => ({ code: r.code, name: `${nameOf(r.code.slice(0, 4))}${r.name}`, cityName: nameOf(r.code.slice(0, 4)) }));
  return { counties, workPlaces };
}

/** Another sequence number for the same birth date and sex: a new valid ID number. */
function nextFreeId(id: string, sex: '男' | '女', taken: (id: string) => boolean): string {
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  let seq = Number(id.slice(14, 17));
  for (let i = 0; i < 500; i++) {
    seq = (seq + 2) % 1000;
    if (seq === 0) continue;
    const candidate = makeIdNumber(id.slice(0, 6), birthDate, seq, sex);
    if (!taken(candidate)) return candidate;
  }
  throw new Error(`无法为出生日期 ${birthDate} 分配未占用的身份证号`);
}

function personLine(p: SeedPerson, id: string, householdId: string, villageCode: string): string {
  return csvLine([
    id,
    p.idNumber,
    p.name,
    nameInitials(p.name),
    p.sex,
    p.birthDate,
    householdId,
    p.relationship,
    villageCode,
    p.ethnicity,
    p.education,
    p.workCapacity,
    p.health,
    p.disability,
    p.studentStatus,
    p.phone,
    p.skills,
    p.certificates,
    p.migrateWilling,
    p.preferredPlaces,
    p.preferredWork,
    p.serviceNeeds,
    p.trainingNeeds,
  ]);
}

export async function seedPopulation(database: Database, opts: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  if (!Number.isInteger(opts.laborers) || opts.laborers < 1) throw new AppError('SEED_BAD_SIZE', '劳动力人数应为正整数', 400);
  const areas = [...opts.areas];
  const { counties, workPlaces } = await loadArea(database, areas);
  const db = database.kysely;
  if (!opts.append) {
    const existing = await repo.householdsUnder(db, areas);
    const list = Object.entries(existing);
    if (list.length > 0) {
      throw new AppError(
        'SEED_REGION_HAS_DATA',
        `区划 ${list.map(([code, n]) => `${code}（已有 ${n} 户）`).join('、')} 已有台账数据；如确需追加演示数据，请加 --append`,
        409,
      );
    }
  }
  const spec: PopulationSpec = {
    seed: opts.seed,
    today: opts.today ?? todayInShanghai(),
    laborers: opts.laborers,
    counties,
    workPlaces,
  };
  if (opts.append) {
    const last = await repo.lastHouseholdSequence(
      db,
      planVillages(spec).map((p) => p.village.code),
    );
    spec.householdStart = Object.fromEntries(Object.entries(last).map(([v, n]) => [v, n + 1]));
  }
  // Someone registered elsewhere may hold an ID number our generator also makes.
  const checkIds = await repo.anyIdIssuedIn(
    db,
    counties.map((c) => c.code),
  );

  const perCounty = new Map<string, CountySummary>(
    counties.map((c) => [
      c.code,
      { code: c.code, name: c.name, villages: 0, households: 0, persons: 0, laborers: 0, employed: 0 },
    ]),
  );
  const seededVillages = new Map<string, SeededVillage>();
  const villageInfo = new Map(counties.flatMap((c) => c.villages.map((v) => [v.code, v] as const)));
  const totals = { households: 0, persons: 0, laborers: 0, employed: 0, spells: 0, duplicates: 0 };
  /** Generated ID numbers that were taken, and what they became (and back). */
  const renamed = new Map<string, string>();
  const originalOf = new Map<string, string>();

  const flush = async (s: RawSession, batch: SeedHousehold[]) => {
    if (batch.length === 0) return;
    const persons = batch.flatMap((h) => h.members);
    const householdIds = await repo.takeIds(s, 'households', batch.length);
    const personIds = await repo.takeIds(s, 'persons', persons.length);
    if (checkIds) {
      // Give anyone whose ID number is already registered another sequence number, until none is.
      const inBatch = new Set(persons.map((p) => p.idNumber));
      const known = new Set<string>();
      let suspects = persons;
      for (let round = 0; suspects.length > 0; round++) {
        const taken = await repo.registeredIdNumbers(
          s,
          suspects.map((p) => p.idNumber),
        );
        if (taken.size === 0) break;
        if (round > 50) throw new Error(`无法为身份证号 ${[...taken][0]} 找到未占用的顺序码`);
        for (const id of taken) known.add(id);
        suspects = persons.filter((p) => taken.has(p.idNumber));
        for (const p of suspects) {
          const fresh = nextFreeId(p.idNumber, p.sex, (id) => inBatch.has(id) || known.has(id));
          const original = originalOf.get(p.idNumber) ?? p.idNumber;
          renamed.set(original, fresh);
          originalOf.set(fresh, original);
          inBatch.add(fresh);
          p.idNumber = fresh;
        }
      }
    }
    let households = '';
    let people = '';
    let spells = '';
    const pairs: [string, string][] = [];
    let k = 0;
    batch.forEach((h, i) => {
      const householdId = householdIds[i] as string;
      households += csvLine([householdId, h.number, h.villageCode, h.type, h.monitoringCategory, h.relocated, h.relocationSite]);
      const county = perCounty.get(h.countyCode) as CountySummary;
      county.households++;
      if (!seededVillages.has(h.villageCode)) {
        const v = villageInfo.get(h.villageCode);
        seededVillages.set(h.villageCode, { code: h.villageCode, name: v?.name ?? '', townshipName: v?.townshipName ?? '' });
        county.villages++;
      }
      for (const p of h.members) {
        const personId = personIds[k++] as string;
        people += personLine(p, personId, householdId, h.villageCode);
        county.persons++;
        if (isLaborer(p, spec.today)) {
          county.laborers++;
          totals.laborers++;
        }
        if (p.spells.some((sp) => sp.endDate === null)) {
          county.employed++;
          totals.employed++;
        }
        for (const sp of p.spells) {
          spells += csvLine([
            personId,
            h.villageCode,
            sp.startDate,
            sp.endDate,
            sp.placeCode,
            sp.placeName,
            sp.outOfProvince,
            sp.employer,
            sp.channel,
            sp.monthlyIncomeFen,
            sp.insured,
          ]);
          totals.spells++;
        }
        if (p.duplicateOf) pairs.push([renamed.get(p.duplicateOf) ?? p.duplicateOf, p.idNumber]);
      }
    });
    await repo.copyRows(s, 'households', repo.HOUSEHOLD_COLUMNS, households);
    await repo.copyRows(s, 'persons', repo.PERSON_COLUMNS, people);
    await repo.copyRows(s, 'employment_spells', repo.SPELL_COLUMNS, spells);
    totals.duplicates += await repo.insertDuplicateCandidates(s, pairs, DUPLICATE_REASON);
    totals.households += batch.length;
    totals.persons += persons.length;
    opts.onProgress?.({ households: totals.households, persons: totals.persons, laborers: totals.laborers });
  };

  const batchSize = opts.batchHouseholds ?? 2000;
  await database.withSession(async (s) => {
    await s.exec('BEGIN');
    try {
      let batch: SeedHousehold[] = [];
      for (const h of generatePopulation(spec)) {
        batch.push(h);
        if (batch.length >= batchSize) {
          await flush(s, batch);
          batch = [];
        }
      }
      await flush(s, batch);
      await s.exec('COMMIT');
    } catch (e) {
      await s.exec('ROLLBACK');
      throw e;
    }
  });

  const countySummaries = [...perCounty.values()].filter((c) => c.households > 0);
  await seedDemoJobs(
    db,
    countySummaries.map((c) => c.code),
    spec.today,
  );
  await db.transaction().execute((trx) =>
    appendAudit(
      trx,
      countySummaries.map((c) => ({
        actorId: null,
        actorName: 'bangfu seed',
        action: 'seed.run',
        entity: 'region',
        entityId: c.code,
        regionCode: c.code,
        after: { seed: opts.seed, today: spec.today, households: c.households, persons: c.persons, laborers: c.laborers },
      })),
    ),
  );
  return {
    counties: countySummaries,
    villages: [...seededVillages.values()].sort((a, b) => a.code.localeCompare(b.code)),
    ...totals,
    seconds: (performance.now() - started) / 1000,
  };
}
