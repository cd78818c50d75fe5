// AWARD-HN 精准就业扶贫爱心单位: 100,000 yuan to each 就业扶贫基地 the province recognised this year.
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'AWARD-HN',
  facts: {
    employmentBase: { type: 'boolean', label: '已创建为就业扶贫基地' },
    recognised: { type: 'boolean', label: '当年被省人社厅、省财政厅、省扶贫办认定为“湖南省精准就业扶贫爱心单位”' },
  },
  evaluate(c) {
    c.check('就业扶贫基地', c.fact('employmentBase'), {
      value: yesNo(c.fact('employmentBase')),
      expected: '是',
      article: '二（三）3',
    });
    c.check('当年被认定为“湖南省精准就业扶贫爱心单位”', c.fact('recognised'), {
      value: yesNo(c.fact('recognised')),
      expected: '是',
      article: '二（三）3',
    });
    const award = c.param('award_per_unit');
    return c.pay(award, `每家 ${award / 100} 元以奖代补`, '二（三）3');
  },
});
