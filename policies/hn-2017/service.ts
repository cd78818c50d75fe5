// SVC-HN 就业创业服务补贴: 200 yuan to a qualified agency or broker for each registered poor
// laborer it placed through organized export into work stable for 6 months or more.
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'SVC-HN',
  facts: {
    agencyQualified: { type: 'boolean', label: '市场化运作、具有合法资质的人力资源服务机构或农村劳务经纪人' },
    organizedExport: { type: 'boolean', label: '有组织劳务输出' },
    registeredPoor: { type: 'boolean', label: '被介绍者为建档立卡贫困劳动力' },
    stableMonths: { type: 'integer', label: '被介绍者稳定就业月数', min: 0 },
  },
  evaluate(c) {
    c.check('市场化运作、具有合法资质的市场主体', c.fact('agencyQualified'), {
      value: yesNo(c.fact('agencyQualified')),
      expected: '是',
      article: '二（二）2',
    });
    c.check('开展有组织劳务输出', c.fact('organizedExport'), {
      value: yesNo(c.fact('organizedExport')),
      expected: '是',
      article: '二（二）2',
    });
    c.check('介绍的是建档立卡贫困劳动力', c.fact('registeredPoor'), {
      value: yesNo(c.fact('registeredPoor')),
      expected: '是',
      article: '二（二）2',
    });
    const months = c.fact('stableMonths');
    const minMonths = c.param('min_stable_months');
    c.check(`稳定就业${minMonths}个月以上`, months >= minMonths, {
      value: `${months} 个月`,
      expected: `≥ ${minMonths} 个月`,
      article: '二（二）2',
    });
    const amount = c.param('amount_per_laborer');
    return c.pay(amount, `成功介绍1名建档立卡贫困劳动力稳定就业，每人 ${amount / 100} 元`, '二（二）2');
  },
});
