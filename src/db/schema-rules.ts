// Kysely types of the rules engine's tables (regional settings of parameters,
// migration 20261121140100_create_rule_settings; 政策找人 runs, 20261121170300_create_find_runs).
import type { ColumnType, Generated } from 'kysely';
import type { DateCol, Int8, SerialId, Timestamp } from './columns.ts';

export interface RuleSettingsTable {
  id: SerialId;
  rule_id: string;
  parameter: string;
  /** 2, 4 or 6 digits: the province, league/city or county that set the value. */
  region_code: string;
  valid_from: DateCol;
  valid_to: ColumnType<string | null, string | null | undefined, string | null>;
  /** As text; numeric units hold an integer (fen, months...), 'choice' one of its keys. */
  value: string;
  note: Generated<string>;
  created_by: Int8 | null;
  created_at: Timestamp;
}

export type FindRunStatus = 'queued' | 'running' | 'done' | 'failed';

export interface FindRunsTable {
  id: SerialId;
  rule_id: string;
  region_code: string;
  case_date: DateCol;
  status: ColumnType<FindRunStatus, FindRunStatus | undefined, FindRunStatus>;
  total: Generated<number>;
  evaluated: Generated<number>;
  qualified: Generated<number>;
  already_claimed: Generated<number>;
  amount_not_set: Generated<number>;
  amount_fen: ColumnType<string, string | number | undefined, string | number>;
  max_amount_fen: ColumnType<string, string | number | undefined, string | number>;
  cursor_person: ColumnType<string, string | undefined, string>;
  worker: ColumnType<string | null, string | null | undefined, string | null>;
  message: Generated<string>;
  created_by: Int8 | null;
  created_at: Timestamp;
  started_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** 20261121181100_find_workshops: a run over persons or over the 帮扶车间 of the region (181400: or its employers). */
  subject: ColumnType<FindSubject, FindSubject | undefined, never>;
  /** Of a workshop run's list: may qualify, facts to verify. */
  to_verify: Generated<number>;
  /** 20261121181200: 帮扶车间 names in the region's employment records that match no registered workshop. */
  unmatched_workshops: ColumnType<UnmatchedWorkshop[], string | undefined, string>;
}

export interface UnmatchedWorkshop {
  name: string;
  laborers: number;
  poorLaborers: number;
}

export type FindSubject = 'person' | 'workshop' | 'employer';

export interface FindWorkshopResultsTable {
  run_id: Int8;
  employer_id: Int8;
  region_code: string;
  status: 'eligible' | 'amount_not_set' | 'incomplete';
  amount_fen: ColumnType<string | null, string | number | null, string | number | null>;
  max_amount_fen: ColumnType<string | null, string | number | null, string | number | null>;
  message: string;
  missing_facts: ColumnType<string[], string[] | undefined, string[]>;
  laborers: number;
  poor_laborers: number;
}

/** 20261121181400_find_employers: one employer and one laborer of an employer run's list. */
export interface FindEmployerResultsTable {
  run_id: Int8;
  employer_id: Int8;
  person_id: Int8;
  region_code: string;
  status: 'eligible' | 'amount_not_set' | 'incomplete';
  amount_fen: ColumnType<string | null, string | number | null, string | number | null>;
  max_amount_fen: ColumnType<string | null, string | number | null, string | number | null>;
  message: string;
  missing_facts: ColumnType<string[], string[] | undefined, string[]>;
  months_in_post: number;
}

export interface FindResultsTable {
  run_id: Int8;
  person_id: Int8;
  region_code: string;
  status: 'eligible' | 'amount_not_set';
  amount_fen: ColumnType<string | null, string | number | null, string | number | null>;
  max_amount_fen: ColumnType<string | null, string | number | null, string | number | null>;
  message: string;
}

export interface RulesTables {
  rule_settings: RuleSettingsTable;
  find_runs: FindRunsTable;
  find_results: FindResultsTable;
  find_workshop_results: FindWorkshopResultsTable;
  find_employer_results: FindEmployerResultsTable;
}
