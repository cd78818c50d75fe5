// ENT-LOAN-YN 小额创业贷款全额贴息: the interest of the period on a start-up loan of at most 100,000 yuan.
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'ENT-LOAN-YN',
  facts: {
    registeredPoor: { type: 'boolean', label: '农村贫困劳动力' },
    startingBusiness: { type: 'boolean', label: '贷款用于自主创业' },
    loanPrincipalFen: { type: 'fen', label: '小额创业贷款本金（分）' },
    interestFen: { type: 'fen', label: '本期应付贷款利息（分）', need: 'amount' },
  },
  evaluate(c) {
    c.check('农村贫困劳动力', c.fact('registeredPoor'), {
      value: yesNo(c.fact('registeredPoor')),
      expected: '是',
      article: '八',
    });
    c.check('贷款用于自主创业', c.fact('startingBusiness'), {
      value: yesNo(c.fact('startingBusiness')),
      expected: '是',
      article: '八',
    });
    const principal = c.fact('loanPrincipalFen');
    const max = c.param('max_principal');
    c.check('贷款不超过10万元', principal > 0 && principal <= max, {
      value: `${principal / 100} 元`,
      expected: `0 < 本金 ≤ ${max / 100} 元`,
      article: '八',
    });
    const interest = c.maybe('interestFen');
    if (interest === undefined) return undefined;
    const pct = c.param('subsidy_percent');
    return c.pay((interest * pct) / 100, `本期利息 ${interest / 100} 元 × 贴息 ${pct}%`, '八');
  },
});
