import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import type { Database } from '../../db/connection.ts';
import { verifyAuditChain } from '../audit/audit.repository.ts';
import { DEMO_ENTERPRISE, seedDemoPostSubsidy } from './demo-post-subsidy.ts';
import { ensureDemoUsers, seedDemoDesignations, seedPopulation } from './index.ts';

// 双龙镇 of 花垣县: enough 脱贫户 laborers for the six hires.
const TOWN = '433124110';
const TODAY = '2026-11-22';

let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
  const seeded = await seedPopulation(db, { areas: [TOWN], laborers: 200, seed: 7, today: TODAY });
  await ensureDemoUsers(db, seeded.villages);
});
afterAll(async () => {
  await db.close();
});

describe('the Hunan demo: 岗位补贴 of a 花垣县 enterprise', () => {
  it('enters the demo 贫困县 list of Hunan with 花垣县, once (the decisions below read it)', async () => {
    expect(await seedDemoDesignations(db)).toContain('湖南省贫困县名单（演示）（2017-07-01 起）');
    expect(await seedDemoDesignations(db)).toEqual([]);
  });

  it('registers the enterprise with six linked hires, pays the 2019 round at 1500 a person and leaves 2020 for review, once', async () => {
    const summary = await seedDemoPostSubsidy(db);
    expect(summary).toEqual({ hires: 6, paid: 4, paidFen: 600000, submitted: 6 });

    const employer = await db.kysely
      .selectFrom('employers')
      .select(['id', 'name', 'region_code'])
      .where('credit_code', '=', DEMO_ENTERPRISE.creditCode)
      .executeTakeFirstOrThrow();
    expect(employer).toMatchObject({ name: '湘西花垣苗绣服饰有限公司', region_code: TOWN });
    const spells = await db.kysely
      .selectFrom('employment_spells')
      .select(['village_code', 'insured', 'end_date'])
      .where('employer_id', '=', employer.id)
      .execute();
    expect(spells).toHaveLength(6);
    expect(spells.every((s) => s.village_code.startsWith('433124') && s.insured)).toBe(true);

    const claims = await db.kysely
      .selectFrom('claims')
      .select(['status', 'amount_fen', 'case_date', 'decision', 'unit_code'])
      .where('rule_id', '=', 'POST-HN')
      .orderBy('id')
      .execute();
    const byStatus: Record<string, number> = {};
    for (const c of claims) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
    expect(byStatus).toEqual({ paid: 4, submitted: 6 });
    for (const c of claims) {
      expect(Number(c.amount_fen)).toBe(150000);
      expect(c.unit_code).toBe(DEMO_ENTERPRISE.creditCode);
      const decision = c.decision as { citations: { article: string }[]; trace: { label: string; value: string }[] };
      expect(decision.citations.map((x) => x.article)).toContain('二（三）1');
      // The poor-area answer came from the list, not from the officer.
      expect(decision.trace.find((t) => t.label === '区划认定：用人单位位于贫困地区')?.value).toContain(
        '湖南省贫困县名单（演示）',
      );
    }

    // The ledger booked as paid exactly what the reconciled batch paid.
    const booked = await db.kysely
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.sum<string>('amount_fen').as('fen'))
      .where('kind', '=', 'paid')
      .where('region_code', 'like', '433124%')
      .executeTakeFirstOrThrow();
    expect(Number(booked.fen)).toBe(600000);

    expect(await seedDemoPostSubsidy(db)).toBeUndefined();
    expect((await verifyAuditChain(db.kysely)).ok).toBe(true);
  });
});
