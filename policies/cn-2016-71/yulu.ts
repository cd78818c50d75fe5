// YULU 雨露计划: a 建档立卡 family's child at a 技工院校, about 3,000 元 per student per year.
import { defineRule } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'YULU',
  facts: {
    registeredPoorFamily: { type: 'boolean', label: '建档立卡贫困家庭子女' },
    technicalSchool: { type: 'boolean', label: '就读技工院校' },
  },
  evaluate(c) {
    const poor = c.fact('registeredPoorFamily');
    c.check('建档立卡贫困家庭子女', poor, { value: poor ? '是' : '否', expected: '是', article: '二（二）2' });
    const school = c.fact('technicalSchool');
    c.check('就读技工院校', school, { value: school ? '是' : '否', expected: '是', article: '二（二）2' });
    const amount = c.param('amount_per_year');
    return c.pay(amount, `每生每年 ${amount / 100} 元左右的标准`, '二（二）2');
  },
});
