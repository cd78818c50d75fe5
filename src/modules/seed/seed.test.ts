import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import type { Database } from '../../db/connection.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { verifyAuditChain } from '../audit/audit.repository.ts';
import { login } from '../auth/auth.service.ts';
import { exportSubsidies } from '../fairs/export-subsidies.service.ts';
import { fairCoverage, getExportBatch } from '../fairs/fairs.service.ts';
import { evaluate } from '../rules/index.ts';
import { demoOfficer } from './demo-cycle.ts';
import { findDemoLaborer } from './demo-laborer.ts';
import {
  ensureDemoUsers,
  type SeedSummary,
  seedDemoClaims,
  seedDemoDesignations,
  seedDemoFairs,
  seedPopulation,
} from './index.ts';

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

  it('registers every village workshop the register employs people at as a recognised 帮扶车间 in its village', async () => {
    const spells = await db.kysely
      .selectFrom('employment_spells')
      .select('employer')
      .distinct()
      .where('channel', '=', '帮扶车间')
      .where('employer', 'like', '%帮扶车间（%')
      .execute();
    expect(spells.length).toBeGreaterThan(0);
    const workshops = await db.kysely
      .selectFrom('employers')
      .select(['name', 'region_code'])
      .where('is_workshop', '=', true)
      .where(
        'name',
        'in',
        spells.map((s) => s.employer),
      )
      .execute();
    expect(workshops.map((w) => w.name).sort()).toEqual(spells.map((s) => s.employer).sort());
    expect(workshops.every((w) => w.region_code.length === 12)).toBe(true);
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

  it('holds a Huize job fair with hires, plans the next and sends an organized export batch for the demo, once', async () => {
    // The demo picks 16 laborers of 脱贫户 willing to migrate and without work since the 2019
    // batch left (6) or the fair held in August (10); the Huize village seeded above has too few,
    // so it gets more households first.
    await seedPopulation(db, { areas: [HUI_VILLAGE], laborers: 240, seed: 3, today: TODAY, append: true });
    const summary = await seedDemoFairs(db, TODAY);
    expect(summary).toEqual({
      fairs: 2,
      invited: 6,
      attended: 5,
      hired: 2,
      plannedInvited: 5,
      batches: 2,
      exported: 6,
      exportedOn: '2019-02-21',
      exportedTo: '广东省深圳市宝安区',
      nextBatch: 3,
    });
    const fairs = await db.kysely
      .selectFrom('job_fairs as f')
      .select([
        'f.status',
        'f.fair_date',
        sql<number>`(SELECT count(*)::int FROM job_fair_jobs j WHERE j.fair_id = f.id)`.as('jobs'),
        sql<number>`(SELECT count(*)::int FROM job_fair_invitations i WHERE i.fair_id = f.id)`.as('invited'),
        sql<number>`(SELECT count(*)::int FROM job_fair_invitations i WHERE i.fair_id = f.id AND i.attended)`.as('attended'),
      ])
      .where('f.region_code', 'like', '530326%')
      .orderBy('f.fair_date')
      .execute();
    expect(fairs).toMatchObject([
      { status: 'held', jobs: 10, invited: 6, attended: 5 },
      { status: 'planned', jobs: 10, invited: 5, attended: 0 },
    ]);
    const [held, planned] = fairs.map((f) => f.fair_date);
    expect(held! >= '2026-01-01' && held! < TODAY).toBe(true);
    expect(planned! > TODAY && planned! <= '2026-12-31').toBe(true);

    // A fair can only have had the posts that existed on its day: every post of the held fair
    // was entered by then (the demo's posts are dated as collected before it).
    const heldPosts = await db.kysely
      .selectFrom('job_fair_jobs as fj')
      .innerJoin('job_fairs as f', 'f.id', 'fj.fair_id')
      .innerJoin('job_posts as j', 'j.id', 'fj.job_id')
      .select(['j.id', 'j.created_at'])
      .where('f.status', '=', 'held')
      .execute();
    expect(heldPosts).toHaveLength(10);
    expect(heldPosts.map((j) => todayInShanghai(j.created_at)).filter((posted) => posted > held!)).toEqual([]);

    // Each on-site hire is an employment spell from the fair's day and an opening counted.
    const hires = await db.kysely
      .selectFrom('job_fair_invitations as i')
      .innerJoin('employment_spells as s', 's.id', 'i.spell_id')
      .innerJoin('job_posts as j', 'j.id', 'i.hired_job_id')
      .select(['s.person_id', 's.start_date', 's.end_date', 's.channel', 'i.person_id as invited', 'j.filled'])
      .execute();
    expect(hires).toHaveLength(2);
    for (const h of hires) expect(h).toMatchObject({ person_id: h.invited, start_date: held, end_date: null });
    expect(hires.map((h) => h.channel).sort()).toEqual(['外出务工(有组织)', '帮扶车间']);
    expect(hires.every((h) => h.filled >= 1)).toBe(true);

    // Two fairs this year: Huize meets the two a year.
    const officer = await demoOfficer(db.kysely);
    const coverage = await fairCoverage(db, officer!, { region: '530326', year: 2026 });
    expect(coverage.items).toMatchObject([{ countyCode: '530326', fairs: 2, required: 2, met: true }]);

    // The batch that left after the 2019 Spring Festival: every member has its 外出务工(有组织)
    // spell from that day and is past 3 and 6 months.
    const batches = await db.kysely
      .selectFrom('export_batches')
      .select(['id', 'status', 'departure_date', 'job_id'])
      .where('region_code', 'like', '530326%')
      .orderBy('departure_date')
      .execute();
    expect(batches.map((b) => [b.status, b.departure_date])).toEqual([
      ['departed', '2019-02-21'],
      ['planned', '2026-12-05'],
    ]);
    const departed = await getExportBatch(db, officer!, batches[0]!.id);
    expect(departed).toMatchObject({ people: 6, destination: '广东省深圳市宝安区', stability: { stable3: 6, stable6: 6 } });
    // Its post was entered before it left, and the departure filled it.
    const post = await db.kysely
      .selectFrom('job_posts_current')
      .select(['created_at', 'openings', 'filled', 'effective_status'])
      .where('id', '=', batches[0]!.job_id ?? '0')
      .executeTakeFirstOrThrow();
    expect(todayInShanghai(post.created_at) < '2019-02-21').toBe(true);
    expect(post).toMatchObject({ openings: 6, filled: 6, effective_status: 'filled' });
    const spells = await db.kysely
      .selectFrom('employment_spells')
      .select(['channel', 'start_date', 'out_of_province', 'end_date'])
      .where(
        'id',
        'in',
        departed.members.map((m) => m.spellId ?? '0'),
      )
      .execute();
    expect(spells).toHaveLength(6);
    for (const s of spells)
      expect(s).toMatchObject({ channel: '外出务工(有组织)', start_date: '2019-02-21', out_of_province: true, end_date: null });
    expect((await getExportBatch(db, officer!, batches[1]!.id)).people).toBe(3);

    // Its 3 and 6 months fell while the export service subsidies were in force, so its card
    // shows, with the organizer's filing confirmed, 300 yuan a person out of province under
    // each document, with the article; the two pay for the same placement, so either, not both.
    for (const date of ['2019-05-21', '2019-08-21']) {
      const earned = await exportSubsidies(db, officer!, batches[0]!.id, { date, organizerFiled: true });
      const total = { title: expect.any(String), eligible: 6, amountFen: 180000, amountYuan: '1800.00' };
      expect(earned.totals).toEqual([
        { rule: 'EXP-HZ', ...total, sharesLimitWith: ['EXP-YN'] },
        { rule: 'EXP-YN', ...total, sharesLimitWith: ['EXP-HZ'] },
      ]);
      const hz = earned.items[0]?.decisions.find((d) => d.rule === 'EXP-HZ');
      expect(hz?.citations).toContainEqual({ document: 'HZ-2018-20', article: '第16条' });
    }

    // Everyone hired, sent or signed up is of a Huize 脱贫户 and willing to migrate.
    const chosen = await db.kysely
      .selectFrom('persons as p')
      .innerJoin('households as h', 'h.id', 'p.household_id')
      .select(['p.village_code', 'h.type', 'p.migrate_willing'])
      .where((eb) =>
        eb.or([
          eb('p.id', 'in', eb.selectFrom('export_batch_members').select('person_id')),
          eb('p.id', 'in', eb.selectFrom('job_fair_invitations').select('person_id')),
        ]),
      )
      .execute();
    expect(chosen).toHaveLength(6 + 6 + 4); // sent, invited to the held fair, newly invited to the next
    for (const c of chosen) expect(c).toMatchObject({ village_code: HUI_VILLAGE, type: '脱贫户', migrate_willing: true });

    // Nobody was hired or sent twice, and nobody holds two jobs at once.
    const open = await db.kysely
      .selectFrom('employment_spells')
      .select(['person_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('end_date', 'is', null)
      .groupBy('person_id')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(open).toEqual([]);

    expect(await seedDemoFairs(db, TODAY)).toBeUndefined();
    expect((await verifyAuditChain(db.kysely)).ok).toBe(true);
  });

  it('enters a demo list of 深度贫困县 with Huize, once, which the Huize officer’s 试算 of PWP-YN reads', async () => {
    expect(await seedDemoDesignations(db)).toContain('云南省深度贫困县名单（演示）（2018-01-01 起）');
    expect(await seedDemoDesignations(db)).toEqual([]);
    const officer = await demoOfficer(db.kysely);
    const result = await evaluate(db, officer as NonNullable<typeof officer>, {
      rule: 'PWP-YN',
      region: '530326001001',
      date: '2019-12-31',
      facts: { registeredPoor: true, cannotLeave: true, group: '大龄劳动力', placedInPost: true, monthsInPost: 2 },
    });
    const [decision] = (result as { decisions: { status: string; amountFen: number | null; trace: { label: string }[] }[] })
      .decisions;
    expect(decision).toMatchObject({ status: 'eligible', amountFen: 100000 });
    expect(decision?.trace.map((s) => s.label)).toContain('区划认定：所在县为深度贫困县');
    expect((await verifyAuditChain(db.kysely)).ok).toBe(true);
  });
});
