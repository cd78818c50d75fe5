// EXP-HZ-NR 以奖代补: 10 per person organized + a stability award (50 or 30 per stable person)
// when the organizer's size threshold and the 70% half-year stability are both met.
import { defineRule } from '../../src/domain/rules/index.ts';

const KINDS = ['个人', '中介公司或劳务派遣公司', '其他组织'] as const;

export default defineRule({
  id: 'EXP-HZ-NR',
  facts: {
    organizerKind: { type: 'enum', label: '组织者类型', values: KINDS },
    organizedCount: { type: 'integer', label: '组织到县外务工的非建档立卡农村劳动力人数', min: 0 },
    stableCount: { type: 'integer', label: '其中半年后仍稳定就业的人数', min: 0, need: 'amount' },
  },
  evaluate(c) {
    const n = c.fact('organizedCount');
    c.check('组织输出人数', n >= 1, { value: `${n} 人`, expected: '≥ 1 人', article: '第16条第二款' });
    const stable = c.maybe('stableCount');
    if (stable !== undefined) {
      c.check('稳定人数不超过输出人数', stable <= n, { value: `${stable} 人`, expected: `≤ ${n} 人`, article: '第16条第二款' });
    }
    const per = c.param('per_person_organized');
    const base = n * per;
    const kind = c.fact('organizerKind');
    const individual = kind === '个人';
    const company = kind === '中介公司或劳务派遣公司';
    const minN = individual ? c.param('individual_min_organized') : company ? c.param('company_min_organized') : undefined;
    const perStable = individual ? c.param('individual_per_stable') : company ? c.param('company_per_stable') : 0;
    const baseText = `${n} 人 × ${per / 100} 元`;
    if (minN === undefined || n < minN) {
      c.note('稳定奖励', minN === undefined ? `${kind}不在奖励对象内` : `输出 ${n} 人，不足 ${minN} 人`, '第16条第二款');
      return c.pay(base, baseText, '第16条第二款');
    }
    const minPct = c.param('min_stability_percent');
    if (stable === undefined) {
      return c.upTo(base + n * perStable, `${baseText}，稳定奖励最多 ${n} 人 × ${perStable / 100} 元`, '第16条第二款');
    }
    const rateOk = stable * 100 >= minPct * n;
    c.note('半年稳定率', `${stable}/${n}（${rateOk ? '达到' : '未达到'} ${minPct}%）`, '第16条第二款');
    if (!rateOk) return c.pay(base, baseText, '第16条第二款');
    return c.pay(base + stable * perStable, `${baseText} + 稳定 ${stable} 人 × ${perStable / 100} 元`, '第16条第二款');
  },
});
