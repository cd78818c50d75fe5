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
  | 'withdrawn'
  | 'recovered';

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
  /** Who applied: the office or the laborer in the portal (migration 20261121170200). */
  applicant: ColumnType<'office' | 'laborer' | 'employer', 'office' | 'laborer' | 'employer' | undefined, never>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  /** 20261121170100_employer_claims: the employer that filed the claim itself (null: filed by an office). */
  employer_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The laborer of an employer's per-laborer claim, as typed and confirmed by the register. */
  laborer_name: ColumnType<string | null, string | null | undefined, string | null>;
  laborer_id_masked: ColumnType<string | null, string | null | undefined, string | null>;
  /** 20261121181500: the 统一社会信用代码 of the unit the claim pays (null for a person's own claim). */
  unit_code: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ClaimSlotsTable {
  limit_group: string;
  subject_key: string;
  window_key: string;
  slot: number;
  claim_id: Int8;
  region_code: string;
}

// 20261121140200_create_claims_cycle: events, evidence, publicity, payments, ledger.
export interface ClaimEventsTable {
  id: SerialId;
  claim_id: Int8;
  region_code: string;
  action: string;
  from_status: string | null;
  to_status: string;
  comment: Generated<string>;
  actor_id: Int8 | null;
  actor_name: string;
  at: Timestamp;
}

export type EvidenceKind = 'ticket' | 'contract' | 'payroll' | 'attendance' | 'other';

export interface ClaimEvidenceTable {
  id: SerialId;
  claim_id: Int8;
  region_code: string;
  kind: EvidenceKind;
  file_name: string;
  content_type: Generated<string>;
  size_bytes: ColumnType<string, string | number, string | number>;
  sha256: string;
  uploaded_by: Int8 | null;
  uploaded_at: Timestamp;
}

export interface PublicityListsTable {
  id: SerialId;
  region_code: string;
  title: string;
  period_from: DateCol;
  period_to: DateCol;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  created_by: Int8 | null;
  created_at: Timestamp;
  closed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: Generated<number>;
}

export type PublicityOutcome = 'listed' | 'objected' | 'approved';

export interface PublicityItemsTable {
  list_id: Int8;
  claim_id: Int8;
  region_code: string;
  amount_fen: Int8;
  outcome: ColumnType<PublicityOutcome, PublicityOutcome | undefined, PublicityOutcome>;
  objection: Generated<string>;
}

/** 'voided' (作废, migration 20261121180200): the bank did not process it; kept, never reconciled. */
export type BatchStatus = 'open' | 'exported' | 'reconciled' | 'voided';

export interface PaymentBatchesTable {
  id: SerialId;
  number: string;
  fund_source: string;
  region_code: string;
  status: ColumnType<BatchStatus, BatchStatus | undefined, BatchStatus>;
  line_count: number;
  total_fen: Int8;
  created_by: Int8 | null;
  created_at: Timestamp;
  exported_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  reconciled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: Generated<number>;
  /** 20261121180200_batch_void: why, when and by whom the batch was voided (null unless voided). */
  void_reason: ColumnType<string | null, string | null | undefined, string | null>;
  voided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  voided_by: ColumnType<string | null, string | null | undefined, string | null>;
}

/**
 * 'removed' (移出批次) and 'voided' (批次作废), migration 20261121180200: a line taken out of its
 * batch before the bank paid it; no longer live, final.
 */
export type PaymentStatus = 'pending' | 'paid' | 'failed' | 'returned' | 'recovered' | 'removed' | 'voided';

export interface PaymentsTable {
  id: SerialId;
  batch_id: Int8;
  claim_id: Int8;
  region_code: string;
  detail_no: string;
  payee_name: string;
  bank_name: string;
  bank_account: string;
  amount_fen: Int8;
  status: ColumnType<PaymentStatus, PaymentStatus | undefined, PaymentStatus>;
  failure_reason: Generated<string>;
  bank_ref: Generated<string>;
  settled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** 20261121180200_batch_void: why, when and by whom the line was removed (null unless removed). */
  removal_reason: ColumnType<string | null, string | null | undefined, string | null>;
  removed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  removed_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface LedgerEntriesTable {
  id: SerialId;
  kind: 'decided' | 'approved' | 'paid' | 'failed' | 'reversed';
  reverses: 'decided' | 'approved' | 'paid' | null;
  /** 20261121170000: why a paid amount was reversed (bank return or recovery). */
  cause: ColumnType<ReversalCauseName | null, ReversalCauseName | null | undefined, never>;
  fund_source: string;
  region_code: string;
  year: number;
  rule_id: string;
  document_code: string;
  article: string;
  claim_id: Int8;
  payment_id: Int8 | null;
  amount_fen: Int8;
  entry_date: DateCol;
  actor_id: Int8 | null;
  at: Timestamp;
}

// 20261121170000_claim_reversals: a paid amount taken back, once per payment.
export type ReversalCauseName = 'bank_return' | 'recovery';

export interface PaymentReversalsTable {
  id: SerialId;
  payment_id: Int8;
  claim_id: Int8;
  region_code: string;
  cause: ReversalCauseName;
  amount_fen: Int8;
  reason: string;
  occurred_on: DateCol;
  reference: Generated<string>;
  actor_id: Int8 | null;
  actor_name: string;
  at: Timestamp;
}

export interface ClaimsTables {
  claims: ClaimsTable;
  claim_slots: ClaimSlotsTable;
  claim_events: ClaimEventsTable;
  claim_evidence: ClaimEvidenceTable;
  publicity_lists: PublicityListsTable;
  publicity_items: PublicityItemsTable;
  payment_batches: PaymentBatchesTable;
  payments: PaymentsTable;
  ledger_entries: LedgerEntriesTable;
  payment_reversals: PaymentReversalsTable;
}
