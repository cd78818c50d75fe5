// EXP-HZ 有组织转移就业补贴: per registered poor laborer placed, by destination (county lines).
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'EXP-HZ',
  facts: {
    organizerFiled: { type: 'boolean', label: '组织者经市、县劳动就业部门备案（或为组织转移就业的村（居）委会）' },
    registeredPoor: { type: 'boolean', label: '输出人员为建档立卡贫困劳动力' },
    contractMonths: { type: 'integer', label: '已履行劳动合同月数', min: 0 },
    homeRegion: { type: 'region', label: '输出人员户籍地（区划代码）' },
    workRegion: { type: 'region', label: '务工地（区划代码或“省外”）' },
  },
  evaluate(c) {
    c.check('组织者已备案', c.fact('organizerFiled'), {
      value: yesNo(c.fact('organizerFiled')),
      expected: '是',
      article: '第16条',
    });
    c.check('建档立卡贫困劳动力', c.fact('registeredPoor'), {
      value: yesNo(c.fact('registeredPoor')),
      expected: '是',
      article: '第16条',
    });
    const months = c.fact('contractMonths');
    const minMonths = c.param('min_contract_months');
    c.check('履行劳动合同3个月以上', months >= minMonths, {
      value: `${months} 个月`,
      expected: `≥ ${minMonths} 个月`,
      article: '政策问答十二',
    });

    const home = c.fact('homeRegion');
    const work = c.fact('workRegion');
    const outOfProvince = work === '省外' || work.slice(0, 2) !== home.slice(0, 2);
    const inCounty = !outOfProvince && work.length >= 6 && home.length >= 6 && work.slice(0, 6) === home.slice(0, 6);
    const where = outOfProvince ? '省外转移就业' : inCounty ? '县内转移就业' : '县外转移就业';
    c.note('转移去向', `${work}（${where}）`, '第16条');
    const per = outOfProvince
      ? c.param('per_person_out_of_province')
      : inCounty
        ? c.param('per_person_in_county')
        : c.param('per_person_out_of_county');
    return c.pay(per, `${where}每人 ${per / 100} 元`, '第16条');
  },
});
