// An employer's 在岗劳动力 as an Excel list for the office's visit or call to the employer: the
// register's laborers whose current employment is linked to it, with months in post, income and
// insurance, ID numbers masked for those without the right, the export audited (registry).
import type { Writable } from 'node:stream';
import type { Database } from '../../db/connection.ts';
import { formatFen } from '../../domain/money.ts';
import type { Actor } from '../auth/actor.ts';
import { employerLaborersForExport, idFor } from '../registry/index.ts';
import { SafeSheetWriter } from './workbooks.ts';

const HEADERS = [
  '序号',
  '姓名',
  '身份证号',
  '性别',
  '年龄',
  '所在村（社区）',
  '村代码',
  '户类型',
  '就业渠道',
  '到岗日期',
  '在岗月数',
  '月收入（元）',
  '参保',
];
const WIDTHS = [8, 10, 22, 6, 6, 26, 16, 10, 16, 12, 10, 12, 8];

/** Writes the list to `out`; returns the employer's name, for the file name, and the rows written. */
export async function exportEmployerLaborers(database: Database, actor: Actor, employerId: string, out: Writable) {
  const { date, employer, rows } = await employerLaborersForExport(database, actor, employerId);
  const sheet = new SafeSheetWriter(out, `在岗劳动力 ${date}`, HEADERS, { widths: WIDTHS });
  rows.forEach((r, i) => {
    sheet.addRow([
      i + 1,
      r.name,
      idFor(actor, r.id_number),
      r.sex,
      r.age,
      r.village_name ?? '',
      r.village_code,
      r.household_type,
      r.channel,
      r.start_date,
      r.monthsThere,
      Number(formatFen(r.monthly_income_fen)),
      r.insured ? '是' : '否',
    ]);
  });
  await sheet.finish();
  return { employer: employer.name, rows: rows.length };
}
