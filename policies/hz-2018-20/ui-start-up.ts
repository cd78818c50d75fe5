// ENT-HZ-UI 创业补助金: 3000 for starting a business while drawing unemployment benefit and hiring other unemployed.
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'ENT-HZ-UI',
  facts: {
    drawingBenefit: { type: 'boolean', label: '在领取失业保险金期间' },
    selfEmployed: { type: 'boolean', label: '自主创业' },
    hiredUnemployed: { type: 'integer', label: '招用其他失业人员人数', min: 0 },
  },
  evaluate(c) {
    c.check('领取失业保险金期间', c.fact('drawingBenefit'), {
      value: yesNo(c.fact('drawingBenefit')),
      expected: '是',
      article: '第10条',
    });
    c.check('自主创业', c.fact('selfEmployed'), { value: yesNo(c.fact('selfEmployed')), expected: '是', article: '第10条' });
    const hired = c.fact('hiredUnemployed');
    c.check('招用其他失业人员', hired >= 1, { value: `${hired} 人`, expected: '≥ 1 人', article: '第10条' });
    const amount = c.param('amount');
    return c.pay(amount, `创业补助金 ${amount / 100} 元（另按规定一次性领取失业保险金）`, '第10条');
  },
});
