import { describe, expect, it } from 'vitest';
import { deriveBalances, type LedgerEntry, paidByRule } from './ledger.ts';

const e = (o: Partial<LedgerEntry>): LedgerEntry => ({
  kind: 'decided',
  fund: 'employment_fund',
  region: '530326001001',
  year: 2019,
  rule: 'TR-HZ',
  document: 'HZ-2018-20',
  article: '第16条',
  amountFen: 48000,
  date: '2019-05-01',
  ...o,
});

describe('ledger balances', () => {
  it('derives decided, approved, paid, failed and awaiting per fund, county and year', () => {
    const entries = [
      e({ kind: 'decided', amountFen: 48000 }),
      e({ kind: 'decided', amountFen: 30000, region: '530326001002' }),
      e({ kind: 'decided', amountFen: 10000 }),
      e({ kind: 'reversed', reverses: 'decided', amountFen: 10000 }),
      e({ kind: 'approved', amountFen: 48000 }),
      e({ kind: 'approved', amountFen: 30000 }),
      e({ kind: 'paid', amountFen: 48000 }),
      e({ kind: 'failed', amountFen: 30000 }),
      e({ kind: 'decided', amountFen: 50000, year: 2020 }),
    ];
    expect(deriveBalances(entries)).toEqual([
      {
        fund: 'employment_fund',
        region: '530326',
        year: 2019,
        decidedFen: 78000,
        approvedFen: 78000,
        paidFen: 48000,
        failedFen: 30000,
        awaitingFen: 30000,
      },
      {
        fund: 'employment_fund',
        region: '530326',
        year: 2020,
        decidedFen: 50000,
        approvedFen: 0,
        paidFen: 0,
        failedFen: 0,
        awaitingFen: 0,
      },
    ]);
  });

  it('keeps funds and villages apart when asked for villages', () => {
    const b = deriveBalances([e({}), e({ fund: 'county_finance' }), e({ region: '530326001002' })], 12);
    expect(b.map((x) => `${x.fund} ${x.region}`)).toEqual([
      'county_finance 530326001001',
      'employment_fund 530326001001',
      'employment_fund 530326001002',
    ]);
  });

  it('a reversed payment lowers what was paid and raises what is awaited', () => {
    const [b] = deriveBalances([e({ kind: 'approved' }), e({ kind: 'paid' }), e({ kind: 'reversed', reverses: 'paid' })]);
    expect(b).toMatchObject({ approvedFen: 48000, paidFen: 0, awaitingFen: 48000 });
  });
});

describe('report of payments by rule and article', () => {
  it('sums payments dated in the period, by document, rule and article', () => {
    const entries = [
      e({ kind: 'paid', amountFen: 48000, date: '2019-05-01' }),
      e({ kind: 'paid', amountFen: 30000, date: '2019-05-31' }),
      e({ kind: 'paid', amountFen: 50000, date: '2019-06-01' }),
      e({ kind: 'approved', amountFen: 99900, date: '2019-05-02' }),
      e({ kind: 'paid', rule: 'TR-YN', document: 'YN-2018-68', article: '一', amountFen: 20000, date: '2019-05-10' }),
    ];
    expect(paidByRule(entries, '2019-05-01', '2019-05-31')).toEqual([
      { rule: 'TR-HZ', document: 'HZ-2018-20', article: '第16条', count: 2, paidFen: 78000 },
      { rule: 'TR-YN', document: 'YN-2018-68', article: '一', count: 1, paidFen: 20000 },
    ]);
  });
});
