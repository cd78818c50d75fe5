// The subsidy ledger (台账): append-only entries in fen. Balances are never stored; they are
// derived from the entries, so that they always agree with what was decided and paid.

export const LEDGER_KINDS = ['decided', 'approved', 'paid', 'failed', 'reversed'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export type ReversibleKind = 'decided' | 'approved' | 'paid';

/**
 * Why a paid amount was reversed: the bank sent it back (退票 / 资金退回, the claim is owed
 * again) or an improper payment was recovered (违规资金追回, nothing is owed any more).
 * Reversals without a cause correct a decided amount (re-decided, refused, withdrawn).
 */
export const REVERSAL_CAUSES = ['bank_return', 'recovery'] as const;
export type ReversalCause = (typeof REVERSAL_CAUSES)[number];

export const REVERSAL_CAUSE_NAMES: Record<ReversalCause, string> = {
  bank_return: '资金退回',
  recovery: '违规追回',
};

/**
 * The kinds a reversal of a paid claim takes back. A bank return takes back the payment only:
 * the amount stays approved, so it is awaited again until a later batch pays it. A recovery
 * takes back the payment, the approval and the decision, so that every balance of the fund,
 * region and year reads as if the improper claim had never been owed.
 */
export function reversedKinds(cause: ReversalCause): ReversibleKind[] {
  return cause === 'bank_return' ? ['paid'] : ['paid', 'approved', 'decided'];
}

export const LEDGER_KIND_NAMES: Record<LedgerKind, string> = {
  decided: '核定',
  approved: '公示通过（应拨付）',
  paid: '已拨付',
  failed: '拨付失败',
  reversed: '冲销',
};

export interface LedgerEntry {
  kind: LedgerKind;
  /** For kind 'reversed': which kind of amount it takes back. */
  reverses?: ReversibleKind | null;
  /** For a reversal of a paid claim: a bank return or a recovery. */
  cause?: ReversalCause | null;
  fund: string;
  region: string;
  year: number;
  rule: string;
  document: string;
  article: string;
  amountFen: number;
  /** Business date (Asia/Shanghai) of the entry. */
  date: string;
  /** How many entries this one stands for when entries come pre-summed (default 1). */
  count?: number;
}

export interface Balance {
  fund: string;
  region: string;
  year: number;
  /** Amounts decided at application, less those taken back (refused, withdrawn, re-decided). */
  decidedFen: number;
  /** Amounts approved after publicity: what is owed. */
  approvedFen: number;
  /** Amounts the bank confirmed paid, less those it sent back and those recovered. */
  paidFen: number;
  /** Paid amounts the bank sent back (the claims went back to the queue). */
  returnedFen: number;
  /** Improper payments recovered (the claims ended as 违规资金已追回). */
  recoveredFen: number;
  /** Payment attempts the bank refused (the claims went back to the queue). */
  failedFen: number;
  /** Approved and not yet paid: in the queue or in a batch at the bank. */
  awaitingFen: number;
}

function signed(e: LedgerEntry): { field: 'decidedFen' | 'approvedFen' | 'paidFen' | 'failedFen'; fen: number } {
  switch (e.kind) {
    case 'decided':
      return { field: 'decidedFen', fen: e.amountFen };
    case 'approved':
      return { field: 'approvedFen', fen: e.amountFen };
    case 'paid':
      return { field: 'paidFen', fen: e.amountFen };
    case 'failed':
      return { field: 'failedFen', fen: e.amountFen };
    case 'reversed': {
      const of = e.reverses ?? 'decided';
      return { field: `${of}Fen`, fen: -e.amountFen };
    }
  }
}

/**
 * Balances per fund, region and year. `regionLength` groups regions by a prefix (6: county);
 * rows come out sorted by fund, region and year.
 */
export function deriveBalances(entries: readonly LedgerEntry[], regionLength = 6): Balance[] {
  const byKey = new Map<string, Balance>();
  for (const e of entries) {
    const region = e.region.slice(0, regionLength);
    const key = `${e.fund}|${region}|${e.year}`;
    let b = byKey.get(key);
    if (b === undefined) {
      b = {
        fund: e.fund,
        region,
        year: e.year,
        decidedFen: 0,
        approvedFen: 0,
        paidFen: 0,
        returnedFen: 0,
        recoveredFen: 0,
        failedFen: 0,
        awaitingFen: 0,
      };
      byKey.set(key, b);
    }
    const { field, fen } = signed(e);
    b[field] += fen;
    if (e.kind === 'reversed' && e.reverses === 'paid') {
      if (e.cause === 'bank_return') b.returnedFen += e.amountFen;
      if (e.cause === 'recovery') b.recoveredFen += e.amountFen;
    }
  }
  const list = [...byKey.values()];
  for (const b of list) b.awaitingFen = b.approvedFen - b.paidFen;
  return list.sort((a, b) => a.fund.localeCompare(b.fund) || a.region.localeCompare(b.region) || a.year - b.year);
}

export interface PaidByRule {
  rule: string;
  document: string;
  article: string;
  /** Number of payments (a reversal counts −1). */
  count: number;
  /** Paid in the period, less what was sent back or recovered in it. */
  paidFen: number;
  /** Sent back by the bank in the period (included in paidFen as a deduction). */
  returnedFen: number;
  /** Recovered in the period (included in paidFen as a deduction). */
  recoveredFen: number;
}

/** What was paid under which rule and article, for entries dated from..to (inclusive). */
export function paidByRule(entries: readonly LedgerEntry[], from: string, to: string): PaidByRule[] {
  const byKey = new Map<string, PaidByRule>();
  for (const e of entries) {
    if (e.date < from || e.date > to) continue;
    const sign = e.kind === 'paid' ? 1 : e.kind === 'reversed' && e.reverses === 'paid' ? -1 : 0;
    if (sign === 0) continue;
    const key = `${e.rule}|${e.document}|${e.article}`;
    const r = byKey.get(key) ?? {
      rule: e.rule,
      document: e.document,
      article: e.article,
      count: 0,
      paidFen: 0,
      returnedFen: 0,
      recoveredFen: 0,
    };
    r.count += sign * (e.count ?? 1);
    r.paidFen += sign * e.amountFen;
    if (sign < 0 && e.cause === 'bank_return') r.returnedFen += e.amountFen;
    if (sign < 0 && e.cause === 'recovery') r.recoveredFen += e.amountFen;
    byKey.set(key, r);
  }
  return [...byKey.values()].sort((a, b) => a.document.localeCompare(b.document) || a.rule.localeCompare(b.rule));
}
