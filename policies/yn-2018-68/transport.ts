// TR-YN 一次性交通费补助: actual fare up to the cap, once per person (shared group `transport`).
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'TR-YN',
  facts: {
    registeredPoor: { type: 'boolean', label: '建档立卡贫困户人员' },
    migrant: { type: 'boolean', label: '外出务工（就业渠道为外出务工）' },
    stableMonths: { type: 'integer', label: '稳定就业月数', min: 0 },
    ticketPriceFen: { type: 'fen', label: '实际交通费（车票，分）', need: 'amount' },
  },
  evaluate(c) {
    c.check('建档立卡贫困户人员', c.fact('registeredPoor'), {
      value: yesNo(c.fact('registeredPoor')),
      expected: '是',
      article: '一',
    });
    c.check('外出务工', c.fact('migrant'), { value: yesNo(c.fact('migrant')), expected: '是', article: '一' });
    const months = c.fact('stableMonths');
    const minMonths = c.param('min_stable_months');
    c.check('稳定就业三个月以上', months >= minMonths, {
      value: `${months} 个月`,
      expected: `≥ ${minMonths} 个月`,
      article: '一',
    });

    const cap = c.param('cap');
    const fare = c.maybe('ticketPriceFen');
    if (fare === undefined) return c.upTo(cap, `最高不超过 ${cap / 100} 元/人`, '一');
    return c.pay(Math.min(fare, cap), `实际交通费 ${fare / 100} 元与上限 ${cap / 100} 元取低者`, '一');
  },
});
