// ENT-HZ 一次性创业补贴: 3000 once, after a year of normal operation since registration.
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';

/** The first day a business registered on `day` has operated for a full year (29 Feb -> 28 Feb). */
function aYearAfter(day: string): string {
  const md = day.slice(5) === '02-29' ? '02-28' : day.slice(5);
  return `${Number(day.slice(0, 4)) + 1}-${md}`;
}

export default defineRule({
  id: 'ENT-HZ',
  facts: {
    hardToEmploy: { type: 'boolean', label: '就业困难人员' },
    firstBusiness: { type: 'boolean', label: '首次创办小微企业或从事个体经营' },
    registrationDate: { type: 'date', label: '工商登记注册日期' },
    operatingNormally: { type: 'boolean', label: '正常运营' },
  },
  evaluate(c) {
    c.check('就业困难人员', c.fact('hardToEmploy'), { value: yesNo(c.fact('hardToEmploy')), expected: '是', article: '第12条' });
    c.check('首次创业', c.fact('firstBusiness'), { value: yesNo(c.fact('firstBusiness')), expected: '是', article: '第12条' });
    c.check('正常运营', c.fact('operatingNormally'), {
      value: yesNo(c.fact('operatingNormally')),
      expected: '是',
      article: '第12条',
    });
    const due = aYearAfter(c.fact('registrationDate'));
    c.check('自工商登记注册之日起正常运营1年以上', c.date >= due, {
      value: `登记 ${c.fact('registrationDate')}，申请日 ${c.date}`,
      expected: `申请日 ≥ ${due}`,
      article: '第12条',
    });
    const amount = c.param('amount');
    return c.pay(amount, `一次性创业补贴 ${amount / 100} 元`, '第12条');
  },
});
