// The two sides of matching as the domain sees them, the model's tunable numbers, and what a
// match answers. Pure data: the recommendations module maps rows of the register (persons,
// employment_spells) and of job_posts onto these shapes; the benchmark generates them.
import type { WorkCapacity } from '../registry/vocabulary.ts';

/** Physical demand of a job post (job_posts.physical_demand). */
export type PhysicalDemand = '轻' | '中' | '重';

/** Work done before, from the register's employment spells. */
export interface PastWork {
  /** Region code of the place of work, null for a place outside the province. */
  placeCode: string | null;
  /** As written, e.g. 广东省深圳市 or 会泽县. */
  placeName: string;
  employer: string;
  /** The registered employer the spell is linked to, when it is. */
  employerId?: string | null;
  /** 意向工种 kinds (PREFERRED_WORK terms) the work belonged to, when known. */
  workKinds: readonly string[];
}

/** A laborer who wants work (persons + household village + spells). */
export interface MatchLaborer {
  id: string;
  sex: '男' | '女';
  /** YYYY-MM-DD */
  birthDate: string;
  workCapacity: WorkCapacity;
  education: string | null;
  /** Where the laborer lives: the household's village code (12 digits) or any coarser code. */
  homeRegion: string;
  skills: readonly string[];
  certificates: readonly string[];
  migrateWilling: boolean;
  /**
   * Preferred places of work as region codes of any level (resolvePreferredPlaces turns the
   * register's words, 本县 / 曲靖市 / 浙江省, into codes). Empty: anywhere the laborer may go.
   */
  preferredRegions: readonly string[];
  /** 意向工种, terms of PREFERRED_WORK (建筑业, 家政服务, ...). */
  preferredWork: readonly string[];
  pastWork: readonly PastWork[];
}

/** An open job post (job_posts + the employer's name). */
export interface MatchJob {
  id: string;
  title: string;
  employerName: string;
  /** The registered employer's id, where the caller knows it (the same employer under another name). */
  employerId?: string;
  /** 职业分类大典 code, e.g. 4-10-01-06. */
  occupationCode: string;
  /**
   * The 意向工种 kinds this job belongs to. When absent, the model derives them from the
   * occupation code and the title (model.workKinds).
   */
  workKinds?: readonly string[];
  /** Place of work: a region code (2-12 digits). */
  workRegion: string;
  /** As written, e.g. 广东省深圳市宝安区. */
  workPlace: string;
  openings: number;
  filled: number;
  wageMinFen: number;
  wageMaxFen: number;
  accommodation: boolean;
  meals: boolean;
  /** Seasonal work: its first and last day (YYYY-MM-DD), both or neither. */
  seasonFrom: string | null;
  seasonTo: string | null;
  validUntil: string | null;
  ageMin: number | null;
  ageMax: number | null;
  /** Only where lawful and justified (sexReason); null: either sex. */
  sexRequired: '男' | '女' | null;
  educationMin: string | null;
  skills: readonly string[];
  certificates: readonly string[];
  physicalDemand: PhysicalDemand;
  suitableForWeak: boolean;
  status: 'open' | 'filled' | 'expired';
}

/** Hard constraints, in the order they are checked. */
export const CONSTRAINTS = [
  'status',
  'openings',
  'season',
  'age',
  'sex',
  'capacity',
  'place',
  'certificates',
  'education',
] as const;
export type ConstraintId = (typeof CONSTRAINTS)[number];

/** Chinese names of the constraints, for the "fewer than three" list. */
export const CONSTRAINT_NAMES: Record<ConstraintId, string> = {
  status: '岗位已关闭',
  openings: '岗位已招满',
  season: '季节性岗位不在用工期',
  age: '年龄不符',
  sex: '性别要求不符',
  capacity: '劳动能力与体力要求不符',
  place: '不在意向或可去的地区',
  certificates: '缺少要求的证书',
  education: '学历不够',
};

export interface Violation {
  constraint: ConstraintId;
  /** Chinese, naming the laborer's value and the job's requirement. */
  message: string;
}

/** Score terms, each with its weight in the model. */
export const SCORE_TERMS = ['occupation', 'skill', 'distance', 'preferredPlace', 'wage', 'board', 'pastWork', 'weakFit'] as const;
export type ScoreTerm = (typeof SCORE_TERMS)[number];

export interface Reason {
  term: ScoreTerm;
  /** Chinese, e.g. 意向工种一致, 包吃住, 距家 35 公里. */
  text: string;
  /** Points this term added to the score (0 for a reason given as information). */
  points: number;
}

export interface Recommendation {
  jobId: string;
  /** 1 = best. */
  rank: number;
  /** Sum of the points of the score terms, 0-100 with the default weights. */
  score: number;
  /** Great-circle kilometres from the laborer's county to the job's, null when unknown. */
  distanceKm: number | null;
  reasons: Reason[];
}

/** The laborers who fit one job, best first (the employer's side). */
export interface LaborerMatch {
  laborerId: string;
  rank: number;
  score: number;
  distanceKm: number | null;
  reasons: Reason[];
}

/** How many open jobs each constraint ruled out for one laborer (the first failed constraint counts). */
export type ShortfallCounts = Record<ConstraintId, number>;

export interface Shortfall {
  laborerId: string;
  /** Jobs that pass every hard constraint. */
  suitable: number;
  ruledOut: ShortfallCounts;
  /** The constraint that ruled out most jobs, with its Chinese name. */
  mainReason: ConstraintId | null;
  mainReasonText: string;
}

/** The model's numbers (config/matching-model.yaml). */
export interface MatchModel {
  version: string;
  weights: Record<ScoreTerm, number>;
  /** Points of `skill` per matching skill, up to the weight. */
  skillStep: number;
  /** Full distance points at 0 km, none at and beyond this many km. */
  distanceZeroKm: number;
  /** A laborer not willing to migrate takes jobs in the home county or within this many km. */
  localRadiusKm: number;
  /** Wage points grow linearly from the floor (none) to the ceiling (full), on the job's mid wage. */
  wageFloorFen: number;
  wageCeilingFen: number;
  /** Board points for a migrant job: both accommodation and meals full, one of them this share. */
  boardOneShare: number;
  /** Age limits when the job sets none (statutory working age). */
  defaultAgeMin: number;
  defaultAgeMaxMale: number;
  defaultAgeMaxFemale: number;
  /** Physical demands each work capacity may take. */
  capacityDemand: Record<WorkCapacity, readonly PhysicalDemand[]>;
  /** Rank of each education level (高中, 中专 and 技校 share one), for educationMin. */
  educationRank: Readonly<Record<string, number>>;
  /** 意向工种 kind -> occupation code prefixes and title keywords that put a job in it. */
  workKinds: Record<string, { codes: readonly string[]; keywords: readonly string[] }>;
  /** Recommendations per laborer by default. */
  topK: number;
}

/** Coordinates of regions: [longitude, latitude] in degrees (WGS-84/GCJ-02 centres). */
export interface GeoLookup {
  /** The centre of the region or of the nearest enclosing region that has one. */
  locate(code: string): readonly [number, number] | undefined;
}

export interface MatchContext {
  model: MatchModel;
  geo: GeoLookup;
  /** The day the match is made for (age, season, validity), YYYY-MM-DD. */
  date: string;
}
