// The scope of NM-2018 (末段): 建档立卡、有劳动能力和就业愿望的适龄贫困劳动力, men 16-60 and
// women 16-55 full years of age on the case date. Shared by the person rules of the document;
// each rule declares the parameters min_age, max_age_men and max_age_women (article 末段).
import { ageOn } from '../../src/domain/registry/derive.ts';
import type { FactSpecs, RuleContext } from '../../src/domain/rules/index.ts';

export const poorLaborerFacts = {
  registeredPoor: { type: 'boolean', label: '建档立卡贫困人口' },
  ableAndWilling: { type: 'boolean', label: '有劳动能力和就业愿望' },
  sex: { type: 'enum', label: '性别', values: ['男', '女'] },
  birthDate: { type: 'date', label: '出生日期' },
} as const;

type Ctx = Pick<RuleContext<FactSpecs>, 'check' | 'param' | 'date'>;

/** Checks the age band; `maxAgeWomen` overrides the women's upper age (二（三） for domestic-service training). */
export function checkAge(
  c: Ctx,
  sex: '男' | '女',
  birthDate: string,
  women?: { max: number; label: string; article: string },
): boolean {
  const age = ageOn(birthDate, c.date);
  const min = c.param('min_age');
  const max = sex === '男' ? c.param('max_age_men') : (women?.max ?? c.param('max_age_women'));
  const label = sex === '男' ? '适龄（男16—60周岁）' : (women?.label ?? '适龄（女16—55周岁）');
  return c.check(label, age >= min && age <= max, {
    value: `${sex}，${age} 周岁`,
    expected: `${min}—${max} 周岁`,
    article: women?.article ?? '末段',
  });
}

/** 建档立卡, able and willing, of working age: the document's 贫困劳动力. */
export function checkPoorLaborer(
  c: Ctx,
  p: { registeredPoor: boolean; ableAndWilling: boolean; sex: '男' | '女'; birthDate: string },
): void {
  c.check('建档立卡贫困人口', p.registeredPoor, { value: p.registeredPoor ? '是' : '否', expected: '是', article: '末段' });
  c.check('有劳动能力和就业愿望', p.ableAndWilling, {
    value: p.ableAndWilling ? '是' : '否',
    expected: '是',
    article: '末段',
  });
  checkAge(c, p.sex, p.birthDate);
}

/** `from` plus `months` calendar months (the last day of a shorter month when the day does not exist). */
export function addMonths(from: string, months: number): string {
  const y = Number(from.slice(0, 4));
  const m = Number(from.slice(5, 7)) - 1 + months;
  const d = Number(from.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
