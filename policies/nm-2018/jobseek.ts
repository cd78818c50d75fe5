// JOBSEEK-NM 一次性求职创业补贴: a 贫困劳动力 in organised export to work outside the home banner/county.
import { defineRule } from '../../src/domain/rules/index.ts';
import { checkPoorLaborer, poorLaborerFacts } from './poor-laborer.ts';

export default defineRule({
  id: 'JOBSEEK-NM',
  facts: {
    ...poorLaborerFacts,
    organizedExport: { type: 'boolean', label: '通过有组织劳务输出就业' },
    workRegion: { type: 'region', label: '就业地（区划代码或“省外”）' },
  },
  evaluate(c) {
    checkPoorLaborer(c, {
      registeredPoor: c.fact('registeredPoor'),
      ableAndWilling: c.fact('ableAndWilling'),
      sex: c.fact('sex'),
      birthDate: c.fact('birthDate'),
    });
    const organized = c.fact('organizedExport');
    c.check('通过有组织劳务输出就业', organized, { value: organized ? '是' : '否', expected: '是', article: '五' });
    const home = c.region.slice(0, 6);
    const work = c.fact('workRegion');
    // A 2- or 4-digit code that contains the home banner does not show the work is outside it.
    const outside = work === '省外' || (work.length >= 6 ? work.slice(0, 6) !== home : !home.startsWith(work));
    c.check('到户籍所在旗县以外就业', outside, { value: work, expected: `旗县 ${home} 以外`, article: '五' });
    const amount = c.param('amount');
    return c.pay(amount, `盟市确定的一次性求职创业补贴标准 ${amount / 100} 元`, '五');
  },
});
