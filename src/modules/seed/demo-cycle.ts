// What the demo cycles (claims, fairs) share: the county officer they act as, the account
// `huize` of 会泽县 as an Actor of its own scope, so every write goes through the services with
// their checks and audit; and day arithmetic around the day the demo is made for.
import type { Database } from '../../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import { actorScope } from '../auth/auth.service.ts';

/** The county whose data the demo cycles make (the demo account `huize`). */
export const DEMO_COUNTY = '530326';
const OFFICER = 'huize';

/** The `huize` account as an actor, or undefined when it is missing or no longer Huize's. */
export async function demoOfficer(db: Database['kysely']): Promise<Actor | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'region_code', 'employer_id', 'person_id'])
    .where('username', '=', OFFICER)
    .executeTakeFirst();
  if (!user || user.region_code !== DEMO_COUNTY) return undefined;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    ...actorScope(user),
    canViewFullId: false,
  };
}
