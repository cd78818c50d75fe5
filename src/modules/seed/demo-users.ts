// The demo accounts that come with seeded data (src/domain/seed/demo-accounts.ts says who).
import type { Database } from '../../db/connection.ts';
import { DEMO_PASSWORD, type DemoAccount, demoAccounts, type SeededVillage } from '../../domain/seed/demo-accounts.ts';
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
  return saved;
}
