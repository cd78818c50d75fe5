import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import type { Database } from '../../db/connection.ts';
import { verifyAuditChain } from '../audit/audit.repository.ts';
import { login } from '../auth/auth.service.ts';
import { findDemoLaborer } from './demo-laborer.ts';
import { ensureDemoUsers, type SeedSummary, seedDemoClaims, seedPopulation } from './index.ts';

// One village of 克什克腾旗 经棚镇 (呼必图村委会) and one of 会泽县 新街回族乡 (闸塘村).
const VILLAGE = '150425100202';
const HUI_VILLAGE = '530326208203';
const TODAY = '2026-11-21';

let db: Database;
let first: SeedSummary;

async function count(table: 'households' | 'persons' | 'employment_spells' | 'duplicate_candidates', prefix: string) {
  const row = await db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('village_code', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  db = await createTestDatabase();
  first = await seedPopulation(db, { areas: [VILLAGE, HUI_VILLAGE], laborers: 240, seed: 1, today: TODAY, batchHouseholds: 25 });
});
afterAll(async () => {
  await db.close();
});

describe('bangfu seed (writer)', () => {
  it('stores every household, person and spell it reports, in the villages asked for', async () => {
    expect(first.laborers).toBeGreaterThanOrEqual(240);
    expect(first.villages.map((v) => v.code)).toEqual([VILLAGE, HUI_VILLAGE]);
    expect((await count('households', VILLAGE)) + (await count('households', HUI_VILLAGE))).toBe(first.households);
    expect((await count('persons', VILLAGE)) + (await count('persons', HUI_VILLAGE))).toBe(first.persons);
    expect((await count('employment_spells', VILLAGE)) + (await count('employment_spells', HUI_VILLAGE))).toBe(first.spells);
    expect(await count('persons', '')).toBe(first.persons);
    const heads = await db.kysely
      .selectFrom('persons')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('relationship', '=', '户主')
      .executeTakeFirstOrThrow();
    expect(Number(heads.n)).toBe(first.households);
  });

  it('stores names with their pinyin initials, arrays as arrays and income in fen', async () => {
    const person = await db.kysely
      .selectFrom('persons')
      .selectAll()
      .where('name', '!=', '')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(person.name_initials).toMatch(/^[a-z]+$/);
    expect(Array.isArray(person.skills)).toBe(true);
    const welfare = await db.kysely
      .selectFrom('employment_spells')
      .select('monthly_income_fen')
      .where('channel', '=', '公益性岗位')
      .execute();
    for (const w of welfare) expect(Number(w.monthly_income_fen)).toBeGreaterThanOrEqual(50_000);
  });

  it('fills the duplicate review list with pairs of the same name and birth date', async () => {
    const pairs = await db.kysely
      .selectFrom('duplicate_candidates as d')
      .innerJoin('persons as a', 'a.id', 'd.person_a')
      .innerJoin('persons as b', 'b.id', 'd.person_b')
      .select([
        'a.name as an',
        'b.name as bn',
        'a.birth_date as ab',
        'b.birth_date as bb',
        'a.id_number as ai',
        'b.id_number as bi',
        'd.status',
      ])
      .execute();
    expect(pairs.length).toBe(first.duplicates);
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) {
      expect([p.an, p.ab, p.status]).toEqual([p.bn, p.bb, 'open']);
      expect(p.ai).not.toBe(p.bi);
    }
  });

  it('refuses to seed a region that already has households, changing nothing', async () => {
    const before = await count('persons', '');
    await expect(seedPopulation(db, { areas: ['150425100'], laborers: 50, seed: 2, today: TODAY })).rejects.toMatchObject({
      code: 'SEED_REGION_HAS_DATA',
    });
    expect(await count('persons', '')).toBe(before);
  });

  it('with --append adds more households after the existing ones, even with the same seed', async () => {
    const again = await seedPopulation(db, { areas: [VILLAGE], laborers: 120, seed: 1, today: TODAY, append: true });
    expect(again.households).toBeGreaterThan(0);
    const ids = await db.kysely.selectFrom('persons').select('id_number').execute();
    expect(new Set(ids.map((r) => r.id_number)).size).toBe(ids.length);
    const numbers = await db.kysely.selectFrom('households').select('number').execute();
    expect(new Set(numbers.map((r) => r.number)).size).toBe(numbers.length);
  });

  it('writes an audit entry per county seeded and keeps the chain intact', async () => {
    const entries = await db.kysely
      .selectFrom('audit_log')
      .select(['action', 'region_code'])
      .where('action', '=', 'seed.run')
      .execute();
    expect(entries.map((e) => e.region_code).sort()).toEqual(['150425', '150425', '530326']);
    expect((await verifyAuditChain(db.kysely)).ok).toBe(true);
  });

  it('creates demo accounts that log in, the village collector in a seeded village', async () => {
    const users = await ensureDemoUsers(db, first.villages);
    expect(users.find((u) => u.role === 'village')?.regionCode).toBe(VILLAGE);
    const r = await login(db.kysely, 'county', 'Bangfu@2026', 1);
    expect(r.actor).toMatchObject({ scope: '150425', canViewFullId: true });
    // The demo employer login acts for the seeded workshop of 会泽县 (单位自行申报).
    expect(users.find((u) => u.role === 'employer')).toMatchObject({ username: 'workshop', regionCode: '530326' });
    const w = await login(db.kysely, 'workshop', 'Bangfu@2026', 1);
    expect(w.actor.scope).toMatch(/^employer:\d+$/);
  });

  it('takes Huize transport claims through the whole cycle for the demo, once', async () => {
    const summary = await seedDemoClaims(db, TODAY);
    expect(summary).toEqual({ claims: 12, paid: 6, publicized: 2 });
    const statuses = await db.kysely
      .selectFrom('claims')
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('region_code', 'like', '530326%')
      .groupBy('status')
      .execute();
    expect(Object.fromEntries(statuses.map((r) => [r.status, Number(r.n)]))).toEqual({
      paid: 6,
      failed: 1,
      publicized: 2,
      submitted: 2,
      returned: 1,
    });
    // What the ledger booked as paid is what the bank confirmed in the reconciled batch.
    const batch = await db.kysely.selectFrom('payment_batches').selectAll().executeTakeFirstOrThrow();
    expect(batch.status).toBe('reconciled');
    const paid = await db.kysely
      .selectFrom('payments')
      .select((eb) => eb.fn.sum<string>('amount_fen').as('fen'))
      .where('status', '=', 'paid')
      .executeTakeFirstOrThrow();
    const booked = await db.kysely
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.sum<string>('amount_fen').as('fen'))
      .where('kind', '=', 'paid')
      .executeTakeFirstOrThrow();
    expect(Number(booked.fen)).toBe(Number(paid.fen));
    expect(Number(paid.fen)).toBeGreaterThan(0);
    // The portal's demo laborer finds its own paid claim there.
    const demo = await findDemoLaborer(db.kysely, TODAY);
    const own = await db.kysely
      .selectFrom('claims')
      .select('status')
      .where('person_id', '=', demo?.id ?? '0')
      .execute();
    expect(own.map((c) => c.status)).toEqual(['paid']);
    expect(await seedDemoClaims(db, TODAY)).toBeUndefined();
    expect((await verifyAuditChain(db.kysely)).ok).toBe(true);
  });
});
