// POST-HN 岗位补贴: 1000 yuan per laborer per year to an employer of a Hunan registered poor
// laborer (contract, 12 months in post, insured); 1500 when an enterprise in a poor area
// hires a poor laborer of its own county. When the facts that decide 1000 or 1500 are
// missing, the answer is "up to 1500".
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'POST-HN',
  facts: {
    registeredPoor: { type: 'boolean', label: '被吸纳者为建档立卡贫困劳动力' },
    laborerHomeRegion: { type: 'region', label: '被吸纳者户籍地（区划代码）' },
    laborContract: { type: 'boolean', label: '依法签订劳动合同' },
    monthsInPost: { type: 'integer', label: '实际在岗月数', min: 0 },
    insured: { type: 'boolean', label: '依法缴纳社会保险费' },
    employerInPoorArea: { type: 'boolean', label: '用人单位位于贫困地区', need: 'amount' },
    employerIsEnterprise: { type: 'boolean', label: '用人单位为企业', need: 'amount' },
  },
  evaluate(c) {
    const home = c.fact('laborerHomeRegion');
    c.check('吸纳的是本省建档立卡贫困劳动力', c.fact('registeredPoor') && home.slice(0, 2) === c.region.slice(0, 2), {
      value: `建档立卡：${yesNo(c.fact('registeredPoor'))}；户籍地 ${home}`,
      expected: `建档立卡且户籍地在本省（${c.region.slice(0, 2)}）`,
      article: '二（三）1',
    });
    const months = c.fact('monthsInPost');
    const minMonths = c.param('min_months_in_post');
    c.check(`实际在岗${minMonths}个月以上`, months >= minMonths, {
      value: `${months} 个月`,
      expected: `≥ ${minMonths} 个月`,
      article: '二（三）1',
    });
    c.check('依法缴纳社会保险费', c.fact('insured'), {
      value: yesNo(c.fact('insured')),
      expected: '是',
      article: '二（三）1',
    });
    // The labor contract last: the register knows the rest, and 政策找单位's screening, which
    // stops at the first fact the case lacks, must have checked those before it.
    c.check('依法签订劳动合同', c.fact('laborContract'), {
      value: yesNo(c.fact('laborContract')),
      expected: '是',
      article: '二（三）1',
    });

    // 1500 needs all three: a poor area, an enterprise, a laborer of the same county.
    const local = home.length >= 6 && c.region.length >= 6 ? home.slice(0, 6) === c.region.slice(0, 6) : undefined;
    const higher = [c.maybe('employerInPoorArea'), c.maybe('employerIsEnterprise'), local];
    const base = c.param('amount_per_person_year');
    const raised = c.param('amount_poor_area_local');
    if (higher.includes(false)) {
      return c.pay(base, `每人每年 ${base / 100} 元（不属贫困地区企业吸纳当地贫困劳动力）`, '二（三）1');
    }
    if (higher.includes(undefined)) {
      return c.upTo(raised, `贫困地区企业吸纳当地贫困劳动力时每人每年 ${raised / 100} 元，否则 ${base / 100} 元`, '二（三）1');
    }
    c.note('提高标准', '贫困地区企业吸纳当地（同县）建档立卡贫困劳动力', '二（三）1');
    return c.pay(raised, `贫困地区企业吸纳当地贫困劳动力，每人每年 ${raised / 100} 元`, '二（三）1');
  },
});
