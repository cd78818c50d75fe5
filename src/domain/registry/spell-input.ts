// Validation of one employment spell (就业经历), shared by the form, the API and the import.

import { creditCodeProblem, normalizeCreditCode } from '../jobs/credit-code.ts';
import { parseYuanToFen } from '../money.ts';
import { isRegionCode } from '../region/region-code.ts';
import { parseDate } from './person-input.ts';
import { EMPLOYMENT_CHANNELS, type EmploymentChannel, OUT_OF_PROVINCE } from './vocabulary.ts';

export const SPELL_FIELD_LABELS = {
  channel: '就业渠道',
  startDate: '就业开始日期',
  endDate: '就业结束日期',
  place: '务工地点',
  employer: '务工单位',
  employerCreditCode: '务工单位统一社会信用代码',
  monthlyIncome: '月收入(元)',
  insured: '是否参保',
} as const;
export type SpellField = keyof typeof SPELL_FIELD_LABELS;
export type RawSpell = Partial<Record<SpellField, string>>;

export interface SpellInput {
  channel: EmploymentChannel;
  startDate: string;
  endDate: string | null;
  /** Region code of the place of work when it is one of ours (inside a loaded province). */
  placeCode: string | null;
  /** The place as written; 省外 places keep their text here. */
  placeName: string;
  outOfProvince: boolean;
  employer: string;
  /**
   * 统一社会信用代码 of the employer when it is registered here (用工单位名录): the spell is then
   * linked to that employer, whatever name it is written under. Null for the many employers
   * that are not (a factory in another province).
   */
  employerCreditCode: string | null;
  monthlyIncomeFen: number;
  insured: boolean;
}

export interface SpellProblem {
  field: SpellField;
  label: string;
  value: string;
  reason: string;
}

export function isEmptySpell(raw: RawSpell): boolean {
  return Object.values(raw).every((v) => !v?.trim());
}

/**
 * `place` may be a region code (150425), or text beginning with 省外 (省外:广东省深圳市),
 * or a place name the caller resolved to a code beforehand.
 */
export function validateSpell(
  raw: RawSpell,
  today: string,
): { ok: true; value: SpellInput } | { ok: false; problems: SpellProblem[] } {
  const problems: SpellProblem[] = [];
  const text = (f: SpellField) => (raw[f] ?? '').trim();
  const fail = (f: SpellField, reason: string) =>
    problems.push({ field: f, label: SPELL_FIELD_LABELS[f], value: text(f), reason });

  const channel = text('channel');
  if (!channel) fail('channel', '不能为空');
  else if (!(EMPLOYMENT_CHANNELS as readonly string[]).includes(channel))
    fail('channel', `取值应为：${EMPLOYMENT_CHANNELS.join('/')}`);

  const startDate = text('startDate') ? parseDate(text('startDate')) : undefined;
  if (!text('startDate')) fail('startDate', '不能为空');
  else if (!startDate) fail('startDate', '不是有效日期（如 2024-03-01）');
  else if (startDate > today) fail('startDate', '不能晚于今天');
  let endDate: string | null = null;
  if (text('endDate')) {
    const e = parseDate(text('endDate'));
    if (!e) fail('endDate', '不是有效日期');
    else if (startDate && e < startDate) fail('endDate', '不能早于开始日期');
    else endDate = e;
  }

  const place = text('place');
  let placeCode: string | null = null;
  let outOfProvince = false;
  let placeName = place;
  if (place.startsWith(OUT_OF_PROVINCE)) {
    outOfProvince = true;
    placeName = place.replace(/^省外[:：\s]*/, '') || OUT_OF_PROVINCE;
  } else if (/^\d+$/.test(place)) {
    if (!isRegionCode(place)) fail('place', '区划代码应为2、4、6、9或12位');
    else placeCode = place;
  }

  let employerCreditCode: string | null = null;
  if (text('employerCreditCode')) {
    const code = normalizeCreditCode(text('employerCreditCode'));
    const problem = creditCodeProblem(code);
    if (problem) fail('employerCreditCode', problem);
    else employerCreditCode = code;
  }

  let monthlyIncomeFen = 0;
  if (text('monthlyIncome')) {
    const fen = parseYuanToFen(text('monthlyIncome'));
    if (fen === undefined) fail('monthlyIncome', '应为金额（元），最多两位小数');
    else monthlyIncomeFen = fen;
  }
  const insuredText = text('insured');
  let insured = false;
  if (['是', '已参保', 'Y', '1'].includes(insuredText)) insured = true;
  else if (!['', '否', '未参保', 'N', '0'].includes(insuredText)) fail('insured', '应填写“是”或“否”');

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      channel: channel as EmploymentChannel,
      startDate: startDate as string,
      endDate,
      placeCode,
      placeName,
      outOfProvince,
      employer: text('employer'),
      employerCreditCode,
      monthlyIncomeFen,
      insured,
    },
  };
}
