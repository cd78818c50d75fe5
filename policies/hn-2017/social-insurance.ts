// SI-HN 社会保险补贴: the employer's own monthly pension + medical + unemployment contributions
// for a Hunan registered poor laborer (contract of a year or more, 12 months in post), for the
// months claimed, never beyond 36 months for that laborer.
import { defineRule } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'SI-HN',
  facts: {
    registeredPoor: { type: 'boolean', label: '被吸纳者为建档立卡贫困劳动力' },
    laborerHomeRegion: { type: 'region', label: '被吸纳者户籍地（区划代码）' },
    contractMonths: { type: 'integer', label: '劳动合同期限（月）', min: 0 },
    monthsInPost: { type: 'integer', label: '实际在岗月数', min: 0 },
    monthsClaimed: { type: 'integer', label: '本次申请补贴月数', min: 1 },
    monthsAlreadySubsidised: { type: 'integer', label: '该劳动力已享受补贴月数', min: 0 },
    monthlyContributionFen: {
      type: 'fen',
      label: '单位为该劳动力每月实际缴纳的基本养老、基本医疗、失业保险费合计（不含个人缴纳部分，分）',
    },
  },
  evaluate(c) {
    const home = c.fact('laborerHomeRegion');
    c.check('吸纳的是本省建档立卡贫困劳动力', c.fact('registeredPoor') && home.slice(0, 2) === c.region.slice(0, 2), {
      value: `建档立卡：${c.fact('registeredPoor') ? '是' : '否'}；户籍地 ${home}`,
      expected: `建档立卡且户籍地在本省（${c.region.slice(0, 2)}）`,
      article: '二（三）2',
    });
    // Months in post (the register knows them) before the contract (it does not): 政策找单位's
    // screening stops at the first fact the case lacks.
    const inPost = c.fact('monthsInPost');
    const minInPost = c.param('min_months_in_post');
    c.check(`实际在岗${minInPost}个月`, inPost >= minInPost, {
      value: `${inPost} 个月`,
      expected: `≥ ${minInPost} 个月`,
      article: '二（三）2',
    });
    const contract = c.fact('contractMonths');
    const minContract = c.param('min_contract_months');
    c.check('依法签订1年以上劳动合同', contract >= minContract, {
      value: `${contract} 个月`,
      expected: `≥ ${minContract} 个月`,
      article: '二（三）2',
    });
    const maxMonths = c.param('max_months');
    const already = c.fact('monthsAlreadySubsidised');
    const left = Math.max(0, maxMonths - already);
    c.check('补贴期限不超过三年', left > 0, {
      value: `已享受 ${already} 个月`,
      expected: `< ${maxMonths} 个月`,
      article: '二（三）2',
    });
    const claimed = c.fact('monthsClaimed');
    const months = Math.min(claimed, left);
    c.note('可补贴月数', `申请 ${claimed} 个月，剩余 ${left} 个月，补贴 ${months} 个月`, '二（三）2');

    const monthly = c.fact('monthlyContributionFen');
    return c.pay(monthly * months, `单位每月缴费 ${monthly / 100} 元（不含个人部分）× ${months} 个月`, '二（三）2');
  },
});
