import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.ts';
import { buildHousehold, buildUser, loginAs, VILLAGES } from '../../../test/factories.ts';
import type { Database } from '../../db/connection.ts';
import { creditCheckChar } from '../../domain/jobs/credit-code.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';

const code = (first17: string) => first17 + creditCheckChar(first17);
const HUIZE_FACTORY = code('91530326MA6K00001');
const HUIZE_FARM = code('93530326MA6K00002');
const HEXIGTEN_MINE = code('91150425MA0N00003');
const HUIZE_COOP = code('93530326MA6K00009');

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let huize: Record<string, string>;
let hexigten: Record<string, string>;
let auditor: Record<string, string>;

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  const db = database.kysely;
  await buildUser(db, { username: 'hz_county', role: 'county', region: '530326', displayName: '会泽县就业服务中心' });
  await buildUser(db, { username: 'kq_county', role: 'county', region: '150425' });
  await buildUser(db, { username: 'auditor', role: 'auditor', region: '53' });
  await buildHousehold(db, { village: VILLAGES.tanglang, members: [{ name: '李四' }] });
  huize = await loginAs(app, 'hz_county');
  hexigten = await loginAs(app, 'kq_county');
  auditor = await loginAs(app, 'auditor');
}, 120_000);

afterAll(async () => {
  await close();
});

const jobFields = {
  title: '电子厂普工',
  occupationCode: '6-25',
  workRegionCode: '530326',
  workPlace: '会泽县工业园区',
  openings: 20,
  wageMinFen: 350000,
  wageMaxFen: 450000,
  accommodation: true,
  meals: true,
};

async function send(headers: Record<string, string>, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
  return app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
}

let factoryId: string;
let jobId: string;

describe('employers', () => {
  it('registers an employer whose credit code has the right check character', async () => {
    const res = await send(huize, 'POST', '/api/employers', {
      creditCode: HUIZE_FACTORY.toLowerCase(),
      name: '会泽某电子有限公司',
      regionCode: '530326',
      industry: 'C 制造业',
      contactName: '王经理',
      contactPhone: '13800001111',
      isWorkshop: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({ creditCode: HUIZE_FACTORY, industry: 'C', isWorkshop: true, isBase: false, regionName: '会泽县' });
    factoryId = e.id;
  });

  it('refuses a wrong check character, naming the record, the field and the right character', async () => {
    const bad = `${HUIZE_FARM.slice(0, 17)}${HUIZE_FARM[17] === '0' ? '1' : '0'}`;
    const res = await send(huize, 'POST', '/api/employers', { creditCode: bad, name: '某合作社', regionCode: '530326' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(`用人单位：统一社会信用代码校验码错误（第18位应为 ${HUIZE_FARM[17]}）`);
  });

  it('refuses the same credit code twice and says which employer holds it', async () => {
    const res = await send(huize, 'POST', '/api/employers', {
      creditCode: HUIZE_FACTORY,
      name: '另一个名字',
      regionCode: '530326',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('已登记为“会泽某电子有限公司”');
  });

  it('lets an office register an employer of another place (labor export) and hold it; the auditor only reads', async () => {
    const ro = await send(auditor, 'POST', '/api/employers', { creditCode: HUIZE_FARM, name: '某合作社', regionCode: '530326' });
    expect(ro.statusCode).toBe(403);
    // 克什克腾旗 registers a Huize cooperative to send its laborers there: the banner's office holds it.
    const away = await send(hexigten, 'POST', '/api/employers', {
      creditCode: HUIZE_COOP,
      name: '娜姑某合作社',
      regionCode: '530326',
    });
    expect(away.statusCode, away.body).toBe(201);
    expect(away.json()).toMatchObject({ regionCode: '530326', officeCode: '150425' });
    const byHuize = await send(huize, 'PATCH', `/api/employers/${away.json().id}`, { version: 1, fields: { address: '会泽县' } });
    expect(byHuize.statusCode).toBe(403);
    const byHolder = await send(hexigten, 'PATCH', `/api/employers/${away.json().id}`, {
      version: 1,
      fields: { address: '会泽县娜姑镇' },
    });
    expect(byHolder.statusCode, byHolder.body).toBe(200);
    const mine = await send(hexigten, 'POST', '/api/employers', {
      creditCode: HEXIGTEN_MINE,
      name: '克旗某矿业公司',
      regionCode: '150425',
      industry: 'B',
    });
    expect(mine.statusCode, mine.body).toBe(201);
    // every office reads every employer (jobs are matched across regions)
    const list = await send(hexigten, 'GET', '/api/employers?q=会泽');
    expect(list.json().items.map((e: { name: string }) => e.name)).toEqual(['会泽某电子有限公司']);
  });

  it("lists an office's own employers on asking: located in its region or registered by it elsewhere", async () => {
    const names = async (who: Record<string, string>) =>
      (await send(who, 'GET', '/api/employers?mine=true&pageSize=100'))
        .json()
        .items.map((e: { name: string }) => e.name)
        .sort();
    // The banner's mine and the Huize cooperative it registered; not the Huize county's factory.
    expect(await names(hexigten)).toEqual(['克旗某矿业公司', '娜姑某合作社'].sort());
    // Huize's own factory; the cooperative is in Huize, so it is Huize's too, though another office holds it.
    expect(await names(huize)).toEqual(expect.arrayContaining(['会泽某电子有限公司', '娜姑某合作社']));
    expect(await names(huize)).not.toContain('克旗某矿业公司');
  });

  it('updates with the version read and refuses a stale one', async () => {
    const ok = await send(huize, 'PATCH', `/api/employers/${factoryId}`, { version: 1, fields: { isBase: true } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ isBase: true, version: 2 });
    // A 就业帮扶基地 is among the carriers 政策找人 counts laborers at (the spell form's suggestions).
    const names = async (carrier: boolean) =>
      (await send(huize, 'GET', `/api/employers?q=会泽&carrier=${carrier}`)).json().items.map((e: { name: string }) => e.name);
    expect(await names(true)).toEqual(['会泽某电子有限公司']);
    expect(await names(false)).toEqual([]);
    const stale = await send(huize, 'PATCH', `/api/employers/${factoryId}`, { version: 1, fields: { address: '某地' } });
    expect(stale.statusCode).toBe(409);
    const other = await send(hexigten, 'PATCH', `/api/employers/${factoryId}`, { version: 2, fields: { address: '某地' } });
    expect(other.statusCode).toBe(403);
  });
});

describe('job posts', () => {
  it('publishes a post with its occupation named and audits it', async () => {
    const res = await send(huize, 'POST', '/api/jobs', { employerId: factoryId, fields: jobFields });
    expect(res.statusCode, res.body).toBe(201);
    const j = res.json();
    expect(j).toMatchObject({
      occupationName: '计算机、通信和其他电子设备制造人员',
      status: 'open',
      statusName: '招聘中',
      regionCode: '530326',
      source: 'form',
      workRegionName: '会泽县',
      physicalDemand: '中',
    });
    jobId = j.id;
    const audit = await database.kysely
      .selectFrom('audit_log')
      .select(['action', 'region_code'])
      .where('entity', '=', 'job_post')
      .where('entity_id', '=', jobId)
      .execute();
    expect(audit).toEqual([{ action: 'job.create', region_code: '530326' }]);
  });

  it('answers invalid posts with every problem in Chinese', async () => {
    const res = await send(huize, 'POST', '/api/jobs', {
      employerId: factoryId,
      fields: { ...jobFields, occupationCode: '9-99', wageMaxFen: 100, sexRequired: '男', workRegionCode: '530399' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(
      '岗位“电子厂普工”：职业代码不在职业分类代码表中（无对应职业时请填所属中类，如 6-05）；月工资上限不能低于月工资下限；性别要求的法定理由限定性别须写明法定理由（如“矿山井下作业，属女职工禁忌从事的劳动范围”），否则请选择“不限”',
    );
    const place = await send(huize, 'POST', '/api/jobs', {
      employerId: factoryId,
      fields: { ...jobFields, workRegionCode: '530399' },
    });
    expect(place.json().message).toBe('岗位“电子厂普工”：工作地区划代码在区划数据中不存在');
  });

  it('filters by place of work, occupation group, status and employer', async () => {
    await send(huize, 'POST', '/api/jobs', {
      employerId: factoryId,
      fields: { ...jobFields, title: '养老护理员', occupationCode: '4-10-01-05', workRegionCode: '440306' },
    });
    const q = async (s: string) =>
      (await send(hexigten, 'GET', `/api/jobs?${s}`)).json().items.map((j: { title: string }) => j.title);
    expect(await q('occupation=4-10')).toEqual(['养老护理员']);
    expect(await q('occupation=6')).toEqual(['电子厂普工']);
    expect(await q('region=44')).toEqual(['养老护理员']);
    expect(await q(`employer=${factoryId}&status=open`)).toEqual(['养老护理员', '电子厂普工']);
    expect(await q('status=expired')).toEqual([]);
    // Huize collected both posts, one to be worked in Shenzhen: both are Huize's own, neither the banner's.
    const own = async (who: Record<string, string>) =>
      (await send(who, 'GET', '/api/jobs?mine=true')).json().items.map((j: { title: string }) => j.title);
    expect((await own(huize)).sort()).toEqual(['养老护理员', '电子厂普工'].sort());
    expect(await own(hexigten)).toEqual([]);
  });

  it('shows a post expired the day after its validity ends, filled when every opening is taken', async () => {
    const yesterday = new Date(Date.now() - 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await database.kysely.updateTable('job_posts').set({ valid_until: yesterday }).where('title', '=', '养老护理员').execute();
    const expired = (await send(huize, 'GET', '/api/jobs?status=expired')).json();
    expect(expired.items.map((j: { title: string; statusName: string }) => [j.title, j.statusName])).toEqual([
      ['养老护理员', '已过期'],
    ]);
    await database.kysely
      .updateTable('job_posts')
      .set({ valid_until: todayInShanghai() })
      .where('title', '=', '养老护理员')
      .execute();
    expect((await send(huize, 'GET', '/api/jobs?status=expired')).json().total).toBe(0);
  });

  it('clears an age limit and a contract length when they are sent as null', async () => {
    const made = await send(huize, 'POST', '/api/jobs', {
      employerId: factoryId,
      fields: { ...jobFields, title: '包装工', ageMin: 18, ageMax: 45, contractMonths: 12 },
    });
    expect(made.statusCode, made.body).toBe(201);
    const cleared = await send(huize, 'PATCH', `/api/jobs/${made.json().id}`, {
      version: 1,
      fields: { ageMin: null, ageMax: null, contractMonths: null },
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ ageMin: null, ageMax: null, contractMonths: null });
  });

  it('changes a post and its status with the version read; another county may not', async () => {
    const other = await send(hexigten, 'PATCH', `/api/jobs/${jobId}`, { version: 1, status: 'filled' });
    expect(other.statusCode).toBe(403);
    const res = await send(huize, 'PATCH', `/api/jobs/${jobId}`, {
      version: 1,
      fields: { openings: 25, suitableForWeak: true, physicalDemand: '轻' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ openings: 25, suitableForWeak: true, version: 2 });
    const filled = await send(huize, 'PATCH', `/api/jobs/${jobId}`, { version: 2, status: 'filled' });
    expect(filled.json()).toMatchObject({ status: 'filled', statusName: '已招满' });
    const stale = await send(huize, 'PATCH', `/api/jobs/${jobId}`, { version: 2, status: 'open' });
    expect(stale.statusCode).toBe(409);
    const audit = await database.kysely
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity', '=', 'job_post')
      .where('entity_id', '=', jobId)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['job.create', 'job.update', 'job.status']);
    expect(audit[1]?.after).toEqual({ openings: 25, physicalDemand: '轻', suitableForWeak: true });
  });

  it('searches the occupational classification by keyword', async () => {
    const res = await send(hexigten, 'GET', `/api/occupations?q=${encodeURIComponent('保姆')}`);
    expect(res.json().items.map((o: { code: string; name: string }) => `${o.code} ${o.name}`)).toEqual([
      '4-10-01-06 家政服务员',
      '4-10 居民服务人员',
    ]);
  });
});

describe("an employer's own login", () => {
  let employer: Record<string, string>;
  let mineId: string;

  it('is opened by the office of the employer and bound to it', async () => {
    const other = await send(hexigten, 'POST', `/api/employers/${factoryId}/accounts`, {
      username: 'hz_factory',
      password: 'Factory@2026',
    });
    expect(other.statusCode).toBe(403);
    const res = await send(huize, 'POST', `/api/employers/${factoryId}/accounts`, {
      username: 'hz_factory',
      password: 'Factory@2026',
    });
    expect(res.statusCode, res.body).toBe(201);
    employer = await loginAs(app, 'hz_factory', 'Factory@2026');
    const me = (await send(employer, 'GET', '/api/auth/me')).json();
    expect(me).toMatchObject({ role: 'employer', roleName: '用人单位', employerId: factoryId, canWrite: false });
  });

  it('manages only its own posts', async () => {
    const created = await send(employer, 'POST', '/api/jobs', {
      employerId: factoryId,
      fields: { ...jobFields, title: '包装工' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ source: 'employer', regionCode: '530326' });
    mineId = created.json().id;
    const forOther = await send(employer, 'POST', '/api/jobs', { employerId: '999', fields: jobFields });
    expect(forOther.statusCode).toBe(404);
    const mineEmployer = (await send(hexigten, 'GET', '/api/employers?q=克旗')).json().items[0].id;
    const mineJob = await send(hexigten, 'POST', '/api/jobs', {
      employerId: mineEmployer,
      fields: { ...jobFields, title: '矿区保洁', workRegionCode: '150425' },
    });
    expect(mineJob.statusCode, mineJob.body).toBe(201);
    const list = (await send(employer, 'GET', '/api/jobs')).json();
    expect(list.items.every((j: { employerId: string }) => j.employerId === factoryId)).toBe(true);
    const edit = await send(employer, 'PATCH', `/api/jobs/${mineId}`, { version: 1, fields: { openings: 5 } });
    expect(edit.statusCode, edit.body).toBe(200);
    const audit = await database.kysely
      .selectFrom('audit_log')
      .select(['action', 'region_code', 'actor_name'])
      .where('entity_id', '=', mineId)
      .where('entity', '=', 'job_post')
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'job.create', region_code: '530326', actor_name: '会泽某电子有限公司(hz_factory)' },
      { action: 'job.update', region_code: '530326', actor_name: '会泽某电子有限公司(hz_factory)' },
    ]);
    const others = (await send(huize, 'GET', '/api/jobs?q=矿区保洁')).json().items[0];
    const foreign = await send(employer, 'PATCH', `/api/jobs/${others.id}`, { version: 1, status: 'expired' });
    expect(foreign.statusCode).toBe(404);
  });

  it('changes its contact but not the recognitions the office gives', async () => {
    const ok = await send(employer, 'PATCH', `/api/employers/${factoryId}`, {
      version: 2,
      fields: { contactPhone: '13900002222' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const flag = await send(employer, 'PATCH', `/api/employers/${factoryId}`, { version: 3, fields: { isBase: false } });
    expect(flag.statusCode).toBe(403);
    expect(flag.json().message).toBe('无权操作：修改就业帮扶基地（由人社部门修改）');
  });

  it('sees nothing of the register and no other employer', async () => {
    const laborers = await send(employer, 'GET', '/api/laborers');
    expect(laborers.statusCode === 403 || laborers.json().total === 0).toBe(true);
    const raw = await send(employer, 'GET', '/api/employers');
    expect(raw.json().items.map((e: { id: string }) => e.id)).toEqual([factoryId]);
    const mine = await send(employer, 'GET', '/api/employers?q=克旗');
    expect(mine.json().total).toBe(0);
  });
});

describe('job post import', () => {
  it('hands out a template whose first row is the column names', async () => {
    const res = await send(huize, 'GET', '/api/jobs/template.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(((wb.worksheets[0] as ExcelJS.Worksheet).getRow(1).values as string[]).slice(1, 4)).toEqual([
      '单位统一社会信用代码',
      '岗位名称',
      '职业代码',
    ]);
    expect(wb.worksheets[1]?.name).toBe('填写说明');
  });

  it('imports the valid rows and reports the others with their reasons, downloadable', async () => {
    const csv = [
      '岗位导入',
      '单位统一社会信用代码,岗位名称,职业代码,工作地区划代码,招聘人数,月工资下限（元）,月工资上限（元）,包住,包吃,备注',
      `${HUIZE_FACTORY},焊工,6-18-02-04,530326,3,"5,000",6500,是,否,x`,
      `${HUIZE_FARM},采茶工,5-01,530326,10,3000,3500,是,是,`,
      `${HUIZE_FACTORY},缝纫工,6-05,530326,0,三千,4000,也许,否,`,
      `${HUIZE_FACTORY},焊工,6-18-02-04,530326,3,5000,6500,是,否,`,
      `${HUIZE_FACTORY},=HYPERLINK("x"),6-05,530326,2,3000,4000,否,否,`,
    ].join('\n');
    const boundary = '----bangfu';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="jobs.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/jobs/import',
      headers: { ...huize, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ rows: 5, imported: 2, rejected: 3 });
    expect(
      r.errors.map((e: { rowNumber: number; reasons: { column: string; reason: string }[] }) => [
        e.rowNumber,
        e.reasons.map((x) => `${x.column}：${x.reason}`),
      ]),
    ).toEqual([
      [4, ['单位统一社会信用代码：该单位尚未登记，请先登记用人单位']],
      [5, ['月工资下限（元）：应为金额（元），如 4500', '招聘人数：应在1到100000之间', '包住：应为“是”或“否”']],
      [6, ['岗位名称：与第 3 行重复（同一单位、岗位名称和工作地）']],
    ]);
    const imported = (await send(huize, 'GET', '/api/jobs?q=焊工')).json().items;
    expect(imported.map((j: { wageMinFen: number; source: string }) => [j.wageMinFen, j.source])).toEqual([[500000, 'import']]);
    const report = await send(huize, 'GET', `/api/jobs/imports/${r.id}/errors.xlsx`);
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    expect((sheet.getRow(1).values as string[]).slice(-3)).toEqual(['备注', '错误原因', '原行号']);
    expect(sheet.getRow(2).getCell(2).value).toBe('采茶工');
    expect(sheet.getRow(2).getCell(12).value).toBe(4);
    expect(sheet.rowCount).toBe(4);
    const elsewhere = await send(hexigten, 'GET', `/api/jobs/imports/${r.id}/errors.xlsx`);
    expect(elsewhere.statusCode).toBe(404);
  });
});
