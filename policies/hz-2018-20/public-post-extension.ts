// PWP-HZ-EXT 公益性岗位延长安置: eligibility for an extension of at most 60 months (no amount of its own).
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';

const GROUPS = ['距法定退休年龄不足5年人员', '残疾人', '零就业家庭成员', '其他'] as const;

export default defineRule({
  id: 'PWP-HZ-EXT',
  facts: {
    familyHardship: { type: 'boolean', label: '家庭生活特别困难' },
    termEnded: { type: 'boolean', label: '公益性岗位工作期满' },
    stillUnemployable: { type: 'boolean', label: '期满后仍难以实现就业' },
    group: { type: 'enum', label: '人员类别', values: GROUPS },
    reviewedAndPublicised: { type: 'boolean', label: '经市、县劳动就业管理服务中心审核、公示' },
    extensionMonths: { type: 'integer', label: '申请延长的月数', min: 1 },
  },
  evaluate(c) {
    const flag = (name: 'familyHardship' | 'termEnded' | 'stillUnemployable' | 'reviewedAndPublicised', label: string) =>
      c.check(label, c.fact(name), { value: yesNo(c.fact(name)), expected: '是', article: '第17条' });
    flag('familyHardship', '家庭生活特别困难');
    flag('termEnded', '公益性岗位工作期满');
    flag('stillUnemployable', '期满后仍难以实现就业');
    const group = c.fact('group');
    c.check('距法定退休年龄不足5年人员、残疾人或零就业家庭成员', group !== '其他', {
      value: group,
      expected: GROUPS.slice(0, -1).join('、'),
      article: '第17条',
    });
    flag('reviewedAndPublicised', '经审核、公示');
    const months = c.fact('extensionMonths');
    const max = c.param('max_extension_months');
    c.check('延长期限不超过5年', months <= max, { value: `${months} 个月`, expected: `≤ ${max} 个月`, article: '第17条' });
    c.note('可延长安置期限', `${months} 个月（岗位补贴按所在岗位的规则计发）`, '第17条');
    return undefined;
  },
});
