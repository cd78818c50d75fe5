// 政策找人 over the 帮扶车间 of Huize for the Yunnan workshop award (WS-YN, 云人社通〔2018〕68号 六):
// the register's poor laborers at each workshop are counted by the name the workshop is
// registered under; a workshop whose known conditions pass is listed "to verify" with what
// bangfu cannot know, one short of five poor laborers is not, one already claimed is counted
// apart, and the list exports for the county's officers.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { buildUser, buildWorkshopLaborer } from '../../../test/factories.ts';
import type { Database } from '../../db/connection.ts';
import { creditCheckChar } from '../../domain/jobs/credit-code.ts';
import type { Actor } from '../auth/actor.ts';
import { applyForClaim } from '../claims/claims.service.ts';
import { exportFindRun, findRunResults, notifyFindRun } from './find.service.ts';
import { runFind } from './find-runner.ts';

/** 会泽县 新街回族乡 闸塘村: a village of a 乡, so a workshop there is rural. */
const ZHATANG = '530326208203';
const DATE = '2019-06-30';
const START = '2018-10-08';
const code = (org: string) => `91530326${org}${creditCheckChar(`91530326${org}`)}`;
const WORKSHOPS = {
  big: { name: '会泽县闸塘服装帮扶车间', code: code('MA6K0001A'), region: ZHATANG, poor: 6, other: 2 },
  small: { name: '会泽县闸塘竹编帮扶车间', code: code('MA6K0002B'), region: ZHATANG, poor: 4, other: 3 },
  county: { name: '会泽县鞋业帮扶车间', code: code('MA6K0003C'), region: '530326', poor: 5, other: 0 },
  claimed: { name: '会泽县闸塘电子帮扶车间', code: code('MA6K0004D'), region: ZHATANG, poor: 7, other: 0 },
  // Registered at county level with nobody at it on the register: the count fails before the site is asked.
  empty: { name: '会泽县新建帮扶车间', code: code('MA6K0006F'), region: '530326', poor: 0, other: 0 },
};

let database: Database;
let actor: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.kysely;
  const userId = await buildUser(db, { username: 'huize_county', role: 'county', region: '530326', fullId: true });
  actor = { userId, username: 'huize_county', displayName: '李经办', role: 'county', scope: '530326', canViewFullId: true };
  let n = 0;
  for (const w of Object.values(WORKSHOPS)) {
    await db
      .insertInto('employers')
      .values({
        credit_code: w.code,
        name: w.name,
        region_code: w.region,
        is_workshop: true,
        contact_name: '张厂长',
        contact_phone: '13908741234',
      })
      .execute();
    for (const [type, count] of [
      ['脱贫户', w.poor],
      ['监测对象', w.other],
    ] as const) {
      for (let i = 0; i < count; i++) {
        await buildWorkshopLaborer(db, { village: ZHATANG, type, employer: w.name, start: START, name: `车间工${n++}` });
      }
    }
  }
  // Two at a workshop under a short name no workshop is registered with: reported for correction.
  for (let i = 0; i < 2; i++) {
    await buildWorkshopLaborer(db, { village: ZHATANG, employer: '闸塘服装厂', start: START, name: `简称工${i}` });
  }
  // Working for a unit that is not a recognised workshop: not on any workshop's count.
  await db
    .insertInto('employers')
    .values({ credit_code: code('MA6K0005E'), name: '会泽县闸塘养殖场', region_code: ZHATANG })
    .execute();

  await applyForClaim(database, actor, {
    rule: 'WS-YN',
    subject: { kind: 'workshop', name: WORKSHOPS.claimed.name, key: WORKSHOPS.claimed.code },
    region: ZHATANG,
    caseDate: '2019-05-10',
    facts: { ruralSite: true, poorLaborers: 7, shortestContractMonths: 12, shortestWorkedMonths: 7, wageAtLeastMinimum: true },
    bankName: '会泽县农村信用合作联社',
    bankAccount: '2000012345678901',
  });
});
afterAll(() => database.close());

async function finishedRun(region = '530326'): Promise<string> {
  const r = await database.kysely
    .insertInto('find_runs')
    .values({ rule_id: 'WS-YN', subject: 'workshop', region_code: region, case_date: DATE })
    .returning('id')
    .executeTakeFirstOrThrow();
  expect(await runFind(database, r.id)).toBe('done');
  return r.id;
}

describe('政策找人 over the 帮扶车间 of a county (WS-YN)', () => {
  it('lists the workshops whose known conditions pass and have not claimed, each "to verify" with what bangfu cannot know', async () => {
    const id = await finishedRun();
    const page = await findRunResults(database, actor, id, { page: 1, pageSize: 20 });
    expect(page.run).toMatchObject({
      subject: 'workshop',
      status: 'done',
      total: 5,
      evaluated: 5,
      qualified: 2,
      toVerify: 2,
      alreadyClaimed: 1,
    });
    expect(page.run.message).toBe(
      '评估 5 个帮扶车间：2 个符合或可能符合「就业扶贫车间一次性奖补（云南省）」条件且尚未申领（其中 2 个已知条件均符合，待核实其余条件），1 个已申领；另有 2 名劳动力的就业记录写在 1 个对应不到已登记帮扶车间的单位名称下（未登记、未关联或重名），未计入任何车间',
    );
    expect(page.run.unmatchedWorkshops).toEqual([{ name: '闸塘服装厂', laborers: 2, poorLaborers: 2 }]);
    expect(page.items).toEqual([]);
    const [big, county] = page.workshops;
    // Most registered poor laborers first; only 脱贫户 members count as 建档立卡 poor laborers.
    expect(big).toMatchObject({
      name: WORKSHOPS.big.name,
      creditCode: WORKSHOPS.big.code,
      regionName: '闸塘村村民委员会',
      laborers: 8,
      poorLaborers: 6,
      status: 'incomplete',
      statusName: '待核实',
      contactPhone: '13908741234',
    });
    expect(big?.missingFacts).toEqual(['上述人员中最短的劳动合同或就业协议期限（月）', '工资待遇不低于当地最低工资标准']);
    expect(big?.message).toContain('已知条件均符合，待核实');
    // Registered at county level: where it is sited is to verify too, before anything else.
    expect(county).toMatchObject({ name: WORKSHOPS.county.name, poorLaborers: 5, status: 'incomplete' });
    expect(county?.missingFacts).toContain('车间设在乡镇或农村');
    expect(page.workshops.map((w) => w.name)).not.toContain(WORKSHOPS.small.name);
    expect(page.workshops.map((w) => w.name)).not.toContain(WORKSHOPS.claimed.name);
    expect(page.workshops.map((w) => w.name)).not.toContain(WORKSHOPS.empty.name);
  });

  it('a township run lists the workshops registered in the township only', async () => {
    const id = await finishedRun('530326208');
    const page = await findRunResults(database, actor, id, { page: 1, pageSize: 20 });
    expect(page.workshops.map((w) => w.name)).toEqual([WORKSHOPS.big.name]);
  });

  it('exports the list with contacts and what to verify, and refuses to send policy notices to workshops', async () => {
    const id = await finishedRun();
    const chunks: Buffer[] = [];
    const { Writable } = await import('node:stream');
    const out = new Writable({
      write(chunk, _enc, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
    expect(await exportFindRun(database, actor, id, {}, out)).toBe(2);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe('政策找车间名单');
    expect(sheet?.getRow(2).getCell(2).value).toBe(WORKSHOPS.big.name);
    expect(String(sheet?.getRow(2).getCell(13).value)).toContain('劳动合同');
    await expect(notifyFindRun(database, actor, id, { channels: ['sms'] })).rejects.toMatchObject({
      code: 'FIND_RUN_NOT_PERSONAL',
    });
  });
});

describe('政策找车间 counts a laborer for the workshop their record is linked to', () => {
  let linked: Database;
  afterAll(() => linked.close());

  it('keeps two workshops of one name apart, counts a record written under a short name, and reports a shared name it cannot place', async () => {
    linked = await createTestDatabase();
    const db = linked.kysely;
    const workshop = async (name: string, org: string) =>
      (
        await db
          .insertInto('employers')
          .values({ credit_code: code(org), name, region_code: ZHATANG, is_workshop: true })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const shared = '会泽县竹编帮扶车间';
    const first = await workshop(shared, 'MA6K0011A');
    const second = await workshop(shared, 'MA6K0012B');
    const embroidery = await workshop('会泽县闸塘刺绣帮扶车间', 'MA6K0013C');
    let n = 0;
    const staff = async (count: number, employer: string, employerId?: string) => {
      for (let i = 0; i < count; i++)
        await buildWorkshopLaborer(db, { village: ZHATANG, employer, employerId, start: START, name: `工${n++}` });
    };
    await staff(5, shared, first);
    await staff(6, shared, second);
    await staff(5, '刺绣车间', embroidery); // the register's short name, linked by credit code
    await staff(1, shared); // which of the two? neither counts it

    const r = await db
      .insertInto('find_runs')
      .values({ rule_id: 'WS-YN', subject: 'workshop', region_code: '530326', case_date: DATE })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await runFind(linked, r.id)).toBe('done');
    const page = await findRunResults(linked, actor, r.id, { page: 1, pageSize: 20 });
    expect(page.workshops.map((w) => [w.creditCode, w.poorLaborers])).toEqual([
      [code('MA6K0012B'), 6],
      [code('MA6K0011A'), 5],
      [code('MA6K0013C'), 5],
    ]);
    expect(page.run.unmatchedWorkshops).toEqual([{ name: shared, laborers: 1, poorLaborers: 1 }]);
  });
});
