// SQL of the subsidy cycle: claims and their slots, events and evidence, publicity lists,
// payment batches and lines, ledger entries. No business rules here.
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Scoped } from '../../db/connection.ts';
import type {
  ClaimEvidenceTable,
  ClaimStatus,
  ClaimsTable,
  LedgerEntriesTable,
  PaymentBatchesTable,
  PaymentReversalsTable,
  PaymentsTable,
  PublicityListsTable,
} from '../../db/schema-claims.ts';
import { TAKEN_OUT_PAYMENT_STATUSES } from '../../domain/claims/batch.ts';

export type ClaimRow = Selectable<ClaimsTable>;
export type EvidenceRow = Selectable<ClaimEvidenceTable>;
export type PublicityRow = Selectable<PublicityListsTable>;
export type BatchRow = Selectable<PaymentBatchesTable>;
export type PaymentRow = Selectable<PaymentsTable>;
export type LedgerInsert = Insertable<LedgerEntriesTable>;
export type ReversalRow = Selectable<PaymentReversalsTable>;

/**
 * Claims that gave back their slot: they count for nothing. A recovered claim is not among
 * them: it still counts against the frequency limit (see RELEASING_STATUSES).
 */
export const DEAD_STATUSES: ClaimStatus[] = ['refused', 'withdrawn'];

export async function nextClaimId(trx: Scoped): Promise<string> {
  const r = await sql<{ id: string }>`SELECT nextval('claims_id_seq')::text AS id`.execute(trx);
  return r.rows[0]?.id as string;
}

export async function insertClaim(trx: Scoped, row: Insertable<ClaimsTable>): Promise<ClaimRow> {
  return trx.insertInto('claims').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * Takes the first free slot 1..times of a frequency limit for the claim. A racing claim for
 * the same slot waits on the primary key until the other commits, then finds it taken.
 * Returns the slot taken, or undefined when all are taken.
 */
export async function takeSlot(
  trx: Scoped,
  s: { group: string; subjectKey: string; window: string; times: number; claimId: string; region: string },
): Promise<number | undefined> {
  for (let slot = 1; slot <= s.times; slot++) {
    const r = await trx
      .insertInto('claim_slots')
      .values({
        limit_group: s.group,
        subject_key: s.subjectKey,
        window_key: s.window,
        slot,
        claim_id: s.claimId,
        region_code: s.region,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('slot')
      .executeTakeFirst();
    if (r) return r.slot;
  }
  return undefined;
}

/**
 * Serialises the claims of one subject under one limit group until the transaction ends, so
 * that the history the engine reads is complete. Slots alone cannot do it when the rules of a
 * group count different windows (TR-HZ once a year, TR-YN once ever, both group transport).
 */
export async function lockLimitGroup(trx: Scoped, group: string, subjectKey: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`claims|${group}|${subjectKey}`}))`.execute(trx);
}

export async function releaseSlots(trx: Scoped, claimId: string): Promise<void> {
  await trx.deleteFrom('claim_slots').where('claim_id', '=', claimId).execute();
}

/** Live claims of a subject under any of `rules` (the engine's history for frequency limits). */
export async function liveClaimsOfSubject(trx: Scoped, subjectKey: string, rules: readonly string[], exceptId?: string) {
  if (rules.length === 0) return [];
  let q = trx
    .selectFrom('claims')
    .select(['id', 'number', 'rule_id', 'case_date', 'claim_year', 'amount_fen'])
    .where('subject_key', '=', subjectKey)
    .where('rule_id', 'in', [...rules])
    .where('status', 'not in', DEAD_STATUSES);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return q.execute();
}

export async function getClaim(trx: Scoped, id: string, lock = false): Promise<ClaimRow | undefined> {
  let q = trx.selectFrom('claims').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Moves a claim on only if it is still at `version` and `status`; undefined when someone else moved it first. */
export async function moveClaim(
  trx: Scoped,
  id: string,
  expect: { version: number; status: ClaimStatus },
  set: Partial<{ status: ClaimStatus; publicity_id: string | null }> & Record<string, unknown>,
): Promise<ClaimRow | undefined> {
  return trx
    .updateTable('claims')
    .set({ ...set, updated_at: sql`now()`, version: sql`version + 1` } as never)
    .where('id', '=', id)
    .where('version', '=', expect.version)
    .where('status', '=', expect.status)
    .returningAll()
    .executeTakeFirst();
}

export async function insertEvent(
  trx: Scoped,
  e: {
    claimId: string;
    region: string;
    action: string;
    from: string | null;
    to: string;
    comment: string;
    actorId: string | null;
    actorName: string;
  },
): Promise<void> {
  await trx
    .insertInto('claim_events')
    .values({
      claim_id: e.claimId,
      region_code: e.region,
      action: e.action,
      from_status: e.from,
      to_status: e.to,
      comment: e.comment,
      actor_id: e.actorId,
      actor_name: e.actorName,
    })
    .execute();
}

export async function eventsOf(trx: Scoped, claimId: string) {
  return trx.selectFrom('claim_events').selectAll().where('claim_id', '=', claimId).orderBy('id').execute();
}

export interface ClaimFilter {
  region: string;
  status?: ClaimStatus[];
  rule?: string;
  fund?: string;
  q?: string;
}

export async function listClaims(trx: Scoped, f: ClaimFilter, page: number, pageSize: number) {
  let q = trx.selectFrom('claims').where('region_code', 'like', `${f.region}%`);
  if (f.status && f.status.length > 0) q = q.where('status', 'in', f.status);
  if (f.rule) q = q.where('rule_id', '=', f.rule);
  if (f.fund) q = q.where('fund_source', '=', f.fund);
  if (f.q) q = q.where((eb) => eb.or([eb('beneficiary_name', 'like', `%${f.q}%`), eb('number', '=', f.q as string)]));
  const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const items = await q
    .selectAll()
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total.n), items };
}

export async function claimsByIds(trx: Scoped, ids: readonly string[], lock = false): Promise<ClaimRow[]> {
  if (ids.length === 0) return [];
  let q = trx
    .selectFrom('claims')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('id');
  if (lock) q = q.forUpdate();
  return q.execute();
}

export async function personIdentity(trx: Scoped, personId: string) {
  return trx
    .selectFrom('persons')
    .select(['id', 'name', 'id_number', 'village_code'])
    .where('id', '=', personId)
    .executeTakeFirst();
}

/** A laborer's spells linked to the employer registered under this credit code, and that employer. */
export async function employmentAtUnit(trx: Scoped, personId: string, creditCode: string) {
  const employer = await trx
    .selectFrom('employers')
    .select(['id', 'name'])
    .where('credit_code', '=', creditCode)
    .executeTakeFirst();
  if (!employer) return { employer: undefined, spells: [] };
  const spells = await trx
    .selectFrom('employment_spells')
    .select(['start_date', 'end_date', 'channel', 'insured'])
    .where('person_id', '=', personId)
    .where('employer_id', '=', employer.id)
    .orderBy('start_date')
    .execute();
  return { employer, spells };
}

export async function personIdentities(trx: Scoped, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return trx
    .selectFrom('persons')
    .select(['id', 'name', 'id_number', 'village_code'])
    .where('id', 'in', [...ids])
    .execute();
}

export async function regionNames(trx: Scoped, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await trx
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('code', 'in', [...new Set(codes)])
    .where('valid_to', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function regionExists(trx: Scoped, code: string): Promise<boolean> {
  const r = await trx
    .selectFrom('regions')
    .select('code')
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  return r !== undefined;
}

// ---- evidence ----

export async function insertEvidence(trx: Scoped, row: Insertable<ClaimEvidenceTable>): Promise<EvidenceRow> {
  return trx.insertInto('claim_evidence').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function evidenceOf(trx: Scoped, claimId: string): Promise<EvidenceRow[]> {
  return trx.selectFrom('claim_evidence').selectAll().where('claim_id', '=', claimId).orderBy('id').execute();
}

export async function getEvidence(trx: Scoped, claimId: string, id: string): Promise<EvidenceRow | undefined> {
  return trx.selectFrom('claim_evidence').selectAll().where('claim_id', '=', claimId).where('id', '=', id).executeTakeFirst();
}

// ---- publicity ----

export async function insertPublicity(trx: Scoped, row: Insertable<PublicityListsTable>): Promise<PublicityRow> {
  return trx.insertInto('publicity_lists').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function getPublicity(trx: Scoped, id: string, lock = false): Promise<PublicityRow | undefined> {
  let q = trx.selectFrom('publicity_lists').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listPublicity(trx: Scoped, region: string, status: 'open' | 'closed' | undefined) {
  let q = trx
    .selectFrom('publicity_lists as l')
    .selectAll('l')
    .select((eb) => [
      eb
        .selectFrom('publicity_items as i')
        .whereRef('i.list_id', '=', 'l.id')
        .select(eb.fn.countAll<string>().as('n'))
        .as('item_count'),
    ])
    .where('l.region_code', 'like', `${region}%`);
  if (status) q = q.where('l.status', '=', status);
  return q.orderBy('l.id', 'desc').limit(200).execute();
}

export async function addPublicityItems(
  trx: Scoped,
  rows: { list_id: string; claim_id: string; region_code: string; amount_fen: string }[],
): Promise<void> {
  if (rows.length > 0) await trx.insertInto('publicity_items').values(rows).execute();
}

export async function publicityItems(trx: Scoped, listId: string) {
  return trx
    .selectFrom('publicity_items as i')
    .innerJoin('claims as c', 'c.id', 'i.claim_id')
    .select([
      'i.claim_id',
      'i.outcome',
      'i.objection',
      'i.amount_fen',
      'c.number',
      'c.rule_id',
      'c.document_code',
      'c.beneficiary_name',
      'c.laborer_name',
      'c.person_id',
      'c.subject_kind',
      'c.region_code',
      'c.status',
      'c.decision',
    ])
    .where('i.list_id', '=', listId)
    .orderBy('c.region_code')
    .orderBy('c.id')
    .execute();
}

export async function setItemOutcome(
  trx: Scoped,
  listId: string,
  claimId: string,
  outcome: 'objected' | 'approved',
  objection = '',
) {
  await trx
    .updateTable('publicity_items')
    .set({ outcome, ...(objection ? { objection } : {}) })
    .where('list_id', '=', listId)
    .where('claim_id', '=', claimId)
    .execute();
}

export async function closePublicity(trx: Scoped, id: string, version: number): Promise<PublicityRow | undefined> {
  return trx
    .updateTable('publicity_lists')
    .set({ status: 'closed', closed_at: sql`now()` as never, version: sql`version + 1` as never })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

// ---- payments ----

export async function nextBatchId(trx: Scoped): Promise<string> {
  const r = await sql<{ id: string }>`SELECT nextval('payment_batches_id_seq')::text AS id`.execute(trx);
  return r.rows[0]?.id as string;
}

/** The payment queue of a fund and region, locked; rows another batch took meanwhile drop out. */
export async function payableClaims(
  trx: Scoped,
  fund: string,
  region: string,
  ids: readonly string[] | undefined,
): Promise<ClaimRow[]> {
  let q = trx
    .selectFrom('claims')
    .selectAll()
    .where('fund_source', '=', fund)
    .where('region_code', 'like', `${region}%`)
    .where('status', 'in', ['approved', 'failed']);
  if (ids !== undefined) q = q.where('id', 'in', ids.length > 0 ? [...ids] : ['0']);
  return q.orderBy('region_code').orderBy('id').forUpdate().execute();
}

export async function insertBatch(trx: Scoped, row: Insertable<PaymentBatchesTable>): Promise<BatchRow> {
  return trx.insertInto('payment_batches').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertPayments(trx: Scoped, rows: Insertable<PaymentsTable>[]): Promise<PaymentRow[]> {
  if (rows.length === 0) return [];
  return trx.insertInto('payments').values(rows).returningAll().execute();
}

export async function getBatch(trx: Scoped, id: string, lock = false): Promise<BatchRow | undefined> {
  let q = trx.selectFrom('payment_batches').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listBatches(trx: Scoped, region: string) {
  return trx
    .selectFrom('payment_batches')
    .selectAll()
    .where('region_code', 'like', `${region}%`)
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

export async function paymentsOf(trx: Scoped, batchId: string, lock = false): Promise<PaymentRow[]> {
  let q = trx.selectFrom('payments').selectAll().where('batch_id', '=', batchId).orderBy('id');
  if (lock) q = q.forUpdate();
  return q.execute();
}

/**
 * The payment lines of a claim. Lines taken out of their batch before the bank's result
 * (removed, voided) only with `withTakenOut`: the office's history shows them, while a laborer
 * or an employer sees the payments that reached the bank.
 */
export async function paymentsOfClaim(trx: Scoped, claimId: string, withTakenOut = false): Promise<PaymentRow[]> {
  let q = trx.selectFrom('payments').selectAll().where('claim_id', '=', claimId);
  if (!withTakenOut) q = q.where('status', 'not in', [...TAKEN_OUT_PAYMENT_STATUSES]);
  return q.orderBy('id').execute();
}

export async function settlePayment(
  trx: Scoped,
  id: string,
  s: { status: 'paid' | 'failed'; reason: string; bankRef: string },
): Promise<PaymentRow | undefined> {
  return trx
    .updateTable('payments')
    .set({ status: s.status, failure_reason: s.reason, bank_ref: s.bankRef, settled_at: sql`now()` as never })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

/** The claim's payment the bank confirmed (at most one: payments_live_claim_key). */
export async function paidPaymentOfClaim(trx: Scoped, claimId: string): Promise<PaymentRow | undefined> {
  return trx.selectFrom('payments').selectAll().where('claim_id', '=', claimId).where('status', '=', 'paid').executeTakeFirst();
}

/** Marks a paid payment returned or recovered; undefined when it is no longer paid. */
export async function takeBackPayment(
  trx: Scoped,
  id: string,
  status: 'returned' | 'recovered',
): Promise<PaymentRow | undefined> {
  return trx
    .updateTable('payments')
    .set({ status })
    .where('id', '=', id)
    .where('status', '=', 'paid')
    .returningAll()
    .executeTakeFirst();
}

export async function insertReversal(trx: Scoped, row: Insertable<PaymentReversalsTable>): Promise<ReversalRow> {
  return trx.insertInto('payment_reversals').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function reversalsOfClaim(trx: Scoped, claimId: string): Promise<ReversalRow[]> {
  return trx.selectFrom('payment_reversals').selectAll().where('claim_id', '=', claimId).orderBy('id').execute();
}

/** 移出批次: marks a pending line removed with the reason; undefined when it is no longer pending. */
export async function removePayment(
  trx: Scoped,
  id: string,
  r: { reason: string; actorId: string | null },
): Promise<PaymentRow | undefined> {
  return trx
    .updateTable('payments')
    .set({ status: 'removed', removal_reason: r.reason, removed_at: sql`now()` as never, removed_by: r.actorId })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

/** Takes one line's amount off an open batch at the version the officer saw; undefined when it moved on. */
export async function shrinkBatch(trx: Scoped, id: string, version: number, amountFen: string): Promise<BatchRow | undefined> {
  return trx
    .updateTable('payment_batches')
    .set({
      line_count: sql`line_count - 1`,
      total_fen: sql`total_fen - ${amountFen}::bigint`,
      version: sql`version + 1`,
    } as never)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

/** 作废批次: marks the batch voided at the version the officer saw; undefined when it moved on. */
export async function voidBatch(
  trx: Scoped,
  id: string,
  version: number,
  v: { reason: string; actorId: string | null },
): Promise<BatchRow | undefined> {
  return trx
    .updateTable('payment_batches')
    .set({
      status: 'voided',
      void_reason: v.reason,
      voided_at: sql`now()`,
      voided_by: v.actorId,
      version: sql`version + 1`,
    } as never)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', 'in', ['open', 'exported'])
    .returningAll()
    .executeTakeFirst();
}

/** Marks the still pending lines of a batch voided; returns them. */
export async function voidPayments(trx: Scoped, batchId: string): Promise<PaymentRow[]> {
  return trx
    .updateTable('payments')
    .set({ status: 'voided' })
    .where('batch_id', '=', batchId)
    .where('status', '=', 'pending')
    .returningAll()
    .execute();
}

export async function userDisplayName(trx: Scoped, id: string): Promise<string | null> {
  const r = await trx.selectFrom('users').select('display_name').where('id', '=', id).executeTakeFirst();
  return r?.display_name ?? null;
}

/** 确认导出: marks an open batch exported at the version the officer saw; undefined when it moved on. */
export async function exportBatch(trx: Scoped, id: string, version: number): Promise<BatchRow | undefined> {
  return trx
    .updateTable('payment_batches')
    .set({ status: 'exported', exported_at: sql`now()`, version: sql`version + 1` } as never)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

export async function setBatchStatus(trx: Scoped, id: string, status: 'reconciled'): Promise<void> {
  await trx
    .updateTable('payment_batches')
    .set({ status, reconciled_at: sql`now()`, version: sql`version + 1` } as never)
    .where('id', '=', id)
    .execute();
}

// ---- ledger ----

export async function appendLedger(trx: Scoped, rows: LedgerInsert[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('ledger_entries').values(rows).execute();
}

export interface LedgerFilter {
  region: string;
  year?: number;
  fund?: string;
  claimId?: string;
}

function ledgerWhere(trx: Scoped, f: LedgerFilter) {
  let q = trx.selectFrom('ledger_entries').where('ledger_entries.region_code', 'like', `${f.region}%`);
  if (f.year !== undefined) q = q.where('ledger_entries.year', '=', f.year);
  if (f.fund) q = q.where('ledger_entries.fund_source', '=', f.fund);
  if (f.claimId) q = q.where('ledger_entries.claim_id', '=', f.claimId);
  return q;
}

/** Sums per fund, region prefix, year, kind: the ledger folded in SQL, its meaning derived in the domain. */
export async function ledgerSums(trx: Scoped, f: LedgerFilter, regionLength: number) {
  // A literal, not a parameter: the same expression must appear in SELECT and GROUP BY.
  const region = sql<string>`substr(region_code, 1, ${sql.lit(Math.trunc(regionLength))})`;
  return ledgerWhere(trx, f)
    .select([
      'fund_source',
      region.as('region'),
      'year',
      'kind',
      'reverses',
      'cause',
      sql<string>`sum(amount_fen)::text`.as('fen'),
    ])
    .groupBy(['fund_source', region, 'year', 'kind', 'reverses', 'cause'])
    .execute();
}

export async function ledgerEntries(trx: Scoped, f: LedgerFilter, page: number, pageSize: number) {
  const total = await ledgerWhere(trx, f)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const items = await ledgerWhere(trx, f)
    .leftJoin('claims as c', 'c.id', 'ledger_entries.claim_id')
    .selectAll('ledger_entries')
    .select(['c.number as claim_number', 'c.beneficiary_name'])
    .orderBy('ledger_entries.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total.n), items };
}

/** Payments (and reversals of payments) dated in a period, summed per rule, document and article. */
export async function paidSums(trx: Scoped, region: string, from: string, to: string) {
  return trx
    .selectFrom('ledger_entries')
    .select([
      'rule_id',
      'document_code',
      'article',
      'kind',
      'reverses',
      'cause',
      sql<string>`count(*)::text`.as('n'),
      sql<string>`sum(amount_fen)::text`.as('fen'),
    ])
    .where('region_code', 'like', `${region}%`)
    .where('entry_date', '>=', from)
    .where('entry_date', '<=', to)
    .where((eb) => eb.or([eb('kind', '=', 'paid'), eb('reverses', '=', 'paid')]))
    .groupBy(['rule_id', 'document_code', 'article', 'kind', 'reverses', 'cause'])
    .execute();
}
