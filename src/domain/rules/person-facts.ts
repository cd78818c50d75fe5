// Facts a rule can read from the register for a person on a date. A rule declares its facts
// by name; when a case carries a personId (or 政策找人 runs over the register), every fact
// below whose name the rule declares is filled from the record, and facts given explicitly
// in the case win. The names are the shared vocabulary between policies/ and the register.
import { ageOn, currentSpell, hasWorkCapacity, isWorkingAgeAt } from '../registry/derive.ts';
import { type EmploymentChannel, OUT_OF_PROVINCE, type WorkCapacity } from '../registry/vocabulary.ts';
import type { FactInput } from './types.ts';

/** What the register holds about a person, as person-facts needs it. */
export interface RegisterPerson {
  sex: '男' | '女';
  birthDate: string;
  workCapacity: string;
  studentStatus: string;
  disability: string | null;
  health: string | null;
  migrateWilling: boolean;
  householdType: string;
  relocated: boolean;
  /** Employment spells of the person (any order). */
  spells: readonly RegisterSpell[];
}

export interface RegisterSpell {
  startDate: string;
  endDate: string | null;
  channel: string;
  placeCode: string | null;
  outOfProvince: boolean;
  monthlyIncomeFen: number;
  insured: boolean;
  /** Who employs them: what a workshop rule groups the laborers of a 帮扶车间 by. */
  employer?: string;
  /** The registered employer the spell is linked to (its id), when it is; 0 or absent when not. */
  employerId?: number;
}

/** The facts the register can give, with their meaning (shown in the rule catalogue and README). */
export const REGISTER_FACTS = {
  registeredPoor: '建档立卡贫困劳动力（户类型为脱贫户）',
  monitored: '防止返贫监测对象（户类型为监测对象）',
  relocated: '易地扶贫搬迁户成员',
  age: '年龄（周岁，按案例日期）',
  sex: '性别（男/女）',
  workingAge: '劳动年龄内（男16-60周岁，女16-55周岁）',
  ableToWork: '有劳动能力',
  weakLabor: '弱劳动力或半劳动力',
  student: '在校生',
  disabled: '残疾',
  seriouslyIll: '患有大病',
  willingToMigrate: '有外出务工意愿',
  employed: '案例日期在就业',
  channel: '当前就业渠道',
  migrant: '外出务工（当前就业渠道为外出务工）',
  organizedExport: '有组织外出务工',
  workRegion: '务工地（区划代码或“省外”）',
  stableMonths: '当前就业已持续的整月数',
  monthsInPost: '当前岗位在岗整月数',
  insured: '当前就业参加社会保险',
  monthlyIncomeFen: '当前月收入（分）',
  publicWelfarePost: '在公益性岗位就业',
  workshopEmployee: '在帮扶车间就业',
} as const;
export type RegisterFact = keyof typeof REGISTER_FACTS;

/** Whole calendar months from `from` to `to` (both YYYY-MM-DD); 0 when `to` is earlier. */
export function wholeMonths(from: string, to: string): number {
  const months =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    (Number(to.slice(5, 7)) - Number(from.slice(5, 7))) -
    (to.slice(8, 10) < from.slice(8, 10) ? 1 : 0);
  return Math.max(0, months);
}

/** The register's facts about a person on `date`. Facts about work are absent when not employed. */
export function personFacts(p: RegisterPerson, date: string): Partial<Record<RegisterFact, FactInput>> {
  const capacity = p.workCapacity as WorkCapacity;
  const age = ageOn(p.birthDate, date);
  const facts: Partial<Record<RegisterFact, FactInput>> = {
    registeredPoor: p.householdType === '脱贫户',
    monitored: p.householdType === '监测对象',
    relocated: p.relocated,
    age,
    sex: p.sex,
    workingAge: isWorkingAgeAt(p.sex, age),
    ableToWork: hasWorkCapacity(capacity),
    weakLabor: capacity === '弱劳动力或半劳动力',
    student: p.studentStatus === '在校生',
    disabled: p.disability !== null && p.disability !== '' && p.disability !== '无',
    seriouslyIll: p.health === '患有大病',
    willingToMigrate: p.migrateWilling,
  };
  // currentSpell reads only the dates; the register's channel text is compared as it is below.
  // (No copy of the spells: 政策找人 runs this for every laborer of a province.)
  const spell = currentSpell(p.spells as readonly (RegisterSpell & { channel: EmploymentChannel })[], date);
  facts.employed = spell !== undefined;
  facts.publicWelfarePost = spell?.channel === '公益性岗位';
  facts.workshopEmployee = spell?.channel === '帮扶车间';
  facts.migrant = spell?.channel.startsWith('外出务工') ?? false;
  facts.organizedExport = spell?.channel === '外出务工(有组织)';
  if (spell !== undefined) {
    facts.channel = spell.channel;
    const where = spell.outOfProvince ? OUT_OF_PROVINCE : spell.placeCode;
    if (where) facts.workRegion = where;
    const months = wholeMonths(spell.startDate, date);
    facts.stableMonths = months;
    facts.monthsInPost = months;
    facts.insured = spell.insured;
    facts.monthlyIncomeFen = spell.monthlyIncomeFen;
  }
  return facts;
}

/** The case's facts: the register's, overridden by what the case states. */
export function mergeFacts(
  register: Partial<Record<string, FactInput>>,
  given: Record<string, FactInput>,
): Record<string, FactInput> {
  const out: Record<string, FactInput> = {};
  for (const [k, v] of Object.entries(register)) if (v !== undefined) out[k] = v;
  for (const [k, v] of Object.entries(given)) if (v !== undefined && v !== null && v !== '') out[k] = v;
  return out;
}
