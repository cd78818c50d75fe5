// The demo population: households of 脱贫户 and 监测对象 in real villages, with members whose
// ages, names, ID numbers, schooling, health, work capacity and employment history hang
// together. Pure and deterministic: the same spec (seed number, date, villages) gives the
// same households, one at a time, so a million laborers never sit in memory at once.
import { makeIdNumber } from '../idcard/gb11643.ts';
import { hasWorkCapacity, isLaborer } from '../registry/derive.ts';
import type { PersonInput, RawPerson } from '../registry/person-input.ts';
import type { RawSpell, SpellInput } from '../registry/spell-input.ts';
import {
  type EmploymentChannel,
  type HouseholdType,
  MONITORING_CATEGORIES,
  OUT_OF_PROVINCE,
  SERVICE_NEEDS,
  type WorkCapacity,
} from '../registry/vocabulary.ts';
import {
  type AreaProfile,
  BUSINESSES,
  EMPLOYER_BRANDS,
  EMPLOYER_KINDS,
  ethnicMixFor,
  LOCAL_EMPLOYER_KINDS,
  PREFERRED_WORK,
  PUBLIC_POSTS,
  profileFor,
  SKILLS,
  TRAINING_NEEDS,
  WORK_RELIEF_PROJECTS,
  WORKSHOP_KINDS,
} from './area-profiles.ts';
import { makeName, type NameContext, pickSurname } from './names.ts';
import { Random } from './random.ts';

export interface SeedVillage {
  code: string;
  name: string;
  townshipName: string;
}

export interface SeedCounty {
  code: string;
  name: string;
  cityName: string;
  provinceName: string;
  /** Villages of the county (the generator prefers 村委会/嘎查 over urban 社区). */
  villages: readonly SeedVillage[];
  /** Township-level units (towns, sumu, 街道) with their codes, for relocation sites. */
  townships: readonly { code: string; name: string }[];
}

/** A county of the same province where people go to work, e.g. 150102 呼和浩特市新城区. */
export interface WorkPlace {
  code: string;
  name: string;
  cityName: string;
}

export interface PopulationSpec {
  seed: number;
  /** The date the population is generated for (ages, spells), YYYY-MM-DD. */
  today: string;
  /** How many laborers (working age, able to work, not a student: isLaborer) to make, in total. */
  laborers: number;
  counties: readonly SeedCounty[];
  /** Counties of the seeded provinces, as places of work. */
  workPlaces: readonly WorkPlace[];
  /** First household sequence number per village (to add after existing households). */
  householdStart?: Readonly<Record<string, number>>;
}

type HouseholdFields =
  | 'householdNumber'
  | 'villageCode'
  | 'householdType'
  | 'monitoringCategory'
  | 'relocated'
  | 'relocationSite';
export type SeedPersonFields = Omit<PersonInput, HouseholdFields>;

export interface SeedPerson extends SeedPersonFields {
  spells: SpellInput[];
  /** ID number of an earlier person this one duplicates (same name and birth date, other ID). */
  duplicateOf: string | null;
}

export interface SeedHousehold {
  number: string;
  villageCode: string;
  countyCode: string;
  type: HouseholdType;
  monitoringCategory: string | null;
  relocated: boolean;
  relocationSite: string | null;
  members: SeedPerson[];
}

export interface VillagePlan {
  village: SeedVillage;
  county: SeedCounty;
  /** Laborers to make in this village. */
  quota: number;
}

/** Village committees (村委会, 嘎查) have the codes 200-399 of their township; 社区 have 001-199. */
export function isVillageCommittee(code: string): boolean {
  const n = Number(code.slice(9));
  return n >= 200 && n <= 399;
}

/** About this many laborers live in one village's register of poor households. */
export const LABORERS_PER_VILLAGE = 150;

/**
 * Which villages get how many laborers: enough villages for about 150 laborers each, spread
 * over the counties in proportion to their villages, every county getting at least one.
 */
export function planVillages(spec: Pick<PopulationSpec, 'seed' | 'laborers' | 'counties'>): VillagePlan[] {
  const rnd = new Random(spec.seed ^ 0x5eed);
  const perCounty = spec.counties.map((county) => {
    const rural = county.villages.filter((v) => isVillageCommittee(v.code));
    return { county, villages: rnd.shuffle(rural.length > 0 ? rural : county.villages) };
  });
  const available = perCounty.filter((c) => c.villages.length > 0);
  const total = available.reduce((n, c) => n + c.villages.length, 0);
  if (total === 0 || spec.laborers <= 0) return [];
  const wanted = Math.min(total, Math.max(1, Math.ceil(spec.laborers / LABORERS_PER_VILLAGE)));
  const chosen: { village: SeedVillage; county: SeedCounty; weight: number }[] = [];
  for (const c of available) {
    const share = wanted >= available.length ? Math.max(1, Math.round((wanted * c.villages.length) / total)) : 0;
    for (const village of c.villages.slice(0, share).sort((a, b) => a.code.localeCompare(b.code))) {
      chosen.push({ village, county: c.county, weight: rnd.around(1, 0.3, 0.4, 1.8) });
    }
  }
  if (chosen.length === 0) {
    const c = available[0] as (typeof available)[number];
    chosen.push({ village: c.villages[0] as SeedVillage, county: c.county, weight: 1 });
  }
  // Cumulative rounding: the quotas add up to exactly the laborers asked for.
  const weightSum = chosen.reduce((n, c) => n + c.weight, 0);
  let acc = 0;
  let given = 0;
  return chosen.map((c) => {
    acc += c.weight;
    const upTo = Math.round((spec.laborers * acc) / weightSum);
    const quota = upTo - given;
    given = upTo;
    return { village: c.village, county: c.county, quota };
  });
}

// ---- dates ----

function toUtc(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

export function addDays(date: string, days: number): string {
  return new Date(toUtc(date) + days * 86_400_000).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

/** A birth date that makes the person exactly `age` on `today` (never 29 February). */
function birthDateForAge(rnd: Random, age: number, today: string): string {
  const month = rnd.int(1, 12);
  const day = rnd.int(1, month === 2 ? 28 : [4, 6, 9, 11].includes(month) ? 30 : 31);
  const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const year = Number(today.slice(0, 4)) - age - (md > today.slice(5) ? 1 : 0);
  return `${year}-${md}`;
}

/** Birth dates are counted in days from 1900-01-01. */
const DAY_ZERO = Math.floor(Date.UTC(1900, 0, 1) / 86_400_000);

function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

// ---- household composition ----

type Rel = '户主' | '配偶' | '子' | '女' | '儿媳' | '女婿' | '孙子' | '孙女' | '父亲' | '母亲' | '兄弟姐妹';

interface Skeleton {
  rel: Rel;
  sex: '男' | '女';
  age: number;
  /** Index of the member whose surname this one carries (father, or the head). */
  surnameFrom?: number;
  /** Index of the father or mother inside the household, for ethnicity. */
  parents?: number[];
  birthDate?: string;
  name?: string;
  ethnicity?: string;
}

function childRel(sex: '男' | '女'): Rel {
  return sex === '男' ? '子' : '女';
}

/** Children of a mother aged `motherAge`: born when she was 20-35. */
function childAges(rnd: Random, motherAge: number, count: number): number[] {
  const ages: number[] = [];
  let gap = rnd.int(20, 27);
  for (let i = 0; i < count && gap <= 35 && gap <= motherAge; i++) {
    ages.push(motherAge - gap);
    gap += rnd.int(1, 5);
  }
  return ages;
}

const HEAD_AGES: Record<string, number> = { '25-39': 18, '40-54': 34, '55-69': 32, '70-85': 16 };

interface ForcedSpouse {
  name: string;
  birthDate: string;
  ethnicity: string;
}

function compose(rnd: Random, today: string, forcedWife?: ForcedSpouse & { age: number }): Skeleton[] {
  const members: Skeleton[] = [];
  const [lo, hi] = rnd.weighted(HEAD_AGES).split('-').map(Number) as [number, number];
  let headAge = rnd.int(lo, hi);
  let kind: 'single' | 'couple' | 'nuclear' | 'withParents' | 'threeGen' | 'singleParent';
  if (forcedWife) {
    headAge = Math.max(20, forcedWife.age + rnd.int(0, 5));
    kind = 'nuclear';
  } else if (headAge >= 60) {
    kind = rnd.weighted({ single: 28, couple: 34, threeGen: 38 });
  } else if (headAge >= 40) {
    kind = rnd.weighted({ nuclear: 62, withParents: headAge < 58 ? 18 : 0, threeGen: headAge >= 45 ? 12 : 0, singleParent: 8 });
  } else {
    kind = rnd.weighted({ nuclear: 55, withParents: 37, singleParent: 8 });
  }

  const headSex: '男' | '女' =
    kind === 'single'
      ? rnd.chance(0.55)
        ? '女'
        : '男'
      : kind === 'singleParent'
        ? rnd.chance(0.5)
          ? '女'
          : '男'
        : rnd.chance(0.92)
          ? '男'
          : '女';
  members.push({ rel: '户主', sex: headSex, age: headAge });
  const head = 0;
  let spouse: number | undefined;
  const hasSpouse =
    kind === 'couple' || kind === 'nuclear' || kind === 'withParents' || (kind === 'threeGen' && rnd.chance(0.75));
  if (forcedWife) {
    members.push({
      rel: '配偶',
      sex: '女',
      age: forcedWife.age,
      birthDate: forcedWife.birthDate,
      name: forcedWife.name,
      ethnicity: forcedWife.ethnicity,
    });
    spouse = 1;
  } else if (hasSpouse) {
    // Wives are usually 0-5 years younger than their husbands.
    const diff = Math.round(rnd.around(2, 2, -3, 8));
    const spouseAge = Math.max(20, headSex === '男' ? headAge - diff : headAge + diff);
    members.push({ rel: '配偶', sex: headSex === '男' ? '女' : '男', age: spouseAge });
    spouse = 1;
  }
  const father = headSex === '男' ? head : spouse;
  const mother = headSex === '女' ? head : spouse;
  const parents = [head, ...(spouse === undefined ? [] : [spouse])];
  const surnameFrom = father ?? head;

  const addChildren = (count: number, minAge = 0) => {
    const motherAge = mother !== undefined ? (members[mother] as Skeleton).age : (members[head] as Skeleton).age - rnd.int(0, 4);
    for (const age of childAges(rnd, motherAge, count)) {
      if (age < minAge) continue;
      const sex = rnd.chance(0.52) ? '男' : '女';
      members.push({ rel: childRel(sex), sex, age, surnameFrom, parents });
    }
  };

  if (kind === 'nuclear' || kind === 'withParents' || kind === 'singleParent') {
    addChildren(Number(rnd.weighted({ 0: 8, 1: 30, 2: 42, 3: 16, 4: 4 })));
  }
  if (kind === 'withParents') {
    const motherAge = Math.min(95, headAge + rnd.int(20, 33));
    const which = rnd.weighted({ both: 55, mother: 30, father: 15 });
    if (which !== 'father') members.push({ rel: '母亲', sex: '女', age: motherAge });
    if (which !== 'mother')
      members.push({ rel: '父亲', sex: '男', age: Math.min(97, motherAge + rnd.int(0, 5)), surnameFrom: head });
  }
  if (kind === 'threeGen') {
    // A married son (or a daughter with a son-in-law who moved in) and their children.
    const motherAge = mother !== undefined ? (members[mother] as Skeleton).age : headAge - rnd.int(0, 4);
    const childAge = motherAge - rnd.int(20, 35);
    if (childAge >= 22) {
      const bySon = rnd.chance(0.85);
      const child = members.length;
      members.push({ rel: bySon ? '子' : '女', sex: bySon ? '男' : '女', age: childAge, surnameFrom, parents });
      const inLawAge = Math.max(20, bySon ? childAge - rnd.int(-2, 5) : childAge + rnd.int(-2, 5));
      const inLaw = members.length;
      members.push({ rel: bySon ? '儿媳' : '女婿', sex: bySon ? '女' : '男', age: inLawAge });
      const youngMother = bySon ? inLawAge : childAge;
      const youngParents = [child, inLaw];
      for (const age of childAges(rnd, youngMother, Number(rnd.weighted({ 0: 15, 1: 40, 2: 35, 3: 10 })))) {
        const sex = rnd.chance(0.52) ? '男' : '女';
        members.push({
          rel: sex === '男' ? '孙子' : '孙女',
          sex,
          age,
          surnameFrom: bySon || rnd.chance(0.3) ? child : inLaw,
          parents: youngParents,
        });
      }
    }
    // Sometimes a younger, unmarried child still lives at home.
    if (rnd.chance(0.3)) addChildren(1, 16);
  }
  // An unmarried brother or sister, often with a disability, lives with the head.
  if (kind !== 'single' && rnd.chance(0.03)) {
    members.push({
      rel: '兄弟姐妹',
      sex: rnd.chance(0.7) ? '男' : '女',
      age: Math.max(16, headAge + rnd.int(-10, 10)),
      surnameFrom: head,
    });
  }
  for (const m of members) m.birthDate ??= birthDateForAge(rnd, m.age, today);
  return members;
}

// ---- person details ----

type Weights = Record<string, number>;

function educationFor(rnd: Random, age: number, birthYear: number, student: boolean): string | null {
  if (age < 6) return null;
  if (student) {
    if (age <= 11) return '小学';
    if (age <= 14) return '初中';
    if (age <= 17) return rnd.weighted({ 高中: 60, 中专: 25, 技校: 15 });
    return rnd.weighted({ 大专: 45, 本科及以上: 35, 技校: 20 });
  }
  if (age <= 11) return '小学';
  if (age <= 17) return '初中';
  const table: Weights =
    birthYear <= 1955
      ? { 文盲或半文盲: 45, 小学: 45, 初中: 10 }
      : birthYear <= 1970
        ? { 文盲或半文盲: 15, 小学: 45, 初中: 35, 高中: 5 }
        : birthYear <= 1985
          ? { 小学: 25, 初中: 60, 高中: 10, 中专: 5 }
          : birthYear <= 2000
            ? { 小学: 8, 初中: 55, 高中: 17, 中专: 8, 技校: 5, 大专: 5, 本科及以上: 2 }
            : { 初中: 45, 高中: 20, 中专: 12, 技校: 8, 大专: 10, 本科及以上: 5 };
  return rnd.weighted(table);
}

function healthFor(rnd: Random, age: number): string {
  if (age < 16) return rnd.weighted({ 健康: 95, 长期慢性病: 1, 患有大病: 1, 残疾: 3 });
  if (age <= 45) return rnd.weighted({ 健康: 86, 长期慢性病: 6, 患有大病: 2, 残疾: 6 });
  if (age <= 60) return rnd.weighted({ 健康: 70, 长期慢性病: 18, 患有大病: 5, 残疾: 7 });
  return rnd.weighted({ 健康: 50, 长期慢性病: 33, 患有大病: 7, 残疾: 10 });
}

function isStudent(rnd: Random, age: number): boolean {
  if (age < 6) return false;
  if (age <= 14) return true;
  if (age <= 17) return rnd.chance(0.9);
  if (age <= 22) return rnd.chance(0.3);
  return false;
}

function capacityFor(
  rnd: Random,
  age: number,
  sex: '男' | '女',
  health: string,
  student: boolean,
  educated: boolean,
): WorkCapacity {
  if (age < 16 || student) return '无劳动力';
  const retireAge = sex === '男' ? 60 : 55;
  if (age < retireAge) {
    if (health === '健康') {
      return rnd.weighted({ 技能劳动力: educated ? 25 : 13, 普通劳动力: 78, 弱劳动力或半劳动力: 7 }) as WorkCapacity;
    }
    if (health === '长期慢性病') return rnd.weighted({ 普通劳动力: 30, 弱劳动力或半劳动力: 60, 丧失劳动力: 10 }) as WorkCapacity;
    if (health === '患有大病') return rnd.weighted({ 弱劳动力或半劳动力: 40, 丧失劳动力: 60 }) as WorkCapacity;
    return rnd.weighted({ 普通劳动力: 15, 弱劳动力或半劳动力: 45, 丧失劳动力: 40 }) as WorkCapacity;
  }
  if (age <= 65) {
    return (
      health === '健康'
        ? rnd.weighted({ 普通劳动力: 30, 弱劳动力或半劳动力: 50, 丧失劳动力: 5, 无劳动力: 15 })
        : rnd.weighted({ 弱劳动力或半劳动力: 30, 丧失劳动力: 50, 无劳动力: 20 })
    ) as WorkCapacity;
  }
  return (
    health === '健康'
      ? rnd.weighted({ 弱劳动力或半劳动力: 25, 丧失劳动力: 25, 无劳动力: 50 })
      : rnd.weighted({ 丧失劳动力: 60, 无劳动力: 40 })
  ) as WorkCapacity;
}

const PHONE_PREFIXES = ['13', '13', '15', '15', '18', '18', '17', '19', '14', '16'] as const;

function phoneFor(rnd: Random): string {
  return `${rnd.pick(PHONE_PREFIXES)}${rnd.int(0, 9)}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`;
}

// ---- employment ----

const CHANNELS_ABLE: Weights = {
  '外出务工(自主)': 40,
  '外出务工(有组织)': 12,
  就地就近: 17,
  公益性岗位: 5,
  帮扶车间: 6,
  灵活就业: 11,
  自主创业: 5,
  以工代赈: 4,
};
const CHANNELS_WEAK: Weights = { 公益性岗位: 45, 帮扶车间: 15, 就地就近: 20, 灵活就业: 18, 以工代赈: 2 };
const CHANNELS_MOTHER: Weights = { 帮扶车间: 25, 就地就近: 25, 灵活就业: 20, 公益性岗位: 10, '外出务工(自主)': 15, 自主创业: 5 };
const CHANNELS_PAST: Weights = { '外出务工(自主)': 45, '外出务工(有组织)': 10, 以工代赈: 15, 灵活就业: 15, 就地就近: 15 };

/** Monthly income in yuan by channel: 外出务工 3000-6500, 公益性岗位 500-1000 and so on. */
const INCOME_YUAN: Record<EmploymentChannel, [number, number]> = {
  '外出务工(有组织)': [3500, 6500],
  '外出务工(自主)': [3000, 6000],
  就地就近: [2000, 3500],
  帮扶车间: [1500, 3000],
  公益性岗位: [500, 1000],
  以工代赈: [2500, 4000],
  自主创业: [2000, 6000],
  灵活就业: [1200, 3000],
};

/** Share of spells with social insurance (or, for 公益性岗位, the required accident insurance). */
const INSURED_SHARE: Record<EmploymentChannel, number> = {
  '外出务工(有组织)': 0.75,
  '外出务工(自主)': 0.35,
  就地就近: 0.4,
  帮扶车间: 0.5,
  公益性岗位: 0.9,
  以工代赈: 0.8,
  自主创业: 0.2,
  灵活就业: 0.1,
};

interface PlaceContext {
  county: SeedCounty;
  village: SeedVillage;
  townshipCode: string;
  profile: AreaProfile;
  workPlaces: readonly WorkPlace[];
}

/** 红泥村村民委员会 -> 红泥村, 河东村委会 -> 河东村, 布寨嘎查村委员会 -> 布寨嘎查. */
export function villageShort(name: string): string {
  const bare = name.replace(/(村民委员会|村委员会|村委会|居民委员会|居委会|委员会)$/, '');
  return /(村|嘎查|社区)$/.test(bare) ? bare : `${bare}村`;
}

function cityShort(place: string): string {
  return /(?:省|自治区)(.+)$/.exec(place)?.[1] ?? place;
}

function makeSpell(
  rnd: Random,
  channel: EmploymentChannel,
  startDate: string,
  endDate: string | null,
  ctx: PlaceContext,
  skilled: boolean,
  weak: boolean,
): SpellInput {
  const { county, village, townshipCode } = ctx;
  const township = `${county.name}${village.townshipName}`;
  const brand = () => rnd.pick(EMPLOYER_BRANDS);
  let placeCode: string | null = county.code;
  let placeName = county.name;
  let outOfProvince = false;
  let employer = '';
  switch (channel) {
    case '外出务工(有组织)':
    case '外出务工(自主)': {
      const inProvince = ctx.workPlaces.filter((w) => w.code.slice(0, 2) === county.code.slice(0, 2) && w.code !== county.code);
      if (rnd.chance(ctx.profile.outOfProvinceShare) || inProvince.length === 0) {
        placeCode = null;
        placeName = rnd.weighted(ctx.profile.outOfProvinceCities);
        outOfProvince = true;
        employer = `${cityShort(placeName)}${brand()}${rnd.pick(EMPLOYER_KINDS)}`;
      } else {
        const city = Object.keys(ctx.profile.inProvinceCities).length ? rnd.weighted(ctx.profile.inProvinceCities) : '';
        const inCity = inProvince.filter((w) => w.code.startsWith(city));
        const districts = inCity.filter((w) => w.code[4] === '0');
        const place = rnd.pick(districts.length ? districts : inCity.length ? inCity : inProvince);
        placeCode = place.code;
        placeName = place.name;
        employer = `${place.cityName}${brand()}${rnd.pick(EMPLOYER_KINDS)}`;
      }
      break;
    }
    case '就地就近':
      if (rnd.chance(0.7)) {
        placeCode = townshipCode;
        placeName = township;
      }
      employer = `${county.name}${brand()}${rnd.pick(LOCAL_EMPLOYER_KINDS)}`;
      break;
    case '帮扶车间':
      placeCode = townshipCode;
      placeName = township;
      employer = `${villageShort(village.name)}帮扶车间（${rnd.pick(WORKSHOP_KINDS)}）`;
      break;
    case '公益性岗位':
      placeCode = village.code;
      placeName = `${township}${villageShort(village.name)}`;
      employer = `${villageShort(village.name)}（${rnd.pick(PUBLIC_POSTS)}）`;
      break;
    case '以工代赈':
      placeCode = townshipCode;
      placeName = township;
      employer = `${county.name}${startDate.slice(0, 4)}年以工代赈${rnd.pick(WORK_RELIEF_PROJECTS)}项目`;
      break;
    case '自主创业':
      placeCode = village.code;
      placeName = `${township}${villageShort(village.name)}`;
      employer = `个体（${rnd.pick(BUSINESSES)}）`;
      break;
    case '灵活就业':
      break;
  }
  const [lo, hi] = INCOME_YUAN[channel];
  let yuan = rnd.int(lo, hi);
  if (channel !== '公益性岗位') yuan = Math.round(yuan * (weak ? 0.8 : 1) * (skilled ? 1.15 : 1));
  return {
    channel,
    startDate,
    endDate,
    placeCode,
    placeName,
    outOfProvince,
    employer,
    // Linked to the registered employer of that name once the demo registers it (demo-jobs).
    employerCreditCode: null,
    monthlyIncomeFen: Math.round(yuan / 10) * 1000,
    insured: rnd.chance(INSURED_SHARE[channel]),
  };
}

function spellsFor(
  rnd: Random,
  p: { birthDate: string; age: number; sex: '男' | '女'; capacity: WorkCapacity; student: boolean; youngChild: boolean },
  today: string,
  ctx: PlaceContext,
): SpellInput[] {
  if (p.student || !hasWorkCapacity(p.capacity) || p.age < 16 || p.age > 70) return [];
  const adultFrom = addDays(p.birthDate, 16 * 366);
  const workingDays = daysBetween(adultFrom, today);
  if (workingDays < 30) return [];
  const weak = p.capacity === '弱劳动力或半劳动力' || p.age > (p.sex === '男' ? 60 : 55);
  const skilled = p.capacity === '技能劳动力';
  const pEmployed = (skilled ? 0.9 : weak ? 0.5 : 0.8) * (p.age > 60 ? 0.6 : 1);
  const spells: SpellInput[] = [];
  let nextEnd = addDays(today, -rnd.int(15, 400));
  if (rnd.chance(pEmployed)) {
    const table = weak ? CHANNELS_WEAK : p.sex === '女' && p.youngChild ? CHANNELS_MOTHER : CHANNELS_ABLE;
    const channel = rnd.weighted(table) as EmploymentChannel;
    const start = addDays(today, -rnd.int(20, Math.min(1800, workingDays)));
    spells.push(makeSpell(rnd, channel, start, null, ctx, skilled, weak));
    nextEnd = addDays(start, -rnd.int(15, 300));
  }
  // Earlier work that ended: seasonal migration, a finished work-relief project.
  for (let k = 0; k < 2 && rnd.chance(k === 0 ? 0.35 : 0.25); k++) {
    const end = nextEnd;
    const start = addDays(end, -rnd.int(60, 700));
    if (start < adultFrom || end > today) break;
    const channel = rnd.weighted(weak ? CHANNELS_WEAK : CHANNELS_PAST) as EmploymentChannel;
    spells.push(makeSpell(rnd, channel, start, end, ctx, skilled, weak));
    nextEnd = addDays(start, -rnd.int(15, 200));
  }
  return spells;
}

// ---- the generator ----

interface CountyState {
  households: number;
  /** Recent adult women, for the likely duplicates. */
  pool: { idNumber: string; name: string; birthDate: string; ethnicity: string }[];
}

/** Every 80th household of a county (the 21st first) takes in a woman already registered elsewhere. */
const DUPLICATE_EVERY = 80;
const DUPLICATE_FIRST = 20;

function ageFromBirth(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function* generatePopulation(spec: PopulationSpec): Generator<SeedHousehold> {
  const rnd = new Random(spec.seed);
  const today = spec.today;
  // People born on one day in one county, per sex: the villages of a county come one after
  // another, so one county's counters are enough (a few hundred KB at province scale).
  let idCounty = '';
  const idCounters = new Uint16Array(2 * 366 * 200);
  const counties = new Map<string, CountyState>();
  const nextSeq = new Map<string, number>();

  const idNumberFor = (countyCode: string, birthDate: string, sex: '男' | '女'): string => {
    if (countyCode !== idCounty) {
      idCounters.fill(0);
      idCounty = countyCode;
    }
    const day = Math.floor(toUtc(birthDate) / 86_400_000) - DAY_ZERO;
    if (day < 0 || day * 2 + 1 >= idCounters.length) throw new Error(`出生日期超出范围：${birthDate}`);
    const index = day * 2 + (sex === '男' ? 1 : 0);
    const n = idCounters[index] as number;
    if (n >= 499) throw new Error(`同一旗县同一出生日期的${sex}性超过499人：${countyCode} ${birthDate}`);
    idCounters[index] = n + 1;
    // 499 sequence numbers per sex, county and day; starting at a point fixed by the seed.
    const slot = (((fnv(`${countyCode}${birthDate}${sex}`) ^ spec.seed) >>> 0) + n) % 499;
    return makeIdNumber(countyCode, birthDate, sex === '男' ? slot * 2 + 1 : slot * 2 + 2, sex);
  };

  for (const plan of planVillages(spec)) {
    const { village, county } = plan;
    const profile = profileFor(county.code);
    const ethnicMix = ethnicMixFor(profile, village.townshipName, village.name);
    const townshipCode = village.code.slice(0, 9);
    const ctx: PlaceContext = { county, village, townshipCode, profile, workPlaces: spec.workPlaces };
    let state = counties.get(county.code);
    if (!state) {
      state = { households: 0, pool: [] };
      counties.set(county.code, state);
    }
    const sites = profile.relocationSites ?? relocationSites(county);
    let laborers = 0;
    while (laborers < plan.quota) {
      const seq = nextSeq.get(village.code) ?? spec.householdStart?.[village.code] ?? 1;
      nextSeq.set(village.code, seq + 1);
      const index = state.households++;
      const duplicate = index % DUPLICATE_EVERY === DUPLICATE_FIRST && state.pool.length > 0 ? rnd.pick(state.pool) : undefined;
      const forced = duplicate ? { ...duplicate, age: ageFromBirth(duplicate.birthDate, today) } : undefined;
      const skeleton = compose(rnd, today, forced);

      const headEthnicity = forced && rnd.chance(0.85) ? forced.ethnicity : rnd.weighted(ethnicMix);
      const nameCtx = (ethnicity: string): NameContext => ({ ethnicity, surnameRegion: profile.surnameRegion });
      // Ethnicity: the head's; a spouse mostly the same; children take a minority parent's.
      for (const [i, m] of skeleton.entries()) {
        if (m.ethnicity) continue;
        if (i === 0) m.ethnicity = headEthnicity;
        else if (m.parents) {
          const ps = m.parents.map((j) => (skeleton[j] as Skeleton).ethnicity ?? headEthnicity);
          const minority = ps.find((e) => e !== '汉族');
          m.ethnicity = minority && rnd.chance(0.8) ? minority : (ps[0] as string);
        } else if (m.rel === '父亲' || m.rel === '母亲' || m.rel === '兄弟姐妹') m.ethnicity = headEthnicity;
        else m.ethnicity = rnd.chance(0.85) ? headEthnicity : rnd.weighted(ethnicMix);
      }
      // Names: children carry their father's surname; nobody in a household shares a name.
      const surnames: string[] = [];
      const used = new Set<string>();
      for (const [i, m] of skeleton.entries()) {
        const ethnicity = m.ethnicity as string;
        const from = m.surnameFrom;
        surnames[i] = from !== undefined && surnames[from] ? (surnames[from] as string) : pickSurname(rnd, nameCtx(ethnicity));
        if (m.name) {
          used.add(m.name);
          continue;
        }
        const birthYear = Number((m.birthDate as string).slice(0, 4));
        let name = makeName(rnd, m.sex, birthYear, surnames[i] as string, nameCtx(ethnicity));
        for (let tries = 0; used.has(name) && tries < 20; tries++)
          name = makeName(rnd, m.sex, birthYear, surnames[i] as string, nameCtx(ethnicity));
        used.add(name);
        m.name = name;
      }

      const youngChildInHousehold = skeleton.some((m) => m.age < 12);
      const members: SeedPerson[] = skeleton.map((m) => {
        const birthDate = m.birthDate as string;
        const birthYear = Number(birthDate.slice(0, 4));
        const student = isStudent(rnd, m.age);
        const education = educationFor(rnd, m.age, birthYear, student);
        const health = healthFor(rnd, m.age);
        const disability =
          health === '残疾' ? rnd.weighted({ 肢体: 45, 视力: 12, 听力: 12, 言语: 4, 智力: 12, 精神: 8, 多重: 7 }) : '无';
        const educated = education !== null && ['高中', '中专', '技校', '大专', '本科及以上'].includes(education);
        const workCapacity = capacityFor(rnd, m.age, m.sex, health, student, educated);
        const able = hasWorkCapacity(workCapacity);
        const spells = spellsFor(
          rnd,
          { birthDate, age: m.age, sex: m.sex, capacity: workCapacity, student, youngChild: youngChildInHousehold },
          today,
          ctx,
        );
        const current = spells.find((s) => s.endDate === null);
        const skills: string[] = [];
        const certificates: string[] = [];
        if (workCapacity === '技能劳动力') {
          for (const s of rnd.some(Object.keys(SKILLS), 1, 2)) {
            skills.push(s);
            const cert = SKILLS[s];
            if (cert && rnd.chance(0.7) && !certificates.includes(cert)) certificates.push(cert);
          }
        } else if (able && rnd.chance(workCapacity === '普通劳动力' ? 0.4 : 0.3)) {
          skills.push(rnd.pick(profile.localSkills));
        }
        const migrant = current?.channel.startsWith('外出务工') ?? false;
        const migrateWilling = able && (migrant || (m.age <= 50 && workCapacity !== '弱劳动力或半劳动力' && rnd.chance(0.5)));
        const unemployedLaborer = able && !student && !current && m.age >= 16 && m.age <= 60;
        const person: SeedPerson = {
          relationship: m.rel,
          name: m.name as string,
          idNumber: idNumberFor(county.code, birthDate, m.sex),
          sex: m.sex,
          birthDate,
          ethnicity: m.ethnicity as string,
          education,
          workCapacity,
          health,
          disability,
          studentStatus: student ? '在校生' : '非在校生',
          phone: m.age >= 16 && rnd.chance(m.age <= 70 ? 0.92 : 0.4) ? phoneFor(rnd) : null,
          skills,
          certificates,
          migrateWilling,
          preferredPlaces: migrateWilling
            ? rnd.some(profile.preferredPlaces.slice(1), 1, 2)
            : able && rnd.chance(0.3)
              ? [profile.preferredPlaces[0] as string]
              : [],
          preferredWork: migrateWilling || unemployedLaborer ? rnd.some(PREFERRED_WORK, 1, 2) : [],
          serviceNeeds: unemployedLaborer
            ? rnd.some(SERVICE_NEEDS, 1, 3)
            : able && rnd.chance(0.2)
              ? rnd.some(['政策咨询', '权益维护', '技能培训'], 1, 1)
              : [],
          trainingNeeds: able && m.age < 55 && rnd.chance(unemployedLaborer ? 0.5 : 0.25) ? rnd.some(TRAINING_NEEDS, 1, 2) : [],
          spells,
          duplicateOf: null,
        };
        // Counted as the register counts them (working age, able, not a student).
        if (isLaborer(person, today)) laborers++;
        return person;
      });
      if (duplicate && forced) (members[1] as SeedPerson).duplicateOf = duplicate.idNumber;
      for (const p of members) {
        if (p.sex === '女' && p.duplicateOf === null && rnd.chance(0.3)) {
          const age = ageFromBirth(p.birthDate, today);
          if (age >= 20 && age <= 50) {
            const entry = { idNumber: p.idNumber, name: p.name, birthDate: p.birthDate, ethnicity: p.ethnicity as string };
            if (state.pool.length < 100) state.pool.push(entry);
            else state.pool[rnd.int(0, 99)] = entry;
          }
        }
      }

      const monitored = rnd.chance(profile.monitoredShare);
      const relocated = sites.length > 0 && rnd.chance(profile.relocatedShare);
      yield {
        number: `${village.code}${String(seq).padStart(4, '0')}`,
        villageCode: village.code,
        countyCode: county.code,
        type: monitored ? '监测对象' : '脱贫户',
        monitoringCategory: monitored
          ? rnd.weighted({ [MONITORING_CATEGORIES[0]]: 35, [MONITORING_CATEGORIES[1]]: 45, [MONITORING_CATEGORIES[2]]: 20 })
          : null,
        relocated,
        relocationSite: relocated ? rnd.pick(sites) : null,
        members,
      };
    }
  }
}

/** Relocation sites made from the county's urban 街道 or, lacking them, its first towns. */
function relocationSites(county: SeedCounty): string[] {
  const streets = county.townships.filter((t) => t.name.endsWith('街道'));
  const towns = county.townships.filter((t) => t.name.endsWith('镇'));
  const places = streets.length ? streets.slice(0, 3) : towns.slice(0, 2);
  return places.map((t) => `${county.name}${t.name}易地扶贫搬迁安置点`);
}

/** The household and person as the import and the edit form would receive them. */
export function toRawPerson(h: SeedHousehold, p: SeedPerson): RawPerson {
  const list = (xs: readonly string[]) => xs.join('、');
  return {
    householdNumber: h.number,
    villageCode: h.villageCode,
    householdType: h.type,
    monitoringCategory: h.monitoringCategory ?? '',
    relocated: h.relocated ? '是' : '否',
    relocationSite: h.relocationSite ?? '',
    relationship: p.relationship,
    name: p.name,
    idNumber: p.idNumber,
    sex: p.sex,
    birthDate: p.birthDate,
    ethnicity: p.ethnicity ?? '',
    education: p.education ?? '',
    workCapacity: p.workCapacity,
    health: p.health ?? '',
    disability: p.disability ?? '',
    studentStatus: p.studentStatus,
    phone: p.phone ?? '',
    skills: list(p.skills),
    certificates: list(p.certificates),
    migrateWilling: p.migrateWilling ? '是' : '否',
    preferredPlaces: list(p.preferredPlaces),
    preferredWork: list(p.preferredWork),
    serviceNeeds: list(p.serviceNeeds),
    trainingNeeds: list(p.trainingNeeds),
  };
}

export function toRawSpell(s: SpellInput): RawSpell {
  return {
    channel: s.channel,
    startDate: s.startDate,
    endDate: s.endDate ?? '',
    place: s.outOfProvince ? `${OUT_OF_PROVINCE}:${s.placeName}` : (s.placeCode ?? s.placeName),
    employer: s.employer,
    employerCreditCode: s.employerCreditCode ?? '',
    monthlyIncome: String(s.monthlyIncomeFen / 100),
    insured: s.insured ? '是' : '否',
  };
}
