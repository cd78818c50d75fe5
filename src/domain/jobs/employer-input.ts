// An employer record as the form and the API give it, validated with Chinese messages.
import { isRegionCode } from '../region/region-code.ts';
import { creditCodeProblem, normalizeCreditCode } from './credit-code.ts';
import { INDUSTRY_SECTIONS } from './vocabulary.ts';

export const EMPLOYER_FIELD_LABELS = {
  creditCode: '统一社会信用代码',
  name: '单位名称',
  regionCode: '注册地区划代码',
  industry: '行业门类',
  contactName: '联系人',
  contactPhone: '联系电话',
  address: '地址',
  isWorkshop: '帮扶车间',
  isBase: '就业帮扶基地',
} as const;
export type EmployerField = keyof typeof EMPLOYER_FIELD_LABELS;
export type RawEmployer = Partial<Record<EmployerField, unknown>>;

export interface EmployerInput {
  creditCode: string;
  name: string;
  regionCode: string;
  industry: string;
  contactName: string;
  contactPhone: string;
  address: string;
  isWorkshop: boolean;
  isBase: boolean;
}

export interface EmployerProblem {
  field: EmployerField;
  label: string;
  value: string;
  reason: string;
}

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

/** "C", "c", "C 制造业", "制造业" -> "C"; undefined when not a section. */
export function industrySection(text: string): string | undefined {
  const t = text.trim();
  const letter = /^([A-Ta-t])(\s|$|[^A-Za-z])/.exec(t)?.[1]?.toUpperCase();
  if (letter && INDUSTRY_SECTIONS[letter]) return letter;
  return Object.entries(INDUSTRY_SECTIONS).find(([, name]) => name === t)?.[0];
}

export function validateEmployer(
  raw: RawEmployer,
): { ok: true; value: EmployerInput } | { ok: false; problems: EmployerProblem[] } {
  const problems: EmployerProblem[] = [];
  const text = (f: EmployerField) => (raw[f] === undefined || raw[f] === null ? '' : String(raw[f]).trim());
  const bad = (field: EmployerField, reason: string) =>
    problems.push({ field, label: EMPLOYER_FIELD_LABELS[field], value: text(field), reason });

  const creditCode = normalizeCreditCode(text('creditCode'));
  if (!creditCode) bad('creditCode', '不能为空');
  else {
    const p = creditCodeProblem(creditCode);
    if (p) bad('creditCode', p);
  }
  const name = text('name');
  if (!name) bad('name', '不能为空');
  else if (name.length > 100) bad('name', '不能超过100个字');
  const regionCode = text('regionCode');
  if (!regionCode) bad('regionCode', '不能为空');
  else if (!isRegionCode(regionCode)) bad('regionCode', '应为2、4、6、9或12位区划代码');
  let industry = '';
  if (text('industry')) {
    const s = industrySection(text('industry'));
    if (!s) bad('industry', '应为国民经济行业分类门类（A-T，如“C 制造业”）');
    else industry = s;
  }
  const contactName = text('contactName');
  if (contactName.length > 50) bad('contactName', '不能超过50个字');
  const contactPhone = text('contactPhone').replace(/\s/g, '');
  if (contactPhone && !PHONE.test(contactPhone)) bad('contactPhone', '应为11位手机号或带区号的固定电话');
  const address = text('address');
  if (address.length > 200) bad('address', '不能超过200个字');
  const flag = (f: EmployerField) => {
    const v = raw[f];
    if (v === undefined || v === null || v === '' || v === false || v === '否') return false;
    if (v === true || v === '是') return true;
    bad(f, '应为“是”或“否”');
    return false;
  };
  const isWorkshop = flag('isWorkshop');
  const isBase = flag('isBase');
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { creditCode, name, regionCode, industry, contactName, contactPhone, address, isWorkshop, isBase } };
}
