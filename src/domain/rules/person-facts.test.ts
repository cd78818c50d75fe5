// What a rule reads from the register: the facts of a laborer on the case date.
import { describe, expect, it } from 'vitest';
import { mergeFacts, personFacts, type RegisterPerson, wholeMonths } from './person-facts.ts';

const laborer: RegisterPerson = {
  sex: '女',
  birthDate: '1970-03-02',
  workCapacity: '普通劳动力',
  studentStatus: '非在校生',
  disability: '无',
  health: '健康',
  migrateWilling: true,
  householdType: '脱贫户',
  relocated: true,
  spells: [
    {
      startDate: '2016-01-01',
      endDate: '2017-12-31',
      channel: '帮扶车间',
      placeCode: '530326001',
      outOfProvince: false,
      monthlyIncomeFen: 200000,
      insured: false,
    },
    {
      startDate: '2018-11-15',
      endDate: null,
      channel: '外出务工(有组织)',
      placeCode: null,
      outOfProvince: true,
      monthlyIncomeFen: 450000,
      insured: true,
    },
  ],
};

describe('person facts', () => {
  it('counts whole months: 3 months on the same day of the month, 2 the day before', () => {
    expect(wholeMonths('2018-11-15', '2019-02-15')).toBe(3);
    expect(wholeMonths('2018-11-15', '2019-02-14')).toBe(2);
    expect(wholeMonths('2019-02-15', '2019-01-01')).toBe(0);
  });

  it('gives the current spell’s place, months and insurance on the case date', () => {
    expect(personFacts(laborer, '2019-02-15')).toMatchObject({
      registeredPoor: true,
      monitored: false,
      relocated: true,
      age: 48,
      workingAge: true,
      employed: true,
      migrant: true,
      organizedExport: true,
      workRegion: '省外',
      stableMonths: 3,
      insured: true,
      monthlyIncomeFen: 450000,
      publicWelfarePost: false,
    });
  });

  it('uses the spell current on the date (the workshop in 2017), and no work facts when not employed', () => {
    expect(personFacts(laborer, '2017-06-01')).toMatchObject({
      workshopEmployee: true,
      workRegion: '530326001',
      stableMonths: 17,
    });
    const idle = personFacts(laborer, '2018-06-01');
    expect(idle.employed).toBe(false);
    expect(idle).not.toHaveProperty('workRegion');
    expect(idle).not.toHaveProperty('stableMonths');
  });

  it('a woman of 56 is past working age (女16-55)', () => {
    expect(personFacts(laborer, '2026-03-02').workingAge).toBe(false);
  });

  it('facts given in the case win over the register; empty ones do not erase it', () => {
    expect(mergeFacts({ stableMonths: 3, workRegion: '省外' }, { stableMonths: 6, workRegion: '' })).toEqual({
      stableMonths: 6,
      workRegion: '省外',
    });
  });
});
