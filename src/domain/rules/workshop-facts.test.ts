import { describe, expect, it } from 'vitest';
import type { RegisterPerson, RegisterSpell } from './person-facts.ts';
import { ruralSiteOf, WorkshopTally, workshopFacts, workshopOf } from './workshop-facts.ts';

const spell = (o: Partial<RegisterSpell>): RegisterSpell => ({
  startDate: '2019-01-10',
  endDate: null,
  channel: '帮扶车间',
  placeCode: '530326100200',
  outOfProvince: false,
  monthlyIncomeFen: 180000,
  insured: false,
  employer: '会泽县金钟服装加工有限公司',
  ...o,
});
const person = (householdType: string, spells: RegisterSpell[]): RegisterPerson => ({
  sex: '女',
  birthDate: '1985-03-01',
  workCapacity: '普通劳动力',
  studentStatus: '非在校生',
  disability: null,
  health: '健康',
  migrateWilling: false,
  householdType,
  relocated: false,
  spells,
});

describe('the facts of a 帮扶车间 from its record and the register', () => {
  it('finds the workshop of a person only in a current 帮扶车间 spell naming it', () => {
    const at = person('脱贫户', [spell({ employer: ' 会泽县金钟服装加工有限公司 ' })]);
    expect(workshopOf(at, '2019-08-01')?.employer).toBe('会泽县金钟服装加工有限公司');
    expect(workshopOf(at, '2018-12-31')).toBeUndefined(); // before the spell
    expect(workshopOf(person('脱贫户', [spell({ channel: '就地就近' })]), '2019-08-01')).toBeUndefined();
    expect(workshopOf(person('脱贫户', [spell({ employer: '' })]), '2019-08-01')).toBeUndefined();
    expect(workshopOf(person('脱贫户', [spell({ endDate: '2019-06-30' })]), '2019-08-01')).toBeUndefined();
  });

  it('counts the registered poor laborers there with the shortest time in post and the lowest wage', () => {
    const tally = new WorkshopTally();
    const date = '2019-08-01';
    for (const [type, start, wage] of [
      ['脱贫户', '2019-01-10', 180000],
      ['脱贫户', '2019-05-02', 150000],
      ['一般农户', '2019-07-01', 120000],
    ] as const) {
      const p = person(type, [spell({ startDate: start, monthlyIncomeFen: wage })]);
      tally.add(p, workshopOf(p, date)?.spell as RegisterSpell, date);
    }
    const facts = workshopFacts({ name: 'x', isWorkshop: true, isBase: false, ruralSite: true }, tally);
    expect(tally.laborers).toBe(3);
    expect(facts).toEqual({
      recognised: true,
      carrierKind: '就业扶贫车间',
      ruralSite: true,
      poorLaborers: 2,
      shortestWorkedMonths: 2,
      lowestMonthlyWageFen: 150000,
    });
  });

  it('leaves out what it cannot know: the site of a workshop registered at county level, months and wages without poor laborers', () => {
    const facts = workshopFacts({ name: 'x', isWorkshop: false, isBase: true, ruralSite: undefined }, new WorkshopTally());
    expect(facts).toEqual({ recognised: true, carrierKind: '就业扶贫基地', poorLaborers: 0 });
    expect(ruralSiteOf('530326', undefined)).toBeUndefined();
    expect(ruralSiteOf('530326100', '金钟街道')).toBe(false);
    expect(ruralSiteOf('530326208203', '新街回族乡')).toBe(true);
  });
});
