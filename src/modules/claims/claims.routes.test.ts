// The subsidy cycle through the API for Huize laborers (会泽县 堂琅社区), transport subsidy
// TR-HZ (会政发〔2018〕20号 第16条) in 2019: apply, review, publicity, payment, ledger.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.ts';
import {
  api,
  expectLedgerMatchesBatches,
  exportBatch,
  OUT_OF_PROVINCE,
  shanghaiDay,
  transportClaim,
} from '../../../test/claims/helpers.ts';
import { type BuiltPerson, buildHousehold, buildUser, creditCode, loginAs, VILLAGES } from '../../../test/factories.ts';
import { type Database, inScope } from '../../db/connection.ts';
import { parseCsv } from '../../domain/claims/bank-file.ts';
import { verifyAuditChain } from '../audit/audit.repository.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let people: BuiltPerson[];
const as: Record<string, Record<string, string>> = {};
let call: ReturnType<typeof api>;

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  const db = database.kysely;
  people = (
    await buildHousehold(db, {
      village: VILLAGES.tanglang,
      members: [
        { name: '陈国华' },
        { name: '李秀英', sex: '女', birth: '1988-02-11' },
        { name: '陈志强', birth: '1995-07-20', relationship: '子' },
        { name: '=HYPERLINK("http://x")', birth: '1990-01-01', relationship: '其他' },
        { name: '陈小梅', sex: '女', birth: '1998-09-09', relationship: '女' },
      ],
    })
  ).persons;
  await buildUser(db, { username: 'huize', role: 'county', region: '530326' });
  await buildUser(db, { username: 'huize2', role: 'county', region: '530326' });
  await buildUser(db, { username: 'tanglang', role: 'village', region: VILLAGES.tanglang });
  await buildUser(db, { username: 'auditor', role: 'auditor', region: '530326' });
  await buildUser(db, { username: 'keqi', role: 'county', region: '150425' });
  for (const u of ['huize', 'huize2', 'tanglang', 'auditor', 'keqi']) as[u] = await loginAs(app, u);
  call = api(app, as);
});
afterAll(() => close());

const person = (i: number) => people[i] as BuiltPerson;
const person0 = () => person(0).id;

async function apply(user: string, i: number, o: Parameters<typeof transportClaim>[1] = {}) {
  return call.post(user, '/api/claims', transportClaim(person(i).id, o));
}

async function act(user: string, id: string, body: Record<string, unknown>) {
  return call.post(user, `/api/claims/${id}/actions`, body);
}

async function claim(id: string) {
  return (await call.get('huize', `/api/claims/${id}`)).json();
}

describe('applying (申报)', () => {
  it('a village collector applies for a Huize laborer: the engine decides 480 yuan and cites 第16条', async () => {
    const res = await apply('tanglang', 0);
    expect(res.statusCode).toBe(201);
    const { claim: c, decision } = res.json();
    expect(c).toMatchObject({
      rule: 'TR-HZ',
      document: 'HZ-2018-20',
      region: VILLAGES.tanglang,
      beneficiaryName: '陈国华',
      amountFen: 48000,
      amountYuan: '480.00',
      fund: 'employment_fund',
      status: 'submitted',
      year: 2019,
      version: 1,
      bankAccount: '***************5678',
    });
    expect(c.number).toMatch(/^BT2019-\d{6}$/);
    expect(c.parameterVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(decision.citations).toContainEqual({ document: 'HZ-2018-20', article: '第16条' });
    const detail = await claim(c.id);
    expect(detail.decision.parameterVersion).toBe(c.parameterVersion);
    expect(detail.events).toMatchObject([{ action: 'submit', to: 'submitted', actorName: 'tanglang(tanglang)' }]);
  });

  it('a second transport claim for the same person and year is refused naming the person, the rule and the year', async () => {
    const res = await apply('huize', 0, { caseDate: '2019-09-15' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CLAIM_LIMIT_REACHED');
    expect(res.json().message).toContain('陈国华');
    expect(res.json().message).toContain('2019 年');
    expect(res.json().message).toContain('TR-HZ');
    // The next year is another window.
    const next = await apply('huize', 0, { caseDate: '2020-02-01' });
    expect(next.statusCode).toBe(201);
  });

  it('a refused decision is refused with the reason and the citations (2 months of stable work)', async () => {
    const res = await apply('tanglang', 1, { facts: { ...OUT_OF_PROVINCE, stableMonths: 2 } });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('CLAIM_NOT_ELIGIBLE');
    expect(body.message).toContain('稳定就业3个月以上');
    expect(body.details.decision.citations).toContainEqual({ document: 'HZ-2018-20', article: '政策问答十一' });
    // The whole decision, so the form can draw it as 试算 does (rule, scope, fund, amounts).
    expect(body.details.decision).toMatchObject({ rule: 'TR-HZ', inForce: { region: '530326' }, fund: 'employment_fund' });
    expect((await call.get('huize', `/api/claims?q=${encodeURIComponent('李秀英')}`)).json().total).toBe(0);
  });

  it('outside the period, without a ticket price, or with a malformed fact, nothing is stored', async () => {
    const late = await apply('tanglang', 1, { caseDate: '2021-01-01' });
    expect(late.statusCode).toBe(422);
    expect(late.json().message).toContain('不在有效期内');
    const noTicket = await apply('tanglang', 1, {
      facts: { registeredPoor: true, migrant: true, workRegion: '省外', stableMonths: 3 },
    });
    expect(noTicket.statusCode).toBe(422);
    expect(noTicket.json().code).toBe('CLAIM_AMOUNT_UNDETERMINED');
    expect(noTicket.json().message).toContain('最高 500.00 元');
    const bad = await apply('tanglang', 1, { facts: { ...OUT_OF_PROVINCE, stableMonths: 'three' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect(bad.json().details.problems[0]).toMatchObject({ field: 'facts.stableMonths', label: '稳定就业月数' });
    expect(bad.json().message).toContain('李秀英');
  });

  it('bank details are checked; the auditor may not apply; another county cannot see the claims', async () => {
    const res = await call.post('tanglang', '/api/claims', { ...transportClaim(person(1).id), bankAccount: '12-34' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.problems[0]).toMatchObject({ field: 'bankAccount', label: '银行账号' });
    expect((await apply('auditor', 1)).statusCode).toBe(403);
    expect((await apply('keqi', 1)).statusCode).toBe(404);
    expect((await call.get('keqi', '/api/claims')).json().total).toBe(0);
    expect((await call.get('auditor', '/api/claims')).json().total).toBeGreaterThan(0);
    const queue = (await call.get('huize', '/api/claims?status=submitted,returned')).json();
    expect(queue.items.every((c: { status: string }) => ['submitted', 'returned'].includes(c.status))).toBe(true);
    expect((await call.get('huize', '/api/claims?status=paid,lost')).statusCode).toBe(400);
    const openapi = (await call.get('huize', '/api/openapi.json')).json();
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/api/claims',
        '/api/claims/{id}/actions',
        '/api/publicity',
        '/api/payment-batches',
        '/api/ledger',
      ]),
    );
  });
});

describe('applying for a unit', () => {
  const cooperative = { kind: 'employer', name: '会泽县堂琅种植专业合作社', key: creditCode('93530326MA6K12345') };
  const absorption = (o: Record<string, unknown> = {}) => ({
    rule: 'ABS-HZ',
    subject: cooperative,
    region: '530326001',
    caseDate: '2019-12-31',
    facts: { inCountyEmployer: true, newStablePoor: 3 },
    bankName: '会泽县农村信用合作联社',
    bankAccount: '2000012345678901',
    ...o,
  });

  it('an employer absorbing 3 registered poor laborers stable for a year is decided 3 × 2000 yuan, once that year', async () => {
    const res = await call.post('huize', '/api/claims', absorption());
    expect(res.statusCode).toBe(201);
    expect(res.json().claim).toMatchObject({
      subjectKind: 'employer',
      subjectKey: cooperative.key,
      beneficiaryName: cooperative.name,
      amountFen: 600000,
      region: '530326001',
    });
    const again = await call.post('huize', '/api/claims', absorption({ facts: { inCountyEmployer: true, newStablePoor: 1 } }));
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain(cooperative.name);
    expect(again.json().message).toContain('2019 年');
  });

  it('names what is missing or wrong about the unit, and keeps units inside the scope', async () => {
    const bad = await call.post(
      'huize',
      '/api/claims',
      absorption({ subject: { ...cooperative, key: '123' }, region: undefined }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.problems.map((p: { field: string }) => p.field)).toEqual(['subject.key', 'region']);
    expect(bad.json().message).toContain('统一社会信用代码');
    const person = await call.post('huize', '/api/claims', { ...transportClaim(person0()), personId: undefined });
    expect(person.json().message).toContain('须从台账中选择劳动力');
    expect((await call.post('huize', '/api/claims', absorption({ region: '150425100' }))).statusCode).toBe(403);
  });
});

describe('review (审核)', () => {
  let id: string;
  beforeAll(async () => {
    id = (await apply('tanglang', 2)).json().claim.id;
  });

  it('only the county office reviews, and the auditor only reads', async () => {
    const village = await act('tanglang', id, { action: 'review', version: 1 });
    expect(village.statusCode).toBe(403);
    expect(village.json().message).toContain('县级就业部门');
    expect((await act('auditor', id, { action: 'review', version: 1 })).statusCode).toBe(403);
    const detail = await claim(id);
    expect(detail.claim.actions.map((a: { action: string }) => a.action)).toEqual(['review', 'return', 'refuse', 'withdraw']);
  });

  it('returning needs a reason; the applicant corrects the ticket price and the amount is decided again', async () => {
    expect((await act('huize', id, { action: 'return', version: 1 })).json().message).toContain('须填写意见');
    const ret = await act('huize', id, { action: 'return', version: 1, comment: '车票金额与复印件不符' });
    expect(ret.json()).toMatchObject({ status: 'returned', version: 2 });
    const re = await act('tanglang', id, {
      action: 'resubmit',
      version: 2,
      facts: { ...OUT_OF_PROVINCE, ticketPriceFen: 45000 },
    });
    expect(re.statusCode).toBe(200);
    expect(re.json()).toMatchObject({ status: 'submitted', amountFen: 45000, version: 3 });
    const ledger = (await call.get('huize', `/api/ledger?claimId=${id}`)).json();
    expect(ledger.entries.items.map((e: { kind: string; amountFen: number }) => `${e.kind} ${e.amountFen}`).reverse()).toEqual([
      'decided 48000',
      'reversed 48000',
      'decided 45000',
    ]);
    expect(ledger.balances[0]).toMatchObject({ decidedFen: 45000, approvedFen: 0, region: '530326', regionName: '会泽县' });
    // Each entry names its village as well as its code.
    expect(ledger.entries.items[0]).toMatchObject({ region: VILLAGES.tanglang, regionName: '堂琅社区居民委员会' });
  });

  it('an action on a stale version is refused; the current one passes', async () => {
    const stale = await act('huize', id, { action: 'review', version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CLAIM_VERSION_CONFLICT');
    const ok = await act('huize', id, { action: 'review', version: 3, comment: '材料齐全' });
    expect(ok.json()).toMatchObject({ status: 'reviewed', version: 4 });
    const events = (await claim(id)).events.map((e: { action: string; comment: string }) => `${e.action}:${e.comment}`);
    expect(events).toEqual(['submit:', 'return:车票金额与复印件不符', 'resubmit:', 'review:材料齐全']);
  });

  it('withdrawing gives the year back: the laborer may apply again', async () => {
    const c = (await apply('tanglang', 4)).json().claim;
    expect((await apply('tanglang', 4)).statusCode).toBe(409);
    const w = await act('tanglang', c.id, { action: 'withdraw', version: 1, comment: '申请人放弃' });
    expect(w.json().status).toBe('withdrawn');
    const again = await apply('tanglang', 4);
    expect(again.statusCode).toBe(201);
    const refused = await act('huize', again.json().claim.id, { action: 'refuse', version: 1, comment: '未能提供务工收入证明' });
    expect(refused.json().status).toBe('refused');
    const ledger = (await call.get('huize', `/api/ledger?claimId=${again.json().claim.id}`)).json();
    expect(ledger.balances[0].decidedFen).toBe(0);
  });
});

describe('evidence files', () => {
  it('uploads a ticket, lists it on the claim and downloads the same bytes', async () => {
    const id = (await call.get('huize', `/api/claims?q=${encodeURIComponent('陈志强')}`)).json().items[0].id;
    const content = Buffer.from('实名制车票：会泽-深圳 480元');
    const up = await call.upload(
      'tanglang',
      `/api/claims/${id}/evidence`,
      { kind: 'ticket' },
      { name: '车票.jpg', content, type: 'image/jpeg' },
    );
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ kind: 'ticket', kindName: '车票', fileName: '车票.jpg', sizeBytes: content.length });
    expect(up.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    const detail = await claim(id);
    expect(detail.evidence).toHaveLength(1);
    const down = await call.get('auditor', detail.evidence[0].url);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(content)).toBe(true);
    expect(down.headers['x-content-sha256']).toBe(up.json().sha256);
    const bad = await call.upload('tanglang', `/api/claims/${id}/evidence`, { kind: 'selfie' }, { name: 'a.jpg', content });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('材料类型');
  });
});

describe('publicity, payment and the ledger', () => {
  let ids: string[];
  let listId: string;

  beforeAll(async () => {
    // 陈志强 (reviewed above, 450), the laborer with a formula-looking name (480), 李秀英 (300 in 昆明).
    const a = (await call.get('huize', `/api/claims?q=${encodeURIComponent('陈志强')}`)).json().items[0];
    const b = (await apply('tanglang', 3)).json().claim;
    const c = (await apply('tanglang', 1, { facts: { ...OUT_OF_PROVINCE, workRegion: '530102', ticketPriceFen: 35000 } })).json()
      .claim;
    expect(c.amountFen).toBe(30000);
    await act('huize', b.id, { action: 'review', version: 1 });
    await act('huize', c.id, { action: 'review', version: 1 });
    ids = [a.id, b.id, c.id];
  });

  it('only reviewed claims are published; the list cannot be closed before its period ends', async () => {
    const submitted = (await apply('huize', 0, { caseDate: '2020-06-01' })).statusCode;
    expect(submitted).toBe(409); // 2020 is already taken by the claim above
    const early = await call.post('huize', '/api/publicity', {
      region: '530326',
      title: '会泽县2019年外出务工交通补助公示（第一批）',
      from: shanghaiDay(-1),
      to: shanghaiDay(6),
      claimIds: ids,
    });
    expect(early.statusCode).toBe(201);
    const closeEarly = await call.post('huize', `/api/publicity/${early.json().list.id}/close`, {});
    expect(closeEarly.statusCode).toBe(409);
    expect(closeEarly.json().code).toBe('PUBLICITY_NOT_EXPIRED');
    // An objection during the period returns the claim; the others stay on the list.
    const obj = await call.post('huize', `/api/publicity/${early.json().list.id}/objections`, {
      claimId: ids[2],
      comment: '群众反映未外出务工',
    });
    expect(obj.json()).toMatchObject({ status: 'returned' });
    const again = await call.post('huize', '/api/publicity', {
      region: '530326',
      title: '重复',
      from: '2019-01-01',
      to: '2019-01-02',
      claimIds: [ids[0]],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('公示中');
    listId = early.json().list.id;
  });

  it('exports the list to Excel with formula-looking text neutralised, and prints it', async () => {
    const res = await call.get('auditor', `/api/publicity/${listId}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = (book.getWorksheet('公示名单')?.getSheetValues() ?? []) as unknown[][];
    const cells = rows.flatMap((r) => (Array.isArray(r) ? r : []));
    expect(cells).toContain(`'=HYPERLINK("http://x")`);
    expect(cells).toContain('外出务工交通补助（会泽县）');
    expect(cells).toContain('会政发〔2018〕20号 第16条');
    const print = await call.get('huize', `/api/publicity/${listId}/print`);
    expect(print.headers['content-type']).toContain('text/html');
    expect(print.body).toContain('=HYPERLINK(&#34;http://x&#34;)');
    expect(print.body).toContain('有异议，已退回');
  });

  it('after the period the list closes, its claims are approved; a batch pays them; a failed line goes back to the queue and is paid after a voided batch', async () => {
    // Move the period into the past as the system clock would (the list was published for a week).
    await sql`UPDATE publicity_lists SET period_from = ${shanghaiDay(-8)}, period_to = ${shanghaiDay(-1)} WHERE id = ${listId}`.execute(
      database.kysely,
    );
    const closed = await call.post('huize', `/api/publicity/${listId}/close`, {});
    expect(closed.statusCode).toBe(200);
    expect(closed.json().approved.sort()).toEqual([ids[0], ids[1]].sort());
    expect((await claim(ids[0] as string)).claim.status).toBe('approved');

    expect((await call.post('tanglang', '/api/payment-batches', { fund: 'employment_fund', region: '530326' })).statusCode).toBe(
      403,
    );
    const batch = await call.post('huize', '/api/payment-batches', { fund: 'employment_fund', region: '530326' });
    expect(batch.statusCode).toBe(201);
    expect(batch.json().batch).toMatchObject({ lineCount: 2, totalFen: 93000, status: 'open' });
    const batchId = batch.json().batch.id;
    const empty = await call.post('huize', '/api/payment-batches', { fund: 'employment_fund', region: '530326' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().code).toBe('BATCH_EMPTY');

    // The file is downloaded once the batch is exported (确认导出), and the download changes nothing.
    const early = await call.get('huize', `/api/payment-batches/${batchId}/bank-file.csv`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('BATCH_NOT_EXPORTED');
    expect((await exportBatch(call, 'huize', batchId)).batch).toMatchObject({
      status: 'exported',
      exportedAt: expect.any(String),
    });
    const file = await call.get('huize', `/api/payment-batches/${batchId}/bank-file.csv`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    const rows = parseCsv(file.body);
    expect(rows[0]).toEqual(['序号', '户名', '账号', '开户行', '金额(元)', '用途', '明细号']);
    expect(
      rows
        .slice(1)
        .map((r) => r[4])
        .sort(),
    ).toEqual(['450.00', '480.00']);
    expect(file.body).toContain(`"'=HYPERLINK(""http://x"")"`);
    const [good, bad] = rows.slice(1) as string[][];
    // 用途 names the rule as the claim was decided, not as a later release of the catalogue calls it.
    const setTitle = (title: string) =>
      sql`UPDATE claims SET decision = jsonb_set(decision, '{title}', to_jsonb(${title}::text)) WHERE id = ${ids[0]}`.execute(
        database.kysely,
      );
    const decided = await sql<{ t: string }>`SELECT decision->>'title' AS t FROM claims WHERE id = ${ids[0]}`.execute(
      database.kysely,
    );
    await setTitle('一次性交通补助（决定时名称）');
    const again = parseCsv((await call.get('huize', `/api/payment-batches/${batchId}/bank-file.csv`)).body);
    expect(again.slice(1).some((r) => r[5]?.startsWith('一次性交通补助（决定时名称） '))).toBe(true);
    await setTitle(decided.rows[0]?.t ?? '');

    const result = `明细号,结果,失败原因,银行流水号\r\n${good?.[6]},成功,,B20190601001\r\n${bad?.[6]},失败,户名与账号不符,\r\n`;
    const bytes = Buffer.from(result);
    const rec = await call.upload('huize', `/api/payment-batches/${batchId}/result`, {}, { name: '回盘.csv', content: bytes });
    expect(rec.statusCode).toBe(200);
    expect(rec.json()).toMatchObject({ paid: 1, failed: 1, unchanged: 0, pending: 0, batch: { status: 'reconciled' } });
    // The same file again books nothing twice.
    const twice = await call.upload('huize', `/api/payment-batches/${batchId}/result`, {}, { name: '回盘.csv', content: bytes });
    expect(twice.json()).toMatchObject({ paid: 0, failed: 0, unchanged: 2 });
    // A contradicting result is refused, naming the line.
    const flip = `明细号,结果,失败原因,银行流水号\r\n${good?.[6]},失败,退票,\r\n`;
    const refused = await call.upload(
      'huize',
      `/api/payment-batches/${batchId}/result`,
      {},
      { name: '回盘2.csv', content: flip },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('第 2 行');

    const view = (await call.get('huize', `/api/payment-batches/${batchId}`)).json();
    expect(view.reconciliation).toMatchObject({ paid: 1, failed: 1, pending: 0 });
    const failed = view.payments.find((p: { status: string }) => p.status === 'failed');
    expect(failed.failureReason).toBe('户名与账号不符');
    expect((await claim(failed.claimId)).claim.status).toBe('failed');

    // The failed claim is paid in a later batch, after the bank details are corrected.
    const failedClaim = (await claim(failed.claimId)).claim;
    expect(
      (
        await call.post('tanglang', `/api/claims/${failed.claimId}/bank-account`, {
          bankName: '农行',
          bankAccount: '6228480086099998888',
          version: failedClaim.version,
        })
      ).statusCode,
    ).toBe(403);
    const fixed = await call.post('huize', `/api/claims/${failed.claimId}/bank-account`, {
      bankName: '中国农业银行会泽县支行',
      bankAccount: '6228 4800 8609 9998 888',
      version: failedClaim.version,
      comment: '申请人提供新卡',
    });
    expect(fixed.json()).toMatchObject({ status: 'failed', bankAccount: '***************8888' });
    const second = await call.post('huize', '/api/payment-batches', { fund: 'employment_fund', region: '530326' });
    expect(second.json().batch).toMatchObject({ lineCount: 1 });
    expect(second.json().payments[0]).toMatchObject({ claimId: failed.claimId, bankAccount: '***************8888' });
    const secondId = second.json().batch.id;
    await exportBatch(call, 'huize', secondId);
    // The bank rejects that file as a whole: the batch is voided and the claim waits again, unpaid.
    const exported = (await call.get('huize', `/api/payment-batches/${secondId}`)).json().batch;
    const voided = await call.post('huize', `/api/payment-batches/${secondId}/void`, {
      reason: '银行整批退回：代发文件未加盖公章',
      version: exported.version,
    });
    expect(voided.json()).toMatchObject({ batch: { status: 'voided' }, reconciliation: { voided: 1, pending: 0 } });
    expect((await claim(failed.claimId)).claim.status).toBe('approved');
    const third = await call.post('huize', '/api/payment-batches', { fund: 'employment_fund', region: '530326' });
    const line = third.json().payments[0];
    expect(line).toMatchObject({ claimId: failed.claimId, bankAccount: '***************8888' });
    await exportBatch(call, 'huize', third.json().batch.id);
    const ok = `明细号,结果,失败原因,银行流水号\r\n${line.detailNo},成功,,B20190701002\r\n`;
    expect(
      (
        await call.upload('huize', `/api/payment-batches/${third.json().batch.id}/result`, {}, { name: 'r.csv', content: ok })
      ).json().paid,
    ).toBe(1);
  });

  it('the ledger balances match the payment batches exactly, and the report cites rule and article', async () => {
    const ledger = (await call.get('auditor', '/api/ledger?year=2019&fund=employment_fund')).json();
    const b = ledger.balances.find((x: { region: string }) => x.region === '530326');
    const batches = (await call.get('huize', '/api/payment-batches')).json();
    let paid = 0;
    let failed = 0;
    for (const batch of batches) {
      const view = (await call.get('huize', `/api/payment-batches/${batch.id}`)).json();
      paid += view.reconciliation.paidFen;
      failed += view.reconciliation.failedFen;
    }
    expect(batches.map((x: { status: string }) => x.status).sort()).toEqual(['reconciled', 'reconciled', 'voided']);
    expect(b.paidFen).toBe(paid);
    expect(b.failedFen).toBe(failed);
    expect(b.paidFen).toBe(93000);
    expect(b.approvedFen).toBe(93000);
    expect([45000, 48000]).toContain(b.failedFen);
    expect(b.awaitingFen).toBe(0);
    await expectLedgerMatchesBatches(call, 'auditor', { region: '530326', fund: 'employment_fund', year: 2019 });
    const today = shanghaiDay(0);
    const report = (await call.get('auditor', `/api/ledger/report?region=530326&from=${today}&to=${today}`)).json();
    expect(report.items).toEqual([
      expect.objectContaining({
        rule: 'TR-HZ',
        document: 'HZ-2018-20',
        article: '第16条',
        count: 2,
        paidFen: 93000,
        documentNumber: '会政发〔2018〕20号',
      }),
    ]);
    expect(report.totalYuan).toBe('930.00');
  });

  it('the ledger is append-only and every step is in the audit chain', async () => {
    await expect(sql`UPDATE ledger_entries SET amount_fen = 1`.execute(database.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM ledger_entries`.execute(database.kysely)).rejects.toThrow(/append-only/);
    const chain = await verifyAuditChain(database.kysely);
    expect(chain.ok).toBe(true);
    const actions = await database.kysely.selectFrom('audit_log').select('action').distinct().execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'claim.submit',
        'claim.review',
        'claim.publish',
        'claim.approve',
        'claim.batch',
        'claim.pay',
        'claim.fail',
        'claim.batch_void',
        'publicity.close',
        'payment_batch.export',
        'payment_batch.download',
        'payment_batch.reconcile',
        'payment_batch.void',
      ]),
    );
  });

  it('row-level security hides the cycle of another county even from a query without a filter', async () => {
    const tables = [
      'claims',
      'claim_slots',
      'claim_events',
      'claim_evidence',
      'publicity_lists',
      'publicity_items',
      'payment_batches',
      'payments',
      'ledger_entries',
    ] as const;
    for (const table of tables) {
      const count = async (scope: string) =>
        inScope(database.kysely, scope, async (trx) =>
          Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(trx)).rows[0]?.n),
        );
      expect(await count('530326'), table).toBeGreaterThan(0);
      expect(await count('150425'), table).toBe(0);
    }
  });
});
