// TRN-NM23 脱贫人口职业技能培训补贴: 脱贫人口 or monitoring object, able and willing, aged 16-60
// (women widened by 二（五）); the league's standard per training.
import { ageOn } from '../../src/domain/registry/derive.ts';
import { defineRule } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'TRN-NM23',
  facts: {
    povertyStatus: { type: 'enum', label: '脱贫状态', values: ['脱贫人口', '防止返贫监测对象', '其他'] },
    ableAndWilling: { type: 'boolean', label: '有劳动能力和培训意愿' },
    sex: { type: 'enum', label: '性别', values: ['男', '女'] },
    birthDate: { type: 'date', label: '出生日期' },
  },
  evaluate(c) {
    const status = c.fact('povertyStatus');
    c.check('脱贫人口（含防止返贫监测对象）', status !== '其他', {
      value: status,
      expected: '脱贫人口或防止返贫监测对象',
      article: '一',
    });
    const able = c.fact('ableAndWilling');
    c.check('有劳动能力和培训意愿', able, { value: able ? '是' : '否', expected: '是', article: '二（五）' });
    const sex = c.fact('sex');
    const age = ageOn(c.fact('birthDate'), c.date);
    const min = c.param('min_age');
    const max = sex === '女' ? c.param('max_age_women') : c.param('max_age_men');
    c.check(sex === '女' ? '女性16周岁至60周岁' : '男性16周岁至60周岁', age >= min && age <= max, {
      value: `${sex}，${age} 周岁`,
      expected: `${min}—${max} 周岁`,
      article: '二（五）',
    });
    const amount = c.param('amount');
    return c.pay(amount, `盟市规定的职业技能培训补贴标准 ${amount / 100} 元`, '二（五）');
  },
});
