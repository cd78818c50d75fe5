// Between database rows and the register's text fields (what the form and the import carry).

import type { HouseholdRow, PersonRow, SpellRow } from '../../db/schema.ts';
import { nameInitials } from '../../domain/registry/name-initials.ts';
import type { PersonInput, RawPerson } from '../../domain/registry/person-input.ts';
import type { RawSpell, SpellInput } from '../../domain/registry/spell-input.ts';

const yesNo = (b: boolean) => (b ? '是' : '否');

/** The person columns the template carries (a full row, or an export's selection). */
export type PersonFieldsRow = Pick<
  PersonRow,
  | 'id_number'
  | 'name'
  | 'sex'
  | 'birth_date'
  | 'relationship'
  | 'ethnicity'
  | 'education'
  | 'work_capacity'
  | 'health'
  | 'disability'
  | 'student_status'
  | 'phone'
  | 'skills'
  | 'certificates'
  | 'migrate_willing'
  | 'preferred_places'
  | 'preferred_work'
  | 'service_needs'
  | 'training_needs'
>;
export type HouseholdFieldsRow = Pick<
  HouseholdRow,
  'number' | 'village_code' | 'type' | 'monitoring_category' | 'relocated' | 'relocation_site'
>;

/** A record as the text fields of the form and the import template. */
export function personToRaw(p: PersonFieldsRow, h: HouseholdFieldsRow): RawPerson {
  return {
    householdNumber: h.number,
    villageCode: h.village_code,
    householdType: h.type,
    monitoringCategory: h.monitoring_category ?? '',
    relocated: yesNo(h.relocated),
    relocationSite: h.relocation_site ?? '',
    relationship: p.relationship,
    name: p.name,
    idNumber: p.id_number,
    sex: p.sex,
    birthDate: p.birth_date,
    ethnicity: p.ethnicity ?? '',
    education: p.education ?? '',
    workCapacity: p.work_capacity,
    health: p.health ?? '',
    disability: p.disability ?? '',
    studentStatus: p.student_status,
    phone: p.phone ?? '',
    skills: p.skills.join('、'),
    certificates: p.certificates.join('、'),
    migrateWilling: yesNo(p.migrate_willing),
    preferredPlaces: p.preferred_places.join('、'),
    preferredWork: p.preferred_work.join('、'),
    serviceNeeds: p.service_needs.join('、'),
    trainingNeeds: p.training_needs.join('、'),
  };
}

/** The person columns a validated input sets (household columns are separate). */
export function personColumns(v: PersonInput) {
  return {
    id_number: v.idNumber,
    name: v.name,
    name_initials: nameInitials(v.name),
    sex: v.sex,
    birth_date: v.birthDate,
    relationship: v.relationship,
    village_code: v.villageCode,
    ethnicity: v.ethnicity,
    education: v.education,
    work_capacity: v.workCapacity,
    health: v.health,
    disability: v.disability,
    student_status: v.studentStatus,
    phone: v.phone,
    skills: v.skills,
    certificates: v.certificates,
    migrate_willing: v.migrateWilling,
    preferred_places: v.preferredPlaces,
    preferred_work: v.preferredWork,
    service_needs: v.serviceNeeds,
    training_needs: v.trainingNeeds,
  };
}

export function householdColumns(v: PersonInput) {
  return {
    number: v.householdNumber,
    village_code: v.villageCode,
    type: v.householdType,
    monitoring_category: v.monitoringCategory,
    relocated: v.relocated,
    relocation_site: v.relocationSite,
  };
}

/** 省外 places are written 省外:name; others by their code, else as written. */
export function placeOfSpell(s: Pick<SpellRow, 'out_of_province' | 'place_code' | 'place_name'>): string {
  return s.out_of_province ? `省外:${s.place_name}` : (s.place_code ?? s.place_name);
}

export function spellToRaw(s: SpellRow & { employer_credit_code: string | null }): RawSpell {
  return {
    channel: s.channel,
    startDate: s.start_date,
    endDate: s.end_date ?? '',
    place: placeOfSpell(s),
    employer: s.employer,
    employerCreditCode: s.employer_credit_code ?? '',
    monthlyIncome: (Number(s.monthly_income_fen) / 100).toFixed(2),
    insured: yesNo(s.insured),
  };
}

/** The spell's columns; `employer_id` is the registered employer its credit code names (resolved by the caller). */
export function spellColumns(v: SpellInput, employerId: string | null) {
  return {
    start_date: v.startDate,
    end_date: v.endDate,
    place_code: v.placeCode,
    place_name: v.placeName,
    out_of_province: v.outOfProvince,
    employer: v.employer,
    employer_id: employerId,
    channel: v.channel,
    monthly_income_fen: v.monthlyIncomeFen,
    insured: v.insured,
  };
}

/** The keys of `next` whose values differ from `current` (arrays compared by content). */
export function changedKeys<N extends object>(current: object, next: N): (keyof N & string)[] {
  const cur = current as Record<string, unknown>;
  return (Object.keys(next) as (keyof N & string)[]).filter(
    (k) => JSON.stringify(cur[k] ?? null) !== JSON.stringify((next as Record<string, unknown>)[k] ?? null),
  );
}

export function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
}

/** Before and after of the changed keys only: what an audit entry of an update records. */
export function auditDiff(before: object, after: object, keys: readonly string[]) {
  const only = (o: object) => Object.fromEntries(keys.map((k) => [k, (o as Record<string, unknown>)[k]]));
  return { before: only(before), after: only(after) };
}
