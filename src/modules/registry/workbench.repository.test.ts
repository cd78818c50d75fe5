// The workbench counts laborers in SQL; the domain says who is a laborer in TypeScript.
// Both must agree on every boundary of working age.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { buildHousehold, VILLAGES } from '../../../test/factories.ts';
import { type Database, inScope } from '../../db/connection.ts';
import { isLaborer, todayInShanghai } from '../../domain/registry/derive.ts';
import { minusYears } from './laborer-filters.ts';
import { workbenchCounts } from './workbench.repository.ts';

let database: Database;
const today = todayInShanghai();
const people: { sex: '男' | '女'; birth: string }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  // Birthdays on both sides of 16, 55/56 and 60/61 years ago today.
  for (const sex of ['男', '女'] as const) {
    for (const years of [15, 16, 55, 56, 60, 61]) {
      for (const shift of [-1, 0, 1]) {
        const d = new Date(`${minusYears(today, years)}T00:00:00Z`);
        d.setUTCDate(d.getUTCDate() + shift);
        people.push({ sex, birth: d.toISOString().slice(0, 10) });
      }
    }
  }
  let i = 0;
  for (const p of people) {
    await buildHousehold(database.kysely, {
      village: VILLAGES.hedong,
      members: [{ name: `测试${'甲乙丙丁戊己庚辛壬癸'[i++ % 10]}`, sex: p.sex, birth: p.birth }],
    });
  }
});
afterAll(() => database.close());

describe('workbench counts', () => {
  it('counts as laborers exactly those the domain rule calls working age', async () => {
    const expected = people.filter((p) =>
      isLaborer({ sex: p.sex, birthDate: p.birth, workCapacity: '普通劳动力', studentStatus: '非在校生' }, today),
    ).length;
    const r = await inScope(database.kysely, '15', (trx) => workbenchCounts(trx, '150425', today));
    expect(r.counts.persons).toBe(people.length);
    expect(r.counts.laborers).toBe(expected);
    expect(r.counts.zeroEmploymentHouseholds).toBe(expected);
    expect(r.byChild).toEqual([{ code: '150425100', name: '经棚镇', laborers: expected, employed: 0 }]);
  });
});
