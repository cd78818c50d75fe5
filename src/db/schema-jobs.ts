// Kysely types of employers, job posts and what is built on them (migrations 20261121150000 and later).

import type { ColumnType, Generated } from 'kysely';
import type { DateCol, Int8, SerialId, Timestamp } from './columns.ts';
import type { RecommendationsTables } from './schema-recommendations.ts';

export type JobStatus = 'open' | 'filled' | 'expired';

export interface EmployersTable {
  id: SerialId;
  credit_code: string;
  name: string;
  region_code: string;
  /** The office that registered the employer and holds it (write access); defaults to region_code. */
  office_code: ColumnType<string, string | undefined, string>;
  industry: ColumnType<string, string | undefined, string>;
  contact_name: ColumnType<string, string | undefined, string>;
  contact_phone: ColumnType<string, string | undefined, string>;
  address: ColumnType<string, string | undefined, string>;
  is_workshop: ColumnType<boolean, boolean | undefined, boolean>;
  is_base: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: Int8 | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface JobPostsTable {
  id: SerialId;
  employer_id: Int8;
  region_code: string;
  title: string;
  occupation_code: string;
  work_region_code: string;
  work_place: ColumnType<string, string | undefined, string>;
  openings: number;
  filled: ColumnType<number, number | undefined, number>;
  wage_min_fen: Int8;
  wage_max_fen: Int8;
  working_hours: ColumnType<string, string | undefined, string>;
  accommodation: ColumnType<boolean, boolean | undefined, boolean>;
  meals: ColumnType<boolean, boolean | undefined, boolean>;
  contract_months: number | null;
  season_from: DateCol | null;
  season_to: DateCol | null;
  age_min: number | null;
  age_max: number | null;
  sex_required: '男' | '女' | null;
  sex_reason: string | null;
  education_min: string | null;
  skills: ColumnType<string[], string[] | undefined, string[]>;
  certificates: ColumnType<string[], string[] | undefined, string[]>;
  physical_demand: ColumnType<'轻' | '中' | '重', '轻' | '中' | '重' | undefined, '轻' | '中' | '重'>;
  suitable_for_weak: ColumnType<boolean, boolean | undefined, boolean>;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  valid_until: DateCol | null;
  source: ColumnType<'form' | 'import' | 'employer', 'form' | 'import' | 'employer' | undefined, 'form' | 'import' | 'employer'>;
  created_by: Int8 | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** The view job_posts_current: a post with the status people see (migration 20261121150100). */
export interface JobPostsCurrentView extends JobPostsTable {
  effective_status: ColumnType<JobStatus, never, never>;
}

/** A rejected row of a job post file: its cells as the file had them and the reasons. */
export interface JobImportError {
  rowNumber: number;
  cells: string[];
  reasons: { column: string; value: string; reason: string }[];
}

export interface JobImportsTable {
  id: SerialId;
  region_code: string;
  file_name: string;
  sha256: string;
  rows: number;
  imported: number;
  rejected: number;
  headers: string[];
  errors: ColumnType<JobImportError[], string | undefined, string>;
  created_by: Int8 | null;
  created_at: Timestamp;
}

export interface JobsTables extends RecommendationsTables {
  employers: EmployersTable;
  job_posts: JobPostsTable;
  job_posts_current: JobPostsCurrentView;
  job_imports: JobImportsTable;
}
