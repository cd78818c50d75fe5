// One job post as the form, the API, the import and the employer's own page give it:
// coerced from text or JSON values and validated with the same Chinese messages everywhere.
// Pure: whether the place of work exists in the division data is checked by the caller.

import { isRegionCode } from '../region/region-code.ts';
import { EDUCATION_LEVELS } from '../registry/vocabulary.ts';
import { findOccupation } from './occupations.ts';
import { MAX_AGE_REQUIREMENT, MIN_WORKING_AGE, PHYSICAL_DEMANDS, type PhysicalDemand } from './vocabulary.ts';

export const JOB_FIELD_LABELS = {
  title: '岗位名称',
  occupationCode: '职业代码',
  workRegionCode: '工作地区划代码',
  workPlace: '工作地点',
  openings: '招聘人数',
  wageMinFen: '月工资下限',
  wageMaxFen: '月工资上限',
  workingHours: '工作时间',
  accommodation: '包住',
  meals: '包吃',
  contractMonths: '合同期限（月）',
  seasonFrom: '季节性用工开始日期',
  seasonTo: '季节性用工结束日期',
  ageMin: '最低年龄',
  ageMax: '最高年龄',
  sexRequired: '性别要求',
  sexReason: '性别要求的法定理由',
  educationMin: '最低学历',
  skills: '技能要求',
  certificates: '证书要求',
  physicalDemand: '体力要求',
  suitableForWeak: '适合弱劳动力或半劳动力',
  validUntil: '有效期至',
} as const;
export type JobField = keyof typeof JOB_FIELD_LABELS;
export type RawJob = Partial<Record<JobField, unknown>>;

export interface JobInput {
  title: string;
  occupationCode: string;
  workRegionCode: string;
  workPlace: string;
  openings: number;
  wageMinFen: number;
  wageMaxFen: number;
  workingHours: string;
  accommodation: boolean;
  meals: boolean;
  contractMonths: number | null;
  seasonFrom: string | null;
  seasonTo: string | null;
  ageMin: number | null;
  ageMax: number | null;
  sexRequired: '男' | '女' | null;
  sexReason: string | null;
  educationMin: string | null;
  skills: string[];
  certificates: string[];
  physicalDemand: PhysicalDemand;
  suitableForWeak: boolean;
  validUntil: string | null;
}

export interface JobProblem {
  field: JobField;
  label: string;
  value: string;
  reason: string;
}

export type JobCheck = { ok: true; value: JobInput } | { ok: false; problems: JobProblem[] };

const MAX_OPENINGS = 100_000;
/** 1,000,000 yuan a month: anything above is a typing error (fen typed as yuan). */
const MAX_WAGE_FEN = 100_000_000;

function show(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.join('、');
  return String(v);
}

function text(v: unknown): string {
  return v === undefined || v === null ? '' : String(v).trim();
}

/** Whole number from a number or text ("3", "3.0", "３"); undefined when empty; NaN when not one. */
function int(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number') return Number.isInteger(v) ? v : Number.NaN;
  const t = String(v)
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/(人|个|岁|月|个月)$/, '');
  if (t === '') return undefined;
  return /^\d+(\.0+)?$/.test(t) ? Number.parseInt(t, 10) : Number.NaN;
}

const TRUE = new Set(['是', '有', '包', '提供', 'true', '1', 'y', 'yes']);
const FALSE = new Set(['否', '无', '不包', '不提供', 'false', '0', 'n', 'no', '']);

function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === undefined || v === null) return false;
  const t = String(v).trim().toLowerCase();
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return undefined;
}

function list(v: unknown): string[] {
  const items = Array.isArray(v) ? v.map((x) => String(x)) : text(v).split(/[,，、;；\n]/);
  return [...new Set(items.map((x) => x.trim()).filter((x) => x !== ''))];
}

/** "2026-03-01", "2026/3/1", "2026.3.1" -> "2026-03-01"; undefined when empty; null when not a real date. */
export function parseDate(v: unknown): string | null | undefined {
  const t = text(v);
  if (t === '') return undefined;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

export function validateJobPost(raw: RawJob, opts: { today: string; creating: boolean }): JobCheck {
  const problems: JobProblem[] = [];
  const bad = (field: JobField, reason: string) =>
    problems.push({ field, label: JOB_FIELD_LABELS[field], value: show(raw[field]), reason });

  const title = text(raw.title);
  if (!title) bad('title', '不能为空');
  else if (title.length > 100) bad('title', '不能超过100个字');

  const occupationCode = text(raw.occupationCode);
  if (!occupationCode) bad('occupationCode', '不能为空（可按名称或关键词在职业分类中查找）');
  else if (!findOccupation(occupationCode)) bad('occupationCode', '不在职业分类代码表中（无对应职业时请填所属中类，如 6-05）');

  const workRegionCode = text(raw.workRegionCode);
  if (!workRegionCode) bad('workRegionCode', '不能为空');
  else if (!isRegionCode(workRegionCode)) bad('workRegionCode', '应为2、4、6、9或12位区划代码');

  const count = (field: JobField, min: number, max: number, required: boolean): number | null => {
    const n = int(raw[field]);
    if (n === undefined) {
      if (required) bad(field, '不能为空');
      return null;
    }
    if (Number.isNaN(n)) bad(field, '应为整数');
    else if (n < min || n > max) bad(field, `应在${min}到${max}之间`);
    else return n;
    return null;
  };
  const openings = count('openings', 1, MAX_OPENINGS, true);
  const contractMonths = count('contractMonths', 1, 600, false);
  const ageMin = count('ageMin', MIN_WORKING_AGE, MAX_AGE_REQUIREMENT, false);
  const ageMax = count('ageMax', MIN_WORKING_AGE, MAX_AGE_REQUIREMENT, false);
  if (ageMin !== null && ageMax !== null && ageMin > ageMax) bad('ageMax', `不能小于最低年龄${ageMin}岁`);

  const wage = (field: 'wageMinFen' | 'wageMaxFen'): number | null => {
    const v = raw[field];
    if (v === undefined || v === null || v === '') {
      bad(field, '不能为空');
      return null;
    }
    const n = typeof v === 'number' ? v : /^\d+$/.test(String(v).trim()) ? Number(String(v).trim()) : Number.NaN;
    if (!Number.isInteger(n) || n < 0) bad(field, '应为不小于0的整数（单位：分）');
    else if (n > MAX_WAGE_FEN) bad(field, '超过每月100万元，请核对单位（元/分）');
    else return n;
    return null;
  };
  const wageMinFen = wage('wageMinFen');
  const wageMaxFen = wage('wageMaxFen');
  if (wageMinFen !== null && wageMaxFen !== null && wageMaxFen < wageMinFen) bad('wageMaxFen', '不能低于月工资下限');

  const flag = (field: JobField): boolean => {
    const b = bool(raw[field]);
    if (b === undefined) bad(field, '应为“是”或“否”');
    return b ?? false;
  };
  const accommodation = flag('accommodation');
  const meals = flag('meals');
  const suitableForWeak = flag('suitableForWeak');

  const date = (field: JobField): string | null => {
    const d = parseDate(raw[field]);
    if (d === null) bad(field, '不是有效日期（格式如 2026-03-01）');
    return d ?? null;
  };
  const seasonFrom = date('seasonFrom');
  const seasonTo = date('seasonTo');
  const seasonGiven = [parseDate(raw.seasonFrom) !== undefined, parseDate(raw.seasonTo) !== undefined];
  if (seasonGiven[0] !== seasonGiven[1]) bad(seasonGiven[0] ? 'seasonTo' : 'seasonFrom', '季节性用工须同时填写开始和结束日期');
  if (seasonFrom && seasonTo && seasonTo < seasonFrom) bad('seasonTo', '不能早于开始日期');
  if (opts.creating && seasonTo && seasonTo < opts.today) bad('seasonTo', '季节已结束，不能发布');
  const validUntil = date('validUntil');
  if (opts.creating && validUntil && validUntil < opts.today) bad('validUntil', `已过期（今天是${opts.today}）`);

  const sexText = text(raw.sexRequired);
  let sexRequired: '男' | '女' | null = null;
  if (sexText === '男' || sexText === '女') sexRequired = sexText;
  else if (!['', '不限', '男女不限'].includes(sexText)) bad('sexRequired', '应为“男”“女”或不填（不限）');
  const sexReason = text(raw.sexReason) || null;
  // 就业促进法 第二十七条: no refusal by sex "except for the types of work or posts that the
  // state stipulates as unsuitable for women"; a requirement must say which ground applies.
  if (sexRequired && (!sexReason || sexReason.length < 4)) {
    bad('sexReason', '限定性别须写明法定理由（如“矿山井下作业，属女职工禁忌从事的劳动范围”），否则请选择“不限”');
  }

  const educationText = text(raw.educationMin);
  const educationMin = educationText === '' || educationText === '不限' ? null : educationText;
  if (educationMin && !(EDUCATION_LEVELS as readonly string[]).includes(educationMin)) {
    bad('educationMin', `应为：${EDUCATION_LEVELS.join('/')} 或不限`);
  }

  const demandText = text(raw.physicalDemand) || '中';
  const physicalDemand = (PHYSICAL_DEMANDS as readonly string[]).includes(demandText)
    ? (demandText as PhysicalDemand)
    : undefined;
  if (!physicalDemand) bad('physicalDemand', '应为“轻”“中”或“重”');
  if (suitableForWeak && physicalDemand === '重') bad('suitableForWeak', '体力要求为“重”的岗位不适合弱劳动力或半劳动力');

  const workPlace = text(raw.workPlace);
  if (workPlace.length > 200) bad('workPlace', '不能超过200个字');
  const workingHours = text(raw.workingHours);
  if (workingHours.length > 200) bad('workingHours', '不能超过200个字');
  const skills = list(raw.skills);
  const certificates = list(raw.certificates);
  for (const [field, items] of [
    ['skills', skills],
    ['certificates', certificates],
  ] as const) {
    if (items.length > 20) bad(field, '最多20项');
    if (items.some((x) => x.length > 50)) bad(field, '每项不能超过50个字');
  }

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      title,
      occupationCode,
      workRegionCode,
      workPlace,
      openings: openings as number,
      wageMinFen: wageMinFen as number,
      wageMaxFen: wageMaxFen as number,
      workingHours,
      accommodation,
      meals,
      contractMonths,
      seasonFrom,
      seasonTo,
      ageMin,
      ageMax,
      sexRequired,
      sexReason: sexRequired ? sexReason : null,
      educationMin,
      skills,
      certificates,
      physicalDemand: physicalDemand as PhysicalDemand,
      suitableForWeak,
      validUntil,
    },
  };
}

/**
 * The status people see: a stored 'open' post is expired once its validity or its season has
 * ended, and filled once every opening is taken; 'filled' and 'expired' set by hand stay.
 */
export function effectiveJobStatus(
  j: {
    status: 'open' | 'filled' | 'expired';
    openings: number;
    filled: number;
    validUntil: string | null;
    seasonTo: string | null;
  },
  today: string,
): 'open' | 'filled' | 'expired' {
  if (j.status !== 'open') return j.status;
  if (j.filled >= j.openings) return 'filled';
  if ((j.validUntil && j.validUntil < today) || (j.seasonTo && j.seasonTo < today)) return 'expired';
  return 'open';
}
