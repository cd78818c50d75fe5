// PWP-NM20: 80% of a village PV poverty station's income goes to public-welfare posts.
import { defineRule } from '../../src/domain/rules/index.ts';

export default defineRule({
  id: 'PWP-NM20',
  facts: {
    villagePvStation: { type: 'boolean', label: '村级光伏扶贫电站' },
    stationIncomeFen: { type: 'fen', label: '电站收益（分）' },
  },
  evaluate(c) {
    const village = c.fact('villagePvStation');
    c.check('村级光伏扶贫电站', village, { value: village ? '是' : '否', expected: '是', article: '五' });
    const income = c.fact('stationIncomeFen');
    c.check('电站有收益', income > 0, { value: `${income / 100} 元`, expected: '> 0 元', article: '五' });
    const share = c.param('share_percent');
    return c.pay(
      Math.round((income * share) / 100),
      `收益 ${income / 100} 元 × ${share}%（四舍五入到分）用于设置扶贫公益性岗位`,
      '五',
    );
  },
});
