// 政策找人 reads the register from memory; what an officer changed in the register must be in
// the next run: new persons and spells, a household that changed type, a merged record, a
// person moved to another province, and a change whose transaction committed only after the
// snapshot had looked (PostgreSQL only: PGlite has one connection and no such overlap).

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { buildHousehold, VILLAGES } from '../../../../test/factories.ts';
import type { Database } from '../../../db/connection.ts';
import { pruneChangeFeedOnce, RegisterSnapshots } from './register-snapshots.ts';
import type { RegisterStore } from './register-store.ts';

let database: Database;
let snapshots: RegisterSnapshots;

beforeAll(async () => {
  database = await createTestDatabase();
  snapshots = new RegisterSnapshots(database);
});
afterAll(() => database.close());

function find(store: RegisterStore, id: string) {
  for (let slot = 0; slot < store.slots; slot++)
    if (store.isAlive(slot) && store.idOf(slot) === Number(id))
      return { village: store.villageOf(slot), person: store.person(slot) };
  return undefined;
}

const spell = (personId: string, village: string, start: string) => ({
  person_id: personId,
  village_code: village,
  start_date: start,
  channel: '外出务工(自主)' as const,
  place_name: '浙江省宁波市',
  out_of_province: true,
  monthly_income_fen: 450000,
  employer: '宁波\\港\t物流', // COPY's text format escapes both
});

describe('the register 政策找人 holds in memory', () => {
  it('reads the province once, then follows every change written after', async () => {
    const db = database.kysely;
    const a = await buildHousehold(db, {
      village: VILLAGES.tanglang,
      members: [{ name: '甲' }, { name: '乙', birth: '1988-05-06' }],
    });
    const inner = await buildHousehold(db, { village: VILLAGES.hedong, members: [{ name: '丙' }] });
    const [p1, p2] = a.persons as [(typeof a.persons)[0], (typeof a.persons)[0]];

    const first = await snapshots.current('530326');
    expect(snapshots.last).toMatchObject({ kind: 'load', province: '53', persons: 2 });
    expect(find(first, p1.id)?.person.spells).toEqual([]);
    expect(find(first, inner.persons[0]?.id ?? '')).toBeUndefined(); // another province

    // a new spell, a new person, a household become 监测对象
    await db
      .insertInto('employment_spells')
      .values(spell(p1.id, p1.villageCode, '2019-04-01'))
      .execute();
    const b = await buildHousehold(db, { village: VILLAGES.tanglang, members: [{ name: '丁' }] });
    await db
      .updateTable('households')
      .set({ type: '监测对象', monitoring_category: '边缘易致贫户' })
      .where('id', '=', a.householdId)
      .execute();

    const second = await snapshots.current('53');
    expect(snapshots.last).toMatchObject({ kind: 'catch-up', persons: 3 });
    expect(second).toBe(first);
    expect(find(second, p1.id)?.person).toMatchObject({
      householdType: '监测对象',
      spells: [{ startDate: '2019-04-01', outOfProvince: true }],
    });
    expect(find(second, p2.id)?.person.householdType).toBe('监测对象');
    expect(find(second, b.persons[0]?.id ?? '')).toMatchObject({ village: VILLAGES.tanglang });

    // merged into another record, moved to Inner Mongolia: gone from Yunnan's register
    await db.updateTable('persons').set({ merged_into: p1.id }).where('id', '=', p2.id).execute();
    const moved = b.persons[0]?.id ?? '';
    await db.updateTable('households').set({ village_code: VILLAGES.hedong }).where('id', '=', b.householdId).execute();
    await db.updateTable('persons').set({ village_code: VILLAGES.hedong }).where('id', '=', moved).execute();
    const third = await snapshots.current('53');
    expect(third.size).toBe(1);
    expect(find(third, p2.id)).toBeUndefined();
    expect(find(third, moved)).toBeUndefined();
    // a catch-up holds the same as a read of the whole province
    const fresh = await new RegisterSnapshots(database).current('53');
    expect(find(fresh, p1.id)).toEqual(find(third, p1.id));
    expect(find(fresh, p1.id)?.person.spells[0]?.employer).toBe('宁波\\港\t物流');
    // ... and in Inner Mongolia's
    const inner2 = await snapshots.current('15');
    expect(find(inner2, moved)).toMatchObject({ village: VILLAGES.hedong });
  });

  it('reads anew when most of the province changed, and nothing is lost', async () => {
    const small = new RegisterSnapshots(database, { reloadShare: 0 });
    await small.current('53');
    const c = await buildHousehold(database.kysely, {
      village: VILLAGES.tanglang,
      members: Array.from({ length: 3 }, (_, i) => ({ name: `戊${i}`, birth: `199${i}-01-02` })),
    });
    const store = await small.current('53');
    expect(small.last?.kind).toBe('catch-up'); // under 1,000 changes a catch-up is always cheaper
    for (const p of c.persons) expect(find(store, p.id)).toBeDefined();
  });

  it.runIf(process.env.DATABASE_URL)(
    'does not pass over a change whose transaction committed after the snapshot looked',
    async () => {
      const db = database.kysely;
      const { persons } = await buildHousehold(db, { village: VILLAGES.tanglang, members: [{ name: '迟' }] });
      const late = persons[0]?.id ?? '';
      await snapshots.current('53');
      let commit: () => void = () => {};
      const held = new Promise<void>((r) => {
        commit = r;
      });
      let written: () => void = () => {};
      const wrote = new Promise<void>((r) => {
        written = r;
      });
      // A transaction that writes, then waits while the snapshot catches up, then commits.
      const slow = db.transaction().execute(async (trx) => {
        await trx
          .insertInto('employment_spells')
          .values(spell(late, VILLAGES.tanglang, '2020-02-01'))
          .execute();
        written();
        await held;
      });
      await wrote;
      // A later transaction writes and commits first.
      await buildHousehold(db, { village: VILLAGES.tanglang, members: [{ name: '早', birth: '1979-09-09' }] });
      const during = await snapshots.current('53');
      expect(find(during, late)?.person.spells).toEqual([]);
      commit();
      await slow;
      const after = await snapshots.current('53');
      expect(find(after, late)?.person.spells).toMatchObject([{ startDate: '2020-02-01' }]);
    },
  );

  it('forgets changes older than two days', async () => {
    const count = async () =>
      Number(
        (await sql<{ n: string }>`SELECT count(*) AS n FROM register_changes WHERE person_id = 999999`.execute(database.kysely))
          .rows[0]?.n,
      );
    await sql`INSERT INTO register_changes (person_id, village_code, changed_at)
              VALUES (999999, ${VILLAGES.tanglang}, now() - interval '3 days'), (999999, ${VILLAGES.tanglang}, now() - interval '1 day')`.execute(
      database.kysely,
    );
    await pruneChangeFeedOnce(database);
    expect(await count()).toBe(1);
  });

  it('gives back the memory of a province no run used for a while, and reads it anew on the next run', async () => {
    const mine = new RegisterSnapshots(database);
    await mine.current('53');
    expect(mine.evictIdle(60_000)).toEqual([]);
    await new Promise((r) => setTimeout(r, 5));
    expect(mine.evictIdle(1)).toEqual(['53']);
    await mine.current('53');
    expect(mine.last?.kind).toBe('load');
  });
});
