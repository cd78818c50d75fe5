// The register import end to end on a real database (PGlite, or PostgreSQL with DATABASE_URL):
// files are generated here, imported with the same code the web app and the CLI use, and
// the tables, error rows, audit entries and error report are read back.

import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { buildHousehold, VILLAGES } from '../../../test/factories.ts';
import { importErrors, importFile, readSheet, tableCounts } from '../../../test/fixtures/imports.ts';
import { generateRows, HEADERS, type Row, writeCsv, writeXlsx } from '../../../test/fixtures/laborers.ts';
import type { Database } from '../../db/connection.ts';
import { makeIdNumber } from '../../domain/idcard/gb11643.ts';
import { creditCheckChar } from '../../domain/jobs/credit-code.ts';
import { verifyAuditChain } from '../audit/audit.repository.ts';
import { writeErrorReport } from './error-report.ts';

let db: Database;
let dir: string;
const COUNTY = '150425';
const village = [VILLAGES.hedong, VILLAGES.henandian];
let fileNo = 0;
const path = (ext = 'csv') => join(dir, `f${++fileNo}.${ext}`);

beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'bangfu-import-'));
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const idOf = (r: Row) => r.身份证号 as string;

function person(i: number, o: Partial<Row> = {}): Row {
  const male = i % 2 === 0;
  return {
    户编号: `T${i}`,
    村代码: VILLAGES.hedong,
    户类型: '脱贫户',
    与户主关系: '户主',
    姓名: `张${'一二三四五六七八九十'[i % 10]}`,
    身份证号: makeIdNumber(COUNTY, `1980-01-${String(1 + (i % 28)).padStart(2, '0')}`, 100 + i, male ? '男' : '女'),
    劳动技能: '普通劳动力',
    ...o,
  };
}

describe('reading files', () => {
  it('imports a GBK-encoded CSV with Chinese headers and names intact', async () => {
    const rows = [...generateRows(30, { villages: village, householdPrefix: 'GBK', offset: 1000 })];
    const f = path();
    await writeCsv(f, rows, { encoding: 'gbk' });
    const r = await importFile(db, f, { region: COUNTY });
    expect(r).toMatchObject({ status: 'done', total_rows: 30, inserted: 30, failed: 0, encoding: 'GB18030/GBK', format: 'csv' });
    const stored = await db.kysely
      .selectFrom('persons')
      .select(['name', 'village_code'])
      .where('id_number', '=', rows[0]?.身份证号 as string)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ name: rows[0]?.姓名, village_code: rows[0]?.村代码 });
  });

  it('imports a UTF-8 CSV with a byte-order mark, and an .xlsx with a title row above the header', async () => {
    const csv = path();
    await writeCsv(csv, [person(1)], { bom: true });
    expect(await importFile(db, csv, { region: COUNTY })).toMatchObject({ status: 'done', inserted: 1, encoding: 'UTF-8' });
    const xlsx = path('xlsx');
    await writeXlsx(xlsx, [person(2), person(3)], { title: '克什克腾旗经棚镇脱贫劳动力信息表' });
    expect(await importFile(db, xlsx, { region: COUNTY })).toMatchObject({
      status: 'done',
      inserted: 2,
      format: 'xlsx',
      header_row: 2,
    });
  });

  it('reads Excel date cells as dates and reports an ID number that Excel stored as a number', async () => {
    const f = path('xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('劳动力信息');
    ws.addRow([...HEADERS]);
    const ok = person(4, { 就业渠道: '帮扶车间', 月收入: '' });
    const okCells = HEADERS.map((h) => ok[h] ?? '');
    const start = HEADERS.indexOf('就业开始日期');
    const cells: (string | number | Date)[] = [...okCells];
    cells[start] = new Date(Date.UTC(2024, 2, 1));
    ws.addRow(cells);
    const numeric: (string | number)[] = HEADERS.map((h) => person(5)[h] ?? '');
    numeric[HEADERS.indexOf('身份证号')] = Number(`${idOf(person(5)).slice(0, 17)}0`);
    ws.addRow(numeric);
    await wb.xlsx.writeFile(f);
    const r = await importFile(db, f, { region: COUNTY });
    expect(r).toMatchObject({ status: 'done', inserted: 1, failed: 1 });
    const spell = await db.kysely
      .selectFrom('employment_spells')
      .innerJoin('persons', 'persons.id', 'employment_spells.person_id')
      .select(['start_date', 'channel'])
      .where('persons.id_number', '=', ok.身份证号 as string)
      .executeTakeFirstOrThrow();
    expect(spell).toEqual({ start_date: '2024-03-01', channel: '帮扶车间' });
    const errors = await importErrors(db, r.id);
    expect(errors.find((e) => e.column_name === '身份证号')).toMatchObject({ row_number: 3, code: 'ROW_NUMBER_AS_NUMERIC' });
  });

  it('refuses a file without a required column as a whole, naming the columns, and writes nothing', async () => {
    const before = await tableCounts(db);
    const f = path();
    const headers = HEADERS.filter((h) => h !== '身份证号' && h !== '劳动技能');
    await writeCsv(f, [person(6)], { headers });
    const r = await importFile(db, f, { region: COUNTY });
    expect(r).toMatchObject({ status: 'failed', error_code: 'IMPORT_MISSING_COLUMNS' });
    expect(r.message).toBe('第 1 行表头：缺少必填列：身份证号、劳动技能');
    expect(await tableCounts(db)).toEqual(before);
  });

  it('ignores extra columns (序号, 备注) and says so', async () => {
    const f = path();
    await writeCsv(f, [{ ...person(7), 序号: '1', 备注: '=HYPERLINK("http://x")' }], { headers: ['序号', ...HEADERS, '备注'] });
    const r = await importFile(db, f, { region: COUNTY });
    expect(r).toMatchObject({ status: 'done', inserted: 1, ignored_columns: ['序号', '备注'] });
    expect(r.message).toContain('已忽略未识别的列：序号、备注');
  });

  it('a file that is not a table is refused with a reason', async () => {
    const f = path();
    await writeCsv(f, [{ a: '1' }], { headers: ['a', 'b'] });
    expect(await importFile(db, f)).toMatchObject({ status: 'failed', error_code: 'IMPORT_NO_HEADER' });
  });
});

describe('checking rows', () => {
  let importId: string;
  let file: string;
  const dupe = person(13);
  const rows = [
    person(10),
    { ...person(11), 身份证号: `${idOf(person(11)).slice(0, 17)}${idOf(person(11)).endsWith('0') ? '1' : '0'}` },
    { ...person(12), 就业渠道: '帮扶车间', 就业开始日期: '2024-02-30' },
    dupe,
    { ...person(14), 身份证号: idOf(dupe).toLowerCase() },
    { ...person(15), 户编号: 'OUT15', 村代码: '150426100212' },
    { ...person(16), 户编号: 'NOWHERE', 村代码: '150425999999' },
    { ...person(17), 户编号: 'T10', 户类型: '监测对象', 监测对象类别: '边缘易致贫户' },
  ];

  beforeAll(async () => {
    file = path();
    await writeCsv(file, rows);
    const r = await importFile(db, file, { region: COUNTY });
    importId = r.id;
    expect(r).toMatchObject({ status: 'done', total_rows: 8, inserted: 2, failed: 6 });
  });

  it('reports every bad row with its row number, column, value and a reason in Chinese', async () => {
    const errors = await importErrors(db, importId);
    const bad = rows[1]?.身份证号 as string;
    expect(errors.map((e) => [e.row_number, e.column_name, e.code])).toEqual([
      // The empty 性别 column is not reported too: the wrong ID number is the one problem.
      [3, '身份证号', 'ROW_INVALID_VALUE'],
      [4, '就业开始日期', 'ROW_INVALID_VALUE'],
      [6, '身份证号', 'ROW_DUPLICATE_IN_FILE'],
      [7, '村代码', 'ROW_REGION_OUT_OF_SCOPE'],
      [8, '村代码', 'ROW_REGION_UNKNOWN'],
      [9, '户类型', 'ROW_HOUSEHOLD_CONFLICT'],
      [9, '监测对象类别', 'ROW_HOUSEHOLD_CONFLICT'],
    ]);
    expect(errors[0]).toMatchObject({ value: bad, reason: expect.stringMatching(/^校验码错误（末位应为 [\dX]）$/) });
    expect(errors[1]).toMatchObject({ value: '2024-02-30', reason: '不是有效日期（如 2024-03-01）' });
    expect(errors[2]?.reason).toBe('与第 5 行的身份证号重复（同一人只能填写一行）');
    expect(errors[3]?.reason).toBe('村代码 150426100212 不在您的管辖范围（克什克腾旗 150425）内');
    expect(errors[4]?.reason).toBe('村代码 150425999999 不是现行有效的村级统计用区划代码');
    expect(errors[5]?.reason).toBe('户编号 T10 在第 2 行的户类型为“脱贫户”，与本行不一致（同一户各成员的户信息必须相同）');
  });

  it('stores the good rows and nothing of the bad ones', async () => {
    const ids = (
      await db.kysely
        .selectFrom('persons')
        .select('id_number')
        .where(
          'id_number',
          'in',
          rows.map((r) => (r.身份证号 as string).toUpperCase()),
        )
        .execute()
    ).map((r) => r.id_number);
    expect(ids.sort()).toEqual([idOf(rows[0] as Row), idOf(dupe)].sort());
    expect(await db.kysely.selectFrom('households').select('id').where('number', 'in', ['OUT15', 'NOWHERE']).execute()).toEqual(
      [],
    );
  });

  it('the error report has the original rows plus 错误原因, ready to be corrected and imported again', async () => {
    const out = path('xlsx');
    const stream = createWriteStream(out);
    const imp = await db.kysely.selectFrom('imports').selectAll().where('id', '=', importId).executeTakeFirstOrThrow();
    const n = await writeErrorReport(db.kysely, imp as never, stream);
    await once(stream, 'close');
    expect(n).toBe(6);
    const sheet = await readSheet(out);
    expect(sheet[0]).toEqual([...HEADERS, '错误原因', '原行号']);
    expect(sheet.slice(1).map((r) => r[r.length - 1])).toEqual(['3', '4', '6', '7', '8', '9']);
    const firstBad = sheet[1] as string[];
    expect(firstBad.slice(0, HEADERS.length)).toEqual(HEADERS.map((h) => rows[1]?.[h] ?? ''));
    expect(firstBad[HEADERS.length]).toMatch(/^身份证号“\d{17}[\dX]”：校验码错误（末位应为 [\dX]）$/);
    const nine = sheet[6] as string[];
    expect(nine[HEADERS.length]).toContain('户类型“监测对象”：户编号 T10 在第 2 行的户类型为“脱贫户”');
  });
});

describe('against the database', () => {
  it('refuses a person already registered in another village and says where, and a household number taken elsewhere', async () => {
    const existing = makeIdNumber(COUNTY, '1979-09-09', 901, '男');
    await buildHousehold(db.kysely, {
      village: VILLAGES.hedong,
      number: 'HD-901',
      members: [{ name: '赵大海', idNumber: existing }],
    });
    const f = path();
    await writeCsv(f, [
      { ...person(20), 户编号: 'HN-20', 村代码: VILLAGES.henandian, 身份证号: existing },
      { ...person(21), 户编号: 'HD-901', 村代码: VILLAGES.henandian },
    ]);
    const r = await importFile(db, f, { region: COUNTY });
    expect(r).toMatchObject({ status: 'done', inserted: 0, failed: 2 });
    const errors = await importErrors(db, r.id);
    expect(errors).toEqual([
      {
        row_number: 2,
        column_name: '身份证号',
        value: existing,
        code: 'ROW_ID_REGISTERED_ELSEWHERE',
        reason: '身份证号已登记在 河东村委会（150425100200），同一人不能重复登记；如已迁入本村，请先由原村办理迁出',
      },
      {
        row_number: 3,
        column_name: '户编号',
        value: 'HD-901',
        code: 'ROW_HOUSEHOLD_ELSEWHERE',
        reason: '户编号已登记在 河东村委会（150425100200），户编号不能重复',
      },
    ]);
  });

  it('a village collector learns where an ID is registered even in a county they cannot see', async () => {
    const existing = makeIdNumber('530326', '1990-05-05', 77, '女');
    await buildHousehold(db.kysely, {
      village: VILLAGES.tanglang,
      members: [{ name: '陈秀兰', sex: '女', birth: '1990-05-05', idNumber: existing }],
    });
    const f = path();
    await writeCsv(f, [{ ...person(22), 身份证号: existing }]);
    const r = await importFile(db, f, { region: VILLAGES.hedong });
    const [error] = await importErrors(db, r.id);
    expect(error?.reason).toContain('身份证号已登记在 堂琅社区居民委员会（530326001001）');
  });
});

describe('importing again', () => {
  const rows = [...generateRows(40, { villages: village, householdPrefix: 'AGAIN', offset: 5000, employedShare: 0.6 })];
  let first: string;

  const snapshot = async () => ({
    persons: await db.kysely
      .selectFrom('persons')
      .select(['id', 'version', 'updated_at', 'row_hash', 'phone', 'household_id'])
      .where(
        'id_number',
        'in',
        rows.map((r) => r.身份证号 as string),
      )
      .orderBy('id')
      .execute(),
    households: await db.kysely.selectFrom('households').selectAll().where('number', 'like', 'AGAIN%').orderBy('id').execute(),
    spells: await db.kysely
      .selectFrom('employment_spells')
      .innerJoin('persons', 'persons.id', 'employment_spells.person_id')
      .selectAll('employment_spells')
      .where(
        'persons.id_number',
        'in',
        rows.map((r) => r.身份证号 as string),
      )
      .orderBy('employment_spells.id')
      .execute(),
    audit: Number(
      (
        await db.kysely
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });

  beforeAll(async () => {
    first = path();
    await writeCsv(first, rows);
    const r = await importFile(db, first, { region: COUNTY, chunkRows: 15 });
    expect(r).toMatchObject({ status: 'done', inserted: 40 });
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const before = await snapshot();
    const again = path();
    await writeCsv(again, rows);
    const r = await importFile(db, again, { region: COUNTY, chunkRows: 15 });
    expect(r).toMatchObject({ status: 'done', inserted: 0, updated: 0, unchanged: 40, failed: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('a corrected file updates the records, with a new version and an audit entry of before and after', async () => {
    const target = rows[3] as Row;
    const employed = rows.find((r) => r.就业渠道) as Row;
    const household = rows.find(
      (r) => r.是否易地搬迁 === '否' && r !== target && r !== employed && r.户编号 !== target.户编号,
    ) as Row;
    const corrected = rows.map((r) => {
      if (r === target) return { ...r, 联系电话: '13900009999' };
      if (r === employed) return { ...r, '月收入(元)': '8888' };
      if (r.户编号 === household.户编号) return { ...r, 是否易地搬迁: '是', 安置点: '新区安置点' };
      return r;
    });
    const before = await snapshot();
    const f = path();
    await writeCsv(f, corrected);
    const r = await importFile(db, f, { region: COUNTY });
    const householdSize = rows.filter((x) => x.户编号 === household.户编号).length;
    expect(r).toMatchObject({ status: 'done', inserted: 0, failed: 0 });
    expect(r.stats).toMatchObject({ personsUpdated: 1, householdsUpdated: 1, spellsUpdated: 1, spellsInserted: 0 });
    expect(r.updated).toBe(
      new Set([target.身份证号, employed.身份证号, ...rows.filter((x) => x.户编号 === household.户编号).map((x) => x.身份证号)])
        .size,
    );
    expect(householdSize).toBeGreaterThan(0);

    const p = await db.kysely
      .selectFrom('persons')
      .select(['id', 'version', 'phone'])
      .where('id_number', '=', target.身份证号 as string)
      .executeTakeFirstOrThrow();
    expect(p).toMatchObject({ version: 2, phone: '13900009999' });
    const entry = await db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'person')
      .where('entity_id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'person.import_update', actor_name: '命令行导入', region_code: target.村代码 });
    expect(entry.before).toEqual({ phone: target.联系电话 });
    expect(entry.after).toEqual({ phone: '13900009999' });

    const spellEntry = await db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'spell.import_update')
      .executeTakeFirstOrThrow();
    expect(spellEntry.after).toEqual({ monthly_income_fen: 888800 });
    const hh = await db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'household.import_update')
      .executeTakeFirstOrThrow();
    expect(hh.before).toEqual({ relocated: false, relocation_site: null });
    expect(hh.after).toEqual({ relocated: true, relocation_site: '新区安置点' });

    // Unchanged people kept their version and their timestamps.
    const after = await snapshot();
    const untouched = before.persons.filter((x) => x.id !== p.id);
    expect(after.persons.filter((x) => x.id !== p.id)).toEqual(untouched);
    expect((await verifyAuditChain(db.kysely)).ok).toBe(true);
  });

  it('a new current employment in a corrected file is added to the history, the old one stays', async () => {
    const someone = rows.find((r) => r.就业渠道) as Row;
    const f = path();
    await writeCsv(f, [
      {
        ...someone,
        就业渠道: '公益性岗位',
        就业开始日期: '2026-10-01',
        务工地点: '',
        务工单位: '经棚镇政府',
        '月收入(元)': '1500',
      },
    ]);
    const r = await importFile(db, f, { region: COUNTY });
    expect(r).toMatchObject({ status: 'done', updated: 1 });
    const spells = await db.kysely
      .selectFrom('employment_spells')
      .innerJoin('persons', 'persons.id', 'employment_spells.person_id')
      .select(['channel', 'start_date'])
      .where('persons.id_number', '=', someone.身份证号 as string)
      .orderBy('start_date')
      .execute();
    expect(spells).toHaveLength(2);
    expect(spells[1]).toEqual({ channel: '公益性岗位', start_date: '2026-10-01' });
  });
});

describe('employment at a registered employer, named by its credit code', () => {
  const code = (org: string) => `91150425${org}${creditCheckChar(`91150425${org}`)}`;
  const WORKSHOP = { code: code('MA0WTP01K'), name: '克什克腾旗河东村帮扶车间' };
  const CODE = '务工单位统一社会信用代码';
  const employedAt = (i: number, o: Partial<Row>) =>
    person(i, { 户编号: `E${i}`, 就业渠道: '帮扶车间', 就业开始日期: '2025-03-01', 务工地点: VILLAGES.hedong, ...o });
  const linkOf = (r: Row) =>
    db.kysely
      .selectFrom('employment_spells as s')
      .innerJoin('persons as p', 'p.id', 's.person_id')
      .select(['s.employer', 's.employer_id'])
      .where('p.id_number', '=', idOf(r))
      .executeTakeFirst();
  let workshopId: string;

  beforeAll(async () => {
    workshopId = (
      await db.kysely
        .insertInto('employers')
        .values({ credit_code: WORKSHOP.code, name: WORKSHOP.name, region_code: VILLAGES.hedong, is_workshop: true })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('links a spell to the employer its code names, refuses a code not registered or malformed, and a file without the column keeps the link', async () => {
    const unknown = code('MA0WTP02L');
    const malformed = `${WORKSHOP.code.slice(0, 17)}${WORKSHOP.code.endsWith('0') ? '1' : '0'}`;
    const rows = [
      employedAt(60, { [CODE]: WORKSHOP.code.toLowerCase() }),
      employedAt(61, { 务工单位: '河东车间', [CODE]: WORKSHOP.code }),
      employedAt(62, { 务工单位: '某服装厂', [CODE]: unknown }),
      employedAt(63, { [CODE]: malformed }),
    ];
    const f = path();
    await writeCsv(f, rows);
    const r = await importFile(db, f, { region: COUNTY });
    expect(r).toMatchObject({ status: 'done', inserted: 2, failed: 2 });
    // No name written: the registered one. A short name written: kept, and linked all the same.
    expect(await linkOf(rows[0] as Row)).toEqual({ employer: WORKSHOP.name, employer_id: workshopId });
    expect(await linkOf(rows[1] as Row)).toEqual({ employer: '河东车间', employer_id: workshopId });
    const errors = await importErrors(db, r.id);
    expect(errors.map((e) => [e.row_number, e.column_name, e.code, e.value])).toEqual([
      [4, CODE, 'ROW_EMPLOYER_UNKNOWN', unknown],
      [5, CODE, 'ROW_INVALID_VALUE', malformed],
    ]);
    expect(errors[0]?.reason).toBe('未在用工单位名录中登记：请先登记该用工单位，或不填此列只写务工单位名称');
    expect(await linkOf(rows[2] as Row)).toBeUndefined();

    // A file made with the old template (no code column) changes nothing: the links stay.
    const old = path();
    await writeCsv(old, [{ ...(rows[0] as Row), 务工单位: WORKSHOP.name }, rows[1] as Row], {
      headers: HEADERS.filter((h) => h !== CODE),
    });
    expect(await importFile(db, old, { region: COUNTY })).toMatchObject({ status: 'done', unchanged: 2, updated: 0 });
    expect(await linkOf(rows[1] as Row)).toEqual({ employer: '河东车间', employer_id: workshopId });
    // ... until it names another employer: then the spell is with that one, unlinked.
    const moved = path();
    await writeCsv(moved, [{ ...(rows[1] as Row), 务工单位: '河东村养殖合作社' }], {
      headers: HEADERS.filter((h) => h !== CODE),
    });
    expect(await importFile(db, moved, { region: COUNTY })).toMatchObject({ status: 'done', updated: 1 });
    expect(await linkOf(rows[1] as Row)).toEqual({ employer: '河东村养殖合作社', employer_id: null });
    const audit = await db.kysely
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'spell.import_update')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ before: { employer_id: Number(workshopId) }, after: { employer_id: null } });
  });
});

describe('a large file', () => {
  it('a 50 MB file is read as a stream: the first rows are committed long before the end of the file is read', async () => {
    const f = path();
    // Real registers carry long remarks; they make a 50 MB file of about 65,000 people.
    const remark = '该户家庭主要收入来源为务工收入和种植养殖收入，帮扶责任人每月入户走访一次，了解就业意愿和培训需求。'.repeat(4);
    const count = 65_000;
    const bytes = await writeCsv(
      f,
      (function* () {
        for (const r of generateRows(count, { villages: village, householdPrefix: 'BIG', offset: 200_000 }))
          yield { ...r, 备注: remark };
      })(),
      { headers: [...HEADERS, '备注'] },
    );
    expect(bytes).toBeGreaterThan(50 * 1024 * 1024);
    expect(statSync(f).size).toBe(bytes);
    const seen: { rows: number; percent: number }[] = [];
    const r = await importFile(db, f, {
      region: COUNTY,
      onProgress: (p) => seen.push({ rows: p.processedRows, percent: p.percent }),
    });
    expect(r).toMatchObject({ status: 'done', total_rows: count, inserted: count, failed: 0 });
    expect(seen[0]).toMatchObject({ rows: 5000 });
    expect(seen[0]?.percent).toBeLessThan(20);
    expect(seen.length).toBe(Math.ceil(count / 5000));
  }, 600_000);
});
