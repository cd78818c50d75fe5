// Which list decides whether a county was a 贫困县 or 深度贫困县 on a date, and when the
// answer is "unknown" rather than "no".
import { describe, expect, it } from 'vitest';
import { DesignationIndex, type DesignationList, type DesignationMember, designationText } from './designation.ts';

const list2017: DesignationList = {
  id: '1',
  kind: 'deep_poverty_county',
  province: '53',
  title: '云南省深度贫困县名单',
  basis: '云南省人民政府（演示）',
  from: '2017-09-01',
};
const list2019: DesignationList = { ...list2017, id: '2', title: '云南省深度贫困县名单（调整）', from: '2019-01-01' };
const members: DesignationMember[] = [
  { listId: '1', county: '530326', name: '会泽县', until: '2020-11-14' },
  { listId: '1', county: '530381', name: '宣威市', until: null },
  { listId: '2', county: '530326', name: '会泽县', until: null },
];

describe('designated counties', () => {
  const index = new DesignationIndex([list2017], members.slice(0, 2));

  it('is unknown before any list of the kind is in force, and for a province without one', () => {
    expect(index.lookup('deep_poverty_county', '530326', '2017-08-31')).toBeUndefined();
    expect(index.lookup('deep_poverty_county', '150425', '2019-01-01')).toBeUndefined();
    expect(index.lookup('poor_county', '530326', '2019-01-01')).toBeUndefined();
  });

  it('answers for a village or township by its county, and not for a region above a county', () => {
    expect(index.lookup('deep_poverty_county', '530326001001', '2018-01-01')?.designated).toBe(true);
    expect(index.lookup('deep_poverty_county', '530326001', '2018-01-01')?.designated).toBe(true);
    expect(index.lookup('deep_poverty_county', '5303', '2018-01-01')).toBeUndefined();
  });

  it('a county off the list in force is not designated; one that left is designated until the day before it left', () => {
    expect(index.lookup('deep_poverty_county', '530302', '2018-01-01')).toMatchObject({ designated: false, list: list2017 });
    expect(index.lookup('deep_poverty_county', '530326', '2020-11-13')?.designated).toBe(true);
    const left = index.lookup('deep_poverty_county', '530326', '2020-11-14');
    expect(left).toMatchObject({ designated: false, member: { until: '2020-11-14' } });
    expect(designationText('deep_poverty_county', '530326', '2020-11-14', left as never)).toBe(
      '会泽县（530326）曾列入《云南省深度贫困县名单》（云南省人民政府（演示），2017-09-01 起执行），2020-11-14 起不再列入深度贫困县',
    );
  });

  it('a newer list of the same kind takes over from its first day: a county left off it is no longer designated', () => {
    const both = new DesignationIndex([list2019, list2017], members);
    expect(both.lookup('deep_poverty_county', '530381', '2018-12-31')).toMatchObject({ designated: true, list: list2017 });
    expect(both.lookup('deep_poverty_county', '530381', '2019-01-01')).toMatchObject({ designated: false, list: list2019 });
    // 会泽县 is on the 2019 list with no end: the 2017 list's end no longer applies.
    expect(both.lookup('deep_poverty_county', '530326', '2021-01-01')).toMatchObject({ designated: true, list: list2019 });
  });
});
