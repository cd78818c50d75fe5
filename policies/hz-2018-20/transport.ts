// TR-HZ 交通补助: for registered poor laborers who work away from home (外出务工, the register's
// channel, not the place: work in the county town is 外出务工 at the 县内 cap, a village workshop
// is not), min(ticket, cap by destination), once per person per year.
import { defineRule, yesNo } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'TR-HZ',
  facts: {
    registeredPoor: { type: 'boolean', label: '建档立卡贫困劳动力' },
    migrant: { type: 'boolean', label: '外出务工（就业渠道为外出务工）' },
    workRegion: { type: 'region', label: '务工地（区划代码或“省外”）' },
    stableMonths: { type: 'integer', label: '稳定就业月数', min: 0 },
    ticketPriceFen: { type: 'fen', label: '实名制车票价格（分）', need: 'amount' },
  },
  evaluate(c) {
    c.check('建档立卡贫困劳动力', c.fact('registeredPoor'), {
      value: yesNo(c.fact('registeredPoor')),
      expected: '是',
      article: '第16条',
    });
    c.check('外出务工', c.fact('migrant'), { value: yesNo(c.fact('migrant')), expected: '是', article: '第16条' });
    const months = c.fact('stableMonths');
    const minMonths = c.param('min_stable_months');
    c.check('稳定就业3个月以上', months >= minMonths, {
      value: `${months} 个月`,
      expected: `≥ ${minMonths} 个月`,
      article: '政策问答十一',
    });

    const home = c.region;
    const work = c.fact('workRegion');
    let cap: number;
    let where: string;
    if (work === '省外' || work.slice(0, 2) !== home.slice(0, 2)) {
      cap = c.param('cap_out_of_province');
      where = '省外';
    } else if (work.length >= 6 && work.slice(0, 6) === home.slice(0, 6)) {
      cap = c.param('cap_in_county');
      where = '县内';
    } else if (work.length >= 4 && work.slice(0, 4) === home.slice(0, 4)) {
      // Same city, another county: 第16条 says 县外省内 (300), the Q&A says 市内 (100).
      const basis = c.choice('distance_basis');
      cap = basis === 'county' ? c.param('cap_out_of_county_in_province') : c.param('cap_in_county');
      where = basis === 'county' ? '县外省内（按第16条）' : '市内（按政策问答十一）';
    } else {
      cap = c.param('cap_out_of_county_in_province');
      where = '县外（市外）省内';
    }
    c.note('务工地点', `${work}（${where}）`, '第16条');

    const ticket = c.maybe('ticketPriceFen');
    if (ticket === undefined) return c.upTo(cap, `${where}上限`, '第16条');
    return c.pay(Math.min(ticket, cap), `车票 ${ticket / 100} 元与${where}上限 ${cap / 100} 元取低者`, '第16条');
  },
});
