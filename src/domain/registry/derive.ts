// Facts derived from the register, never stored by hand.
import type { EmploymentChannel, EmploymentStatus, WorkCapacity } from './vocabulary.ts';

/** Whole years of age on `onDate` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export interface WorkingAgePolicy {
  id: string;
  citation: string;
  minAge: number;
  maxAgeMale: number;
  maxAgeFemale: number;
}

/**
 * 内蒙古 2018 通知 (last paragraph): 建档立卡 poor laborers with work capacity and willingness,
 * men 16-60, women 16-55. The national default follows the same statutory retirement ages.
 */
export const WORKING_AGE_NM_2018: WorkingAgePolicy = {
  id: 'NM-2018',
  citation: '内蒙古自治区人社厅 财政厅《关于进一步加大政策支持力度做好就业扶贫工作的通知》(2018-08-30) 末段',
  minAge: 16,
  maxAgeMale: 60,
  maxAgeFemale: 55,
};

export function isWorkingAge(sex: '男' | '女', birthDate: string, onDate: string, policy = WORKING_AGE_NM_2018): boolean {
  return isWorkingAgeAt(sex, ageOn(birthDate, onDate), policy);
}

/** The same for an age already worked out (政策找人 needs the age as a fact too). */
export function isWorkingAgeAt(sex: '男' | '女', age: number, policy = WORKING_AGE_NM_2018): boolean {
  return age >= policy.minAge && age <= (sex === '男' ? policy.maxAgeMale : policy.maxAgeFemale);
}

/** Laborers counted in the register: those with some work capacity. */
export function hasWorkCapacity(capacity: WorkCapacity): boolean {
  return capacity !== '丧失劳动力' && capacity !== '无劳动力';
}

/**
 * A laborer (劳动力) as the register counts them: of working age, able to work, not a
 * student. Household members outside this (children, the elderly, students) are registered
 * but not counted as laborers.
 */
export function isLaborer(
  p: { sex: '男' | '女'; birthDate: string; workCapacity: WorkCapacity; studentStatus: string },
  onDate: string,
): boolean {
  return hasWorkCapacity(p.workCapacity) && p.studentStatus !== '在校生' && isWorkingAge(p.sex, p.birthDate, onDate);
}

export interface SpellLike {
  startDate: string;
  endDate: string | null;
  channel: EmploymentChannel;
}

/** A spell is current on `onDate` when it has started and not yet ended. */
export function isCurrentSpell(spell: SpellLike, onDate: string): boolean {
  return spell.startDate <= onDate && (spell.endDate === null || spell.endDate >= onDate);
}

/** The current spell on a date (the latest started when several overlap). */
export function currentSpell<S extends SpellLike>(spells: readonly S[], onDate: string): S | undefined {
  let best: S | undefined;
  for (const s of spells) if (isCurrentSpell(s, onDate) && (!best || s.startDate > best.startDate)) best = s;
  return best;
}

export function employmentStatus(spells: readonly SpellLike[], onDate: string): EmploymentStatus {
  return currentSpell(spells, onDate) ? '已就业' : '未就业';
}

export interface MemberLike {
  sex: '男' | '女';
  birthDate: string;
  workCapacity: WorkCapacity;
  studentStatus: string;
  employed: boolean;
}

/**
 * 零就业家庭 (人社部函〔2018〕22号): a household with at least one member of working age who can
 * work and is not a student, and none of whom is employed.
 */
export function isZeroEmploymentHousehold(members: readonly MemberLike[], onDate: string): boolean {
  const laborers = members.filter((m) => isLaborer(m, onDate));
  return laborers.length > 0 && laborers.every((m) => !m.employed);
}

/** China's one time zone (UTC+8, no daylight saving): the server's days and the times users read. */
const SHANGHAI = 'Asia/Shanghai';

/** Today's date in Asia/Shanghai (YYYY-MM-DD), whatever the time zone of the process or browser. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: SHANGHAI }).format(now);
}

const SHANGHAI_CLOCK = new Intl.DateTimeFormat('en-US', {
  timeZone: SHANGHAI,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * A timestamp (ISO 8601, as the server sends it) in Beijing time, `YYYY-MM-DD HH:mm:ss` or
 * without the seconds; `-` when there is none. Shown the same in every browser, so a time
 * never disagrees with the Shanghai day the server dated the same event by.
 */
export function beijingDateTime(iso: string | null | undefined, withSeconds = true): string {
  const at = iso ? new Date(iso) : undefined;
  if (!at || Number.isNaN(at.getTime())) return '-';
  const part = Object.fromEntries(SHANGHAI_CLOCK.formatToParts(at).map((p) => [p.type, p.value]));
  const time = withSeconds ? `${part.hour}:${part.minute}:${part.second}` : `${part.hour}:${part.minute}`;
  return `${part.year}-${part.month}-${part.day} ${time}`;
}
