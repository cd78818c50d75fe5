// Rows of the register and of job_posts as the matching model sees them (MatchLaborer,
// MatchJob), and the region names that turn preferred places (曲靖市, 浙江省) into codes.
import { type Kysely, sql } from 'kysely';
import type { Scoped } from '../../db/connection.ts';
import type { DB } from '../../db/schema.ts';
import { type MatchJob, type MatchLaborer, resolvePreferredPlaces } from '../../domain/matching/index.ts';
import type { WorkCapacity } from '../../domain/registry/vocabulary.ts';

type Reader = Kysely<DB> | Scoped;

export interface JobRow {
  id: string;
  title: string;
  employer_name: string;
  employer_id: string;
  occupation_code: string;
  work_region_code: string;
  work_place: string;
  openings: number;
  filled: number;
  wage_min_fen: string;
  wage_max_fen: string;
  accommodation: boolean;
  meals: boolean;
  season_from: string | null;
  season_to: string | null;
  valid_until: string | null;
  age_min: number | null;
  age_max: number | null;
  sex_required: '男' | '女' | null;
  education_min: string | null;
  skills: string[];
  certificates: string[];
  physical_demand: '轻' | '中' | '重';
  suitable_for_weak: boolean;
  status: 'open' | 'filled' | 'expired';
  region_code: string;
  contact_name: string;
  contact_phone: string;
  working_hours: string;
}

function jobsQuery(db: Reader) {
  return db
    .selectFrom('job_posts as j')
    .innerJoin('employers as e', 'e.id', 'j.employer_id')
    .select([
      'j.id',
      'j.title',
      'e.name as employer_name',
      'e.id as employer_id',
      'j.occupation_code',
      'j.work_region_code',
      'j.work_place',
      'j.openings',
      'j.filled',
      'j.wage_min_fen',
      'j.wage_max_fen',
      'j.accommodation',
      'j.meals',
      'j.season_from',
      'j.season_to',
      'j.valid_until',
      'j.age_min',
      'j.age_max',
      'j.sex_required',
      'j.education_min',
      'j.skills',
      'j.certificates',
      'j.physical_demand',
      'j.suitable_for_weak',
      'j.status',
      'j.region_code',
      'e.contact_name',
      'e.contact_phone',
      'j.working_hours',
    ]);
}

/** Open posts with openings left that have not expired by `date` (every region: a laborer may go anywhere). */
export async function openJobs(db: Reader, date: string): Promise<JobRow[]> {
  return (await jobsQuery(db)
    .where('j.status', '=', 'open')
    .where(sql<boolean>`j.filled < j.openings`)
    .where((eb) => eb.or([eb('j.valid_until', 'is', null), eb('j.valid_until', '>=', date)]))
    .where((eb) => eb.or([eb('j.season_to', 'is', null), eb('j.season_to', '>=', date)]))
    .orderBy('j.id')
    .execute()) as JobRow[];
}

export async function jobsById(db: Reader, ids: readonly string[]): Promise<Map<string, JobRow>> {
  if (ids.length === 0) return new Map();
  const rows = (await jobsQuery(db)
    .where('j.id', 'in', [...ids])
    .execute()) as JobRow[];
  return new Map(rows.map((r) => [r.id, r]));
}

export function toMatchJob(r: JobRow): MatchJob {
  return {
    id: r.id,
    title: r.title,
    employerName: r.employer_name,
    employerId: r.employer_id,
    occupationCode: r.occupation_code,
    workRegion: r.work_region_code,
    workPlace: r.work_place,
    openings: r.openings,
    filled: r.filled,
    wageMinFen: Number(r.wage_min_fen),
    wageMaxFen: Number(r.wage_max_fen),
    accommodation: r.accommodation,
    meals: r.meals,
    seasonFrom: r.season_from,
    seasonTo: r.season_to,
    validUntil: r.valid_until,
    ageMin: r.age_min,
    ageMax: r.age_max,
    sexRequired: r.sex_required,
    educationMin: r.education_min,
    skills: r.skills,
    certificates: r.certificates,
    physicalDemand: r.physical_demand,
    suitableForWeak: r.suitable_for_weak,
    status: r.status,
  };
}

export interface PersonForMatch {
  id: string;
  name: string;
  sex: '男' | '女';
  birth_date: string;
  village_code: string;
  education: string | null;
  work_capacity: string;
  student_status: string;
  phone: string | null;
  id_number: string;
  skills: string[];
  certificates: string[];
  migrate_willing: boolean;
  preferred_places: string[];
  preferred_work: string[];
}

const PERSON_COLUMNS = [
  'id',
  'name',
  'sex',
  'birth_date',
  'village_code',
  'education',
  'work_capacity',
  'student_status',
  'phone',
  'id_number',
  'skills',
  'certificates',
  'migrate_willing',
  'preferred_places',
  'preferred_work',
] as const;

/** Laborers who want to migrate: willing, able to work, not a student, not merged into another record. */
function willingQuery(db: Reader, region: string) {
  return db
    .selectFrom('persons')
    .where('village_code', 'like', `${region}%`)
    .where('migrate_willing', '=', true)
    .where('merged_into', 'is', null)
    .where('work_capacity', 'not in', ['丧失劳动力', '无劳动力'])
    .where('student_status', '<>', '在校生');
}

export async function countWilling(db: Reader, region: string): Promise<number> {
  const r = await willingQuery(db, region)
    .select((e) => e.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function willingAfter(db: Reader, region: string, afterId: string, limit: number): Promise<PersonForMatch[]> {
  return (await willingQuery(db, region)
    .select([...PERSON_COLUMNS])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()) as PersonForMatch[];
}

export async function personsById(db: Reader, ids: readonly string[]): Promise<PersonForMatch[]> {
  if (ids.length === 0) return [];
  return (await db
    .selectFrom('persons')
    .select([...PERSON_COLUMNS])
    .where('id', 'in', [...ids])
    .execute()) as PersonForMatch[];
}

export interface PastSpell {
  person_id: string;
  place_code: string | null;
  place_name: string;
  employer: string;
  employer_id: string | null;
}

export async function pastSpells(db: Reader, personIds: readonly string[]): Promise<Map<string, PastSpell[]>> {
  const out = new Map<string, PastSpell[]>();
  if (personIds.length === 0) return out;
  const rows = await db
    .selectFrom('employment_spells')
    .select(['person_id', 'place_code', 'place_name', 'employer', 'employer_id'])
    .where('person_id', 'in', [...personIds])
    .orderBy('start_date', 'desc')
    .execute();
  for (const r of rows) out.set(r.person_id, [...(out.get(r.person_id) ?? []), r]);
  return out;
}

/**
 * Region names (province, city, county) → codes, to resolve preferred places as written. A
 * name shared by several regions resolves to the one nearest home (longest common prefix);
 * a tie is left unresolved rather than guessed.
 */
export class RegionNames {
  readonly #byName = new Map<string, string[]>();
  static async load(db: Reader): Promise<RegionNames> {
    const rows = await db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('level', '<=', 3)
      .where('valid_to', 'is', null)
      .execute();
    const r = new RegionNames();
    for (const row of rows) {
      for (const name of new Set([row.name, shortName(row.name)])) {
        if (!name) continue;
        const list = r.#byName.get(name);
        if (list) list.push(row.code);
        else r.#byName.set(name, [row.code]);
      }
    }
    return r;
  }

  find = (name: string, home: string): string | undefined => {
    const codes = this.#byName.get(name) ?? this.#byName.get(shortName(name));
    if (!codes || codes.length === 0) return undefined;
    if (codes.length === 1) return codes[0];
    const common = (c: string) => {
      let i = 0;
      while (i < c.length && c[i] === home[i]) i++;
      return i;
    };
    const sorted = [...codes].sort((a, b) => common(b) - common(a));
    return common(sorted[0] as string) > common(sorted[1] as string) ? sorted[0] : undefined;
  };
}

/** 浙江省 → 浙江, 曲靖市 → 曲靖, 会泽县 → 会泽 (a name of two characters or less is kept). */
function shortName(name: string): string {
  const s = name.replace(/(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市|自治州|地区|盟|县|区|旗|自治县)$/, '');
  return s.length >= 2 ? s : name;
}

export function toMatchLaborer(p: PersonForMatch, spells: readonly PastSpell[], names: RegionNames): MatchLaborer {
  return {
    id: p.id,
    sex: p.sex,
    birthDate: p.birth_date,
    workCapacity: p.work_capacity as WorkCapacity,
    education: p.education,
    homeRegion: p.village_code,
    skills: p.skills,
    certificates: p.certificates,
    migrateWilling: p.migrate_willing,
    preferredRegions: resolvePreferredPlaces(p.preferred_places, p.village_code, names.find).codes,
    preferredWork: p.preferred_work,
    pastWork: spells.map((s) => ({
      placeCode: s.place_code,
      placeName: s.place_name,
      employer: s.employer,
      employerId: s.employer_id,
      workKinds: [],
    })),
  };
}
