// Employers applying for their own subsidies (用人单位自行申报) through the API: a Huize
// cooperative claims 用工补贴 ABS-HZ (会政发〔2018〕20号 第16条) for itself, a Huize labor
// company names a laborer by ID number and name for 社会保险补贴 SI-YN (云人社通〔2018〕68号 四),
// the county office reviews them in its normal queue, returns one for correction, and the
// employer corrects and resubmits. Nobody sees another employer's claims or the register.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.ts';
import { api } from '../../../test/claims/helpers.ts';
import { type BuiltPerson, buildHousehold, buildUser, loginAs, VILLAGES } from '../../../test/factories.ts';
import type { Database } from '../../db/connection.ts';
import { makeIdNumber } from '../../domain/idcard/gb11643.ts';
import { creditCheckChar } from '../../domain/jobs/credit-code.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
const as: Record<string, Record<string, string>> = {};
let call: ReturnType<typeof api>;
let poor: BuiltPerson;
let monitored: BuiltPerson;

const code = (org: string) => {
  const first = `91530326${org}`;
  return first + creditCheckChar(first);
};
const COOP = { name: '会泽县堂琅种植专业合作社', code: code('MA6K1234X'), region: '530326001' };
const LABOR = { name: '会泽县诚信劳务有限公司', code: code('MA6K5678Y'), region: '530326' };
const WORKSHOP = { name: '会泽县堂琅帮扶车间', code: code('MA6K9012W'), region: '530326001' };
const bank = { bankName: '会泽县农村信用合作联社', bankAccount: '2000012345678901' };

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  const db = database.kysely;
  poor = (await buildHousehold(db, { village: VILLAGES.tanglang, members: [{ name: '陈国华' }] })).persons[0] as BuiltPerson;
  monitored = (await buildHousehold(db, { village: VILLAGES.tanglang, type: '监测对象', members: [{ name: '王小五' }] }))
    .persons[0] as BuiltPerson;
  await buildUser(db, { username: 'huize', role: 'county', region: '530326' });
  as.huize = await loginAs(app, 'huize');
  call = api(app, as);
  for (const [user, e, workshop] of [
    ['coop', COOP, false],
    ['labor', LABOR, false],
    ['workshop', WORKSHOP, true],
  ] as const) {
    const row = await db
      .insertInto('employers')
      .values({ credit_code: e.code, name: e.name, region_code: e.region, is_workshop: workshop })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await call.post('huize', `/api/employers/${row.id}/accounts`, { username: user, password: 'Unit@2026pass' });
    expect(res.statusCode, res.body).toBe(201);
    as[user] = await loginAs(app, user, 'Unit@2026pass');
  }
});
afterAll(() => close());

const absorption = (o: Record<string, unknown> = {}) => ({
  rule: 'ABS-HZ',
  caseDate: '2019-12-31',
  facts: { inCountyEmployer: true, newStablePoor: 2 },
  ...bank,
  ...o,
});
const insurance = (laborer: { idNumber: string; name: string }, facts: Record<string, unknown> = {}) => ({
  rule: 'SI-YN',
  caseDate: '2019-06-30',
  laborer,
  facts: {
    laborCompany: true,
    contractMonths: 24,
    monthsClaimed: 6,
    monthsAlreadySubsidised: 0,
    monthlyContributionFen: 45000,
    ...facts,
  },
  ...bank,
});

describe('the subsidies an employer may apply for', () => {
  it('lists the rules whose subject its own unit can be, with their document and article', async () => {
    const coop = (await call.get('coop', '/api/employer/claim-rules')).json();
    expect(coop.employer).toMatchObject({ name: COOP.name, creditCode: COOP.code, region: COOP.region, isWorkshop: false });
    const ids = coop.items.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['ABS-HZ', 'ABS-HZ-RELOC', 'SI-YN']));
    // Not a workshop, not a person's subsidy, not another province's.
    expect(ids).not.toContain('WS-YN');
    expect(ids).not.toContain('TR-HZ');
    expect(ids).not.toContain('POST-HN');
    const abs = coop.items.find((r: { id: string }) => r.id === 'ABS-HZ');
    expect(abs.document).toMatchObject({ code: 'HZ-2018-20', number: '会政发〔2018〕20号' });
    expect(abs.articles[0]).toMatchObject({ document: 'HZ-2018-20', article: '第16条' });
    expect(abs.namesLaborer).toBe(false);
    const si = coop.items.find((r: { id: string }) => r.id === 'SI-YN');
    expect(si.namesLaborer).toBe(true);
    // Who the laborer is comes from the register, not from the employer.
    expect(si.facts.map((f: { name: string }) => f.name)).not.toContain('registeredPoor');
    const workshop = (await call.get('workshop', '/api/employer/claim-rules')).json();
    expect(workshop.items.map((r: { id: string }) => r.id)).toContain('WS-YN');
    expect((await call.get('huize', '/api/employer/claim-rules')).statusCode).toBe(403);
  });
});

describe('applying for its own unit', () => {
  it('the cooperative claims ABS-HZ for itself: decided 2 × 2000 yuan citing 第16条, in the county queue as 单位自行申报', async () => {
    const res = await call.post('coop', '/api/employer/claims', absorption());
    expect(res.statusCode, res.body).toBe(201);
    const { claim, decision } = res.json();
    expect(claim).toMatchObject({
      rule: 'ABS-HZ',
      beneficiaryName: COOP.name,
      subjectKey: COOP.code,
      region: COOP.region,
      amountFen: 400000,
      status: 'submitted',
      applicantName: '单位自行申报',
      bankAccount: '************8901',
    });
    expect(decision.status).toBe('eligible');
    expect(decision.citations).toContainEqual({ document: 'HZ-2018-20', article: '第16条' });
    expect(decision.parameterVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(claim.actions.map((a: { action: string }) => a.action)).toEqual(['withdraw']);

    const queue = (await call.get('huize', '/api/claims?status=submitted')).json();
    const mine = queue.items.find((c: { id: string }) => c.id === claim.id);
    expect(mine).toMatchObject({
      applicant: 'employer',
      applicantName: '单位自行申报',
      parameterVersion: decision.parameterVersion,
    });
    const detail = (await call.get('huize', `/api/claims/${claim.id}`)).json();
    expect(detail.events).toMatchObject([{ action: 'submit', actorName: `${COOP.name}(coop)` }]);
    const ledger = await database.kysely
      .selectFrom('ledger_entries')
      .select(['kind', 'amount_fen', 'article', 'region_code'])
      .where('claim_id', '=', claim.id)
      .execute();
    expect(ledger).toEqual([{ kind: 'decided', amount_fen: '400000', article: '第16条', region_code: COOP.region }]);
    const audit = await database.kysely
      .selectFrom('audit_log')
      .select(['action', 'region_code'])
      .where('entity', '=', 'claim')
      .where('entity_id', '=', claim.id)
      .execute();
    expect(audit).toEqual([{ action: 'claim.submit', region_code: COOP.region }]);
  });

  it('a second ABS-HZ that year is refused naming the unit and the year', async () => {
    const res = await call.post(
      'coop',
      '/api/employer/claims',
      absorption({ facts: { inCountyEmployer: true, newStablePoor: 1 } }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CLAIM_LIMIT_REACHED');
    expect(res.json().message).toContain(COOP.name);
    expect(res.json().message).toContain('2019 年');
  });

  it('a rule the facts fail is refused with the reason and the article', async () => {
    const res = await call.post(
      'labor',
      '/api/employer/claims',
      absorption({ facts: { inCountyEmployer: false, newStablePoor: 2 } }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('CLAIM_NOT_ELIGIBLE');
    expect(res.json().message).toContain('县内用工主体');
    expect(res.json().details.decision.citations).toContainEqual({ document: 'HZ-2018-20', article: '第16条' });
    expect((await call.get('labor', '/api/employer/claims')).json().total).toBe(0);
  });

  it('cannot apply for another unit: no subject in the body, no workshop award unless recognised, not through /api/claims', async () => {
    const other = await call.post(
      'coop',
      '/api/employer/claims',
      absorption({ subject: { kind: 'employer', name: LABOR.name, key: LABOR.code } }),
    );
    expect(other.statusCode).toBe(400);
    const ws = await call.post('coop', '/api/employer/claims', {
      rule: 'WS-YN',
      caseDate: '2019-12-31',
      facts: { ruralSite: true, poorLaborers: 6, shortestContractMonths: 6, shortestWorkedMonths: 6, wageAtLeastMinimum: true },
      ...bank,
    });
    expect(ws.statusCode).toBe(403);
    expect(ws.json().code).toBe('CLAIM_SUBJECT_NOT_ALLOWED');
    expect(ws.json().message).toContain('未被认定为帮扶车间');
    const officerWay = await call.post('coop', '/api/claims', {
      ...absorption(),
      subject: { kind: 'employer', name: LABOR.name, key: LABOR.code },
      region: '530326',
    });
    expect(officerWay.statusCode).toBe(403);
    const byWorkshop = await call.post('workshop', '/api/employer/claims', {
      rule: 'WS-YN',
      caseDate: '2019-12-31',
      facts: { ruralSite: true, poorLaborers: 6, shortestContractMonths: 6, shortestWorkedMonths: 6, wageAtLeastMinimum: true },
      ...bank,
    });
    expect(byWorkshop.statusCode, byWorkshop.body).toBe(201);
    expect(byWorkshop.json().claim).toMatchObject({ beneficiaryName: WORKSHOP.name, amountFen: 600000 });
  });
});

describe('naming a laborer by ID number and name', () => {
  it('SI-YN for a registered poor laborer: the register confirms who it is, the employer gets back only what it typed', async () => {
    const res = await call.post('labor', '/api/employer/claims', insurance({ idNumber: poor.idNumber, name: '陈国华' }));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.claim).toMatchObject({
      beneficiaryName: LABOR.name,
      laborerName: '陈国华',
      laborerIdNumber: `${poor.idNumber.slice(0, 6)}********${poor.idNumber.slice(-4)}`,
      amountFen: 270000,
    });
    expect(body.decision.citations).toContainEqual({ document: 'YN-2018-68', article: '四' });
    expect(Object.keys(body.facts).sort()).toEqual(
      ['contractMonths', 'laborCompany', 'monthlyContributionFen', 'monthsAlreadySubsidised', 'monthsClaimed'].sort(),
    );
    // Nothing the register holds (age, sex, household, village) comes back.
    expect(res.body).not.toContain(poor.villageCode);
    expect(res.body).not.toContain(poor.idNumber);
    const checks = body.decision.trace.filter((s: { kind: string }) => s.kind === 'check');
    expect(checks.map((s: { label: string }) => s.label)).toContain('招收贫困劳动力');
    expect(checks.every((s: object) => !('value' in s))).toBe(true);
  });

  it('the register, not the employer, says whether the laborer is registered poor', async () => {
    const res = await call.post(
      'labor',
      '/api/employer/claims',
      insurance({ idNumber: monitored.idNumber, name: '王小五' }, { registeredPoor: true }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('CLAIM_NOT_ELIGIBLE');
    expect(res.json().message).toContain('招收贫困劳动力');
  });

  it('a wrong ID number and name pair is refused naming the fields, never saying whose the ID number is', async () => {
    const wrongName = await call.post('labor', '/api/employer/claims', insurance({ idNumber: poor.idNumber, name: '陈国强' }));
    expect(wrongName.statusCode).toBe(422);
    expect(wrongName.json().code).toBe('LABORER_NOT_MATCHED');
    expect(wrongName.json().message).toContain('劳动力身份证号');
    expect(wrongName.body).not.toContain('陈国华');
    expect(wrongName.json().details.problems.map((p: { field: string }) => p.field)).toEqual([
      'laborer.idNumber',
      'laborer.name',
    ]);
    const unknown = await call.post(
      'labor',
      '/api/employer/claims',
      insurance({ idNumber: makeIdNumber('530326', '1990-01-01', 999, '男'), name: '陈国强' }),
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().message).toBe(wrongName.json().message);
    const badCheck = `${poor.idNumber.slice(0, 17)}${poor.idNumber.endsWith('0') ? '1' : '0'}`;
    const malformed = await call.post('labor', '/api/employer/claims', insurance({ idNumber: badCheck, name: '陈国华' }));
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().details.problems[0]).toMatchObject({ field: 'laborer.idNumber', label: '劳动力身份证号' });
    const none = await call.post('labor', '/api/employer/claims', {
      ...insurance({ idNumber: '', name: '' }),
      laborer: undefined,
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toContain('身份证号和姓名');
  });
});

describe('what an employer sees', () => {
  it('only its own claims, never another employer’s nor the register', async () => {
    const coopList = (await call.get('coop', '/api/employer/claims')).json();
    expect(coopList.items.map((c: { beneficiaryName: string }) => c.beneficiaryName)).toEqual([COOP.name]);
    const laborClaim = (await call.get('labor', '/api/employer/claims')).json().items[0];
    expect((await call.get('coop', `/api/employer/claims/${laborClaim.id}`)).statusCode).toBe(404);
    expect((await call.get('coop', `/api/claims/${laborClaim.id}`)).statusCode).toBe(403);
    expect((await call.get('coop', '/api/claims')).statusCode).toBe(403);
    const laborers = await call.get('coop', '/api/laborers');
    expect(laborers.statusCode === 403 || laborers.json().total === 0).toBe(true);
    expect((await call.get('coop', `/api/laborers/${poor.id}`)).statusCode).toBeGreaterThanOrEqual(403);
  });

  it('uploads its contract and payroll to its own claims only', async () => {
    const mine = (await call.get('labor', '/api/employer/claims')).json().items[0];
    const up = await call.upload(
      'labor',
      `/api/employer/claims/${mine.id}/evidence`,
      { kind: 'contract' },
      {
        name: '劳动合同-陈国华.pdf',
        content: '%PDF-1.4 contract',
        type: 'application/pdf',
      },
    );
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ kindName: '劳动合同', url: `/api/employer/claims/${mine.id}/evidence/${up.json().id}` });
    const down = await call.get('labor', up.json().url);
    expect(down.body).toBe('%PDF-1.4 contract');
    const foreign = await call.upload(
      'coop',
      `/api/employer/claims/${mine.id}/evidence`,
      { kind: 'payroll' },
      {
        name: 'x.xlsx',
        content: 'x',
      },
    );
    expect(foreign.statusCode).toBe(404);
    const county = (await call.get('huize', `/api/claims/${mine.id}`)).json();
    expect(county.evidence.map((e: { fileName: string }) => e.fileName)).toEqual(['劳动合同-陈国华.pdf']);
  });
});

describe('return for correction (退回修改) and resubmission', () => {
  it('the county returns the claim with a comment; the employer corrects the count and resubmits', async () => {
    const mine = (await call.get('coop', '/api/employer/claims')).json().items[0];
    const returned = await call.post('huize', `/api/claims/${mine.id}/actions`, {
      action: 'return',
      version: mine.version,
      comment: '工资表显示稳定就业一年以上的只有3人以外另有1人，请核实人数',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const detail = (await call.get('coop', `/api/employer/claims/${mine.id}`)).json();
    expect(detail.claim).toMatchObject({ status: 'returned', statusName: '退回修改' });
    expect(detail.claim.actions.map((a: { action: string }) => a.action)).toEqual(['resubmit', 'withdraw']);
    expect(detail.events.at(-1)).toMatchObject({ action: 'return', comment: expect.stringContaining('请核实人数') });
    expect(detail.facts).toEqual({ inCountyEmployer: true, newStablePoor: 2 });

    const stale = await call.post('coop', `/api/employer/claims/${mine.id}/actions`, { action: 'resubmit', version: 1 });
    expect(stale.statusCode).toBe(409);
    const again = await call.post('coop', `/api/employer/claims/${mine.id}/actions`, {
      action: 'resubmit',
      version: detail.claim.version,
      comment: '已按工资表更正为3人',
      facts: { inCountyEmployer: true, newStablePoor: 3 },
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'submitted', amountFen: 600000 });
    const ledger = await database.kysely
      .selectFrom('ledger_entries')
      .select(['kind', 'amount_fen'])
      .where('claim_id', '=', mine.id)
      .orderBy('id')
      .execute();
    expect(ledger).toEqual([
      { kind: 'decided', amount_fen: '400000' },
      { kind: 'reversed', amount_fen: '400000' },
      { kind: 'decided', amount_fen: '600000' },
    ]);
    // The county cannot be bypassed: an employer may not review its own claim.
    const review = await call.post('coop', `/api/employer/claims/${mine.id}/actions`, { action: 'review', version: 3 });
    expect(review.statusCode).toBe(400);
  });

  it('withdrawing gives back the yearly slot, so the employer may apply again', async () => {
    const mine = (await call.get('coop', '/api/employer/claims')).json().items[0];
    const w = await call.post('coop', `/api/employer/claims/${mine.id}/actions`, { action: 'withdraw', version: mine.version });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json().status).toBe('withdrawn');
    const other = (await call.get('labor', '/api/employer/claims')).json().items[0];
    const foreign = await call.post('coop', `/api/employer/claims/${other.id}/actions`, {
      action: 'withdraw',
      version: other.version,
    });
    expect(foreign.statusCode).toBe(404);
    const again = await call.post('coop', '/api/employer/claims', absorption());
    expect(again.statusCode, again.body).toBe(201);
  });

  it('the employer routes appear in the OpenAPI document', async () => {
    const openapi = (await call.get('huize', '/api/openapi.json')).json();
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/api/employer/claims', '/api/employer/claims/{id}/actions', '/api/employer/claim-rules']),
    );
  });
});
