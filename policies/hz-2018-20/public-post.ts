// PWP-HZ 乡村公共服务岗位补贴: 500 × months in post, never beyond 36 months per person.
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';
import { POST_GROUPS } from '../yn-2018-68/public-post.ts';

export default defineRule({
  id: 'PWP-HZ',
  facts: {
    cannotLeave: { type: 'boolean', label: '无法离乡、无业可扶、无力脱贫（或搬迁后无法异地输出）' },
    group: { type: 'enum', label: '人员类别', values: POST_GROUPS },
    placedInPost: { type: 'boolean', label: '已安置在乡村公共服务岗位' },
    monthsInPost: { type: 'integer', label: '本次申请的在岗月数', min: 0 },
    monthsAlreadyPaid: { type: 'integer', label: '此前已享受岗位补贴月数', min: 0 },
  },
  evaluate(c) {
    c.check('无法离乡、无业可扶、无力脱贫', c.fact('cannotLeave'), {
      value: yesNo(c.fact('cannotLeave')),
      expected: '是',
      article: '第18条',
    });
    const group = c.fact('group');
    c.check('第18条所列人员', group !== '其他', {
      value: group,
      expected: POST_GROUPS.slice(0, -1).join('、'),
      article: '第18条',
    });
    c.check('安置在乡村公共服务岗位', c.fact('placedInPost'), {
      value: yesNo(c.fact('placedInPost')),
      expected: '是',
      article: '第18条',
    });
    const max = c.param('max_months');
    const already = c.fact('monthsAlreadyPaid');
    const left = Math.max(0, max - already);
    c.check('补贴期限3年', left > 0, { value: `已享受 ${already} 个月`, expected: `< ${max} 个月`, article: '第18条' });
    const asked = c.fact('monthsInPost');
    c.check('在岗月数', asked >= 1, { value: `${asked} 个月`, expected: '≥ 1 个月', article: '第18条' });
    const months = Math.min(asked, left);
    const per = c.param('per_month');
    return c.pay(
      per * months,
      `${per / 100} 元/月 × ${months} 个月${months < asked ? `（3年期限仅余 ${left} 个月）` : ''}`,
      '第18条',
    );
  },
});
