// Shapes of the API responses the web app reads (see GET /api/openapi.json).
import type { PersonField } from '@domain/registry/person-input.ts';
import type { SpellField } from '@domain/registry/spell-input.ts';

/** bigserial ids arrive as strings; accept numbers too. */
export type Id = string | number;

export interface Me {
  username: string;
  displayName: string;
  role: string;
  roleName: string;
  regionCode: string;
  canViewFullId: boolean;
  canWrite: boolean;
  /** Not in every server version: the duplicates screen falls back to role === 'county'. */
  canDecideDuplicates: boolean;
  /** Role employer only: the employer the account posts jobs for. */
  employerId?: string;
  /** Role laborer only: the person of the register (劳动者服务 under /me). */
  personId?: string;
  csrfToken: string;
}

export interface Region {
  code: string;
  name: string;
  level: number;
  levelName: string;
  parentCode: string | null;
  path: { code: string; name: string }[];
}

export interface RegionChild {
  code: string;
  name: string;
  level: number;
  childCount: number;
}

/** A search hit: `path` is the names from the province down, joined with '/'. */
export interface RegionHit {
  code: string;
  name: string;
  level: number;
  path: string;
}

/** The kinds of designated-county list (区划认定) a province publishes. */
export type DesignationKind = 'poor_county' | 'deep_poverty_county';

/** A county on a designated-county list, with the day it left (退出、摘帽), if it did. */
export interface DesignatedCounty {
  code: string;
  name: string;
  /** The first day the county is no longer on the list, or null. */
  until: string | null;
  untilBasis: string | null;
  designatedToday: boolean;
}

/** A 贫困县 or 深度贫困县 list a province published (GET /api/designations). */
export interface DesignationList {
  id: string;
  kind: DesignationKind;
  kindName: string;
  province: string;
  title: string;
  /** The document that published it, with its number. */
  basis: string;
  /** The day the list took effect. */
  from: string;
  /** The first day of the next list of the kind, which took over; null while none has. */
  replacedOn: string | null;
  inForce: boolean;
  createdAt: string;
  counties: DesignatedCounty[];
}

export interface DesignationLists {
  kinds: Record<DesignationKind, string>;
  /** The user may enter lists and record counties leaving them (province officers). */
  canEdit: boolean;
  items: DesignationList[];
}

export interface NewDesignationList {
  kind: DesignationKind;
  province: string;
  title: string;
  basis: string;
  from: string;
  counties: string[];
}

/** What the lists in force on `date` say about a county (null: no list of the kind in force, unknown). */
export interface RegionDesignations {
  date: string;
  items: { kind: DesignationKind; kindName: string; designated: boolean | null; text: string; listId: string | null }[];
}

export interface Workbench {
  regionCode: string;
  regionName: string;
  /** Everyone registered. */
  persons: number;
  /** Working age, able to work, not a student; employed/unemployed/migrateWilling count among these. */
  laborers: number;
  households: number;
  employed: number;
  unemployed: number;
  migrateWilling: number;
  zeroEmploymentHouseholds: number;
  monitoringHouseholds: number;
  byChannel: { channel: string; count: number }[];
  byChild: { code: string; name: string; laborers: number; employed: number }[];
}

export interface LaborerListItem {
  id: Id;
  name: string;
  idNumber: string;
  sex: string;
  age: number;
  villageCode: string;
  villageName: string;
  householdId: Id;
  householdNumber: string;
  householdType: string;
  workCapacity: string;
  status: string;
  channel: string | null;
  migrateWilling: boolean;
  phone: string | null;
}

export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

export interface Person {
  id: Id;
  version: number;
  idNumber: string;
  name: string;
  sex: string;
  birthDate: string;
  age: number;
  ethnicity: string | null;
  education: string | null;
  workCapacity: string;
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
  villageCode: string;
  villagePath?: string | { code: string; name: string }[];
  relationship: string;
  workingAge: boolean;
  status: string;
}

export interface HouseholdMember {
  id: Id;
  name: string;
  relationship: string;
  sex: string;
  age: number;
  workCapacity: string;
  status: string;
}

export interface Household {
  id: Id;
  number: string;
  type: string;
  monitoringCategory: string | null;
  relocated: boolean;
  relocationSite: string | null;
  villageCode: string;
  zeroEmployment: boolean;
  members: HouseholdMember[];
}

export interface Spell {
  id: Id;
  startDate: string;
  endDate: string | null;
  channel: string;
  placeCode: string | null;
  placeName: string;
  outOfProvince: boolean;
  employer: string;
  /** The registered employer the spell is linked to (用工单位名录), if any. */
  employerId: Id | null;
  employerCreditCode: string | null;
  monthlyIncomeFen: number | string;
  insured: boolean;
}

export interface LaborerDetail {
  person: Person;
  household: Household;
  spells: Spell[];
}

export interface AuditEntry {
  seq: string | number;
  at: string;
  actorName: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export type PersonFields = Partial<Record<PersonField, string>>;
export type SpellFields = Partial<Record<SpellField, string>>;

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ImportJob {
  id: Id;
  fileName: string;
  status: ImportStatus;
  statusName?: string;
  /** 0-100, by bytes read (the row count of a streamed file is known only at its end). */
  percent?: number;
  /** totalRows is an estimate until the file has been read to its end. */
  totalKnown?: boolean;
  totalRows: number;
  processedRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  message: string;
  format?: string;
  encoding?: string;
  ignoredColumns?: string[];
  errorsUrl?: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface DuplicateCandidate {
  id: Id;
  reason: string;
  status: string;
  a: LaborerListItem;
  b: LaborerListItem;
}
