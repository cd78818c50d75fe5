// ENT-TRN-YN 创业培训补贴: a fixed 900 yuan per rural poor laborer trained.
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'ENT-TRN-YN',
  facts: {
    registeredPoor: { type: 'boolean', label: '农村贫困劳动力' },
    entTrainingCompleted: { type: 'boolean', label: '参加创业培训并结业' },
  },
  evaluate(c) {
    c.check('农村贫困劳动力', c.fact('registeredPoor'), {
      value: yesNo(c.fact('registeredPoor')),
      expected: '是',
      article: '八',
    });
    c.check('参加创业培训并结业', c.fact('entTrainingCompleted'), {
      value: yesNo(c.fact('entTrainingCompleted')),
      expected: '是',
      article: '八',
    });
    const amount = c.param('amount');
    return c.pay(amount, `创业培训补贴 ${amount / 100} 元`, '八');
  },
});
