// 政策找人 runs are resumable: a run stopped between chunks (server restart) continues after
// its last whole chunk and ends with the same list and counts as a run never stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { buildHousehold, VILLAGES } from '../../../test/factories.ts';
import { RunInterrupted } from '../../background/runs.ts';
import type { Database } from '../../db/connection.ts';
import { runFind } from './find-runner.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.kysely;
  // Seven laborers of Huize working out of the province since 2018-11 (TR-HZ: up to 500 yuan).
  for (let i = 0; i < 7; i++) {
    const { persons } = await buildHousehold(db, { village: VILLAGES.tanglang, members: [{ name: `外出${i}` }] });
    const p = persons[0];
    if (!p) throw new Error('no person');
    await db
      .insertInto('employment_spells')
      .values({
        person_id: p.id,
        village_code: p.villageCode,
        start_date: '2018-11-01',
        channel: '外出务工(自主)',
        place_name: '浙江省宁波市',
        out_of_province: true,
        monthly_income_fen: 450000,
      })
      .execute();
  }
  await buildHousehold(db, { village: VILLAGES.tanglang, members: [{ name: '在家' }] });
});
afterAll(() => database.close());

async function newRun(): Promise<string> {
  const r = await database.kysely
    .insertInto('find_runs')
    .values({ rule_id: 'TR-HZ', region_code: '530326', case_date: '2019-03-01' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

const runRow = (id: string) => database.kysely.selectFrom('find_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const listOf = async (id: string) =>
  (
    await database.kysely.selectFrom('find_results').select('person_id').where('run_id', '=', id).orderBy('person_id').execute()
  ).map((r) => r.person_id);

describe('a 政策找人 run', () => {
  it('stopped after its first chunk resumes and ends as a run that was never stopped', async () => {
    const whole = await newRun();
    expect(await runFind(database, whole, { chunk: 3 })).toBe('done');

    const stopped = await newRun();
    let checks = 0;
    const stopAfterFirstChunk = {
      get aborted() {
        return ++checks > 1;
      },
    } as AbortSignal;
    await expect(runFind(database, stopped, { chunk: 3, signal: stopAfterFirstChunk })).rejects.toBeInstanceOf(RunInterrupted);
    const half = await runRow(stopped);
    expect(half).toMatchObject({ status: 'running', evaluated: 3, total: 8 });
    expect(await listOf(stopped)).toHaveLength(3);

    expect(await runFind(database, stopped, { chunk: 3 })).toBe('done');
    const [a, b] = [await runRow(whole), await runRow(stopped)];
    for (const k of ['evaluated', 'qualified', 'already_claimed', 'amount_fen', 'max_amount_fen'] as const)
      expect(b[k]).toEqual(a[k]);
    expect(b).toMatchObject({ evaluated: 8, qualified: 7, max_amount_fen: String(7 * 50000) });
    expect(await listOf(stopped)).toEqual(await listOf(whole));
  });

  it('fails with a message for a rule that is not about a person', async () => {
    const r = await database.kysely
      .insertInto('find_runs')
      .values({ rule_id: 'WS-YN', region_code: '530326', case_date: '2019-03-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(runFind(database, r.id)).rejects.toThrow('对象不是劳动力个人');
    expect(await runRow(r.id)).toMatchObject({ status: 'failed' });
    expect((await runRow(r.id)).message).toContain('政策找人失败');
  });
});
