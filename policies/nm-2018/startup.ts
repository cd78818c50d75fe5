// ENT-NM 一次性创业补贴: a poor laborer of working age or a returning migrant, first business,
// operating normally 6 months since registration; the league's amount, once.
import { defineRule } from '../../src/domain/rules/index.ts';
import { addMonths, checkAge } from './poor-laborer.ts';

export default defineRule({
  id: 'ENT-NM',
  facts: {
    registeredPoor: { type: 'boolean', label: '建档立卡贫困劳动力' },
    returningMigrant: { type: 'boolean', label: '农牧民工等返乡创业人员' },
    sex: { type: 'enum', label: '性别', values: ['男', '女'] },
    birthDate: { type: 'date', label: '出生日期' },
    firstBusiness: { type: 'boolean', label: '首次创办小微企业或从事个体经营' },
    registrationDate: { type: 'date', label: '工商登记注册日期' },
    operatingNormally: { type: 'boolean', label: '正常运营' },
  },
  evaluate(c) {
    const poor = c.fact('registeredPoor');
    const migrant = c.fact('returningMigrant');
    if (migrant) {
      c.note('申请人类别', '农牧民工等返乡创业人员', '三（一）');
    } else if (poor) {
      c.note('申请人类别', '贫困劳动力', '末段');
      checkAge(c, c.fact('sex'), c.fact('birthDate'));
    } else {
      c.check('贫困劳动力或农牧民工等返乡创业人员', false, { value: '都不是', expected: '其中之一', article: '三（一）' });
    }
    const first = c.fact('firstBusiness');
    c.check('首次创办小微企业或从事个体经营', first, { value: first ? '是' : '否', expected: '是', article: '三（一）' });
    const registered = c.fact('registrationDate');
    const months = c.param('min_operating_months');
    const due = addMonths(registered, months);
    c.check('自工商登记注册之日起运营6个月以上', due <= c.date, {
      value: `${registered} 登记，至 ${c.date}`,
      expected: `${due} 或以后`,
      article: '三（一）',
    });
    const normal = c.fact('operatingNormally');
    c.check('正常运营', normal, { value: normal ? '是' : '否', expected: '是', article: '三（一）' });
    const amount = c.param('amount');
    return c.pay(amount, `盟市确定的一次性创业补贴标准 ${amount / 100} 元`, '三（一）');
  },
});
