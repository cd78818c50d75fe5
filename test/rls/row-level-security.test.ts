// Row-level security, shown with plain SQL run as the application role: a query that
// forgets its WHERE clause still sees nothing outside the region scope.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, inScope } from '../../src/db/connection.ts';
import { createTestDatabase } from '../db.ts';
import { buildHousehold, VILLAGES } from '../factories.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.kysely;
  await buildHousehold(db, { village: VILLAGES.hedong, members: [{ name: '甲' }] });
  await buildHousehold(db, { village: VILLAGES.shanzuizi, members: [{ name: '乙' }] });
  const h = await buildHousehold(db, { village: VILLAGES.tanglang, members: [{ name: '丙' }] });
  await db
    .insertInto('employment_spells')
    .values({
      person_id: h.persons[0]?.id ?? '',
      village_code: VILLAGES.tanglang,
      start_date: '2025-01-01',
      channel: '灵活就业',
      monthly_income_fen: 100000,
    })
    .execute();
});
afterAll(() => database.close());

const names = (scope: string) =>
  inScope(database.kysely, scope, async (trx) =>
    (await sql<{ name: string }>`SELECT name FROM persons ORDER BY name`.execute(trx)).rows.map((r) => r.name),
  );

describe('row-level security under bangfu_app', () => {
  it('runs as a role that is neither superuser nor exempt from RLS', async () => {
    const r = await inScope(database.kysely, '15', (trx) =>
      sql<{
        u: string;
        sup: boolean;
        bypass: boolean;
      }>`SELECT current_user AS u, rolsuper AS sup, rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user`.execute(
        trx,
      ),
    );
    expect(r.rows[0]).toEqual({ u: 'bangfu_app', sup: false, bypass: false });
  });

  it('an unfiltered SELECT sees only the rows under the scope prefix', async () => {
    expect(await names('15')).toEqual(['乙', '甲'].sort());
    expect(await names('150425')).toEqual(['甲']);
    expect(await names(VILLAGES.tanglang)).toEqual(['丙']);
    expect(await names('43')).toEqual([]);
  });

  it('an unset scope sees nothing at all', async () => {
    const rows = await database.kysely.transaction().execute(async (trx) => {
      await sql`SET LOCAL ROLE bangfu_app`.execute(trx);
      return (await sql`SELECT * FROM persons`.execute(trx)).rows;
    });
    expect(rows).toEqual([]);
  });

  it('spells, households and counts are scoped the same way', async () => {
    const r = await inScope(database.kysely, '15', async (trx) => ({
      spells: (await sql<{ n: string }>`SELECT count(*)::text AS n FROM employment_spells`.execute(trx)).rows[0]?.n,
      households: (await sql<{ n: string }>`SELECT count(*)::text AS n FROM households`.execute(trx)).rows[0]?.n,
    }));
    expect(r).toEqual({ spells: '0', households: '2' });
  });

  it('cannot write a row outside the scope, nor move one out of it', async () => {
    await expect(
      inScope(database.kysely, '150425', (trx) =>
        sql`INSERT INTO households (number, village_code, type) VALUES ('X1', ${VILLAGES.shanzuizi}, '脱贫户')`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      inScope(database.kysely, '150425', (trx) => sql`UPDATE persons SET village_code = ${VILLAGES.shanzuizi}`.execute(trx)),
    ).rejects.toThrow(/row-level security/);
  });

  it('an UPDATE or DELETE without WHERE touches only rows in scope', async () => {
    const n = await inScope(
      database.kysely,
      VILLAGES.hedong,
      async (trx) => (await sql`UPDATE persons SET education = '小学'`.execute(trx)).numAffectedRows,
    );
    expect(Number(n)).toBe(1);
    const others = await database.kysely
      .selectFrom('persons')
      .select('education')
      .where('village_code', '<>', VILLAGES.hedong)
      .execute();
    expect(others.every((p) => p.education === '初中')).toBe(true);
  });

  it('the application role cannot edit or delete audit entries', async () => {
    await expect(inScope(database.kysely, '15', (trx) => sql`DELETE FROM audit_log`.execute(trx))).rejects.toThrow();
    await expect(
      inScope(database.kysely, '15', (trx) => sql`UPDATE audit_log SET actor_name = 'x'`.execute(trx)),
    ).rejects.toThrow();
  });
});
