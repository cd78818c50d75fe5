// The in-memory register must answer exactly what was put in it, in person id order, however
// persons were added, replaced and removed: checked against a plain Map on random operations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RegisterPerson, RegisterSpell } from '../../../domain/rules/person-facts.ts';
import { RegisterStore, type StorePerson } from './register-store.ts';

const VILLAGES = ['530326001001', '530326001002', '530381100200', '150425100200'];

const spell = fc.record({
  startDate: fc.constantFrom('2018-03-01', '2019-11-15', '2020-01-01'),
  endDate: fc.constantFrom(null, '2020-12-31'),
  channel: fc.constantFrom('外出务工(自主)', '帮扶车间', '公益性岗位'),
  placeCode: fc.constantFrom(null, '440300', '530326'),
  outOfProvince: fc.boolean(),
  monthlyIncomeFen: fc.integer({ min: 0, max: 2_000_000 }),
  insured: fc.boolean(),
  employer: fc.constantFrom('', '会泽县鑫源服装厂', 'a\\b\tc'),
  employerId: fc.constantFrom(0, 1, 9_007_199_254_740),
}) satisfies fc.Arbitrary<RegisterSpell>;

const person = (id: number) =>
  fc.record({
    id: fc.constant(id),
    villageCode: fc.constantFrom(...VILLAGES),
    sex: fc.constantFrom('男' as const, '女' as const),
    birthDate: fc.constantFrom('1970-01-01', '1985-06-30', '2001-02-28'),
    workCapacity: fc.constantFrom('普通劳动力', '弱劳动力或半劳动力'),
    studentStatus: fc.constantFrom('非在校生', '在校生'),
    disability: fc.constantFrom(null, '无', '肢体残疾'),
    health: fc.constantFrom(null, '健康', '患有大病'),
    migrateWilling: fc.boolean(),
    householdType: fc.constantFrom('脱贫户', '监测对象'),
    relocated: fc.boolean(),
  }) satisfies fc.Arbitrary<StorePerson>;

type Op = { kind: 'put'; p: StorePerson; spells: RegisterSpell[] } | { kind: 'remove'; id: number } | { kind: 'settle' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .integer({ min: 1, max: 40 })
      .chain((id) => fc.record({ kind: fc.constant('put' as const), p: person(id), spells: fc.array(spell, { maxLength: 3 }) })),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), id: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'settle' as const }) },
);

function expected(p: StorePerson, spells: readonly RegisterSpell[]): RegisterPerson {
  const { id: _id, villageCode: _v, ...rest } = p;
  return { ...rest, spells: spells.map((x) => ({ ...x, employer: x.employer ?? '' })) };
}

const bySpell = (a: RegisterSpell, b: RegisterSpell) => JSON.stringify(a).localeCompare(JSON.stringify(b));

describe('the in-memory register of 政策找人', () => {
  it('holds what was put in it, after any sequence of puts, replacements and removals, in person id order', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const store = new RegisterStore();
        const model = new Map<number, { p: StorePerson; spells: RegisterSpell[] }>();
        for (const o of ops) {
          if (o.kind === 'put') {
            store.put(o.p, o.spells);
            model.set(o.p.id, { p: o.p, spells: o.spells });
          } else if (o.kind === 'remove') {
            store.remove(o.id);
            model.delete(o.id);
          } else store.settle();
        }
        store.settle();
        expect(store.size).toBe(model.size);
        const seen: number[] = [];
        for (let slot = 0; slot < store.slots; slot++) {
          if (!store.isAlive(slot)) continue;
          const id = store.idOf(slot);
          seen.push(id);
          const m = model.get(id);
          expect(m).toBeDefined();
          if (!m) continue;
          expect(store.villageOf(slot)).toBe(m.p.villageCode);
          const got = store.person(slot);
          const want = expected(m.p, m.spells);
          expect({ ...got, spells: [...got.spells].sort(bySpell) }).toEqual({ ...want, spells: [...want.spells].sort(bySpell) });
        }
        expect(seen).toEqual([...model.keys()].sort((a, b) => a - b));
        for (let id = 1; id <= 40; id++) expect(store.has(id)).toBe(model.has(id));
      }),
    );
  });

  it('resumes after a person id, and counts and walks only the persons under a region', () => {
    const store = new RegisterStore();
    const base = {
      sex: '男' as const,
      birthDate: '1985-06-30',
      workCapacity: '普通劳动力',
      studentStatus: '非在校生',
      disability: null,
      health: null,
      migrateWilling: true,
      householdType: '脱贫户',
      relocated: false,
    };
    for (const [id, v] of [
      [30, VILLAGES[0]],
      [10, VILLAGES[3]],
      [20, VILLAGES[1]],
      [40, VILLAGES[2]],
    ] as const)
      store.put({ ...base, id, villageCode: v as string }, []);
    store.settle();
    expect(store.countUnder('530326')).toBe(2);
    expect(store.countUnder('53')).toBe(3);
    const inHuize = store.under('530326');
    const walked = [];
    for (let slot = store.firstAfter(20); slot < store.slots; slot++) if (inHuize(slot)) walked.push(store.idOf(slot));
    expect(walked).toEqual([30]);
    store.remove(30);
    expect(store.countUnder('530326')).toBe(1);
    // a village first seen after the test was made (a catch-up while a run waited) still counts
    store.put({ ...base, id: 50, villageCode: '530326105201' }, []);
    expect(inHuize(store.firstAfter(40))).toBe(true);
  });

  it('keeps a person’s spells when many others are replaced (the replaced spells’ space is reused)', () => {
    const store = new RegisterStore();
    const base = {
      villageCode: VILLAGES[0] as string,
      sex: '女' as const,
      birthDate: '1990-01-01',
      workCapacity: '普通劳动力',
      studentStatus: '非在校生',
      disability: null,
      health: null,
      migrateWilling: false,
      householdType: '监测对象',
      relocated: true,
    };
    const s = (income: number): RegisterSpell => ({
      startDate: '2020-01-01',
      endDate: null,
      channel: '帮扶车间',
      placeCode: '530326',
      outOfProvince: false,
      monthlyIncomeFen: income,
      insured: true,
    });
    store.put({ ...base, id: 1 }, [s(1), s(2)]);
    for (let round = 0; round < 5; round++) {
      for (let id = 2; id < 800; id++) store.put({ ...base, id }, [s(id), s(id + round)]);
      store.settle();
    }
    expect(
      store
        .person(0)
        .spells.map((x) => x.monthlyIncomeFen)
        .sort(),
    ).toEqual([1, 2]);
    expect(
      store
        .person(store.firstAfter(798))
        .spells.map((x) => x.monthlyIncomeFen)
        .sort(),
    ).toEqual([799, 803]);
  });
});
