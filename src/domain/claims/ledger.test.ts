import { describe, expect, it } from 'vitest';
import { deriveBalances, type LedgerEntry, paidByRule, reversedKinds } from './ledger.ts';

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
        returnedFen: 0,
        recoveredFen: 0,
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
        returnedFen: 0,
        recoveredFen: 0,
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

  it('a bank return puts the amount back in the queue; paying it again leaves one payment, as the bank did', () => {
    const returned = reversedKinds('bank_return').map((k) => e({ kind: 'reversed', reverses: k, cause: 'bank_return' }));
    const entries = [e({ kind: 'decided' }), e({ kind: 'approved' }), e({ kind: 'paid' }), ...returned];
    expect(deriveBalances(entries)[0]).toMatchObject({
      decidedFen: 48000,
      approvedFen: 48000,
      paidFen: 0,
      returnedFen: 48000,
      awaitingFen: 48000,
    });
    expect(deriveBalances([...entries, e({ kind: 'paid' })])[0]).toMatchObject({
      paidFen: 48000,
      returnedFen: 48000,
      awaitingFen: 0,
    });
  });

  it('a recovered improper payment leaves nothing decided, owed or paid, and shows what was recovered', () => {
    const recovered = reversedKinds('recovery').map((k) => e({ kind: 'reversed', reverses: k, cause: 'recovery' }));
    const [b] = deriveBalances([e({ kind: 'decided' }), e({ kind: 'approved' }), e({ kind: 'paid' }), ...recovered]);
    expect(b).toMatchObject({ decidedFen: 0, approvedFen: 0, paidFen: 0, recoveredFen: 48000, awaitingFen: 0 });
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
      { rule: 'TR-HZ', document: 'HZ-2018-20', article: '第16条', count: 2, paidFen: 78000, returnedFen: 0, recoveredFen: 0 },
      { rule: 'TR-YN', document: 'YN-2018-68', article: '一', count: 1, paidFen: 20000, returnedFen: 0, recoveredFen: 0 },
    ]);
  });

  it('deducts returns and recoveries dated in the period, and names them', () => {
    const entries = [
      e({ kind: 'paid', amountFen: 48000, date: '2019-05-01' }),
      e({ kind: 'paid', amountFen: 30000, date: '2019-05-02' }),
      e({ kind: 'reversed', reverses: 'paid', cause: 'bank_return', amountFen: 48000, date: '2019-05-10' }),
      e({ kind: 'paid', amountFen: 48000, date: '2019-05-20' }),
      e({ kind: 'reversed', reverses: 'paid', cause: 'recovery', amountFen: 30000, date: '2019-06-03' }),
      e({ kind: 'reversed', reverses: 'approved', cause: 'recovery', amountFen: 30000, date: '2019-06-03' }),
    ];
    expect(paidByRule(entries, '2019-05-01', '2019-05-31')).toEqual([
      { rule: 'TR-HZ', document: 'HZ-2018-20', article: '第16条', count: 2, paidFen: 78000, returnedFen: 48000, recoveredFen: 0 },
    ]);
    expect(paidByRule(entries, '2019-06-01', '2019-06-30')).toEqual([
      {
        rule: 'TR-HZ',
        document: 'HZ-2018-20',
        article: '第16条',
        count: -1,
        paidFen: -30000,
        returnedFen: 0,
        recoveredFen: 30000,
      },
    ]);
  });
});
