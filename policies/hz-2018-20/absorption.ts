// ABS-HZ 用工补贴: 2000 per newly absorbed registered poor laborer stable >= 1 year, "10人以内".
import { defineRule } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'ABS-HZ',
  facts: {
    inCountyEmployer: { type: 'boolean', label: '县内企业、种养殖基地、农村合作社等用工主体' },
    newStablePoor: { type: 'integer', label: '当年新吸纳且稳定就业一年以上的建档立卡贫困劳动力人数', min: 0 },
  },
  evaluate(c) {
    c.check('县内用工主体', c.fact('inCountyEmployer'), {
      value: c.fact('inCountyEmployer') ? '是' : '否',
      expected: '是',
      article: '第16条',
    });
    const n = c.fact('newStablePoor');
    c.check('新吸纳并稳定就业一年以上人数', n >= 1, { value: `${n} 人`, expected: '≥ 1 人', article: '第16条' });
    const max = c.param('max_persons');
    let paid = n;
    if (n > max) {
      const reading = c.choice('over_ten');
      c.check(`当年新吸纳${max}人以内`, reading === 'cap', {
        value: `${n} 人`,
        expected: reading === 'cap' ? `按 ${max} 人计发` : `≤ ${max} 人`,
        article: '第16条',
      });
      paid = max;
    }
    const per = c.param('per_person');
    return c.pay(paid * per, `${paid} 人 × ${per / 100} 元`, '第16条');
  },
});
