// Kysely table types, kept in step with src/db/migrations by hand (reviewed with the SQL).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { DateCol, Int8, SerialId, Timestamp } from './columns.ts';
import type { ClaimsTables } from './schema-claims.ts';
import type { JobsTables } from './schema-jobs.ts';
import type { LaborerTables } from './schema-laborer.ts';
import type { RulesTables } from './schema-rules.ts';

export interface RegionsTable {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  valid_from: DateCol;
  valid_to: ColumnType<string | null, string | null | undefined, string | null>;
  source: string;
}

export interface RegionChangesTable {
  id: SerialId;
  kind: 'rename' | 'merge' | 'move' | 'split' | 'abolish' | 'create';
  old_code: string | null;
  new_code: string | null;
  effective: DateCol;
  note: Generated<string>;
  recorded_at: Timestamp;
}

export interface RegionLoadsTable {
  province_code: string;
  source: string;
  valid_from: DateCol;
  rows: number;
  loaded_at: Timestamp;
}

export type Role = 'province' | 'city' | 'county' | 'township' | 'village' | 'auditor' | 'admin' | 'employer' | 'laborer';

export interface UsersTable {
  id: SerialId;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  region_code: string;
  can_view_full_id: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  disabled: Generated<boolean>;
  created_at: Timestamp;
  /** Set exactly for role employer: the employer the account acts for (migration 20261121150100). */
  employer_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set exactly for role laborer: the person of the register it is (migration 20261121170200). */
  person_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: Int8;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface HouseholdsTable {
  id: SerialId;
  number: string;
  village_code: string;
  type: '脱贫户' | '监测对象';
  monitoring_category: string | null;
  relocated: Generated<boolean>;
  relocation_site: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonsTable {
  id: SerialId;
  id_number: string;
  name: string;
  name_initials: Generated<string>;
  sex: '男' | '女';
  birth_date: DateCol;
  household_id: Int8;
  relationship: string;
  village_code: string;
  ethnicity: string | null;
  education: string | null;
  work_capacity: string;
  health: string | null;
  disability: string | null;
  student_status: Generated<string>;
  phone: string | null;
  skills: Generated<string[]>;
  certificates: Generated<string[]>;
  migrate_willing: Generated<boolean>;
  preferred_places: Generated<string[]>;
  preferred_work: Generated<string[]>;
  service_needs: Generated<string[]>;
  training_needs: Generated<string[]>;
  row_hash: Generated<string>;
  merged_into: Int8 | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface EmploymentSpellsTable {
  id: SerialId;
  person_id: Int8;
  village_code: string;
  start_date: DateCol;
  end_date: ColumnType<string | null, string | null | undefined, string | null>;
  place_code: string | null;
  place_name: Generated<string>;
  out_of_province: Generated<boolean>;
  employer: Generated<string>;
  /** The registered employer (用工单位名录) the spell is with, when it is one of ours. */
  employer_id: ColumnType<string | null, string | null | undefined, string | null>;
  channel: string;
  monthly_income_fen: Int8;
  insured: Generated<boolean>;
  created_at: Timestamp;
}

export interface DuplicateCandidatesTable {
  id: SerialId;
  person_a: Int8;
  person_b: Int8;
  village_code: string;
  reason: string;
  status: Generated<'open' | 'merged' | 'dismissed'>;
  decided_by: Int8 | null;
  decided_at: Timestamp | null;
  note: Generated<string>;
}

export interface ImportsTable {
  id: SerialId;
  kind: Generated<string>;
  file_name: string;
  file_sha256: string;
  file_path: string;
  region_code: string;
  user_id: Int8 | null;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  total_rows: Generated<number>;
  processed_rows: Generated<number>;
  inserted: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  failed: Generated<number>;
  message: Generated<string>;
  created_at: Timestamp;
  finished_at: Timestamp | null;
  // 20261121130000_extend_imports: progress by bytes, how the file was read, the worker.
  file_size: ColumnType<string, string | number | undefined, string | number>;
  bytes_done: ColumnType<string, string | number | undefined, string | number>;
  format: Generated<string>;
  encoding: Generated<string>;
  header_row: Generated<number>;
  ignored_columns: Generated<string[]>;
  error_code: Generated<string>;
  stats: ColumnType<ImportStats, string | undefined, string>;
  /** host:pid of the process running it, so that a dead worker's import can be resumed. */
  worker: Generated<string>;
  started_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  heartbeat_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** Record counts of an import beyond the per-row totals (inserted / updated / unchanged / failed). */
export interface ImportStats {
  householdsInserted: number;
  householdsUpdated: number;
  personsInserted: number;
  personsUpdated: number;
  spellsInserted: number;
  spellsUpdated: number;
}

export interface ImportErrorsTable {
  import_id: Int8;
  row_number: number;
  column_name: string;
  value: string;
  reason: string;
  code: Generated<string>;
}

export interface AuditLogTable {
  seq: Int8;
  at: Timestamp;
  actor_id: Int8 | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string;
  region_code: string;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: boolean;
  seq: Int8;
  hash: string;
}

/** A province's list of 贫困县 or 深度贫困县 (migration 20261122090000_create_designations). */
export interface DesignationListsTable {
  id: SerialId;
  kind: 'poor_county' | 'deep_poverty_county';
  province_code: string;
  title: string;
  basis: string;
  valid_from: DateCol;
  created_by: Int8 | null;
  created_at: Timestamp;
}

/** A county on a designation list; only `until` (the first day it is off the list) may be set later. */
export interface DesignationMembersTable {
  id: SerialId;
  list_id: Int8;
  county_code: string;
  county_name: string;
  until: ColumnType<string | null, string | null | undefined, string | null>;
  until_basis: Generated<string>;
  created_by: Int8 | null;
  created_at: Timestamp;
}

export interface DB extends ClaimsTables, RulesTables, JobsTables, LaborerTables {
  regions: RegionsTable;
  region_changes: RegionChangesTable;
  region_loads: RegionLoadsTable;
  designation_lists: DesignationListsTable;
  designation_members: DesignationMembersTable;
  users: UsersTable;
  sessions: SessionsTable;
  households: HouseholdsTable;
  persons: PersonsTable;
  employment_spells: EmploymentSpellsTable;
  duplicate_candidates: DuplicateCandidatesTable;
  imports: ImportsTable;
  import_errors: ImportErrorsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}

export type PersonRow = Selectable<PersonsTable>;
export type NewPerson = Insertable<PersonsTable>;
export type PersonUpdate = Updateable<PersonsTable>;
export type HouseholdRow = Selectable<HouseholdsTable>;
export type SpellRow = Selectable<EmploymentSpellsTable>;
export type UserRow = Selectable<UsersTable>;
export type RegionRow = Selectable<RegionsTable>;
