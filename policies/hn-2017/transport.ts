// TR-HN 转移就业交通补助: for registered poor laborers who work away from home (外出务工, the
// register's channel) across a province, 市州 or 县区 line: the standard the home county set
// for the kind of crossing; work inside the home county is not cross-region. Once per person.
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'TR-HN',
  facts: {
    registeredPoor: { type: 'boolean', label: '建档立卡贫困劳动力' },
    migrant: { type: 'boolean', label: '外出务工（就业渠道为外出务工）' },
    workingAge: { type: 'boolean', label: '劳动年龄内' },
    ableToWork: { type: 'boolean', label: '有劳动能力' },
    workRegion: { type: 'region', label: '务工地（区划代码或“省外”）' },
  },
  evaluate(c) {
    c.check('建档立卡贫困劳动力', c.fact('registeredPoor'), {
      value: yesNo(c.fact('registeredPoor')),
      expected: '是',
      article: '二（二）6',
    });
    c.check('外出务工', c.fact('migrant'), { value: yesNo(c.fact('migrant')), expected: '是', article: '二（二）6' });
    c.check('有就业能力的适龄劳动者', c.fact('workingAge') && c.fact('ableToWork'), {
      value: `劳动年龄内：${yesNo(c.fact('workingAge'))}；有劳动能力：${yesNo(c.fact('ableToWork'))}`,
      expected: '均为是',
      article: '一（二）',
    });

    const home = c.region;
    const work = c.fact('workRegion');
    let crossing: 'province' | 'city' | 'county' | undefined;
    let where: string;
    if (work === '省外' || work.slice(0, 2) !== home.slice(0, 2)) {
      crossing = 'province';
      where = '跨省';
    } else if (work.length >= 4 && home.length >= 4 && work.slice(0, 4) !== home.slice(0, 4)) {
      crossing = 'city';
      where = '省内跨市州';
    } else if (work.length >= 6 && home.length >= 6 && work.slice(0, 6) !== home.slice(0, 6)) {
      crossing = 'county';
      where = '市州内跨县区';
    } else if (work.length >= 6 && home.length >= 6) {
      where = '县区内务工，不属跨区域';
    } else {
      where = '区划代码不足以判断是否跨县区';
    }
    c.check('跨区域（跨省、跨市州或跨县区）外出务工', crossing !== undefined, {
      value: `户籍地 ${home}，务工地 ${work}（${where}）`,
      expected: '务工地与户籍地不在同一县区',
      article: '二（二）6',
    });
    if (crossing === undefined) return undefined;

    const amount = c.param(`standard_cross_${crossing}`);
    return c.pay(amount, `${where}外出务工，按输出地县市区制定的标准 ${amount / 100} 元`, '二（二）6');
  },
});
