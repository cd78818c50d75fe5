// The ledger (台账) as people read it: balances per fund, region and year derived from the
// append-only entries (domain/claims/ledger), the entries themselves, and the report of what
// was paid under which rule and article in a period.
import { type Database, inScope } from '../../db/connection.ts';
import {
  deriveBalances,
  LEDGER_KIND_NAMES,
  type LedgerEntry,
  paidByRule,
  REVERSAL_CAUSE_NAMES,
} from '../../domain/claims/ledger.ts';
import { formatFen } from '../../domain/money.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { isIsoDate } from '../../domain/rules/facts.ts';
import { findRule } from '../../domain/rules/index.ts';
import type { Actor } from '../auth/actor.ts';
import { regionsRepository } from '../regions/index.ts';
import { catalog } from '../rules/index.ts';
import { fundName } from './claims.presenter.ts';
import * as repo from './claims.repository.ts';
import { invalid, regionWithin } from './claims.service.ts';

export interface LedgerQuery {
  region?: string;
  year?: number;
  fund?: string;
  claimId?: string;
  /** Group balances by regions of this many digits (2, 4, 6, 9, 12); default: county (6) or the region asked for. */
  level?: number;
  page: number;
  pageSize: number;
}

const yuan = (fen: number) => formatFen(fen);

export async function readLedger(database: Database, actor: Actor, q: LedgerQuery) {
  const region = regionWithin(actor, q.region);
  const regionLength = q.level ?? Math.max(6, Math.min(region.length, 12));
  const filter = {
    region,
    ...(q.year !== undefined ? { year: q.year } : {}),
    ...(q.fund ? { fund: q.fund } : {}),
    ...(q.claimId ? { claimId: q.claimId } : {}),
  };
  return inScope(database.kysely, actor.scope, async (trx) => {
    const sums = await repo.ledgerSums(trx, filter, regionLength);
    const entries: LedgerEntry[] = sums.map((s) => ({
      kind: s.kind,
      reverses: s.reverses,
      cause: s.cause,
      fund: s.fund_source,
      region: s.region,
      year: s.year,
      rule: '',
      document: '',
      article: '',
      amountFen: Number(s.fen),
      date: '',
    }));
    const { total, items } = await repo.ledgerEntries(trx, filter, q.page, q.pageSize);
    const balances = deriveBalances(entries, regionLength);
    // Today's names: a village renamed since keeps its code, and the code is shown beside the name.
    const names = await regionsRepository.namesOn(
      trx,
      [...balances.map((b) => b.region), ...items.map((e) => e.region_code)],
      todayInShanghai(),
    );
    return {
      balances: balances.map((b) => ({
        ...b,
        regionName: names.get(b.region) ?? null,
        fundName: fundName(b.fund),
        decidedYuan: yuan(b.decidedFen),
        approvedYuan: yuan(b.approvedFen),
        paidYuan: yuan(b.paidFen),
        returnedYuan: yuan(b.returnedFen),
        recoveredYuan: yuan(b.recoveredFen),
        failedYuan: yuan(b.failedFen),
        awaitingYuan: yuan(b.awaitingFen),
      })),
      entries: {
        total,
        page: q.page,
        pageSize: q.pageSize,
        items: items.map((e) => ({
          id: e.id,
          kind: e.kind,
          kindName:
            e.kind === 'reversed' && e.reverses
              ? `${e.cause ? `${REVERSAL_CAUSE_NAMES[e.cause]}：` : ''}${LEDGER_KIND_NAMES.reversed}（${LEDGER_KIND_NAMES[e.reverses]}）`
              : LEDGER_KIND_NAMES[e.kind],
          reverses: e.reverses,
          cause: e.cause,
          fund: e.fund_source,
          fundName: fundName(e.fund_source),
          region: e.region_code,
          regionName: names.get(e.region_code) ?? null,
          year: e.year,
          rule: e.rule_id,
          document: e.document_code,
          article: e.article,
          claimId: e.claim_id,
          claimNumber: e.claim_number,
          beneficiaryName: e.beneficiary_name,
          paymentId: e.payment_id,
          amountFen: Number(e.amount_fen),
          amountYuan: yuan(Number(e.amount_fen)),
          date: e.entry_date,
          at: new Date(e.at).toISOString(),
        })),
      },
    };
  });
}

export async function paymentReport(database: Database, actor: Actor, q: { region?: string; from: string; to: string }) {
  const problems = [
    ...(isIsoDate(q.from) ? [] : [{ field: 'from', label: '开始日期', message: '应为有效日期', value: q.from }]),
    ...(isIsoDate(q.to) ? [] : [{ field: 'to', label: '截止日期', message: '应为有效日期', value: q.to }]),
  ];
  if (problems.length > 0) throw invalid('拨付报表', problems);
  const region = regionWithin(actor, q.region);
  const cat = await catalog();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const sums = await repo.paidSums(trx, region, q.from, q.to);
    const rows = paidByRule(
      sums.map((s) => ({
        kind: s.kind,
        reverses: s.reverses,
        cause: s.cause,
        fund: '',
        region,
        year: 0,
        rule: s.rule_id,
        document: s.document_code,
        article: s.article,
        amountFen: Number(s.fen),
        count: Number(s.n),
        date: q.from,
      })),
      q.from,
      q.to,
    );
    const items = rows.map((r) => {
      const rule = findRule(cat, r.rule);
      return {
        ...r,
        ruleTitle: rule?.title ?? r.rule,
        documentNumber: rule?.document.number ?? '',
        articleText: rule?.document.articles[r.article] ?? '',
        paidYuan: yuan(r.paidFen),
        returnedYuan: yuan(r.returnedFen),
        recoveredYuan: yuan(r.recoveredFen),
      };
    });
    const totalFen = rows.reduce((s, r) => s + r.paidFen, 0);
    const returnedFen = rows.reduce((s, r) => s + r.returnedFen, 0);
    const recoveredFen = rows.reduce((s, r) => s + r.recoveredFen, 0);
    return { region, from: q.from, to: q.to, items, totalFen, totalYuan: yuan(totalFen), returnedFen, recoveredFen };
  });
}
