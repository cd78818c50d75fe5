// AWARD-HN-CTY 就业培训创新专项奖补: 1,000,000 yuan to a 市州 or 县市区 whose training pilot was
// assessed as effective (good results, high employment rate, sound mechanism).
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'AWARD-HN-CTY',
  facts: {
    trainingPilot: { type: 'boolean', label: '开展贫困劳动力就业培训创新试点' },
    assessedEffective: { type: 'boolean', label: '经评定培训效果好、就业率高、机制健全' },
  },
  evaluate(c) {
    const level = c.region.length === 4 ? '市州' : c.region.length === 6 ? '县市区' : undefined;
    c.check('奖补对象为市州或县市区', level !== undefined, {
      value: `区划 ${c.region}${level ? `（${level}）` : ''}`,
      expected: '4 位（市州）或 6 位（县市区）区划代码',
      article: '二（二）4',
    });
    c.check('开展就业培训创新试点', c.fact('trainingPilot'), {
      value: yesNo(c.fact('trainingPilot')),
      expected: '是',
      article: '二（二）4',
    });
    c.check('培训效果好、就业率高、机制健全', c.fact('assessedEffective'), {
      value: yesNo(c.fact('assessedEffective')),
      expected: '是',
      article: '二（二）4',
    });
    const award = c.param('award_per_region');
    return c.pay(award, `每个${level ?? '市州或县市区'} ${award / 100} 元专项奖补`, '二（二）4');
  },
});
