// TRN-YN 职业培训补贴: base × (100 + uplift)% with the uplift the prefecture chose, at most 30%;
// twice a year per person.
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'TRN-YN',
  facts: {
    registeredPoor: { type: 'boolean', label: '农村贫困劳动力' },
    trainingCompleted: { type: 'boolean', label: '参加职业技能培训并结业' },
    baseStandardFen: { type: 'fen', label: '该培训项目的省级补贴基数（分）', need: 'amount' },
  },
  evaluate(c) {
    c.check('农村贫困劳动力', c.fact('registeredPoor'), {
      value: yesNo(c.fact('registeredPoor')),
      expected: '是',
      article: '二',
    });
    c.check('参加职业技能培训并结业', c.fact('trainingCompleted'), {
      value: yesNo(c.fact('trainingCompleted')),
      expected: '是',
      article: '二',
    });
    const max = c.param('max_uplift_percent');
    const set = c.param('uplift_percent');
    const uplift = Math.min(set, max);
    if (set > max) c.note('上浮比例', `州市设定 ${set}%，超过文件上限，按 ${max}%`, '二');

    const base = c.maybe('baseStandardFen');
    if (base === undefined) return undefined;
    return c.pay((base * (100 + uplift)) / 100, `省级基数 ${base / 100} 元 × (1 + ${uplift}%)`, '二');
  },
});
