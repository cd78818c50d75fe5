// TRN-NM 职业技能培训补贴: class hours × the league's rate + days × the league's living allowance,
// for a 贫困劳动力 (末段) with at least 56 class hours (二（四）).
import { defineRule } from '../../src/domain/rules/index.ts';
import { checkAge, poorLaborerFacts } from './poor-laborer.ts';

export default defineRule({
  id: 'TRN-NM',
  facts: {
    ...poorLaborerFacts,
    domesticService: { type: 'boolean', label: '家庭服务就业技能培训', need: 'optional' },
    classHours: { type: 'integer', label: '实际发生培训课时', min: 0 },
    attendedDays: { type: 'integer', label: '参加培训天数', min: 0 },
  },
  evaluate(c) {
    const poor = c.fact('registeredPoor');
    c.check('建档立卡贫困人口', poor, { value: poor ? '是' : '否', expected: '是', article: '末段' });
    const able = c.fact('ableAndWilling');
    c.check('有劳动能力和就业愿望', able, { value: able ? '是' : '否', expected: '是', article: '末段' });
    const sex = c.fact('sex');
    const domestic = c.maybe('domesticService') === true;
    checkAge(
      c,
      sex,
      c.fact('birthDate'),
      domestic && sex === '女'
        ? { max: c.param('max_age_women_domestic'), label: '家庭服务就业技能培训女性年龄放宽到55周岁', article: '二（三）' }
        : undefined,
    );
    const hours = c.fact('classHours');
    const minHours = c.param('min_class_hours');
    c.check('培训课时不少于56课时', hours >= minHours, {
      value: `${hours} 课时`,
      expected: `≥ ${minHours} 课时`,
      article: '二（四）',
    });

    const rate = c.param('rate_per_class_hour');
    const perDay = c.param('living_allowance_per_day');
    const training = hours * rate;
    const days = c.fact('attendedDays');
    return c.pay(
      training + days * perDay,
      `${hours} 课时 × ${rate / 100} 元 + ${days} 天 × 生活费 ${perDay / 100} 元`,
      '二（四）',
    );
  },
});
