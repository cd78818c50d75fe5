// ABS-HZ-RELOC 吸纳搬迁群众用工补贴: 3000 per stable relocated person, at least 10.
import { defineRule } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'ABS-HZ-RELOC',
  facts: {
    newStableRelocated: { type: 'integer', label: '当年新吸纳且稳定就业一年以上的建档立卡搬迁群众人数', min: 0 },
  },
  evaluate(c) {
    const n = c.fact('newStableRelocated');
    const min = c.param('min_persons');
    c.check('新吸纳搬迁群众10人以上', n >= min, { value: `${n} 人`, expected: `≥ ${min} 人`, article: '第16条' });
    const per = c.param('per_person');
    return c.pay(n * per, `${n} 人 × ${per / 100} 元`, '第16条');
  },
});
