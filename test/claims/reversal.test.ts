// Taking back paid money, as the Huize county employment office meets it: the bank returns a
// transport subsidy it had reported paid (the card was closed later), and the county pays it
// again to a new card; an improper payment (冒名顶替 found by audit) is recovered and the claim
// ends. The ledger's paid balance keeps matching the payment batches; two officers reversing
// the same payment at once end with one reversal (overlapping on PostgreSQL with DATABASE_URL).
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, inScope } from '../../src/db/connection.ts';
import { verifyAuditChain } from '../../src/modules/audit/audit.repository.ts';
import { createTestApp } from '../app.ts';
import { type BuiltPerson, buildHousehold, VILLAGES } from '../factories.ts';
import {
  approvedClaims as approvedClaimsOf,
  bankFileDetailNos,
  type Call,
  expectLedgerMatchesBatches,
  importResult,
  OUT_OF_PROVINCE,
  paidResult,
  paymentOffices,
  shanghaiDay,
  transportClaim,
} from './helpers.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let people: BuiltPerson[];
let call: Call;
const today = shanghaiDay(0);

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  people = (
    await buildHousehold(database.kysely, {
      village: VILLAGES.tanglang,
      members: [
        { name: '杨正发' },
        { name: '杨秀兰', sex: '女', birth: '1987-04-04' },
        { name: '杨文才', birth: '1994-05-05', relationship: '子' },
        { name: '杨文秀', sex: '女', birth: '1997-07-07', relationship: '女' },
        { name: '杨文武', birth: '2000-10-10', relationship: '子' },
      ],
    })
  ).persons;
  call = await paymentOffices(app, database);
});
afterAll(() => close());

const person = (i: number) => (people[i] as BuiltPerson).id;

async function detail(id: string) {
  return (await call.get('huize', `/api/claims/${id}`)).json();
}

/** Sends a batch's bank file and reads back a result where every line is paid. */
async function payBatch(batchId: string) {
  const detailNos = await bankFileDetailNos(call, 'huize', batchId);
  const res = await importResult(call, 'huize', batchId, paidResult(batchId, detailNos));
  expect(res.statusCode, res.body).toBe(200);
}

/** Applies for TR-HZ for these laborers and takes the claims through review and publicity (approved, owed). */
function approvedClaims(indexes: number[], facts = OUT_OF_PROVINCE): Promise<string[]> {
  return approvedClaimsOf(call, database, { village: 'tanglang', county: 'huize', personIds: indexes.map(person), facts });
}

/** ... and then pays them in one batch. */
async function paidClaims(indexes: number[], facts = OUT_OF_PROVINCE): Promise<string[]> {
  const ids = await approvedClaims(indexes, facts);
  const batch = await call.post('huize', '/api/payment-batches', { fund: 'employment_fund', region: '530326', claimIds: ids });
  expect(batch.statusCode, batch.body).toBe(201);
  await payBatch(batch.json().batch.id);
  return ids;
}

const codes = (responses: { statusCode: number }[]) => responses.map((r) => r.statusCode).sort();

describe('资金退回: the bank sends back a payment it had reported successful', () => {
  let id: string;
  let firstBatch: string;
  beforeAll(async () => {
    [id] = (await paidClaims([0])) as [string];
    firstBatch = (await detail(id)).payments[0].batchId;
  });

  it('only the county office records it, with a reason and a date not before the payment, at the version it saw', async () => {
    const c = (await detail(id)).claim;
    expect(c.status).toBe('paid');
    expect(c.reversalActions.map((a: { action: string }) => a.action)).toEqual(['bank_return', 'recover']);
    const body = { version: c.version, reason: '收款账户已销户', date: today };
    const village = await call.post('tanglang', `/api/claims/${id}/bank-return`, body);
    expect(village.statusCode).toBe(403);
    expect(village.json().message).toContain('县级就业部门');
    expect((await call.post('auditor', `/api/claims/${id}/bank-return`, body)).statusCode).toBe(403);
    const elsewhere = await call.post('keqi', `/api/claims/${id}/bank-return`, body);
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().message).toContain('不在您的管辖范围内');

    const noReason = await call.post('huize', `/api/claims/${id}/bank-return`, { ...body, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain('杨正发');
    expect(noReason.json().details.problems[0]).toMatchObject({ field: 'reason', label: '退回原因' });
    const early = await call.post('huize', `/api/claims/${id}/bank-return`, { ...body, date: shanghaiDay(-1) });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain(`退回日期不能早于拨付日期 ${today}`);
    const stale = await call.post('huize', `/api/claims/${id}/bank-return`, { ...body, version: c.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CLAIM_VERSION_CONFLICT');
    expect((await detail(id)).claim.status).toBe('paid');
  });

  it('reverses the paid amount, marks the line returned and puts the claim back in the payment queue', async () => {
    const c = (await detail(id)).claim;
    const res = await call.post('huize', `/api/claims/${id}/bank-return`, {
      version: c.version,
      reason: '收款账户已销户',
      date: today,
      reference: 'TP20190705001',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'failed', statusName: '拨付失败或资金退回，待重新拨付' });
    const d = await detail(id);
    expect(d.payments).toMatchObject([{ status: 'returned', statusName: '已拨付，资金退回' }]);
    expect(d.reversals).toMatchObject([
      {
        cause: 'bank_return',
        causeName: '资金退回',
        amountFen: 48000,
        reason: '收款账户已销户',
        date: today,
        reference: 'TP20190705001',
      },
    ]);
    expect(d.events.at(-1)).toMatchObject({ action: 'bank_return', actionName: '资金退回', from: 'paid', to: 'failed' });
    expect(d.events.at(-1).comment).toContain('银行退票流水号 TP20190705001');
    const ledger = (await call.get('huize', `/api/ledger?claimId=${id}`)).json();
    expect(ledger.balances[0]).toMatchObject({ approvedFen: 48000, paidFen: 0, returnedFen: 48000, awaitingFen: 48000 });
    expect(ledger.entries.items[0]).toMatchObject({
      kind: 'reversed',
      cause: 'bank_return',
      kindName: '资金退回：冲销（已拨付）',
    });

    const again = await call.post('huize', `/api/claims/${id}/bank-return`, {
      version: res.json().version,
      reason: '重复',
      date: today,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('只有「已拨付」的申请可以资金退回');
    // Importing the bank's original result again changes nothing and is not a contradiction.
    const csv = (await call.get('huize', `/api/payment-batches/${firstBatch}/bank-file.csv`)).body;
    const detailNo = csv.split('\r\n')[1]?.split(',').at(-1);
    const original = `明细号,结果,失败原因,银行流水号\r\n${detailNo},成功,,B${firstBatch}-0\r\n`;
    const reimport = await call.upload(
      'huize',
      `/api/payment-batches/${firstBatch}/result`,
      {},
      { name: '回盘.csv', content: original },
    );
    expect(reimport.json()).toMatchObject({ paid: 0, unchanged: 1 });
    const view = (await call.get('huize', `/api/payment-batches/${firstBatch}`)).json();
    expect(view.reconciliation).toMatchObject({ paid: 0, returned: 1, paidFen: 0, returnedFen: 48000 });
  });

  it('the county corrects the card and a new batch pays it once; paid totals equal the batches’ successful lines minus returns', async () => {
    const c = (await detail(id)).claim;
    const fixed = await call.post('huize', `/api/claims/${id}/bank-account`, {
      bankName: '中国农业银行会泽县支行',
      bankAccount: '6228480086055556666',
      version: c.version,
      comment: '申请人补办新卡',
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const batch = await call.post('huize', '/api/payment-batches', { fund: 'employment_fund', region: '530326', claimIds: [id] });
    expect(batch.statusCode, batch.body).toBe(201);
    expect(batch.json().payments[0]).toMatchObject({ bankAccount: '***************6666', amountFen: 48000 });
    // Still never two live payments of one claim.
    await expect(
      database.kysely
        .insertInto('payments')
        .values({
          batch_id: batch.json().batch.id,
          claim_id: id,
          region_code: VILLAGES.tanglang,
          detail_no: 'X-1',
          payee_name: '杨正发',
          bank_name: '农行',
          bank_account: '6228480086055556666',
          amount_fen: 48000,
        })
        .execute(),
    ).rejects.toThrow(/payments_live_claim_key/);
    await payBatch(batch.json().batch.id);
    expect((await detail(id)).claim.status).toBe('paid');

    const ledger = (await call.get('auditor', '/api/ledger?year=2019&fund=employment_fund')).json();
    const b = ledger.balances.find((x: { region: string }) => x.region === '530326');
    let successful = 0;
    let returned = 0;
    let stillPaid = 0;
    for (const batchRow of (await call.get('huize', '/api/payment-batches')).json()) {
      const r = (await call.get('huize', `/api/payment-batches/${batchRow.id}`)).json().reconciliation;
      successful += r.paidFen + r.returnedFen + r.recoveredFen;
      returned += r.returnedFen + r.recoveredFen;
      stillPaid += r.paidFen;
    }
    expect(b.paidFen).toBe(successful - returned);
    expect(b.paidFen).toBe(stillPaid);
    expect(b.returnedFen).toBe(48000);
    expect(b.awaitingFen).toBe(0);
    await expectLedgerMatchesBatches(call, 'auditor', { region: '530326', fund: 'employment_fund', year: 2019 });
    const report = (await call.get('auditor', `/api/ledger/report?region=530326&from=${today}&to=${today}`)).json();
    expect(report.items[0]).toMatchObject({ rule: 'TR-HZ', count: 1, paidFen: 48000, returnedFen: 48000, recoveredFen: 0 });
    expect(report.totalFen).toBe(b.paidFen);
  });
});

describe('违规追回: an improper payment is recovered', () => {
  let id: string;
  beforeAll(async () => {
    [id] = (await paidClaims([1])) as [string];
  });

  it('ends the claim, reverses decided, approved and paid, and keeps the laborer’s slot for the year', async () => {
    const c = (await detail(id)).claim;
    const noDate = await call.post('huize', `/api/claims/${id}/recovery`, { version: c.version, reason: '冒名顶替', date: '' });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().details.problems[0]).toMatchObject({ field: 'date', label: '追回日期' });
    const res = await call.post('huize', `/api/claims/${id}/recovery`, {
      version: c.version,
      reason: '冒名顶替，经县审计局查实，本人未外出务工',
      date: today,
      reference: '会人社追〔2019〕3号',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'recovered', statusName: '违规资金已追回', actions: [], reversalActions: [] });
    const d = await detail(id);
    expect(d.payments).toMatchObject([{ status: 'recovered' }]);
    expect(d.reversals).toMatchObject([{ cause: 'recovery', reference: '会人社追〔2019〕3号' }]);
    const ledger = (await call.get('huize', `/api/ledger?claimId=${id}`)).json();
    expect(ledger.balances[0]).toMatchObject({ decidedFen: 0, approvedFen: 0, paidFen: 0, recoveredFen: 48000, awaitingFen: 0 });
    expect(
      ledger.entries.items
        .slice(0, 3)
        .map((e: { reverses: string }) => e.reverses)
        .sort(),
    ).toEqual(['approved', 'decided', 'paid']);

    const again = await call.post('tanglang', '/api/claims', transportClaim(person(1), { caseDate: '2019-10-01' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CLAIM_LIMIT_REACHED');
    expect(again.json().message).toContain(d.claim.number);
  });

  it('is in the audit chain, and another county sees none of it', async () => {
    expect((await verifyAuditChain(database.kysely)).ok).toBe(true);
    const actions = await database.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['payment.bank_return', 'payment.recover', 'claim.bank_return', 'claim.recover'])
      .distinct()
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual([
      'claim.bank_return',
      'claim.recover',
      'payment.bank_return',
      'payment.recover',
    ]);
    const count = (scope: string) =>
      inScope(database.kysely, scope, async (trx) =>
        Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM payment_reversals`.execute(trx)).rows[0]?.n),
      );
    expect(await count('530326')).toBe(2);
    expect(await count('150425')).toBe(0);
    await expect(sql`UPDATE payment_reversals SET reason = 'x'`.execute(database.kysely)).rejects.toThrow(/append-only/);
  });

  it('both steps are described in /api/openapi.json', async () => {
    const paths = (await call.get('huize', '/api/openapi.json')).json().paths;
    expect(paths['/api/claims/{id}/bank-return'].post.summary).toContain('资金退回');
    expect(paths['/api/claims/{id}/recovery'].post.requestBody.content['application/json'].schema.required).toEqual([
      'version',
      'reason',
      'date',
    ]);
  });
});

describe('two officers take back the same payment at once', () => {
  it('two bank returns: one succeeds, the other is told someone else acted; the amount is reversed once', async () => {
    const [id] = (await paidClaims([2])) as [string];
    const version = (await detail(id as string)).claim.version;
    const res = await Promise.all(
      ['huize', 'huize2'].map((u) =>
        call.post(u, `/api/claims/${id}/bank-return`, { version, reason: `${u}：账户冻结`, date: today }),
      ),
    );
    expect(codes(res)).toEqual([200, 409]);
    expect(res.find((r) => r.statusCode === 409)?.json().code).toBe('CLAIM_VERSION_CONFLICT');
    const reversed = await database.kysely
      .selectFrom('ledger_entries')
      .select('amount_fen')
      .where('claim_id', '=', id as string)
      .where('kind', '=', 'reversed')
      .execute();
    expect(reversed).toEqual([{ amount_fen: '48000' }]);
  });

  it('a bank return and a recovery at once: exactly one of them happens', async () => {
    const [id] = (await paidClaims([3])) as [string];
    const version = (await detail(id as string)).claim.version;
    const res = await Promise.all([
      call.post('huize', `/api/claims/${id}/bank-return`, { version, reason: '退票', date: today }),
      call.post('huize2', `/api/claims/${id}/recovery`, { version, reason: '冒名顶替', date: today }),
    ]);
    expect(codes(res)).toEqual([200, 409]);
    const winner = res.find((r) => r.statusCode === 200)?.json().status;
    expect((await detail(id as string)).claim.status).toBe(winner);
    const reversals = await database.kysely
      .selectFrom('payment_reversals')
      .select('cause')
      .where('claim_id', '=', id as string)
      .execute();
    expect(reversals).toHaveLength(1);
  });
});

describe('不予通过 after publicity: what is found before the money leaves stops the claim there', () => {
  it('refuses an approved claim with a reason, takes back the approved and decided amounts and frees the slot', async () => {
    const [id] = (await approvedClaims([4])) as [string];
    const c = (await detail(id)).claim;
    expect(c.status).toBe('approved');
    const noReason = await call.post('huize', `/api/claims/${id}/actions`, { action: 'refuse', version: c.version });
    expect(noReason.statusCode).toBe(409);
    const res = await call.post('huize', `/api/claims/${id}/actions`, {
      action: 'refuse',
      version: c.version,
      comment: '核查发现本人未外出务工',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('refused');
    const entries = await database.kysely
      .selectFrom('ledger_entries')
      .select(['kind', 'reverses', 'amount_fen'])
      .where('claim_id', '=', id)
      .orderBy('id')
      .execute();
    expect(entries.map((e) => `${e.kind}:${e.reverses ?? ''}`)).toEqual([
      'decided:',
      'approved:',
      'reversed:approved',
      'reversed:decided',
    ]);
    // Nothing of it is owed any more, and the laborer may apply again for the year.
    const again = await call.post('tanglang', '/api/claims', transportClaim(person(4)));
    expect(again.statusCode, again.body).toBe(201);
  });
});
