// 政策找单位 over the employers of 龙山县 (Hunan) for the post subsidy POST-HN (湖南 二（三）1): a
// registered poor laborer at an employer, linked to it, 12 months in post and insured, is listed
// "to verify" the labor contract, up to 1500 yuan; one too short in post, uninsured, not of a
// 脱贫户, or only named (not linked) is not; one already claimed for that year by any employer is
// counted apart; the list exports; a unit rule claimed on counts has no such run.
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { buildEmployedLaborer, buildUser } from '../../../test/factories.ts';
import type { Database } from '../../db/connection.ts';
import { creditCheckChar } from '../../domain/jobs/credit-code.ts';
import type { Actor } from '../auth/actor.ts';
import { applyForClaim, getClaimDetail } from '../claims/claims.service.ts';
import { exportFindRun, findRunResults, notifyFindRun, startFindRun } from './find.service.ts';
import type { FindJobs } from './find-runner.ts';
import { runFind } from './find-runner.ts';

/** 湖南 湘西州 龙山县 民安街道 凤阳社区 */
const FENGYANG = '433130001001';
const DATE = '2019-09-30';
const code = (county: string, org: string) => `91${county}${org}${creditCheckChar(`91${county}${org}`)}`;
const FACTORY = { name: '龙山县湘龙农产品加工有限公司', code: code('433130', 'MA4L2DEF3'), region: '433130' };
const ELSEWHERE = { name: '吉首市某食品有限公司', code: code('433101', 'MA4L9XY01'), region: '433101' };

let database: Database;
let actor: Actor;
let ids: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.kysely;
  const userId = await buildUser(db, { username: 'longshan', role: 'county', region: '433130', fullId: true });
  actor = { userId, username: 'longshan', displayName: '彭经办', role: 'county', scope: '433130', canViewFullId: true };
  const employer = async (e: typeof FACTORY) =>
    (
      await db
        .insertInto('employers')
        .values({
          credit_code: e.code,
          name: e.name,
          region_code: e.region,
          contact_name: '向经理',
          contact_phone: '13974301234',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const factory = await employer(FACTORY);
  const elsewhere = await employer(ELSEWHERE);
  const at = (name: string, o: Partial<Parameters<typeof buildEmployedLaborer>[1]> = {}) =>
    buildEmployedLaborer(db, {
      village: FENGYANG,
      employer: FACTORY.name,
      employerId: factory,
      start: '2018-06-01',
      name,
      insured: true,
      ...o,
    }).then((p) => p.id);
  ids = {
    due: await at('彭德福'),
    short: await at('向春花', { start: '2019-03-01' }),
    monitored: await at('田家旺', { type: '监测对象' }),
    uninsured: await at('龙小英', { insured: false }),
    named: await at('石光明', { employerId: undefined }),
    claimed: await at('杨秀芝'),
    away: await at('彭大海', { employer: ELSEWHERE.name, employerId: elsewhere }),
  };
  // This year's post subsidy for 杨秀芝 is already claimed, by another employer: once a year per laborer.
  await applyForClaim(database, actor, {
    rule: 'POST-HN',
    personId: ids.claimed as string,
    subject: { kind: 'employer', name: '龙山县另一家公司', key: code('433130', 'MA4L7QRT2') },
    region: '433130',
    caseDate: '2019-06-30',
    facts: { laborContract: true, monthsInPost: 12, insured: true, employerInPoorArea: false, employerIsEnterprise: true },
    bankName: '湖南龙山农村商业银行',
    bankAccount: '6230910199001112223',
  });
});
afterAll(() => database.close());

const jobs: FindJobs = { start: () => {}, stop: async () => {} } as unknown as FindJobs;

async function finishedRun(rule = 'POST-HN'): Promise<string> {
  const run = await startFindRun(database, jobs, actor, rule, { date: DATE });
  expect(run.subject).toBe('employer');
  expect(await runFind(database, run.id)).toBe('done');
  return run.id;
}

describe('政策找单位 for the post subsidy (POST-HN)', () => {
  it('lists each employer with the laborers the claim could be for, "to verify" what no record holds', async () => {
    const id = await finishedRun();
    const page = await findRunResults(database, actor, id, { page: 1, pageSize: 20 });
    expect(page.run).toMatchObject({
      subject: 'employer',
      status: 'done',
      total: 5,
      evaluated: 5,
      qualified: 1,
      toVerify: 1,
      alreadyClaimed: 1,
    });
    expect(page.run.message).toBe(
      '评估辖区 1 个用人单位，其中 1 个有台账在岗劳动力共 5 名：1 个单位的 1 名劳动力符合或可能符合「吸纳贫困劳动力就业岗位补贴（湖南省）」条件且尚未申领（其中 1 名已知条件均符合，待核实其余条件），1 名已申领；只统计已关联用人单位（统一社会信用代码）的就业经历',
    );
    expect(page.items).toEqual([]);
    expect(page.workshops).toEqual([]);
    expect(page.employers).toHaveLength(1);
    expect(page.employers[0]).toMatchObject({
      employerName: FACTORY.name,
      creditCode: FACTORY.code,
      contactPhone: '13974301234',
      personId: ids.due,
      name: '彭德福',
      villageCode: FENGYANG,
      monthsInPost: 15,
      status: 'incomplete',
      statusName: '待核实',
      // Screening stops at the contract: the amount comes when the facts are verified.
      amountFen: null,
      maxAmountFen: null,
    });
    expect(page.employers[0]?.idNumber).toContain('*');
    expect(page.employers[0]?.missingFacts).toEqual(['依法签订劳动合同']);
  });

  it('exports the list with the employer and the laborer, and sends no policy notice to employers', async () => {
    const id = await finishedRun();
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk, _enc, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
    expect(await exportFindRun(database, actor, id, {}, out)).toBe(1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe('政策找单位名单');
    expect(sheet?.getRow(2).getCell(2).value).toBe(FACTORY.name);
    expect(sheet?.getRow(2).getCell(7).value).toBe('彭德福');
    expect(sheet?.getRow(2).getCell(15).value).toBe('依法签订劳动合同');
    await expect(notifyFindRun(database, actor, id, { channels: ['sms'] })).rejects.toMatchObject({
      code: 'FIND_RUN_NOT_PERSONAL',
    });
  });

  it('once the employer applies, the reviewer sees the register beside what the claim states', async () => {
    const { claim } = await applyForClaim(database, actor, {
      rule: 'POST-HN',
      personId: ids.due as string,
      subject: { kind: 'employer', name: FACTORY.name, key: FACTORY.code },
      region: '433130',
      caseDate: DATE,
      facts: { laborContract: true, monthsInPost: 24, insured: true, employerInPoorArea: true, employerIsEnterprise: true },
      bankName: '湖南龙山农村商业银行',
      bankAccount: '6230910199004445556',
    });
    const detail = await getClaimDetail(database, actor, claim.id);
    expect(detail.claim.unitCode).toBe(FACTORY.code);
    expect(detail.registerCheck).toEqual({
      level: 'warning',
      note: '台账记录：自 2018-06-01 起在本单位就业（就地就近），至事由日期在岗 15 个月，已参保；与申报不一致：申报在岗 24 个月，台账为 15 个月，请核实',
      monthsInPost: 15,
      insured: true,
    });
  });

  it('has no run for a unit rule claimed on counts no record holds (ABS-HZ)', async () => {
    const huize: Actor = { ...actor, scope: '530326' };
    await expect(startFindRun(database, jobs, huize, 'ABS-HZ', { date: DATE })).rejects.toMatchObject({
      code: 'RULE_NOT_PERSONAL',
    });
  });
});

describe('政策找单位 for the social insurance subsidy to labor companies (SI-YN)', () => {
  it('leaves out an employer whose credit code says it is no enterprise, so no 劳务公司; an enterprise is to verify', async () => {
    const db = database.kysely;
    const tanglang = '530326001001';
    const huize: Actor = { ...actor, scope: '530326' };
    for (const [name, org, laborer] of [
      ['会泽县诚信劳务有限公司', '91530326MA6K5678Y', '李劳务'],
      ['会泽县堂琅小吃店', '92530326MA6K5679Y', '王小吃'],
    ] as const) {
      const { id } = await db
        .insertInto('employers')
        .values({ credit_code: org + creditCheckChar(org), name, region_code: '530326' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await buildEmployedLaborer(db, { village: tanglang, employer: name, employerId: id, start: '2019-01-02', name: laborer });
    }
    const run = await startFindRun(database, jobs, huize, 'SI-YN', { date: DATE });
    expect(await runFind(database, run.id)).toBe('done');
    const page = await findRunResults(database, huize, run.id, { page: 1, pageSize: 20 });
    expect(page.employers.map((e) => [e.employerName, e.name, e.status])).toEqual([
      ['会泽县诚信劳务有限公司', '李劳务', 'incomplete'],
    ]);
    expect(page.employers[0]?.missingFacts).toContain('申请单位为劳务公司');
  });
});
