// How each field of a laborer record is edited. Names and labels come from the server's own
// validator (FIELD_LABELS), the options from its vocabularies, so the form offers exactly what
// the server accepts.
import { FIELD_LABELS, type PersonField } from '@domain/registry/person-input.ts';
import {
  DISABILITY_KINDS,
  EDUCATION_LEVELS,
  ETHNICITIES,
  HEALTH_STATES,
  HOUSEHOLD_TYPES,
  MONITORING_CATEGORIES,
  RELATIONSHIPS,
  SERVICE_NEEDS,
  SEXES,
  STUDENT_STATES,
  WORK_CAPACITIES,
} from '@domain/registry/vocabulary.ts';
import type { LaborerDetail, PersonFields } from '../api/types.ts';

export type FieldKind = 'text' | 'select' | 'yesno' | 'tags' | 'multi' | 'village';

export interface FieldSpec {
  name: PersonField;
  label: string;
  kind: FieldKind;
  options?: readonly string[];
  required?: boolean;
  placeholder?: string;
}

const spec = (name: PersonField, kind: FieldKind, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  label: FIELD_LABELS[name],
  kind,
  ...extra,
});

export const PERSON_SECTIONS: { title: string; fields: FieldSpec[] }[] = [
  {
    title: '家庭信息',
    fields: [
      spec('householdNumber', 'text', { required: true }),
      spec('villageCode', 'village', { required: true }),
      spec('householdType', 'select', { options: HOUSEHOLD_TYPES, required: true }),
      spec('monitoringCategory', 'select', { options: MONITORING_CATEGORIES }),
      spec('relocated', 'yesno'),
      spec('relocationSite', 'text'),
      spec('relationship', 'select', { options: RELATIONSHIPS, required: true }),
    ],
  },
  {
    title: '基本信息',
    fields: [
      spec('name', 'text', { required: true }),
      spec('idNumber', 'text', { required: true }),
      spec('sex', 'select', { options: SEXES }),
      spec('birthDate', 'text', { placeholder: '留空则按身份证号，如 1990-01-31' }),
      spec('ethnicity', 'select', { options: ETHNICITIES }),
      spec('education', 'select', { options: EDUCATION_LEVELS }),
      spec('workCapacity', 'select', { options: WORK_CAPACITIES, required: true }),
      spec('health', 'select', { options: HEALTH_STATES }),
      spec('disability', 'select', { options: DISABILITY_KINDS }),
      spec('studentStatus', 'select', { options: STUDENT_STATES }),
      spec('phone', 'text'),
    ],
  },
  {
    title: '技能与就业意愿',
    fields: [
      spec('skills', 'tags'),
      spec('certificates', 'tags'),
      spec('migrateWilling', 'yesno'),
      spec('preferredPlaces', 'tags'),
      spec('preferredWork', 'tags'),
      spec('serviceNeeds', 'multi', { options: SERVICE_NEEDS }),
      spec('trainingNeeds', 'tags'),
    ],
  },
];

export const PERSON_FIELD_NAMES = PERSON_SECTIONS.flatMap((s) => s.fields.map((f) => f.name));
const KIND = new Map(PERSON_SECTIONS.flatMap((s) => s.fields.map((f) => [f.name, f.kind] as const)));

/** What antd's Form holds: lists as arrays, everything else as strings. */
export type PersonFormValues = Partial<Record<PersonField, string | string[] | undefined>>;

/** Form values -> the raw text fields the API validates (lists joined with 、). */
export function toPersonFields(values: PersonFormValues): PersonFields {
  const out: PersonFields = {};
  for (const name of PERSON_FIELD_NAMES) {
    const v = values[name];
    out[name] = Array.isArray(v) ? v.join('、') : (v ?? '').trim();
  }
  return out;
}

/** Only the fields the user changed (masked ID numbers and phones are never sent back unchanged). */
export function changedFields(before: PersonFormValues, after: PersonFormValues): PersonFields {
  const a = toPersonFields(before);
  const b = toPersonFields(after);
  const out: PersonFields = {};
  for (const name of PERSON_FIELD_NAMES) if (a[name] !== b[name]) out[name] = b[name];
  return out;
}

/** The API sends '' for empty optional fields; Select wants undefined. */
const blank = (v: string | null | undefined) => (v ? v : undefined);

/** A laborer record as the edit form shows it. */
export function formValuesOf(detail: LaborerDetail): PersonFormValues {
  const { person: p, household: h } = detail;
  const values: PersonFormValues = {
    householdNumber: h.number,
    villageCode: p.villageCode,
    householdType: h.type,
    monitoringCategory: blank(h.monitoringCategory),
    relocated: h.relocated ? '是' : '否',
    relocationSite: blank(h.relocationSite),
    relationship: p.relationship,
    name: p.name,
    idNumber: p.idNumber,
    sex: p.sex,
    birthDate: p.birthDate,
    ethnicity: blank(p.ethnicity),
    education: blank(p.education),
    workCapacity: p.workCapacity,
    health: blank(p.health),
    disability: blank(p.disability),
    studentStatus: p.studentStatus,
    phone: blank(p.phone),
    skills: p.skills,
    certificates: p.certificates,
    migrateWilling: p.migrateWilling ? '是' : '否',
    preferredPlaces: p.preferredPlaces,
    preferredWork: p.preferredWork,
    serviceNeeds: p.serviceNeeds,
    trainingNeeds: p.trainingNeeds,
  };
  for (const name of PERSON_FIELD_NAMES) {
    if ((KIND.get(name) === 'tags' || KIND.get(name) === 'multi') && !Array.isArray(values[name])) values[name] = [];
  }
  return values;
}
