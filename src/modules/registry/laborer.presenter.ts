// Rows never go to the client as they are: personal numbers are masked unless the viewer
// has the right to see them.

import type { HouseholdRow, PersonRow, SpellRow } from '../../db/schema.ts';
import { maskIdNumber, maskPhone } from '../../domain/mask.ts';
import { ageOn, employmentStatus, isWorkingAge } from '../../domain/registry/derive.ts';
import type { EmploymentChannel } from '../../domain/registry/vocabulary.ts';
import type { Actor } from '../auth/actor.ts';

/** In exports: full numbers for those with the right (the export itself is audited). */
export function idFor(actor: Actor, id: string): string {
  return actor.canViewFullId ? id : maskIdNumber(id);
}

/**
 * On screen a full ID number is shown only on request (POST reveal-id), which is audited;
 * lists and details carry it masked for everyone.
 */
export function idOnScreen(id: string): string {
  return maskIdNumber(id);
}

export function phoneFor(actor: Actor, phone: string | null): string {
  if (!phone) return '';
  return actor.canViewFullId ? phone : maskPhone(phone);
}

export interface ListRow {
  id: string;
  name: string;
  id_number: string;
  sex: '男' | '女';
  birth_date: string;
  village_code: string;
  household_id: string;
  work_capacity: string;
  migrate_willing: boolean;
  phone: string | null;
  household_number: string;
  household_type: string;
  current_channel: string | null;
  village_name: string | null;
}

export function presentListItem(actor: Actor, r: ListRow, today: string) {
  return {
    id: r.id,
    name: r.name,
    idNumber: idOnScreen(r.id_number),
    sex: r.sex,
    age: ageOn(r.birth_date, today),
    villageCode: r.village_code,
    villageName: r.village_name ?? '',
    householdId: r.household_id,
    householdNumber: r.household_number,
    householdType: r.household_type,
    workCapacity: r.work_capacity,
    status: r.current_channel ? '已就业' : '未就业',
    channel: r.current_channel ?? '',
    migrateWilling: r.migrate_willing,
    phone: phoneFor(actor, r.phone),
  };
}

export function presentSpell(s: SpellRow & { employer_credit_code: string | null }) {
  return {
    id: s.id,
    startDate: s.start_date,
    endDate: s.end_date,
    channel: s.channel,
    placeCode: s.place_code,
    placeName: s.place_name,
    outOfProvince: s.out_of_province,
    employer: s.employer,
    /** The registered employer (用工单位名录) the spell is linked to, for a link to its page. */
    employerId: s.employer_id,
    employerCreditCode: s.employer_credit_code,
    monthlyIncomeFen: Number(s.monthly_income_fen),
    insured: s.insured,
  };
}

export function presentPerson(actor: Actor, p: PersonRow, spells: SpellRow[], villagePath: string, today: string) {
  const spellLikes = spells.map((s) => ({
    startDate: s.start_date,
    endDate: s.end_date,
    channel: s.channel as EmploymentChannel,
  }));
  return {
    id: p.id,
    version: p.version,
    idNumber: idOnScreen(p.id_number),
    name: p.name,
    sex: p.sex,
    birthDate: p.birth_date,
    age: ageOn(p.birth_date, today),
    ethnicity: p.ethnicity ?? '',
    education: p.education ?? '',
    workCapacity: p.work_capacity,
    health: p.health ?? '',
    disability: p.disability ?? '',
    studentStatus: p.student_status,
    phone: phoneFor(actor, p.phone),
    skills: p.skills,
    certificates: p.certificates,
    migrateWilling: p.migrate_willing,
    preferredPlaces: p.preferred_places,
    preferredWork: p.preferred_work,
    serviceNeeds: p.service_needs,
    trainingNeeds: p.training_needs,
    villageCode: p.village_code,
    villagePath,
    relationship: p.relationship,
    workingAge: isWorkingAge(p.sex, p.birth_date, today),
    status: employmentStatus(spellLikes, today),
    mergedInto: p.merged_into,
  };
}

export function presentHousehold(h: HouseholdRow) {
  return {
    id: h.id,
    number: h.number,
    type: h.type,
    monitoringCategory: h.monitoring_category ?? '',
    relocated: h.relocated,
    relocationSite: h.relocation_site ?? '',
    villageCode: h.village_code,
  };
}

/** Audit before/after values carry raw columns: mask the personal numbers in them too. */
export function maskAuditValues(actor: Actor, value: unknown): unknown {
  if (actor.canViewFullId || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (typeof out.id_number === 'string') out.id_number = maskIdNumber(out.id_number);
  if (typeof out.phone === 'string') out.phone = maskPhone(out.phone);
  return out;
}
