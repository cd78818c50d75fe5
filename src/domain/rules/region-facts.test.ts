// What the designated-county lists tell a rule: 深度贫困县 from the deep-poverty list, 贫困地区
// from either list, and nothing (the fact stays missing) where no list decides.
import { describe, expect, it } from 'vitest';
import { DesignationIndex, type DesignationList } from '../region/designation.ts';
import { isRegionFact, regionFact, regionFactNote } from './region-facts.ts';

const deep: DesignationList = {
  id: '1',
  kind: 'deep_poverty_county',
  province: '53',
  title: '深度贫困县名单',
  basis: '甲',
  from: '2017-01-01',
};
const poor: DesignationList = {
  id: '2',
  kind: 'poor_county',
  province: '53',
  title: '贫困县名单',
  basis: '乙',
  from: '2014-01-01',
};
const huize = { listId: '1', county: '530326', name: '会泽县', until: null };

describe('region facts', () => {
  it('names only the facts the lists can give', () => {
    expect(isRegionFact('deepPovertyCounty')).toBe(true);
    expect(isRegionFact('employerInPoorArea')).toBe(true);
    expect(isRegionFact('registeredPoor')).toBe(false);
    expect(isRegionFact('toString')).toBe(false);
  });

  it('a 深度贫困县 is in a 贫困地区 even when the province’s list of 贫困县 is not entered', () => {
    const index = new DesignationIndex([deep], [huize]);
    expect(regionFact(index, 'deepPovertyCounty', '530326001001', '2019-01-01')?.value).toBe(true);
    const inPoorArea = regionFact(index, 'employerInPoorArea', '530326001001', '2019-01-01');
    expect(inPoorArea?.value).toBe(true);
    expect(regionFactNote(inPoorArea as NonNullable<typeof inPoorArea>, '530326001001', '2019-01-01')).toContain(
      '《深度贫困县名单》',
    );
    // Another county: not a 深度贫困县, but whether it is a 贫困县 no list says.
    expect(regionFact(index, 'deepPovertyCounty', '530302', '2019-01-01')?.value).toBe(false);
    expect(regionFact(index, 'employerInPoorArea', '530302', '2019-01-01')).toBeUndefined();
  });

  it('a county on neither list is not in a 贫困地区 once the list of 贫困县 is in force', () => {
    const index = new DesignationIndex([deep, poor], [huize, { listId: '2', county: '530381', name: '宣威市', until: null }]);
    const note = (region: string) => {
      const found = regionFact(index, 'employerInPoorArea', region, '2019-01-01');
      return found && `${found.value} ${regionFactNote(found, region, '2019-01-01')}`;
    };
    expect(note('530381')).toContain('true 宣威市（530381）列入《贫困县名单》');
    expect(note('530302')).toContain('false 区划 530302不在《贫困县名单》');
    expect(regionFact(index, 'employerInPoorArea', '530302', '2013-12-31')).toBeUndefined();
  });
});
