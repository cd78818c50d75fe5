// 政策找人 runs are resumable: a run stopped between chunks (server restart) continues after
// its last whole chunk and ends with the same list and counts as a run never stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { buildHousehold, VILLAGES } from '../../../test/factories.ts';
import { RunInterrupted } from '../../background/runs.ts';
import type { Database } from '../../db/connection.ts';
import { findRule, type Rule } from '../../domain/rules/index.ts';
import type { RegisterPerson } from '../../domain/rules/person-facts.ts';
import { catalog } from './catalog.ts';
import { qualifying, runFind } from './find-runner.ts';

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

describe('who a transport subsidy lists (外出务工 from the register’s channel)', () => {
  const huizeVillage = '530326100200';
  const laborerWorking = (channel: string, placeCode: string | null, outOfProvince = false): RegisterPerson => ({
    sex: '男',
    birthDate: '1985-05-05',
    workCapacity: '普通劳动力',
    studentStatus: '非在校生',
    disability: '无',
    health: '健康',
    migrateWilling: true,
    householdType: '脱贫户',
    relocated: false,
    spells: [
      { startDate: '2018-06-01', endDate: null, channel, placeCode, outOfProvince, monthlyIncomeFen: 200000, insured: false },
    ],
  });
  const decide = async (id: string, p: RegisterPerson) => {
    const cat = await catalog();
    return qualifying(cat, findRule(cat, id) as Rule, { settings: [] }, p, huizeVillage, '2019-03-01');
  };

  it('lists a laborer gone out to work in the county town (县内, up to 100 yuan) and out of the province', async () => {
    expect(await decide('TR-HZ', laborerWorking('外出务工(自主)', '530326001'))).toMatchObject({ maxAmountFen: 10000 });
    expect(await decide('TR-HZ', laborerWorking('外出务工(有组织)', null, true))).toMatchObject({ maxAmountFen: 50000 });
    expect(await decide('TR-YN', laborerWorking('外出务工(自主)', null, true))).toMatchObject({ maxAmountFen: 50000 });
  });

  it('leaves out a laborer at the workshop of its village, on a public-welfare post or in local work', async () => {
    for (const channel of ['帮扶车间', '公益性岗位', '就地就近']) {
      expect(await decide('TR-HZ', laborerWorking(channel, huizeVillage)), channel).toBeUndefined();
      expect(await decide('TR-YN', laborerWorking(channel, huizeVillage)), channel).toBeUndefined();
    }
  });
});
