// SKILL-HZ 技能提升补贴: fixed amount by certificate level for insured enterprise employees.
import { defineRule } from '../../src/domain/rules/index.ts';

const LEVELS = ['初级（五级）', '中级（四级）', '高级（三级）'] as const;
const KINDS = ['职业资格证书', '职业技能等级证书', '其他证书'] as const;
const SINCE = '2017-01-01';

export default defineRule({
  id: 'SKILL-HZ',
  facts: {
    enterpriseEmployee: { type: 'boolean', label: '企业在职职工' },
    insuredMonths: { type: 'integer', label: '累计缴纳失业保险费月数', min: 0 },
    certificateKind: { type: 'enum', label: '证书种类', values: KINDS },
    certificateLevel: { type: 'enum', label: '证书等级', values: LEVELS },
    certificateDate: { type: 'date', label: '取得证书日期' },
  },
  evaluate(c) {
    c.check('企业在职职工', c.fact('enterpriseEmployee'), {
      value: c.fact('enterpriseEmployee') ? '是' : '否',
      expected: '是',
      article: '第22条',
    });
    const months = c.fact('insuredMonths');
    const min = c.param('min_insured_months');
    c.check('累计缴纳失业保险费36个月及以上', months >= min, {
      value: `${months} 个月`,
      expected: `≥ ${min} 个月`,
      article: '第22条',
    });
    const kind = c.fact('certificateKind');
    c.check('职业资格证书或职业技能等级证书', kind !== '其他证书', {
      value: kind,
      expected: '职业资格证书、职业技能等级证书',
      article: '第22条',
    });
    const got = c.fact('certificateDate');
    c.check('2017年以来取得证书', got >= SINCE && got <= c.date, {
      value: got,
      expected: `${SINCE} 至 ${c.date}`,
      article: '第22条',
    });
    const level = c.fact('certificateLevel');
    const amount =
      level === '初级（五级）'
        ? c.param('amount_junior')
        : level === '中级（四级）'
          ? c.param('amount_middle')
          : c.param('amount_senior');
    return c.pay(amount, `${level}证书 ${amount / 100} 元`, '第22条');
  },
});
