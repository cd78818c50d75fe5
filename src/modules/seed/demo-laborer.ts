// The demo laborer of 劳动者服务: a seeded Huize laborer (where the county transport subsidy
// TR-HZ applies) of a 脱贫户 household, of working age, willing to migrate and with a phone in
// the register, given real recommendations by a matching run over its village when it has none.
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import type { DemoLaborer } from '../../domain/seed/demo-accounts.ts';
import { runMatching } from '../recommendations/matching-runner.ts';
import { matchingSetup } from '../recommendations/model.ts';
import { DEMO_COUNTY } from './demo-cycle.ts';

/** The demo laborer: the first (by id) Huize laborer of a 脱贫户 of working age, willing to migrate, with a phone. */
export function findDemoLaborer(db: Database['kysely'], today: string) {
  return db
    .selectFrom('persons as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .select(['p.id', 'p.name', 'p.id_number', 'p.phone', 'p.village_code'])
    .where('p.village_code', 'like', `${DEMO_COUNTY}%`)
    .where('h.type', '=', '脱贫户')
    .where('p.migrate_willing', '=', true)
    .where('p.merged_into', 'is', null)
    .where('p.phone', 'is not', null)
    .where('p.work_capacity', 'in', ['技能劳动力', '普通劳动力'])
    .where(sql<boolean>`p.birth_date BETWEEN ${today}::date - interval '45 years' AND ${today}::date - interval '20 years'`)
    .orderBy('p.id')
    .limit(1)
    .executeTakeFirst();
}

export async function ensureDemoLaborer(database: Database, today: string): Promise<DemoLaborer | undefined> {
  const db = database.kysely;
  const p = await findDemoLaborer(db, today);
  if (!p?.phone) return undefined;
  const count = async () =>
    Number(
      (
        await db
          .selectFrom('recommendations')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('person_id', '=', p.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  let n = await count();
  if (n === 0) {
    const run = await db
      .insertInto('matching_runs')
      .values({ region_code: p.village_code, as_of: today })
      .returning('id')
      .executeTakeFirstOrThrow();
    await runMatching(database, matchingSetup(), run.id);
    n = await count();
  }
  const names = await db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('code', 'in', [DEMO_COUNTY, p.village_code.slice(0, 9), p.village_code])
    .where('valid_to', 'is', null)
    .execute();
  const byCode = new Map(names.map((r) => [r.code, r.name]));
  const place = [DEMO_COUNTY, p.village_code.slice(0, 9), p.village_code].map((c) => byCode.get(c) ?? '').join('');
  return { name: p.name, idNumber: p.id_number, phone: p.phone, place: place || p.village_code, recommendations: n };
}
