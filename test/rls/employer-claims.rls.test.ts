// The database itself keeps an employer's account to its own claims: plain SQL run as the
// application role under the scope employer:<id>, with queries that forget their WHERE clause.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, inScope } from '../../src/db/connection.ts';
import { creditCheckChar } from '../../src/domain/jobs/credit-code.ts';
import { createTestDatabase } from '../db.ts';
import { type BuiltPerson, buildHousehold, VILLAGES } from '../factories.ts';

let database: Database;
const employers: string[] = [];
const claims: string[] = [];
let person: BuiltPerson;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.kysely;
  person = (await buildHousehold(db, { village: VILLAGES.tanglang, members: [{ name: '陈国华' }] })).persons[0] as BuiltPerson;
  for (const n of ['1', '2', '3']) {
    const first = `91530326MA6K0000${n}`;
    const e = await db
      .insertInto('employers')
      .values({ credit_code: first + creditCheckChar(first), name: `单位${n}`, region_code: '530326' })
      .returning('id')
      .executeTakeFirstOrThrow();
    employers.push(e.id);
  }
  // Claims of employer 1 and 2, and one an office filed (no employer).
  for (const [i, employer] of [employers[0], employers[1], null].entries()) {
    const c = await db
      .insertInto('claims')
      .values({
        number: `BT2019-90000${i}`,
        rule_id: 'ABS-HZ',
        document_code: 'HZ-2018-20',
        region_code: '530326',
        subject_kind: 'employer',
        person_id: i === 0 ? person.id : null,
        subject_key: `key${i}`,
        beneficiary_name: `单位${i + 1}`,
        case_date: '2019-12-31',
        claim_year: 2019,
        facts: '{}',
        decision: '{}',
        parameter_version: 'x',
        amount_fen: 200000,
        fund_source: 'employment_fund',
        employer_id: employer ?? null,
        applicant: employer ? 'employer' : 'office',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    claims.push(c.id);
    await db
      .insertInto('claim_events')
      .values({ claim_id: c.id, region_code: '530326', action: 'submit', to_status: 'submitted', actor_name: 'x' })
      .execute();
  }
});
afterAll(() => database.close());

const asEmployer = <T>(i: number, fn: Parameters<typeof inScope<T>>[2]) =>
  inScope(database.kysely, `employer:${employers[i]}`, fn);
const rows = async (i: number, q: string) =>
  asEmployer(i, async (trx) => (await sql.raw<Record<string, unknown>>(q).execute(trx)).rows);

describe('row-level security for an employer account on claims', () => {
  it('an unfiltered SELECT sees only its own claims and their events, and no register row', async () => {
    expect((await rows(0, 'SELECT beneficiary_name FROM claims')).map((r) => r.beneficiary_name)).toEqual(['单位1']);
    expect((await rows(1, 'SELECT claim_id::text AS c FROM claim_events')).map((r) => r.c)).toEqual([claims[1]]);
    expect(await rows(2, 'SELECT id FROM claims')).toEqual([]);
    expect(await rows(0, 'SELECT id FROM persons')).toEqual([]);
    expect(await rows(0, 'SELECT id FROM employment_spells')).toEqual([]);
    expect(await rows(0, 'SELECT id FROM ledger_entries')).toEqual([]);
  });

  it('updates only its own claim, and only to withdraw or resubmit', async () => {
    const n = await asEmployer(0, async (trx) =>
      Number((await sql`UPDATE claims SET status = 'withdrawn'`.execute(trx)).numAffectedRows),
    );
    expect(n).toBe(1);
    const statuses = await database.kysely.selectFrom('claims').select('status').orderBy('id').execute();
    expect(statuses.map((s) => s.status)).toEqual(['withdrawn', 'submitted', 'submitted']);
    const approve = asEmployer(1, (trx) => sql`UPDATE claims SET status = 'reviewed'`.execute(trx));
    await expect(approve).rejects.toThrow(/row-level security/);
  });

  it('may not file a claim for another employer, nor write events or ledger entries of others’ claims', async () => {
    const other = asEmployer(0, (trx) =>
      sql`INSERT INTO claims (number, rule_id, document_code, region_code, subject_kind, subject_key, beneficiary_name,
        case_date, claim_year, facts, decision, parameter_version, amount_fen, fund_source, employer_id, applicant)
        VALUES ('BT2019-999999', 'ABS-HZ', 'HZ-2018-20', '530326', 'employer', 'k', 'x', '2019-12-31', 2019, '{}', '{}', 'x', 1,
        'employment_fund', ${employers[1]}, 'employer')`.execute(trx),
    );
    await expect(other).rejects.toThrow(/row-level security/);
    const event = asEmployer(0, (trx) =>
      sql`INSERT INTO claim_events (claim_id, region_code, action, to_status, actor_name)
        VALUES (${claims[1]}, '530326', 'withdraw', 'withdrawn', 'x')`.execute(trx),
    );
    await expect(event).rejects.toThrow(/row-level security/);
    const paid = asEmployer(0, (trx) =>
      sql`INSERT INTO ledger_entries (kind, fund_source, region_code, year, rule_id, document_code, article, claim_id, amount_fen, entry_date)
        VALUES ('paid', 'employment_fund', '530326', 2019, 'ABS-HZ', 'HZ-2018-20', '第16条', ${claims[0]}, 1, '2019-12-31')`.execute(
        trx,
      ),
    );
    await expect(paid).rejects.toThrow(/row-level security/);
  });

  it('finds a person of the register only by ID number and name together, and learns only the id and village', async () => {
    const find = (idNumber: string, name: string) => rows(0, `SELECT * FROM find_register_person('${idNumber}', '${name}')`);
    expect(await find(person.idNumber, '陈国华')).toEqual([{ person_id: person.id, village_code: VILLAGES.tanglang }]);
    expect(await find(person.idNumber, '陈国强')).toEqual([]);
    expect(await find(person.idNumber.toLowerCase(), ' 陈国华 ')).toHaveLength(1);
    expect(await rows(0, `SELECT employer_claim_laborer_village(${claims[0]}) AS v`)).toEqual([{ v: VILLAGES.tanglang }]);
    expect(await rows(1, `SELECT employer_claim_laborer_village(${claims[0]}) AS v`)).toEqual([{ v: null }]);
  });
});
