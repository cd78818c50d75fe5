// WS-NM 扶贫车间一次性奖补: ≥5 poor laborers, contracts ≥6 months, wages ≥ the local minimum;
// the league's one-time amount, once per carrier.
import { defineRule } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'WS-NM',
  facts: {
    carrierKind: {
      type: 'enum',
      label: '载体类型',
      values: ['就业扶贫车间', '社区工厂', '卫星工厂', '就业驿站', '就业扶贫基地'],
    },
    poorLaborers: { type: 'integer', label: '吸纳就业的贫困劳动力人数', min: 0 },
    shortestContractMonths: { type: 'integer', label: '所签劳动合同或就业协议的最短期限（月）', min: 0 },
    lowestMonthlyWageFen: { type: 'fen', label: '贫困劳动力最低月工资（分）' },
    localMinimumWageFen: { type: 'fen', label: '当地月最低工资标准（分）' },
  },
  evaluate(c) {
    c.note('载体类型', c.fact('carrierKind'), '一');
    const n = c.fact('poorLaborers');
    const minN = c.param('min_poor_laborers');
    c.check('吸纳5人（含5人）以上贫困劳动力就业', n >= minN, { value: `${n} 人`, expected: `≥ ${minN} 人`, article: '一' });
    const months = c.fact('shortestContractMonths');
    const minMonths = c.param('min_contract_months');
    c.check('签订6个月（含6个月）以上劳动合同或就业协议', months >= minMonths, {
      value: `最短 ${months} 个月`,
      expected: `≥ ${minMonths} 个月`,
      article: '一',
    });
    const wage = c.fact('lowestMonthlyWageFen');
    const minimum = c.fact('localMinimumWageFen');
    c.check('工资待遇不低于当地最低工资标准', wage >= minimum, {
      value: `${wage / 100} 元/月`,
      expected: `≥ ${minimum / 100} 元/月`,
      article: '一',
    });
    const award = c.param('award');
    return c.pay(award, `盟市确定的一次性奖补标准 ${award / 100} 元`, '一');
  },
});
