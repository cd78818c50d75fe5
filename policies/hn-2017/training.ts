// TRN-HN 职业培训补贴: 就业技能培训 = standard × (100% + 70%) + 20 yuan × attended days;
// 岗位技能提升培训 = pre-employment standard × 50%. Rounded to the fen.
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';

const EMPLOYMENT = '就业技能培训';
const UPGRADE = '岗位技能提升培训';

export default defineRule({
  id: 'TRN-HN',
  facts: {
    registeredPoor: { type: 'boolean', label: '建档立卡贫困劳动力' },
    workingAge: { type: 'boolean', label: '劳动年龄内' },
    trainingType: { type: 'enum', label: '培训类别', values: [EMPLOYMENT, UPGRADE] },
    standardFen: {
      type: 'fen',
      label: '同类职业培训补贴标准（岗位技能提升培训填就业前技能培训补贴标准，分）',
    },
    attendedDays: { type: 'integer', label: '实际到课天数', min: 0 },
    drawingUnemploymentBenefit: { type: 'boolean', label: '正在领取失业保险金', need: 'optional' },
  },
  evaluate(c) {
    c.check('贫困劳动力', c.fact('registeredPoor'), {
      value: yesNo(c.fact('registeredPoor')),
      expected: '是',
      article: '二（二）3',
    });
    c.check('适龄劳动者', c.fact('workingAge'), {
      value: yesNo(c.fact('workingAge')),
      expected: '是',
      article: '一（二）',
    });
    if (c.maybe('drawingUnemploymentBenefit') === true) {
      c.note('资金来源', '正在领取失业保险金的失业人员再就业培训，补贴资金在失业保险基金中列支', '二（二）3');
    }

    const standard = c.fact('standardFen');
    const yuan = (fen: number) => fen / 100;
    if (c.fact('trainingType') === UPGRADE) {
      const share = c.param('upgrade_training_share');
      const amount = Math.round((standard * share) / 100);
      return c.pay(amount, `岗位技能提升培训：就业前技能培训补贴标准 ${yuan(standard)} 元 × ${share}%`, '二（二）3');
    }
    const uplift = c.param('employment_training_uplift');
    const perDay = c.param('living_allowance_per_day');
    const days = c.fact('attendedDays');
    const training = Math.round((standard * (100 + uplift)) / 100);
    const living = perDay * days;
    return c.pay(
      training + living,
      `就业技能培训：标准 ${yuan(standard)} 元 × (100% + ${uplift}%) = ${yuan(training)} 元，` +
        `生活费 ${yuan(perDay)} 元 × ${days} 天 = ${yuan(living)} 元`,
      '二（二）3',
    );
  },
});
