// Kysely types of the subsidy cycle tables (migrations 20261121140000 and later).
import type { ColumnType, Generated } from 'kysely';
import type { DateCol, Int8, SerialId, Timestamp } from './columns.ts';

type Json<T> = ColumnType<T, string, string>;

export type ClaimStatus =
  | 'submitted'
  | 'returned'
  | 'reviewed'
  | 'refused'
  | 'publicized'
  | 'approved'
  | 'batched'
  | 'paid'
  | 'failed'
  | 'withdrawn';

export interface ClaimsTable {
  id: SerialId;
  number: string;
  rule_id: string;
  document_code: string;
  region_code: string;
  subject_kind: string;
  person_id: Int8 | null;
  subject_key: string;
  beneficiary_name: string;
  bank_name: string | null;
  bank_account: string | null;
  case_date: DateCol;
  claim_year: number;
  facts: Json<Record<string, unknown>>;
  decision: Json<Record<string, unknown>>;
  parameter_version: string;
  amount_fen: Int8;
  fund_source: string;
  status: ColumnType<ClaimStatus, ClaimStatus | undefined, ClaimStatus>;
  publicity_id: Int8 | null;
  created_by: Int8 | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ClaimSlotsTable {
  limit_group: string;
  subject_key: string;
  window_key: string;
  slot: number;
  claim_id: Int8;
  region_code: string;
}

export interface ClaimsTables {
  claims: ClaimsTable;
  claim_slots: ClaimSlotsTable;
}
