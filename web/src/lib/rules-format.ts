// How the rules' values read on screen: parameter values by unit, periods, regions' levels.
import type { ParameterUnit } from '@domain/rules/types.ts';
import { yuan } from './format.ts';

const UNIT_SUFFIX: Partial<Record<ParameterUnit, string>> = {
  fen_per_person: '/人',
  fen_per_month: '/月',
  fen_per_day: '/天',
  fen_per_hour: '/课时',
  fen_per_year: '/年',
  count: ' 人',
  months: ' 个月',
  years: ' 年',
  days: ' 天',
  hours: ' 学时',
  percent: '%',
};

export const UNIT_NAMES: Record<ParameterUnit, string> = {
  fen: '元',
  fen_per_person: '元/人',
  fen_per_month: '元/月',
  fen_per_day: '元/天',
  fen_per_hour: '元/课时',
  fen_per_year: '元/年',
  count: '人数',
  months: '月数',
  years: '年数',
  days: '天数',
  hours: '学时',
  percent: '百分比',
  choice: '选项',
};

export const isMoneyUnit = (unit: ParameterUnit) => unit.startsWith('fen');

/** A parameter value as the document would write it: "500.00 元", "3 个月", the choice's label. */
export function paramValue(
  unit: ParameterUnit,
  value: number | string,
  choices?: readonly { value: string; label: string }[] | null,
): string {
  if (unit === 'choice') return choices?.find((c) => c.value === String(value))?.label ?? String(value);
  if (isMoneyUnit(unit)) return `${yuan(value)}${UNIT_SUFFIX[unit] ?? ''}`;
  return `${value}${UNIT_SUFFIX[unit] ?? ''}`;
}

/** "2018-01-01 至 2020-12-31", or "2018-01-01 起" for an open end. */
export const period = (from: string, to: string | null | undefined) => (to ? `${from} 至 ${to}` : `${from} 起`);
