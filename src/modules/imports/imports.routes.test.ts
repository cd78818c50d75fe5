// The import and export as the web app uses them: upload, progress, error report, template
// and the register export, with access by role and region.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.ts';
import { buildHousehold, buildUser, loginAs, VILLAGES } from '../../../test/factories.ts';
import { readSheet } from '../../../test/fixtures/imports.ts';
import { csvLine, HEADERS, type Row } from '../../../test/fixtures/laborers.ts';
import type { Database } from '../../db/connection.ts';
import { makeIdNumber } from '../../domain/idcard/gb11643.ts';
import { TEMPLATE_COLUMNS } from '../../domain/import/template.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
const as: Record<string, Record<string, string>> = {};
let formulaPerson: { id: string; idNumber: string };

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  const db = database.kysely;
  await buildUser(db, { username: 'county', role: 'county', region: '150425', fullId: true, displayName: '旗就业局王科长' });
  await buildUser(db, { username: 'village', role: 'village', region: VILLAGES.hedong });
  await buildUser(db, { username: 'province', role: 'province', region: '15' });
  await buildUser(db, { username: 'other', role: 'county', region: '530326' });
  for (const u of ['county', 'village', 'province', 'other']) as[u] = await loginAs(app, u);
  const built = await buildHousehold(db, {
    village: VILLAGES.hedong,
    number: 'EXP-1',
    members: [{ name: '刘志刚', phone: '13812345678' }],
  });
  formulaPerson = built.persons[0] as { id: string; idNumber: string };
  await db
    .updateTable('persons')
    .set({ skills: ['=cmd|calc!A0', '电焊'], training_needs: ['@SUM(1+1)'] })
    .where('id', '=', formulaPerson.id)
    .execute();
});
afterAll(() => close());

function multipart(fields: Record<string, string>, file: { name: string; content: string | Buffer }) {
  const boundary = `----bangfu${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

function upload(user: string, content: string, fields: Record<string, string> = {}, name = '台账.csv') {
  const m = multipart(fields, { name, content });
  return app.inject({
    method: 'POST',
    url: '/api/imports',
    headers: { ...as[user], 'content-type': m.type },
    payload: m.payload,
  });
}

const csv = (rows: Row[], headers: readonly string[] = HEADERS) =>
  csvLine(headers) + rows.map((r) => csvLine(headers.map((h) => r[h] ?? ''))).join('');

function person(i: number, o: Partial<Row> = {}): Row {
  return {
    户编号: `WEB${i}`,
    村代码: VILLAGES.hedong,
    户类型: '脱贫户',
    与户主关系: '户主',
    姓名: '孙立军',
    身份证号: makeIdNumber('150425', `1982-04-0${1 + (i % 9)}`, 300 + i, '男'),
    劳动技能: '普通劳动力',
    ...o,
  };
}

async function waitFor(user: string, id: string) {
  for (let i = 0; i < 300; i++) {
    const res = await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: as[user] });
    const body = res.json();
    if (body.status === 'done' || body.status === 'failed') return body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

const xlsx = (res: LightMyRequestResponse) => readSheet(res.rawPayload);

describe('upload and progress', () => {
  let jobId: string;

  it('a county officer uploads a CSV: the answer comes at once, the import runs in the background to 100%', async () => {
    const res = await upload('county', csv([person(1), person(2), { ...person(3), 身份证号: '150425198204041234' }]));
    expect(res.statusCode, res.body).toBe(202);
    const job = res.json();
    expect(job).toMatchObject({ fileName: '台账.csv', regionCode: '150425' });
    jobId = job.id;
    const done = await waitFor('county', jobId);
    expect(done).toMatchObject({
      status: 'done',
      statusName: '已完成',
      percent: 100,
      totalRows: 3,
      processedRows: 3,
      inserted: 2,
      failed: 1,
    });
    expect(done.errorsUrl).toBe(`/api/imports/${jobId}/errors.xlsx`);
    const audit = await database.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'import.create')
      .where('entity_id', '=', jobId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_name).toBe('旗就业局王科长');
  });

  it('the recent imports are listed for users whose scope covers them, and hidden from other counties', async () => {
    expect(
      (await app.inject({ method: 'GET', url: '/api/imports', headers: as.province })).json().map((j: { id: string }) => j.id),
    ).toContain(jobId);
    expect((await app.inject({ method: 'GET', url: '/api/imports', headers: as.other })).json()).toEqual([]);
    const res = await app.inject({ method: 'GET', url: `/api/imports/${jobId}`, headers: as.other });
    expect(res.statusCode).toBe(404);
  });

  it('the error report is the rejected original row plus 错误原因', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/imports/${jobId}/errors.xlsx`, headers: as.county });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const sheet = await xlsx(res);
    expect(sheet[0]).toEqual([...HEADERS, '错误原因', '原行号']);
    expect(sheet).toHaveLength(2);
    expect(sheet[1]?.[HEADERS.indexOf('身份证号')]).toBe('150425198204041234');
    expect(sheet[1]?.[HEADERS.length]).toContain('校验码错误');
    expect(sheet[1]?.[HEADERS.length + 1]).toBe('4');
  });

  it('a file without the required columns is refused at upload, naming them', async () => {
    const res = await upload('county', csv([person(4)], ['户编号', '村代码', '姓名', '身份证号']));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'IMPORT_MISSING_COLUMNS',
      message: '第 1 行表头：缺少必填列：户类型、与户主关系、劳动技能',
    });
  });

  it('other file types are refused', async () => {
    const res = await upload('county', 'hello', {}, '台账.xls');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('IMPORT_UNSUPPORTED_TYPE');
  });

  it('an import limited to a region outside one’s scope is refused; roles that only read cannot import', async () => {
    const outside = await upload('county', csv([person(5)]), { region: '150426' });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('REGION_OUT_OF_SCOPE');
    const province = await upload('province', csv([person(6)]));
    expect(province.statusCode).toBe(403);
    expect(province.json().code).toBe('FORBIDDEN');
    expect((await app.inject({ method: 'POST', url: '/api/imports' })).statusCode).toBe(401);
  });

  it('a village collector importing rows of another village gets those rows refused as outside the scope', async () => {
    const res = await upload('village', csv([person(7), { ...person(8), 户编号: 'WEB8', 村代码: VILLAGES.henandian }]));
    const done = await waitFor('village', res.json().id);
    expect(done).toMatchObject({ status: 'done', inserted: 1, failed: 1, regionCode: VILLAGES.hedong });
  });
});

describe('template', () => {
  it('the template has the columns in order and a second sheet 填写说明 with required flags and allowed values', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/imports/template.xlsx', headers: as.village });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('劳动力台账导入模板.xlsx'));
    const data = await readSheet(res.rawPayload, 1);
    expect(data).toEqual([TEMPLATE_COLUMNS.map((c) => c.label)]);
    const guide = await readSheet(res.rawPayload, 2);
    expect(guide[0]).toEqual(['列名', '是否必填', '填写说明', '可选值', '也可识别的列名']);
    const id = guide.find((r) => r[0] === '身份证号');
    expect(id?.[1]).toBe('必填');
    const type = guide.find((r) => r[0] === '户类型');
    expect(type?.[3]).toBe('脱贫户、监测对象');
    expect(guide.find((r) => r[0] === '监测对象类别')?.[1]).toBe('条件必填');
    expect(guide.some((r) => r[0]?.startsWith('8. 一个身份证号全国只能登记一次'))).toBe(true);
  });
});

describe('export', () => {
  it('exports what the list shows, in the template’s columns, with formula-looking text neutralised', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/laborers/export.xlsx?q=%E5%88%98%E5%BF%97%E5%88%9A',
      headers: as.county,
    });
    expect(res.statusCode, res.body).toBe(200);
    const sheet = await xlsx(res);
    expect(sheet[0]).toEqual([...HEADERS]);
    expect(sheet).toHaveLength(2);
    const row = sheet[1] as string[];
    expect(row[HEADERS.indexOf('姓名')]).toBe('刘志刚');
    expect(row[HEADERS.indexOf('身份证号')]).toBe(formulaPerson.idNumber);
    expect(row[HEADERS.indexOf('技能特长')]).toBe("'=cmd|calc!A0、电焊");
    expect(row[HEADERS.indexOf('培训需求')]).toBe("'@SUM(1+1)");
    expect(row[HEADERS.indexOf('户编号')]).toBe('EXP-1');
  });

  it('masks ID numbers and phones for a viewer without the right to see them', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/laborers/export.xlsx', headers: as.village });
    const sheet = await xlsx(res);
    const row = sheet.find((r) => r[HEADERS.indexOf('姓名')] === '刘志刚') as string[];
    expect(row[HEADERS.indexOf('身份证号')]).toBe(
      `${formulaPerson.idNumber.slice(0, 6)}********${formulaPerson.idNumber.slice(-4)}`,
    );
    expect(row[HEADERS.indexOf('联系电话')]).toBe('138****5678');
    const audit = await database.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'register.export')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ masked: true, rows: sheet.length - 1 });
  });

  it('uses the list’s filters: status, region, and an export of another county is refused', async () => {
    const employed = await app.inject({
      method: 'GET',
      url: `/api/laborers/export.xlsx?status=${encodeURIComponent('已就业')}`,
      headers: as.county,
    });
    expect(await xlsx(employed)).toHaveLength(1);
    const village = await app.inject({
      method: 'GET',
      url: `/api/laborers/export.xlsx?region=${VILLAGES.henandian}`,
      headers: as.county,
    });
    expect((await xlsx(village)).slice(1).every((r) => r[HEADERS.indexOf('村代码')] === VILLAGES.henandian)).toBe(true);
    const refused = await app.inject({ method: 'GET', url: '/api/laborers/export.xlsx?region=150426', headers: as.county });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('REGION_OUT_OF_SCOPE');
  });

  it('an exported file can be imported again: nothing changes', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/laborers/export.xlsx', headers: as.county });
    const m = multipart({}, { name: '导出.xlsx', content: res.rawPayload });
    const up = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...as.county, 'content-type': m.type },
      payload: m.payload,
    });
    expect(up.statusCode, up.body).toBe(202);
    const done = await waitFor('county', up.json().id);
    const rows = (await xlsx(res)).length - 1;
    expect(done).toMatchObject({ status: 'done', totalRows: rows, inserted: 0, updated: 0, unchanged: rows, failed: 0 });
  });
});
