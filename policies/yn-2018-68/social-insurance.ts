// SI-YN 社会保险补贴: the company's monthly pension + medical + unemployment contributions for
// one poor laborer, for the months claimed, never beyond 36 months for that laborer.
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'SI-YN',
  facts: {
    laborCompany: { type: 'boolean', label: '申请单位为劳务公司' },
    registeredPoor: { type: 'boolean', label: '招收人员为贫困劳动力' },
    contractMonths: { type: 'integer', label: '劳动合同期限（月）', min: 0 },
    monthsClaimed: { type: 'integer', label: '本次申请补贴月数', min: 1 },
    monthsAlreadySubsidised: { type: 'integer', label: '该劳动力已享受补贴月数', min: 0 },
    monthlyContributionFen: {
      type: 'fen',
      label: '单位为该劳动力每月缴纳的基本养老、基本医疗、失业保险费合计（分）',
      need: 'amount',
    },
  },
  evaluate(c) {
    // Who the laborer is (the register knows) before what the company is (it does not): 政策找单位's
    // screening stops at the first fact the case lacks.
    c.check('招收贫困劳动力', c.fact('registeredPoor'), {
      value: yesNo(c.fact('registeredPoor')),
      expected: '是',
      article: '四',
    });
    c.check('劳务公司', c.fact('laborCompany'), { value: yesNo(c.fact('laborCompany')), expected: '是', article: '四' });
    const contract = c.fact('contractMonths');
    const minContract = c.param('min_contract_months');
    c.check('签订1年以上劳动合同', contract >= minContract, {
      value: `${contract} 个月`,
      expected: `≥ ${minContract} 个月`,
      article: '四',
    });
    const maxMonths = c.param('max_months');
    const already = c.fact('monthsAlreadySubsidised');
    const left = Math.max(0, maxMonths - already);
    c.check('补贴期限不超过3年', left > 0, { value: `已享受 ${already} 个月`, expected: `< ${maxMonths} 个月`, article: '四' });
    const months = Math.min(c.fact('monthsClaimed'), left);
    c.note('可补贴月数', `申请 ${c.fact('monthsClaimed')} 个月，剩余 ${left} 个月，补贴 ${months} 个月`, '四');

    const monthly = c.maybe('monthlyContributionFen');
    if (monthly === undefined) return undefined;
    return c.pay(monthly * months, `每月缴费 ${monthly / 100} 元 × ${months} 个月`, '四');
  },
});
