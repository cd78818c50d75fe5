// Row-level security under a laborer's scope 'person:<id>', shown with plain SQL run as the
// application role: it matches no region, so the register is hidden, and the laborer portal's
// policies (migration 20261121170200) let it read its own person, household, spells,
// recommendations and claims, and change only the tracking columns of its recommendations.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, inScope } from '../../src/db/connection.ts';
import { createTestDatabase } from '../db.ts';
import { type BuiltPerson, buildHousehold, VILLAGES } from '../factories.ts';

let database: Database;
let me: BuiltPerson;
let spouse: BuiltPerson;
let stranger: BuiltPerson;
let myRec = '';
let theirRec = '';

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.kysely;
  [me, spouse] = (await buildHousehold(db, { village: VILLAGES.tanglang, members: [{ name: '甲' }, { name: '乙', sex: '女' }] }))
    .persons as [BuiltPerson, BuiltPerson];
  [stranger] = (await buildHousehold(db, { village: VILLAGES.hedong, members: [{ name: '丙' }] })).persons as [BuiltPerson];
  for (const p of [me, stranger]) {
    await db
      .insertInto('employment_spells')
      .values({
        person_id: p.id,
        village_code: p.villageCode,
        start_date: '2025-01-01',
        channel: '灵活就业',
        monthly_income_fen: 100000,
      })
      .execute();
  }
  const e = await db
    .insertInto('employers')
    .values({ credit_code: '91440300MA5F000001', name: '某厂', region_code: '530326' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const job = await db
    .insertInto('job_posts')
    .values({
      employer_id: e.id,
      region_code: '530326',
      title: '装配工',
      occupation_code: '6-25-04-00',
      work_region_code: '440306',
      openings: 1,
      wage_min_fen: 400000,
      wage_max_fen: 500000,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const run = await db
    .insertInto('matching_runs')
    .values({ region_code: '53', as_of: '2026-11-01', status: 'done' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rec = (p: BuiltPerson) =>
    db
      .insertInto('recommendations')
      .values({ run_id: run.id, person_id: p.id, job_id: job.id, region_code: p.villageCode, rank: 1, score: 0.5 })
      .returning('id')
      .executeTakeFirstOrThrow();
  myRec = (await rec(me)).id;
  theirRec = (await rec(stranger)).id;
  for (const p of [me, stranger]) {
    await db
      .insertInto('claims')
      .values({
        number: `BT2019-${p.id.padStart(6, '0')}`,
        rule_id: 'TR-HZ',
        document_code: 'HZ-2018-20',
        region_code: p.villageCode,
        subject_kind: 'person',
        person_id: p.id,
        subject_key: `person:${p.id}`,
        beneficiary_name: p.name,
        bank_name: '农行',
        bank_account: '6228480086012345678',
        case_date: '2019-03-01',
        claim_year: 2019,
        facts: '{}',
        decision: '{}',
        parameter_version: 'x',
        amount_fen: 30000,
        fund_source: 'employment_fund',
      })
      .execute();
  }
});
afterAll(() => database.close());

const scope = () => `person:${me.id}`;
const rows = <T>(query: string) => inScope(database.kysely, scope(), async (trx) => (await sql.raw<T>(query).execute(trx)).rows);

describe("row-level security under a laborer's scope person:<id>", () => {
  it('an unfiltered SELECT of the register sees its own person, household and spells only', async () => {
    expect(await rows<{ name: string }>('SELECT name FROM persons')).toEqual([{ name: '甲' }]);
    expect((await rows<{ id: string }>('SELECT id FROM households')).map((h) => h.id)).toEqual([me.householdId]);
    expect((await rows<{ person_id: string }>('SELECT person_id FROM employment_spells')).map((s) => s.person_id)).toEqual([
      me.id,
    ]);
    expect(await rows('SELECT * FROM duplicate_candidates')).toEqual([]);
  });

  it('sees its own recommendation and claim, not another person’s (not even its spouse’s)', async () => {
    expect((await rows<{ id: string }>('SELECT id FROM recommendations')).map((r) => r.id)).toEqual([myRec]);
    expect((await rows<{ person_id: string }>('SELECT person_id FROM claims')).map((c) => c.person_id)).toEqual([me.id]);
    expect(await rows(`SELECT * FROM persons WHERE id = ${spouse.id}`)).toEqual([]);
    // Job posts and employers are readable by every scope (public data); the service shows only the public columns.
    expect((await rows<{ n: number }>('SELECT count(*)::int AS n FROM job_posts'))[0]?.n).toBe(1);
  });

  it('cannot write the register, nor a claim, nor another person’s recommendation', async () => {
    await expect(rows(`UPDATE persons SET name = '改' WHERE id = ${me.id} RETURNING id`)).resolves.toEqual([]);
    await expect(
      rows(`INSERT INTO claims (number, rule_id, document_code, region_code, subject_kind, person_id, subject_key, beneficiary_name,
              case_date, claim_year, facts, decision, parameter_version, amount_fen, fund_source)
            VALUES ('BT2019-999999', 'TR-HZ', 'HZ-2018-20', '${VILLAGES.tanglang}', 'person', ${me.id}, 'person:${me.id}', '甲',
              '2019-03-01', 2019, '{}', '{}', 'x', 50000, 'employment_fund')`),
    ).rejects.toThrow(/row-level security/);
    expect(await rows(`UPDATE recommendations SET seen_at = now() WHERE id = ${theirRec} RETURNING id`)).toEqual([]);
  });

  it('may stamp seen, interested and consent on its own recommendation, and nothing else of it', async () => {
    expect(
      await rows(
        `UPDATE recommendations SET seen_at = now(), interested_at = now(), consent_at = now() WHERE id = ${myRec} RETURNING id`,
      ),
    ).toEqual([{ id: myRec }]);
    await expect(rows(`UPDATE recommendations SET hired_on = '2026-11-01' WHERE id = ${myRec}`)).rejects.toThrow(
      /may record only seen, interested, consent and declined/,
    );
    await expect(rows(`UPDATE recommendations SET person_id = ${stranger.id} WHERE id = ${myRec}`)).rejects.toThrow();
  });

  it('a malformed person scope matches nothing', async () => {
    const seen = await inScope(
      database.kysely,
      `person:${me.id}0`,
      async (trx) => (await sql<{ name: string }>`SELECT name FROM persons`.execute(trx)).rows,
    );
    expect(seen).toEqual([]);
    const injected = await inScope(
      database.kysely,
      `person:${me.id} OR true`,
      async (trx) => (await sql<{ name: string }>`SELECT name FROM persons`.execute(trx)).rows,
    );
    expect(injected).toEqual([]);
  });
});
