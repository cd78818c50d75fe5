// The database itself keeps an employer's account to its own posts: plain SQL run as the
// application role under the scope employer:<id>.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { buildHousehold, VILLAGES } from '../../../test/factories.ts';
import { type Database, inScope } from '../../db/connection.ts';
import { creditCheckChar } from '../../domain/jobs/credit-code.ts';

let database: Database;
const ids: string[] = [];
const jobs: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.kysely;
  await buildHousehold(db, { village: VILLAGES.tanglang, members: [{ name: '丙' }] });
  for (const n of ['1', '2']) {
    const first = `91530326MA6K0000${n}`;
    const e = await db
      .insertInto('employers')
      .values({ credit_code: first + creditCheckChar(first), name: `单位${n}`, region_code: '530326' })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(e.id);
    const j = await db
      .insertInto('job_posts')
      .values({
        employer_id: e.id,
        region_code: '530326',
        title: `岗位${n}`,
        occupation_code: '6-25',
        work_region_code: '530326',
        openings: 2,
        wage_min_fen: 1,
        wage_max_fen: 2,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    jobs.push(j.id);
  }
});
afterAll(() => database.close());

const asEmployer = <T>(i: number, fn: Parameters<typeof inScope<T>>[2]) => inScope(database.kysely, `employer:${ids[i]}`, fn);

describe('row-level security for an employer account', () => {
  it('sees no laborer even with a query that forgets its WHERE clause', async () => {
    const rows = await asEmployer(0, async (trx) => (await sql`SELECT id FROM persons`.execute(trx)).rows);
    expect(rows).toEqual([]);
  });

  it('updates its own post and not another employer’s', async () => {
    const n = await asEmployer(0, async (trx) => (await sql`UPDATE job_posts SET openings = 3`.execute(trx)).numAffectedRows);
    expect(Number(n)).toBe(1);
    const rows = await database.kysely.selectFrom('job_posts').select(['id', 'openings']).orderBy('id').execute();
    expect(rows.map((r) => r.openings)).toEqual([3, 2]);
  });

  it('may not insert a post for another employer or one marked as collected by an office', async () => {
    const other = asEmployer(0, (trx) =>
      sql`INSERT INTO job_posts (employer_id, region_code, title, occupation_code, work_region_code, openings, wage_min_fen, wage_max_fen, source)
          VALUES (${ids[1]}, '530326', 'x', '6-25', '530326', 1, 1, 1, 'employer')`.execute(trx),
    );
    await expect(other).rejects.toThrow(/row-level security/);
    const asForm = asEmployer(0, (trx) =>
      sql`INSERT INTO job_posts (employer_id, region_code, title, occupation_code, work_region_code, openings, wage_min_fen, wage_max_fen, source)
          VALUES (${ids[0]}, '530326', 'x', '6-25', '530326', 1, 1, 1, 'form')`.execute(trx),
    );
    await expect(asForm).rejects.toThrow(/row-level security/);
  });

  it('may not change another employer’s record', async () => {
    const n = await asEmployer(0, async (trx) => (await sql`UPDATE employers SET address = 'x'`.execute(trx)).numAffectedRows);
    expect(Number(n)).toBe(1);
  });
});
