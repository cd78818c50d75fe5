// Kysely types of matching runs, recommendations, the outbox, job fairs and export batches
// (migrations 20261121150200, 20261121150300, 20261121170400 and 20261121180100).
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { DateCol, Int8, SerialId, Timestamp } from './columns.ts';

type Def<T> = ColumnType<T, T | undefined, T>;
type Stamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';
export type PushChannel = 'sms' | 'wechat' | 'inapp';
export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'retry' | 'failed';

export interface MatchingRunsTable {
  id: SerialId;
  region_code: string;
  as_of: DateCol;
  status: Def<RunStatus>;
  total: Def<number>;
  processed: Def<number>;
  with_three: Def<number>;
  fewer: Def<number>;
  recommendations: Def<number>;
  jobs_considered: Def<number>;
  cursor_person: ColumnType<string, string | number | undefined, string | number>;
  worker: string | null;
  message: Def<string>;
  created_by: Int8 | null;
  created_at: Timestamp;
  started_at: Stamp;
  finished_at: Stamp;
}

export interface RecommendationsTable {
  id: SerialId;
  run_id: Int8;
  person_id: Int8;
  job_id: Int8;
  region_code: string;
  rank: number;
  score: number;
  reasons: Def<string[]>;
  pushed_at: Stamp;
  seen_at: Stamp;
  interested_at: Stamp;
  consent_at: Stamp;
  /** 撤回同意 (migration 20261121180100): consent is in force while no withdrawal at or after consent_at. */
  consent_withdrawn_at: Stamp;
  applied_at: Stamp;
  interviewed_at: Stamp;
  hired_on: ColumnType<string | null, string | null | undefined, string | null>;
  declined_at: Stamp;
  decline_reason: Def<string>;
  spell_id: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface RecommendationShortfallsTable {
  run_id: Int8;
  person_id: Int8;
  region_code: string;
  found: number;
  excluded: ColumnType<Record<string, number>, string | undefined, string>;
  main_reason: Def<string>;
}

export interface WechatBindingsTable {
  person_id: Int8;
  region_code: string;
  openid: string;
  bound_at: Timestamp;
}

export interface InappMessagesTable {
  id: SerialId;
  person_id: Int8;
  region_code: string;
  title: string;
  body: string;
  outbox_id: Int8;
  created_at: Timestamp;
  read_at: Stamp;
}

export interface OutboxTable {
  id: SerialId;
  /** A job recommendation pushed, or null for a policy notice of a 政策找人 run (migration 20261121170500). */
  recommendation_id: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  find_run_id: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  person_id: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  channel: PushChannel;
  region_code: string;
  recipient: string;
  template: string;
  body: ColumnType<Record<string, unknown>, string, string>;
  status: Def<OutboxStatus>;
  attempts: Def<number>;
  next_attempt_at: Timestamp;
  last_error: Def<string>;
  provider_ref: Def<string>;
  created_by: Int8 | null;
  created_at: Timestamp;
  sent_at: Stamp;
}

export interface JobFairsTable {
  id: SerialId;
  region_code: string;
  title: string;
  fair_date: DateCol;
  venue: Def<string>;
  kind: Def<'onsite' | 'online'>;
  status: Def<'planned' | 'held' | 'cancelled'>;
  created_by: Int8 | null;
  created_at: Timestamp;
  version: Generated<number>;
  cancel_reason: ColumnType<string | null, string | null | undefined, string | null>;
  cancelled_at: Stamp;
  cancelled_by: ColumnType<string | null, string | number | null | undefined, string | number | null>;
}

export interface JobFairJobsTable {
  fair_id: Int8;
  job_id: Int8;
  region_code: string;
}

export interface JobFairInvitationsTable {
  fair_id: Int8;
  person_id: Int8;
  region_code: string;
  invited_at: Timestamp;
  attended: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  hired_job_id: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  spell_id: ColumnType<string | null, string | number | null | undefined, string | number | null>;
}

export type ExportTransport = '包车' | '火车' | '飞机' | '自行前往' | '其他';

export interface ExportBatchesTable {
  id: SerialId;
  region_code: string;
  destination_code: string | null;
  destination: string;
  employer_id: Int8;
  job_id: Int8 | null;
  transport: ExportTransport;
  departure_date: DateCol;
  leader: Def<string>;
  status: Def<'planned' | 'departed' | 'cancelled'>;
  created_by: Int8 | null;
  created_at: Timestamp;
  departed_at: Stamp;
  version: Generated<number>;
  cancel_reason: ColumnType<string | null, string | null | undefined, string | null>;
  cancelled_at: Stamp;
  cancelled_by: ColumnType<string | null, string | number | null | undefined, string | number | null>;
}

export interface ExportBatchMembersTable {
  batch_id: Int8;
  person_id: Int8;
  region_code: string;
  spell_id: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  added_at: Timestamp;
}

export interface RecommendationsTables {
  matching_runs: MatchingRunsTable;
  recommendations: RecommendationsTable;
  recommendation_shortfalls: RecommendationShortfallsTable;
  wechat_bindings: WechatBindingsTable;
  inapp_messages: InappMessagesTable;
  outbox: OutboxTable;
  job_fairs: JobFairsTable;
  job_fair_jobs: JobFairJobsTable;
  job_fair_invitations: JobFairInvitationsTable;
  export_batches: ExportBatchesTable;
  export_batch_members: ExportBatchMembersTable;
}

export type MatchingRunRow = Selectable<MatchingRunsTable>;
export type RecommendationRow = Selectable<RecommendationsTable>;
export type OutboxRow = Selectable<OutboxTable>;
