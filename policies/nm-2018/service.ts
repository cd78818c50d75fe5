// SVC-NM 就业创业服务补助: poor laborers introduced × the league's standard per person.
import { defineRule } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'SVC-NM',
  facts: {
    publicEmploymentService: { type: 'boolean', label: '公共就业服务机构' },
    introducedPoorLaborers: { type: 'integer', label: '介绍就业的贫困劳动力人数', min: 0 },
  },
  evaluate(c) {
    const pes = c.fact('publicEmploymentService');
    c.check('各级公共就业服务机构', pes, { value: pes ? '是' : '否', expected: '是', article: '六' });
    const n = c.fact('introducedPoorLaborers');
    c.check('介绍贫困劳动力就业', n >= 1, { value: `${n} 人`, expected: '≥ 1 人', article: '六' });
    const rate = c.param('rate_per_person');
    return c.pay(n * rate, `${n} 人 × ${rate / 100} 元`, '六');
  },
});
