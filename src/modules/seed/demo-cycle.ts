// What the demo cycles (claims, fairs) share: the county officer they act as, a demo county
// account as an Actor of its own scope, so every write goes through the services with their
// checks and audit; and day arithmetic around the day the demo is made for.
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import { actorScope } from '../auth/auth.service.ts';

/** The county whose data the Huize demo cycles make (the demo account `huize`). */
export const DEMO_COUNTY = '530326';

/** The county offices the demo cycles act as: 会泽县 (Yunnan) and 花垣县 (Hunan). */
export const DEMO_OFFICES = {
  huize: { username: 'huize', county: DEMO_COUNTY },
  huayuan: { username: 'huayuan', county: '433124' },
} as const;

export type DemoOffice = (typeof DEMO_OFFICES)[keyof typeof DEMO_OFFICES];

/** A demo county account as an actor, or undefined when it is missing or no longer that county's. */
export async function demoOfficer(db: Database['kysely'], office: DemoOffice = DEMO_OFFICES.huize): Promise<Actor | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'region_code', 'employer_id', 'person_id'])
    .where('username', '=', office.username)
    .executeTakeFirst();
  if (!user || user.region_code !== office.county) return undefined;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    ...actorScope(user),
    canViewFullId: false,
  };
}

/** The office's officer while its county has no claims yet (a demo round runs once), else undefined. */
export async function officerOfUnclaimedCounty(db: Database['kysely'], office: DemoOffice): Promise<Actor | undefined> {
  const actor = await demoOfficer(db, office);
  if (!actor) return undefined;
  const claimed = await db
    .selectFrom('claims')
    .select('id')
    .where('region_code', 'like', `${office.county}%`)
    .limit(1)
    .executeTakeFirst();
  return claimed ? undefined : actor;
}

/**
 * Laborers of 脱贫户 of a county who were of working age and able to work in 2019-2020 (born
 * 1960-2001, 技能 or 普通劳动力), one per village before a second from any village, so a demo
 * round reads as an office's caseload rather than one family's. `free` keeps only people the
 * register shows with no employment in that period, for a demo that records a job there.
 */
export async function poorHouseholdLaborers(
  db: Database['kysely'],
  county: string,
  n: number,
  o: { except?: string; free?: { from: string; to: string } } = {},
): Promise<string[]> {
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('persons as p')
        .innerJoin('households as h', 'h.id', 'p.household_id')
        .select(['p.id', sql<number>`row_number() OVER (PARTITION BY p.village_code ORDER BY p.id)`.as('nth')])
        .where('p.village_code', 'like', `${county}%`)
        .where('h.type', '=', '脱贫户')
        .where('p.merged_into', 'is', null)
        .where('p.work_capacity', 'in', ['技能劳动力', '普通劳动力'])
        .where('p.birth_date', '>=', '1960-01-01')
        .where('p.birth_date', '<=', '2001-01-01')
        .where('p.id', '!=', o.except ?? '0')
        .$call((q) => {
          const { free } = o;
          if (!free) return q;
          return q.where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('employment_spells as s')
                  .select('s.id')
                  .whereRef('s.person_id', '=', 'p.id')
                  .where('s.start_date', '<=', free.to)
                  .where((w) => w.or([w('s.end_date', 'is', null), w('s.end_date', '>=', free.from)])),
              ),
            ),
          );
        })
        .as('c'),
    )
    .select('c.id')
    .orderBy('c.nth')
    .orderBy('c.id')
    .limit(n)
    .execute();
  return rows.map((r) => r.id);
}
