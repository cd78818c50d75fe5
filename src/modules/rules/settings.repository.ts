// SQL of regional settings (rule_settings). Reads and writes run inside a scoped
// transaction: everyone reads every setting, row-level security lets writes through only
// inside the actor's scope.
import { sql } from 'kysely';
import type { Scoped } from '../../db/connection.ts';

export interface SettingRow {
  id: string;
  rule_id: string;
  parameter: string;
  region_code: string;
  valid_from: string;
  valid_to: string | null;
  value: string;
  note: string;
  created_by: string | null;
  created_at: Date;
}

/** Settings filtered by rule and by region: the region itself, its ancestors and what lies inside it. */
export async function listSettings(trx: Scoped, filter: { rule?: string; region?: string }): Promise<SettingRow[]> {
  let q = trx.selectFrom('rule_settings').selectAll();
  if (filter.rule) q = q.where('rule_id', '=', filter.rule);
  const region = filter.region;
  if (region) {
    const ancestors = [2, 4, 6].filter((n) => n < region.length).map((n) => region.slice(0, n));
    q = q.where((eb) =>
      eb.or([eb('region_code', 'like', `${region}%`), ...(ancestors.length ? [eb('region_code', 'in', ancestors)] : [])]),
    );
  }
  return q.orderBy('rule_id').orderBy('parameter').orderBy('region_code').orderBy('valid_from').execute();
}

/** Every setting of the given rules (the table holds one row per region and period: small). */
export async function settingsOfRules(trx: Scoped, rules: readonly string[]): Promise<SettingRow[]> {
  if (rules.length === 0) return [];
  return trx
    .selectFrom('rule_settings')
    .selectAll()
    .where('rule_id', 'in', [...rules])
    .execute();
}

/** Serialises writers of one rule, parameter and region until the transaction ends. */
export async function lockSettingKey(trx: Scoped, rule: string, parameter: string, region: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`rule_settings:${rule}:${parameter}:${region}`}))`.execute(trx);
}

export async function settingsOfKey(trx: Scoped, rule: string, parameter: string, region: string): Promise<SettingRow[]> {
  return trx
    .selectFrom('rule_settings')
    .selectAll()
    .where('rule_id', '=', rule)
    .where('parameter', '=', parameter)
    .where('region_code', '=', region)
    .orderBy('valid_from')
    .execute();
}

/** Closes a period the day before `nextFrom` (only ever earlier than its current end). */
export async function closeSetting(trx: Scoped, id: string, to: string): Promise<void> {
  await trx.updateTable('rule_settings').set({ valid_to: to }).where('id', '=', id).execute();
}

export async function insertSetting(
  trx: Scoped,
  s: {
    rule: string;
    parameter: string;
    region: string;
    from: string;
    to: string | null;
    value: string;
    note: string;
    userId: string;
  },
): Promise<SettingRow> {
  return trx
    .insertInto('rule_settings')
    .values({
      rule_id: s.rule,
      parameter: s.parameter,
      region_code: s.region,
      valid_from: s.from,
      valid_to: s.to,
      value: s.value,
      note: s.note,
      created_by: s.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function regionExists(trx: Scoped, code: string): Promise<string | undefined> {
  const r = await trx
    .selectFrom('regions')
    .select('name')
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  return r?.name;
}
