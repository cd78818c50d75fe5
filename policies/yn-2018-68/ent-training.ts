// ENT-TRN-YN 创业培训补贴: a fixed 900 yuan per rural poor laborer trained.
import { defineRule } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'ENT-TRN-YN',
  facts: {
    registeredPoor: { type: 'boolean', label: '农村贫困劳动力' },
    entTrainingCompleted: { type: 'boolean', label: '参加创业培训并结业' },
  },
  evaluate(c) {
    const yes = (b: boolean) => (b ? '是' : '否');
    c.check('农村贫困劳动力', c.fact('registeredPoor'), { value: yes(c.fact('registeredPoor')), expected: '是', article: '八' });
    c.check('参加创业培训并结业', c.fact('entTrainingCompleted'), {
      value: yes(c.fact('entTrainingCompleted')),
      expected: '是',
      article: '八',
    });
    const amount = c.param('amount');
    return c.pay(amount, `创业培训补贴 ${amount / 100} 元`, '八');
  },
});
