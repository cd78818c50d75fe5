// Rules that turn on a designated county read it from the lists entered in bangfu (区划认定)
// when the case does not say: PWP-YN's 深度贫困县 (YN-2018-68 九) and POST-HN's 贫困地区
// (HN-2017 二（三）1), each with a trace step naming the list. What the case states wins.
import { describe, expect, it } from 'vitest';
import { DesignationIndex, type DesignationList } from '../src/domain/region/designation.ts';
import { type Case, evaluateCase } from '../src/domain/rules/index.ts';
import { loadCatalog } from '../src/modules/rules/catalog.ts';

const yunnanDeep: DesignationList = {
  id: '1',
  kind: 'deep_poverty_county',
  province: '53',
  title: '云南省深度贫困县名单',
  basis: '测试名单',
  from: '2018-03-01',
};
const hunanPoor: DesignationList = {
  id: '2',
  kind: 'poor_county',
  province: '43',
  title: '湖南省贫困县名单',
  basis: '测试',
  from: '2017-01-01',
};
const designations = new DesignationIndex(
  [yunnanDeep, hunanPoor],
  [
    { listId: '1', county: '530326', name: '会泽县', until: '2020-07-01' },
    { listId: '2', county: '433124', name: '花垣县', until: null },
  ],
);

const postFacts = { registeredPoor: true, cannotLeave: true, group: '大龄劳动力', placedInPost: true, monthsInPost: 12 };
const pwp = (region: string, date: string, facts: Record<string, string | number | boolean> = postFacts): Case => ({
  rule: 'PWP-YN',
  subject: { kind: 'person' },
  region,
  date,
  facts,
});
const hire = (region: string, facts: Record<string, string | number | boolean> = {}): Case => ({
  rule: 'POST-HN',
  subject: { kind: 'employer' },
  region,
  date: '2019-06-30',
  facts: {
    registeredPoor: true,
    laborerHomeRegion: '433124100200',
    laborContract: true,
    monthsInPost: 12,
    insured: true,
    employerIsEnterprise: true,
    ...facts,
  },
});

describe('facts from the designated-county lists', async () => {
  const cat = await loadCatalog();

  it('PWP-YN: a Huize laborer is in a 深度贫困县 by the list, and the trace says which list', () => {
    const [d] = evaluateCase(cat, pwp('530326001001', '2019-12-31'), { designations });
    expect(d).toMatchObject({ status: 'eligible', amountFen: 600000 });
    expect(d?.trace.find((s) => s.kind === 'fact')).toEqual({
      kind: 'fact',
      label: '区划认定：所在县为深度贫困县',
      value: '会泽县（530326）列入《云南省深度贫困县名单》（测试名单，2018-03-01 起执行）',
    });
  });

  it('PWP-YN: a county off the list is refused on 九, one that left the list from the day it left', () => {
    expect(evaluateCase(cat, pwp('530302001001', '2019-12-31'), { designations })[0]).toMatchObject({
      status: 'not_eligible',
      message: expect.stringContaining('深度贫困县'),
    });
    expect(evaluateCase(cat, pwp('530326001001', '2020-06-30'), { designations })[0]?.status).toBe('eligible');
    expect(evaluateCase(cat, pwp('530326001001', '2020-07-01'), { designations })[0]?.status).toBe('not_eligible');
  });

  it('PWP-YN: before any list is in force the fact is missing, and the case’s own answer wins over the list', () => {
    expect(evaluateCase(cat, pwp('530326001001', '2018-02-28'), { designations })[0]).toMatchObject({
      status: 'incomplete',
      missingFacts: ['deepPovertyCounty'],
    });
    const stated = evaluateCase(cat, pwp('530326001001', '2019-12-31', { ...postFacts, deepPovertyCounty: false }), {
      designations,
    })[0];
    expect(stated?.status).toBe('not_eligible');
    expect(stated?.trace.some((s) => s.kind === 'fact' && s.label.startsWith('区划认定'))).toBe(false);
  });

  it('POST-HN: an enterprise in a listed 贫困县 hiring a poor laborer of that county gets 1500, elsewhere 1000', () => {
    expect(evaluateCase(cat, hire('433124100200'), { designations })[0]).toMatchObject({ status: 'eligible', amountFen: 150000 });
    // 吉首市 (433101) is not on the list: the base rate, and no "up to" any more.
    expect(evaluateCase(cat, hire('433101001001', { laborerHomeRegion: '433101001001' }), { designations })[0]).toMatchObject({
      status: 'eligible',
      amountFen: 100000,
    });
    // Without the lists the rule can only say "up to 1500".
    expect(evaluateCase(cat, hire('433124100200'), {})[0]).toMatchObject({ amountFen: null, maxAmountFen: 150000 });
  });
});
