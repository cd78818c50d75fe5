// TRN-NM-WORK 以工代训: persons absorbed × months (at most 6 in all) × the league's monthly rate.
import { defineRule } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'TRN-NM-WORK',
  facts: {
    employerKind: { type: 'enum', label: '主体类型', values: ['企业', '农牧民专业合作社', '扶贫车间', '其他生产经营主体'] },
    absorbedPoorLaborers: { type: 'integer', label: '吸纳就业并开展以工代训的贫困劳动力人数', min: 0 },
    trainingMonths: { type: 'integer', label: '本次申请的以工代训月数', min: 0 },
    priorSubsidisedMonths: { type: 'integer', label: '已享受以工代训补贴的月数', min: 0, need: 'optional' },
  },
  evaluate(c) {
    c.note('主体类型', c.fact('employerKind'), '二（一）');
    const n = c.fact('absorbedPoorLaborers');
    c.check('吸纳贫困劳动力就业并开展以工代训', n >= 1, { value: `${n} 人`, expected: '≥ 1 人', article: '二（一）' });
    const months = c.fact('trainingMonths');
    c.check('有以工代训月数', months >= 1, { value: `${months} 个月`, expected: '≥ 1 个月', article: '二（一）' });
    const max = c.param('max_months');
    const prior = c.maybe('priorSubsidisedMonths') ?? 0;
    c.check('补贴期限最长不超过6个月', prior < max, {
      value: `已享受 ${prior} 个月`,
      expected: `少于 ${max} 个月`,
      article: '二（一）',
    });
    const paid = Math.max(0, Math.min(months, max - prior));
    const rate = c.param('rate_per_person_month');
    return c.pay(
      n * paid * rate,
      `${n} 人 × ${paid} 个月（申请 ${months} 个月，已享受 ${prior} 个月，最长 ${max} 个月）× ${rate / 100} 元`,
      '二（一）',
    );
  },
});
