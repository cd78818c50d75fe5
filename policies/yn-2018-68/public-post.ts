// PWP-YN 乡村公共服务岗位补贴: 500 yuan × months in post, for the groups 九 names in deep-poverty counties.
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';

export const POST_GROUPS = [
  '大龄劳动力',
  '残疾人家庭劳动力',
  '重病患者家庭劳动力',
  '零转移家庭劳动力',
  '易地扶贫搬迁无法异地输出人员',
  '其他',
] as const;
const COVERED = ['大龄劳动力', '残疾人家庭劳动力', '重病患者家庭劳动力'];

export default defineRule({
  id: 'PWP-YN',
  facts: {
    deepPovertyCounty: { type: 'boolean', label: '所在县为深度贫困县' },
    registeredPoor: { type: 'boolean', label: '农村贫困劳动力' },
    cannotLeave: { type: 'boolean', label: '无法离乡、无业可扶、无力脱贫' },
    group: { type: 'enum', label: '人员类别', values: POST_GROUPS },
    placedInPost: { type: 'boolean', label: '已安置在乡村公共服务岗位' },
    monthsInPost: { type: 'integer', label: '本次申请的在岗月数', min: 0 },
  },
  evaluate(c) {
    c.check('深度贫困县', c.fact('deepPovertyCounty'), {
      value: yesNo(c.fact('deepPovertyCounty')),
      expected: '是',
      article: '九',
    });
    c.check('农村贫困劳动力', c.fact('registeredPoor'), {
      value: yesNo(c.fact('registeredPoor')),
      expected: '是',
      article: '九',
    });
    c.check('无法离乡、无业可扶、无力脱贫', c.fact('cannotLeave'), {
      value: yesNo(c.fact('cannotLeave')),
      expected: '是',
      article: '九',
    });
    const group = c.fact('group');
    c.check('大龄、残疾家庭或重病患者家庭劳动力', COVERED.includes(group), {
      value: group,
      expected: COVERED.join('、'),
      article: '九',
    });
    c.check('安置在乡村公共服务岗位', c.fact('placedInPost'), {
      value: yesNo(c.fact('placedInPost')),
      expected: '是',
      article: '九',
    });
    const months = c.fact('monthsInPost');
    c.check('在岗月数', months >= 1, { value: `${months} 个月`, expected: '≥ 1 个月', article: '九' });
    const per = c.param('per_month');
    return c.pay(per * months, `${per / 100} 元/月 × ${months} 个月`, '九');
  },
});
