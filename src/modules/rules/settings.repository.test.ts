// The regional settings table under the application role: everyone reads every setting,
// writes go through only inside the scope, and a period in force is never rewritten:
// only its end may move, and only earlier.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { type Database, inScope } from '../../db/connection.ts';
import { closeSetting, insertSetting, listSettings } from './settings.repository.ts';

let database: Database;
let huizeId: string;
const base = { rule: 'TR-HZ', parameter: 'distance_basis', note: '', userId: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  const user = await database.kysely
    .insertInto('users')
    .values({ username: 'u', display_name: 'u', password_hash: 'x', role: 'county', region_code: '530326' })
    .returning('id')
    .executeTakeFirstOrThrow();
  base.userId = user.id;
  huizeId = (
    await inScope(database.kysely, '530326', (trx) =>
      insertSetting(trx, { ...base, region: '530326', from: '2018-01-01', to: null, value: 'county' }),
    )
  ).id;
});
afterAll(() => database.close());

describe('rule_settings under bangfu_app', () => {
  it('an officer anywhere reads every setting (a case in Huize needs Huize’s value wherever it is evaluated)', async () => {
    const rows = await inScope(database.kysely, '150425', (trx) => listSettings(trx, { rule: 'TR-HZ' }));
    expect(rows.map((r) => [r.region_code, r.value])).toEqual([['530326', 'county']]);
  });

  it('cannot write a setting for a region outside the scope', async () => {
    await expect(
      inScope(database.kysely, '530381', (trx) =>
        insertSetting(trx, { ...base, region: '530326', from: '2019-01-01', to: null, value: 'city' }),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(inScope(database.kysely, '530381', (trx) => closeSetting(trx, huizeId, '2018-12-31'))).resolves.toBeUndefined();
    const [row] = await inScope(database.kysely, '530326', (trx) => listSettings(trx, { rule: 'TR-HZ' }));
    expect(row?.valid_to).toBeNull(); // the out-of-scope UPDATE touched nothing
  });

  it('cannot change the value, region or start of a period, nor delete it', async () => {
    for (const statement of [
      sql`UPDATE rule_settings SET value = 'city'`,
      sql`UPDATE rule_settings SET valid_from = '2017-01-01'`,
      sql`DELETE FROM rule_settings`,
    ]) {
      await expect(inScope(database.kysely, '530326', (trx) => statement.execute(trx))).rejects.toThrow(/permission denied/);
    }
  });

  it('only one open period per rule, parameter and region', async () => {
    await expect(
      inScope(database.kysely, '530326', (trx) =>
        insertSetting(trx, { ...base, region: '530326', from: '2019-01-01', to: null, value: 'city' }),
      ),
    ).rejects.toThrow(/rule_settings_open_key|duplicate key/);
  });

  it('may close an open period, then never reopen or extend it', async () => {
    await inScope(database.kysely, '530326', (trx) => closeSetting(trx, huizeId, '2019-06-30'));
    await expect(inScope(database.kysely, '530326', (trx) => closeSetting(trx, huizeId, '2019-12-31'))).rejects.toThrow(
      /cannot be reopened or extended/,
    );
    await expect(
      inScope(database.kysely, '530326', (trx) => sql`UPDATE rule_settings SET valid_to = NULL`.execute(trx)),
    ).rejects.toThrow(/cannot be reopened or extended/);
    await inScope(database.kysely, '530326', (trx) => closeSetting(trx, huizeId, '2019-03-31'));
    const [row] = await inScope(database.kysely, '5303', (trx) => listSettings(trx, { region: '530326001001' }));
    expect(row?.valid_to).toBe('2019-03-31');
  });
});
