// Row-level security under a laborer's scope 'person:<id>', shown with plain SQL run as the
// application role: it matches no region, so the register is hidden, and the laborer portal's
// policies (migration 20261121170200) let it read its own person, household, spells,
// recommendations and claims, and change only the tracking columns of its recommendations;
// it may withdraw a consent in force on its own recommendation and give it again, never erase
// either (migration 20261121180100), and of its inbox messages it may change read_at alone,
// and that only from unread to now (migration 20261121181000).
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
let myMessage = '';

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
  myMessage = (
    await db
      .insertInto('inapp_messages')
      .values({
        person_id: me.id,
        region_code: me.villageCode,
        title: '为您推荐岗位：装配工',
        body: '请到村委会咨询',
        outbox_id: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
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
      /may record only seen, interested, consent, its withdrawal and declined/,
    );
    // A column the trigger of 20261121170200 did not name is kept too (the list is of what may change).
    await expect(rows(`UPDATE recommendations SET run_id = run_id WHERE id = ${myRec} RETURNING id`)).resolves.toEqual([
      { id: myRec },
    ]);
    await expect(rows(`UPDATE recommendations SET person_id = ${stranger.id} WHERE id = ${myRec}`)).rejects.toThrow();
  });

  it('may withdraw the consent in force on its own recommendation (撤回同意), not another person’s, and never erase it', async () => {
    // The consent given in the test above is in force.
    expect(await rows(`UPDATE recommendations SET consent_withdrawn_at = now() WHERE id = ${theirRec} RETURNING id`)).toEqual([]);
    expect(
      await rows(
        `UPDATE recommendations SET consent_withdrawn_at = consent_at + interval '1 minute' WHERE id = ${myRec} RETURNING id`,
      ),
    ).toEqual([{ id: myRec }]);
    // Withdrawn already: neither withdrawn again, nor moved, nor erased; consent is not erased either.
    for (const set of [
      `consent_withdrawn_at = consent_withdrawn_at + interval '1 minute'`,
      'consent_withdrawn_at = NULL',
      'consent_at = NULL',
    ]) {
      await expect(rows(`UPDATE recommendations SET ${set} WHERE id = ${myRec}`), set).rejects.toThrow(
        /may withdraw only a consent in force|may give consent only when none is in force/,
      );
    }
    // Consent given again is dated after the withdrawal.
    await expect(
      rows(`UPDATE recommendations SET consent_at = consent_withdrawn_at - interval '1 second' WHERE id = ${myRec}`),
    ).rejects.toThrow(/may give consent only when none is in force/);
    expect(
      await rows(
        `UPDATE recommendations SET consent_at = consent_withdrawn_at + interval '1 minute' WHERE id = ${myRec} RETURNING id`,
      ),
    ).toEqual([{ id: myRec }]);
    const [row] = await database.kysely
      .selectFrom('recommendations')
      .select(['consent_at', 'consent_withdrawn_at'])
      .where('id', '=', myRec)
      .execute();
    expect(row?.consent_withdrawn_at).not.toBeNull();
    expect(new Date(row?.consent_at as Date).getTime()).toBeGreaterThan(new Date(row?.consent_withdrawn_at as Date).getTime());
    // The other person's recommendation was never touched.
    const theirs = await database.kysely
      .selectFrom('recommendations')
      .select(['consent_at', 'consent_withdrawn_at'])
      .where('id', '=', theirRec)
      .executeTakeFirstOrThrow();
    expect(theirs).toEqual({ consent_at: null, consent_withdrawn_at: null });
  });

  it('of its own inbox messages may set read_at, and no other column (column privilege of bangfu_app)', async () => {
    expect(await rows(`UPDATE inapp_messages SET read_at = now() WHERE id = ${myMessage} RETURNING id`)).toEqual([
      { id: myMessage },
    ]);
    for (const set of [
      `title = '改'`,
      `body = '改'`,
      `person_id = ${stranger.id}`,
      `region_code = '${VILLAGES.hedong}'`,
      'outbox_id = 2',
      'created_at = now()',
    ]) {
      await expect(rows(`UPDATE inapp_messages SET ${set} WHERE id = ${myMessage}`), set).rejects.toThrow(/permission denied/);
    }
    // The same holds for every session of the application role, an office's too.
    await expect(
      inScope(database.kysely, VILLAGES.tanglang, (trx) =>
        sql`UPDATE inapp_messages SET body = '改' WHERE id = ${myMessage}`.execute(trx),
      ),
    ).rejects.toThrow(/permission denied/);
    const row = await database.kysely
      .selectFrom('inapp_messages')
      .select(['title', 'body', 'person_id', 'read_at'])
      .where('id', '=', myMessage)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title: '为您推荐岗位：装配工', body: '请到村委会咨询', person_id: me.id });
    expect(row.read_at).not.toBeNull();
  });

  it('marks its inbox message read only from unread to now (migration 20261121181000): never unread again, never another time', async () => {
    const db = database.kysely;
    const msg = (
      await db
        .insertInto('inapp_messages')
        .values({ person_id: me.id, region_code: me.villageCode, title: '政策告知', body: '请到村委会咨询', outbox_id: 3 })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const readAt = async () =>
      (await db.selectFrom('inapp_messages').select('read_at').where('id', '=', msg).executeTakeFirstOrThrow()).read_at;
    // Unread: to a time in the past or the future, refused; unread to unread is no change.
    for (const at of ["now() - interval '1 day'", "now() + interval '1 day'", "'2020-01-01 00:00:00+08'"]) {
      await expect(rows(`UPDATE inapp_messages SET read_at = ${at} WHERE id = ${msg}`), at).rejects.toThrow(
        /只能标记为当前时间已读/,
      );
    }
    expect(await rows(`UPDATE inapp_messages SET read_at = NULL WHERE id = ${msg} RETURNING id`)).toEqual([{ id: msg }]);
    expect(await readAt()).toBeNull();
    // Unread to the transaction's now(), as the service writes it; writing it again in the
    // same transaction is no change either.
    const [marked] = await inScope(db, scope(), async (trx) => {
      await sql`UPDATE inapp_messages SET read_at = coalesce(read_at, now()) WHERE id = ${msg}`.execute(trx);
      return (
        await sql<{ same: boolean }>`UPDATE inapp_messages SET read_at = now() WHERE id = ${msg}
                                      RETURNING read_at = now() AS same`.execute(trx)
      ).rows;
    });
    expect(marked).toEqual({ same: true });
    const first = await readAt();
    expect(first).not.toBeNull();
    // Read: never unread again, never another time, whoever of the application role asks.
    for (const at of ['NULL', "read_at + interval '1 second'", "read_at - interval '1 day'", "now() + interval '1 day'"]) {
      await expect(rows(`UPDATE inapp_messages SET read_at = ${at} WHERE id = ${msg}`), at).rejects.toThrow(
        /已标记为已读，阅读时间不能清除或更改/,
      );
    }
    await expect(
      inScope(db, VILLAGES.tanglang, (trx) => sql`UPDATE inapp_messages SET read_at = NULL WHERE id = ${msg}`.execute(trx)),
    ).rejects.toThrow(/已标记为已读/);
    // Marking it read again (the service's coalesce) keeps the first time.
    expect(await rows(`UPDATE inapp_messages SET read_at = coalesce(read_at, now()) WHERE id = ${msg} RETURNING id`)).toEqual([
      { id: msg },
    ]);
    expect(await rows(`UPDATE inapp_messages SET read_at = read_at WHERE id = ${msg} RETURNING id`)).toEqual([{ id: msg }]);
    expect(await readAt()).toEqual(first);
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
