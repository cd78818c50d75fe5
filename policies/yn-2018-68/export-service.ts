// EXP-YN 有组织劳务输出补贴: per poor laborer employed after organized export, by destination.
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'EXP-YN',
  facts: {
    organizerFiled: { type: 'boolean', label: '组织者经当地人力资源社会保障部门备案' },
    registeredPoor: { type: 'boolean', label: '输出人员为农村贫困劳动力' },
    employed: { type: 'boolean', label: '经组织输出后实际就业' },
    homeRegion: { type: 'region', label: '输出人员户籍地（区划代码）' },
    workRegion: { type: 'region', label: '务工地（区划代码或“省外”）' },
  },
  evaluate(c) {
    c.check('组织者已备案', c.fact('organizerFiled'), { value: yesNo(c.fact('organizerFiled')), expected: '是', article: '一' });
    c.check('农村贫困劳动力', c.fact('registeredPoor'), {
      value: yesNo(c.fact('registeredPoor')),
      expected: '是',
      article: '一',
    });
    c.check('经组织输出后实际就业', c.fact('employed'), { value: yesNo(c.fact('employed')), expected: '是', article: '一' });

    const home = c.fact('homeRegion');
    const work = c.fact('workRegion');
    const outOfProvince = work === '省外' || work.slice(0, 2) !== home.slice(0, 2);
    const inCounty = !outOfProvince && work.length >= 6 && home.length >= 6 && work.slice(0, 6) === home.slice(0, 6);
    const where = outOfProvince ? '省外转移' : inCounty ? '县内就业' : '县外转移';
    c.check('转移到县外（省外或省内县外）', !inCounty, { value: `${work}（${where}）`, expected: '户籍县以外', article: '一' });
    const per = outOfProvince ? c.param('per_person_out_of_province') : c.param('per_person_out_of_county');
    return c.pay(per, `${where} ${per / 100} 元/人`, '一');
  },
});
