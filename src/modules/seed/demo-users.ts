// The demo accounts that come with seeded data (src/domain/seed/demo-accounts.ts says who).
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import {
  DEMO_EMPLOYER_USERNAME,
  DEMO_PASSWORD,
  type DemoAccount,
  demoAccounts,
  type SeededVillage,
} from '../../domain/seed/demo-accounts.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { hashPassword } from '../auth/password.ts';
import { addUser, type SavedUser } from '../auth/users.service.ts';
import { loadProvinces } from '../regions/region-loader.ts';

/** Creates (or resets) the demo accounts for the seeded villages, all with DEMO_PASSWORD. */
export async function ensureDemoUsers(database: Database, seeded: readonly SeededVillage[]): Promise<SavedUser[]> {
  const accounts: DemoAccount[] = demoAccounts(seeded);
  await loadProvinces(database, [...new Set(accounts.map((a) => a.regionCode.slice(0, 2)))]);
  const saved: SavedUser[] = [];
  for (const a of accounts) {
    saved.push(await addUser(database, { ...a, password: DEMO_PASSWORD }, { actorName: 'bangfu seed' }));
  }
  const employer = await ensureDemoEmployer(database);
  if (employer) saved.push(employer);
  return saved;
}

/**
 * The demo employer login (role employer, 单位自行申报): bound to the seeded 帮扶车间 of 会泽县,
 * else of the first seeded county; none when no workshop was seeded.
 */
async function ensureDemoEmployer(database: Database): Promise<SavedUser | undefined> {
  const db = database.kysely;
  const unit = await db
    .selectFrom('employers')
    .select(['id', 'name', 'region_code', 'office_code'])
    .where('is_workshop', '=', true)
    .orderBy(sql`region_code = '530326'`, 'desc')
    .orderBy('id')
    .executeTakeFirst();
  if (!unit) return undefined;
  const region = await db
    .selectFrom('regions')
    .select('name')
    .where('code', '=', unit.region_code)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').select('id').where('username', '=', DEMO_EMPLOYER_USERNAME).executeTakeFirst();
    const row = {
      display_name: unit.name,
      password_hash: passwordHash,
      role: 'employer' as const,
      region_code: unit.region_code,
      employer_id: unit.id,
      can_view_full_id: false,
    };
    const { id } = await trx
      .insertInto('users')
      .values({ username: DEMO_EMPLOYER_USERNAME, ...row, locked_until: null })
      .onConflict((oc) => oc.column('username').doUpdateSet(row))
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actorId: null,
      actorName: 'bangfu seed',
      action: before ? 'user.update' : 'user.create',
      entity: 'user',
      entityId: id,
      regionCode: unit.office_code,
      after: { role: 'employer', employerId: unit.id, username: DEMO_EMPLOYER_USERNAME, passwordChanged: true },
    });
    return {
      id,
      username: DEMO_EMPLOYER_USERNAME,
      displayName: unit.name,
      role: 'employer',
      regionCode: unit.region_code,
      regionName: region?.name ?? '',
      canViewFullId: false,
      created: !before,
    };
  });
}
