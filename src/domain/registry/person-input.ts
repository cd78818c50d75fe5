// Validation of one laborer record as a person types it or an import row carries it:
// the same rules for the edit form, the API and the Excel import. Pure: no I/O.
import { isValidCalendarDate, parseIdNumber } from '../idcard/gb11643.ts';
import {
  DISABILITY_KINDS,
  EDUCATION_LEVELS,
  ETHNICITIES,
  HEALTH_STATES,
  HOUSEHOLD_TYPES,
  type HouseholdType,
  MONITORING_CATEGORIES,
  RELATIONSHIPS,
  SERVICE_NEEDS,
  STUDENT_STATES,
  WORK_CAPACITIES,
  type WorkCapacity,
} from './vocabulary.ts';

/** Raw text fields keyed by the canonical field name (see FIELD_LABELS). */
export type RawPerson = Partial<Record<PersonField, string>>;

export const FIELD_LABELS = {
  householdNumber: '户编号',
  villageCode: '村代码',
  householdType: '户类型',
  monitoringCategory: '监测对象类别',
  relocated: '是否易地搬迁',
  relocationSite: '安置点',
  relationship: '与户主关系',
  name: '姓名',
  idNumber: '身份证号',
  sex: '性别',
  birthDate: '出生日期',
  ethnicity: '民族',
  education: '文化程度',
  workCapacity: '劳动技能',
  health: '健康状况',
  disability: '残疾类别',
  studentStatus: '在校生状况',
  phone: '联系电话',
  skills: '技能特长',
  certificates: '职业资格证书',
  migrateWilling: '外出务工意愿',
  preferredPlaces: '意向务工地点',
  preferredWork: '意向工种',
  serviceNeeds: '就业服务需求',
  trainingNeeds: '培训需求',
} as const;
export type PersonField = keyof typeof FIELD_LABELS;

export interface PersonInput {
  householdNumber: string;
  villageCode: string;
  householdType: HouseholdType;
  monitoringCategory: string | null;
  relocated: boolean;
  relocationSite: string | null;
  relationship: string;
  name: string;
  idNumber: string;
  sex: '男' | '女';
  birthDate: string;
  ethnicity: string | null;
  education: string | null;
  workCapacity: WorkCapacity;
  health: string | null;
  disability: string | null;
  studentStatus: string;
  phone: string | null;
  skills: string[];
  certificates: string[];
  migrateWilling: boolean;
  preferredPlaces: string[];
  preferredWork: string[];
  serviceNeeds: string[];
  trainingNeeds: string[];
}

export interface Problem {
  field: PersonField;
  /** The column header as the user sees it. */
  label: string;
  value: string;
  reason: string;
}

export type Validation = { ok: true; value: PersonInput } | { ok: false; problems: Problem[] };

const YES = new Set(['是', '有', 'Y', 'y', '1', 'true', '愿意']);
const NO = new Set(['否', '无', 'N', 'n', '0', 'false', '不愿意', '']);

/**
 * Splits a multi-valued cell on 、，,；;/ and line breaks. Spaces do not separate: a value
 * such as "电焊 二级" is one skill.
 */
export function splitList(cell: string | undefined): string[] {
  if (!cell) return [];
  return [
    ...new Set(
      cell
        .split(/[、，,；;/\r\n]+/)
        .map((s) => s.trim().replace(/\s+/g, ' '))
        .filter(Boolean),
    ),
  ];
}

/** Accepts 1990-01-02, 1990/1/2, 1990.1.2, 19900102 and 1990年1月2日. */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidCalendarDate(y, mo, d)) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export function validatePerson(raw: RawPerson, today: string): Validation {
  const problems: Problem[] = [];
  const text = (f: PersonField) => (raw[f] ?? '').trim();
  const fail = (f: PersonField, reason: string) => problems.push({ field: f, label: FIELD_LABELS[f], value: text(f), reason });
  const required = (f: PersonField) => {
    const v = text(f);
    if (!v) fail(f, '不能为空');
    return v;
  };
  const oneOf = <T extends string>(f: PersonField, allowed: readonly T[], optional = true): T | null => {
    const v = text(f);
    if (!v) {
      if (!optional) fail(f, '不能为空');
      return null;
    }
    if (!(allowed as readonly string[]).includes(v)) {
      fail(f, `取值应为：${allowed.join('/')}`);
      return null;
    }
    return v as T;
  };
  const yesNo = (f: PersonField) => {
    const v = text(f);
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    fail(f, '应填写“是”或“否”');
    return false;
  };
  const listOf = (f: PersonField, allowed?: readonly string[]) => {
    const values = splitList(raw[f]);
    if (allowed) {
      const bad = values.filter((v) => !allowed.includes(v));
      if (bad.length) fail(f, `包含无效取值“${bad.join('、')}”，可选：${allowed.join('/')}`);
    }
    return values;
  };

  const householdNumber = required('householdNumber');
  const villageCode = required('villageCode');
  if (villageCode && !/^\d{12}$/.test(villageCode)) fail('villageCode', '应为12位村级区划代码');
  const householdType = oneOf('householdType', HOUSEHOLD_TYPES, false);
  const monitoringCategory = oneOf('monitoringCategory', MONITORING_CATEGORIES);
  if (householdType === '监测对象' && !monitoringCategory && !problems.some((p) => p.field === 'monitoringCategory')) {
    fail('monitoringCategory', '监测对象户必须填写类别');
  }
  if (householdType === '脱贫户' && monitoringCategory) fail('monitoringCategory', '脱贫户不应填写监测对象类别');
  const relocated = yesNo('relocated');
  const relocationSite = text('relocationSite') || null;
  if (relocated && !relocationSite) fail('relocationSite', '易地搬迁户必须填写安置点');
  const relationship = oneOf('relationship', RELATIONSHIPS, false);
  const name = required('name');
  if (name && !/^[\u3400-\u9fff\u00b7·A-Za-z\s]{1,40}$/.test(name)) fail('name', '只能包含汉字、少数民族姓名间隔号或字母');

  // ID number, and the birth date and sex it implies.
  const idText = required('idNumber');
  let idBirth: string | undefined;
  let idSex: '男' | '女' | undefined;
  let idNumber = idText;
  if (idText) {
    const parsed = parseIdNumber(idText, today);
    if (!parsed.ok) fail('idNumber', parsed.problem.message);
    else {
      idNumber = parsed.value.idNumber;
      idBirth = parsed.value.birthDate;
      idSex = parsed.value.sex;
    }
  }
  let sex = oneOf('sex', ['男', '女'] as const) ?? idSex ?? null;
  if (sex && idSex && sex !== idSex) fail('sex', `与身份证号不符（身份证号显示为${idSex}）`);
  // Sex is normally derived from the ID number; when that number is wrong, say so once.
  if (!sex && !idSex && !problems.some((p) => p.field === 'sex' || p.field === 'idNumber')) fail('sex', '不能为空');
  sex = idSex ?? sex;
  let birthDate = idBirth;
  const birthText = text('birthDate');
  if (birthText) {
    const b = parseDate(birthText);
    if (!b) fail('birthDate', '不是有效日期（如 1990-01-31）');
    else if (idBirth && b !== idBirth) fail('birthDate', `与身份证号不符（身份证号显示为 ${idBirth}）`);
    else birthDate = b;
  }

  const ethnicity = oneOf('ethnicity', ETHNICITIES);
  const education = oneOf('education', EDUCATION_LEVELS);
  const workCapacity = oneOf('workCapacity', WORK_CAPACITIES, false);
  const health = oneOf('health', HEALTH_STATES);
  const disability = oneOf('disability', DISABILITY_KINDS);
  const studentStatus = oneOf('studentStatus', STUDENT_STATES) ?? '非在校生';
  const phone = text('phone').replace(/\s/g, '') || null;
  if (phone && !PHONE.test(phone)) fail('phone', '应为11位手机号或带区号的固定电话');
  const skills = listOf('skills');
  const certificates = listOf('certificates');
  const migrateWilling = yesNo('migrateWilling');
  const preferredPlaces = listOf('preferredPlaces');
  const preferredWork = listOf('preferredWork');
  const serviceNeeds = listOf('serviceNeeds', SERVICE_NEEDS);
  const trainingNeeds = listOf('trainingNeeds');

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      householdNumber,
      villageCode,
      householdType: householdType as HouseholdType,
      monitoringCategory,
      relocated,
      relocationSite,
      relationship: relationship as string,
      name,
      idNumber,
      sex: sex as '男' | '女',
      birthDate: birthDate as string,
      ethnicity,
      education,
      workCapacity: workCapacity as WorkCapacity,
      health,
      disability,
      studentStatus,
      phone,
      skills,
      certificates,
      migrateWilling,
      preferredPlaces,
      preferredWork,
      serviceNeeds,
      trainingNeeds,
    },
  };
}
