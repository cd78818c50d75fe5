// The list of a 政策找人 run over the 帮扶车间 of a region, as officers read and export it: each
// workshop with its registered place, contact, the register's laborers at it, the engine's
// conclusion and what is still to verify before it applies. Workshop contacts are the units'
// business contacts, not personal data of the register, and are shown as registered.
import type { Scoped } from '../../db/connection.ts';
import { formatFen } from '../../domain/money.ts';
import type { SafeSheetWriter } from '../imports/workbooks.ts';

export type UnitFindStatus = 'eligible' | 'amount_not_set' | 'incomplete';

export const UNIT_FIND_STATUS_NAMES: Record<UnitFindStatus, string> = {
  eligible: '符合',
  amount_not_set: '符合，金额待定',
  incomplete: '待核实',
};

export interface UnitFindQuery {
  status?: UnitFindStatus | undefined;
}

function rowsQuery(trx: Scoped, runId: string, region: string, q: UnitFindQuery) {
  let base = trx
    .selectFrom('find_workshop_results as f')
    .innerJoin('employers as e', 'e.id', 'f.employer_id')
    .where('f.run_id', '=', runId)
    .where('f.region_code', 'like', `${region}%`);
  if (q.status) base = base.where('f.status', '=', q.status);
  return base;
}

function listed(trx: Scoped, runId: string, region: string, q: UnitFindQuery) {
  return rowsQuery(trx, runId, region, q)
    .leftJoin('regions as r', (j) => j.onRef('r.code', '=', 'f.region_code').on('r.valid_to', 'is', null))
    .select([
      'f.employer_id',
      'f.region_code',
      'f.status',
      'f.amount_fen',
      'f.max_amount_fen',
      'f.message',
      'f.missing_facts',
      'f.laborers',
      'f.poor_laborers',
      'e.name',
      'e.credit_code',
      'e.contact_name',
      'e.contact_phone',
      'e.is_workshop',
      'e.is_base',
      'r.name as region_name',
    ])
    .orderBy('f.poor_laborers', 'desc')
    .orderBy('f.employer_id');
}

type ListedRow = Awaited<ReturnType<ReturnType<typeof listed>['execute']>>[number];

/** The engine's conclusion on a unit's row (workshop, or employer and laborer), as a list shows it. */
export function conclusionOf(r: {
  status: UnitFindStatus;
  amount_fen: string | null;
  max_amount_fen: string | null;
  missing_facts: string[];
  message: string;
}) {
  return {
    status: r.status,
    statusName: UNIT_FIND_STATUS_NAMES[r.status],
    amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
    maxAmountFen: r.max_amount_fen === null ? null : Number(r.max_amount_fen),
    missingFacts: r.missing_facts,
    message: r.message,
  };
}

/** The last cells of a unit's exported row: 结论, 金额（元）, 待核实, 说明. */
export function conclusionCells(c: ReturnType<typeof conclusionOf>): (string | number)[] {
  const amount = c.amountFen ?? c.maxAmountFen;
  return [c.statusName, amount === null ? '' : Number(formatFen(amount)), c.missingFacts.join('、'), c.message];
}

function present(r: ListedRow) {
  return {
    employerId: r.employer_id,
    name: r.name,
    creditCode: r.credit_code,
    kind: r.is_workshop ? '帮扶车间' : '就业帮扶基地',
    regionCode: r.region_code,
    regionName: r.region_name ?? '',
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    laborers: r.laborers,
    poorLaborers: r.poor_laborers,
    ...conclusionOf(r),
  };
}
export type WorkshopListItem = ReturnType<typeof present>;

/** One page of a workshop run's list, the workshops with most registered poor laborers first. */
export async function workshopResults(
  trx: Scoped,
  runId: string,
  region: string,
  q: UnitFindQuery & { page: number; pageSize: number },
) {
  return unitPage(
    q,
    rowsQuery(trx, runId, region, q).select((eb) => eb.fn.countAll<string>().as('n')),
    listed(trx, runId, region, q),
    present,
  );
}

/** One page of a unit list: the count of its filtered rows and the page of its ordered ones, presented. */
export async function unitPage<R, I>(
  q: { page: number; pageSize: number },
  count: { executeTakeFirstOrThrow(): Promise<{ n: string }> },
  ordered: { limit(n: number): { offset(n: number): { execute(): Promise<R[]> } } },
  show: (row: R) => I,
) {
  const total = Number((await count.executeTakeFirstOrThrow()).n);
  const rows = await ordered
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map(show) };
}

export const WORKSHOP_EXPORT_HEADERS = [
  '序号',
  '单位名称',
  '统一社会信用代码',
  '类型',
  '登记地',
  '区划代码',
  '联系人',
  '联系电话',
  '台账在岗劳动力',
  '其中脱贫劳动力',
  '结论',
  '金额（元）',
  '待核实',
  '说明',
];
export const WORKSHOP_EXPORT_WIDTHS = [8, 30, 22, 12, 24, 16, 10, 16, 14, 14, 14, 12, 40, 60];

/** Writes the whole list (a county has hundreds of workshops at most); returns the rows written. */
export async function writeWorkshopRows(
  trx: Scoped,
  runId: string,
  region: string,
  q: UnitFindQuery,
  sheet: SafeSheetWriter,
): Promise<number> {
  const rows = (await listed(trx, runId, region, q).execute()).map(present);
  rows.forEach((r, i) => {
    sheet.addRow([
      i + 1,
      r.name,
      r.creditCode,
      r.kind,
      r.regionName,
      r.regionCode,
      r.contactName,
      r.contactPhone,
      r.laborers,
      r.poorLaborers,
      ...conclusionCells(r),
    ]);
  });
  return rows.length;
}
