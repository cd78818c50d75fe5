// WS-NM23 就业帮扶车间梯次奖补: a recognised workshop, the amount of its tier as its league sets it.
import { defineRule } from '../../src/domain/rules/index.ts';

const TIER_PARAMETER = { 一档: 'award_tier_1', 二档: 'award_tier_2', 三档: 'award_tier_3' } as const;

export default defineRule({
  id: 'WS-NM23',
  facts: {
    recognised: { type: 'boolean', label: '认定为就业帮扶车间且未退出' },
    tier: { type: 'enum', label: '盟市认定的奖补档次', values: ['一档', '二档', '三档'] },
  },
  evaluate(c) {
    const recognised = c.fact('recognised');
    c.check('认定为就业帮扶车间（未退出）', recognised, {
      value: recognised ? '是' : '否',
      expected: '是',
      article: '二（二）',
    });
    const tier = c.fact('tier');
    c.note('奖补档次', tier, '二（二）');
    const award = c.param(TIER_PARAMETER[tier]);
    return c.pay(award, `盟市确定的${tier}奖补标准 ${award / 100} 元`, '二（二）');
  },
});
