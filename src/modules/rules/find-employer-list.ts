// The list of a 政策找单位 run, as officers read and export it: each employer with its contact,
// and under it each laborer of the register the claim could be for, with the months in post the
// register gives, the engine's conclusion and what is still to verify before the employer
// applies. Laborers' ID numbers and phones are masked by the viewer's right, as in every list.
import type { Scoped } from '../../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import type { SafeSheetWriter } from '../imports/workbooks.ts';
import { idFor, idOnScreen } from '../registry/laborer.presenter.ts';
import { conclusionCells, conclusionOf, type UnitFindQuery, unitPage } from './find-workshop-list.ts';

function rowsQuery(trx: Scoped, runId: string, region: string, q: UnitFindQuery) {
  let base = trx
    .selectFrom('find_employer_results as f')
    .innerJoin('employers as e', 'e.id', 'f.employer_id')
    .innerJoin('persons as p', 'p.id', 'f.person_id')
    .where('f.run_id', '=', runId)
    .where('f.region_code', 'like', `${region}%`);
  if (q.status) base = base.where('f.status', '=', q.status);
  return base;
}

function listed(trx: Scoped, runId: string, region: string, q: UnitFindQuery) {
  return rowsQuery(trx, runId, region, q)
    .leftJoin('regions as v', (j) => j.onRef('v.code', '=', 'f.region_code').on('v.valid_to', 'is', null))
    .select([
      'f.employer_id',
      'f.person_id',
      'f.region_code',
      'f.status',
      'f.amount_fen',
      'f.max_amount_fen',
      'f.message',
      'f.missing_facts',
      'f.months_in_post',
      'e.name as employer_name',
      'e.credit_code',
      'e.region_code as employer_region',
      'e.contact_name',
      'e.contact_phone',
      'p.name',
      'p.id_number',
      'p.sex',
      'v.name as village_name',
    ])
    .orderBy('f.employer_id')
    .orderBy('f.region_code')
    .orderBy('f.person_id');
}

type ListedRow = Awaited<ReturnType<ReturnType<typeof listed>['execute']>>[number];

function present(r: ListedRow, idNumber: string) {
  return {
    employerId: r.employer_id,
    employerName: r.employer_name,
    creditCode: r.credit_code,
    employerRegion: r.employer_region,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    personId: r.person_id,
    name: r.name,
    idNumber,
    sex: r.sex,
    villageCode: r.region_code,
    villageName: r.village_name ?? '',
    monthsInPost: r.months_in_post,
    ...conclusionOf(r),
  };
}
export type EmployerListItem = ReturnType<typeof present>;

/** One page of an employer run's list, employer by employer. */
export async function employerResults(
  trx: Scoped,
  runId: string,
  region: string,
  q: UnitFindQuery & { page: number; pageSize: number },
) {
  return unitPage(
    q,
    rowsQuery(trx, runId, region, q).select((eb) => eb.fn.countAll<string>().as('n')),
    listed(trx, runId, region, q),
    (r) => present(r, idOnScreen(r.id_number)),
  );
}

export const EMPLOYER_EXPORT_HEADERS = [
  '序号',
  '单位名称',
  '统一社会信用代码',
  '单位所在地代码',
  '单位联系人',
  '单位联系电话',
  '劳动力姓名',
  '身份证号',
  '性别',
  '所在村（社区）',
  '村代码',
  '在岗月数',
  '结论',
  '金额（元）',
  '待核实',
  '说明',
];
export const EMPLOYER_EXPORT_WIDTHS = [8, 30, 22, 14, 10, 16, 10, 22, 6, 24, 16, 10, 14, 12, 40, 60];

/** Writes the whole list; returns the rows written. */
export async function writeEmployerRows(
  trx: Scoped,
  actor: Actor,
  runId: string,
  region: string,
  q: UnitFindQuery,
  sheet: SafeSheetWriter,
): Promise<number> {
  const rows = (await listed(trx, runId, region, q).execute()).map((r) => present(r, idFor(actor, r.id_number)));
  rows.forEach((r, i) => {
    sheet.addRow([
      i + 1,
      r.employerName,
      r.creditCode,
      r.employerRegion,
      r.contactName,
      r.contactPhone,
      r.name,
      r.idNumber,
      r.sex,
      r.villageName,
      r.villageCode,
      r.monthsInPost,
      ...conclusionCells(r),
    ]);
  });
  return rows.length;
}
