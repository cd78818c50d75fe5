// WS-YN 就业扶贫车间一次性奖补: 1000 per qualifying poor laborer, at least 5, capped at 50,000.
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'WS-YN',
  facts: {
    ruralSite: { type: 'boolean', label: '车间设在乡镇或农村' },
    poorLaborers: { type: 'integer', label: '在车间就业的贫困劳动力人数（合同、工时、工资均达标者）', min: 0 },
    shortestContractMonths: { type: 'integer', label: '上述人员中最短的劳动合同或就业协议期限（月）', min: 0 },
    shortestWorkedMonths: { type: 'integer', label: '上述人员中最短的累计工作时间（月）', min: 0 },
    wageAtLeastMinimum: { type: 'boolean', label: '工资待遇不低于当地最低工资标准' },
  },
  // What the register knows comes first (the count, the months worked), then the site (unknown
  // for a workshop registered at county level), then what no record holds: 政策找人 screens
  // workshops and stops at the first fact it lacks (policies/screening.test.ts).
  evaluate(c) {
    const n = c.fact('poorLaborers');
    const minN = c.param('min_laborers');
    c.check('吸纳5人（含5人）以上贫困劳动力', n >= minN, { value: `${n} 人`, expected: `≥ ${minN} 人`, article: '六' });
    const worked = c.fact('shortestWorkedMonths');
    const minWorked = c.param('min_worked_months');
    c.check('累计工作时间不少于6个月', worked >= minWorked, {
      value: `${worked} 个月`,
      expected: `≥ ${minWorked} 个月`,
      article: '六',
    });
    c.check('车间设在乡镇或农村', c.fact('ruralSite'), { value: yesNo(c.fact('ruralSite')), expected: '是', article: '六' });
    const contract = c.fact('shortestContractMonths');
    const minContract = c.param('min_contract_months');
    c.check('签订6个月（含）以上劳动合同或就业协议', contract >= minContract, {
      value: `${contract} 个月`,
      expected: `≥ ${minContract} 个月`,
      article: '六',
    });
    c.check('工资待遇不低于当地最低工资标准', c.fact('wageAtLeastMinimum'), {
      value: yesNo(c.fact('wageAtLeastMinimum')),
      expected: '是',
      article: '六',
    });

    const per = c.param('per_laborer');
    const cap = c.param('cap');
    const raw = n * per;
    return c.pay(
      Math.min(raw, cap),
      raw > cap ? `${n} 人 × ${per / 100} 元 = ${raw / 100} 元，超过上限按 ${cap / 100} 元` : `${n} 人 × ${per / 100} 元`,
      '六',
    );
  },
});
