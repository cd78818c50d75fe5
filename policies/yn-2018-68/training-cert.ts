// TRN-YN-CERT 岗位技能培训补贴: min(training cost, cap by certificate) for a new hire trained
// within one year of the contract.
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';

const CERTIFICATES = ['职业资格证书', '职业技能等级证书', '专项职业能力证书', '培训合格证书', '未取得证书'] as const;

/** The last day of "1年内" from `start`: the same day a year later (29 Feb -> 28 Feb). */
function oneYearFrom(start: string): string {
  const y = Number(start.slice(0, 4)) + 1;
  const md = start.slice(5) === '02-29' ? '02-28' : start.slice(5);
  return `${y}-${md}`;
}

export default defineRule({
  id: 'TRN-YN-CERT',
  facts: {
    registeredPoor: { type: 'boolean', label: '农村贫困劳动力' },
    newHire: { type: 'boolean', label: '企业新录用' },
    contractMonths: { type: 'integer', label: '劳动合同期限（月）', min: 0 },
    contractDate: { type: 'date', label: '签订劳动合同日期' },
    trainingDate: { type: 'date', label: '参加岗位技能培训日期' },
    recognisedTrainer: { type: 'boolean', label: '培训机构为企业所属或政府认定的培训机构' },
    certificate: { type: 'enum', label: '取得的证书', values: CERTIFICATES },
    trainingCostFen: { type: 'fen', label: '实际培训费用（分）', need: 'amount' },
  },
  evaluate(c) {
    c.check('农村贫困劳动力', c.fact('registeredPoor'), {
      value: yesNo(c.fact('registeredPoor')),
      expected: '是',
      article: '七',
    });
    c.check('企业新录用', c.fact('newHire'), { value: yesNo(c.fact('newHire')), expected: '是', article: '七' });
    const contract = c.fact('contractMonths');
    const minContract = c.param('min_contract_months');
    c.check('签订1年以上期限劳动合同', contract >= minContract, {
      value: `${contract} 个月`,
      expected: `≥ ${minContract} 个月`,
      article: '七',
    });
    const signed = c.fact('contractDate');
    const trained = c.fact('trainingDate');
    const last = oneYearFrom(signed);
    c.check('签订劳动合同之日起1年内参加培训', signed <= trained && trained <= last, {
      value: trained,
      expected: `${signed} 至 ${last}`,
      article: '七',
    });
    c.check('企业所属或政府认定的培训机构', c.fact('recognisedTrainer'), {
      value: yesNo(c.fact('recognisedTrainer')),
      expected: '是',
      article: '七',
    });
    const cert = c.fact('certificate');
    c.check('取得证书', cert !== '未取得证书', {
      value: cert,
      expected: '职业资格、职业技能等级、专项职业能力或培训合格证书',
      article: '七',
    });
    if (cert === '未取得证书') return undefined;

    const cap =
      cert === '职业资格证书'
        ? c.param('cap_qualification')
        : cert === '培训合格证书'
          ? c.param('cap_training')
          : c.param('cap_skill_level');
    const cost = c.maybe('trainingCostFen');
    if (cost === undefined) return c.upTo(cap, `${cert}上限 ${cap / 100} 元`, '七');
    return c.pay(Math.min(cost, cap), `培训费用 ${cost / 100} 元与${cert}上限 ${cap / 100} 元取低者`, '七');
  },
});
