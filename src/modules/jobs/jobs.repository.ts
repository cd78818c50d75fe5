// Queries of employers, job posts and job imports. Callers pass a scoped transaction.
import type { Scoped } from '../../db/connection.ts';

export interface JobFilters {
  /** Place of work: region code prefix. */
  region?: string | undefined;
  /** Office that collected the post: region code prefix. */
  collectedBy?: string | undefined;
  /** Occupation code or a group above it ('6-25', '4-10'). */
  occupation?: string | undefined;
  status?: 'open' | 'filled' | 'expired' | undefined;
  employer?: string | undefined;
  q?: string | undefined;
  /** Only the posts of this region: collected by one of its offices or to be worked in it. */
  of?: string | undefined;
}

function like(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const JOB_COLUMNS = [
  'j.id',
  'j.employer_id',
  'j.region_code',
  'j.title',
  'j.occupation_code',
  'j.work_region_code',
  'j.work_place',
  'j.openings',
  'j.filled',
  'j.wage_min_fen',
  'j.wage_max_fen',
  'j.working_hours',
  'j.accommodation',
  'j.meals',
  'j.contract_months',
  'j.season_from',
  'j.season_to',
  'j.age_min',
  'j.age_max',
  'j.sex_required',
  'j.sex_reason',
  'j.education_min',
  'j.skills',
  'j.certificates',
  'j.physical_demand',
  'j.suitable_for_weak',
  'j.status',
  'j.effective_status',
  'j.valid_until',
  'j.source',
  'j.created_at',
  'j.updated_at',
  'j.version',
  'e.name as employer_name',
  'e.credit_code as employer_credit_code',
  'e.is_workshop as employer_is_workshop',
  'e.is_base as employer_is_base',
  'wr.name as work_region_name',
] as const;

function jobsQuery(trx: Scoped) {
  return trx
    .selectFrom('job_posts_current as j')
    .innerJoin('employers as e', 'e.id', 'j.employer_id')
    .leftJoin('regions as wr', (jn) => jn.onRef('wr.code', '=', 'j.work_region_code').on('wr.valid_to', 'is', null));
}

export async function listJobs(trx: Scoped, f: JobFilters, page: number, pageSize: number) {
  let q = jobsQuery(trx);
  if (f.region) q = q.where('j.work_region_code', 'like', like(f.region));
  if (f.collectedBy) q = q.where('j.region_code', 'like', like(f.collectedBy));
  const of = f.of;
  if (of) q = q.where((eb) => eb.or([eb('j.region_code', 'like', like(of)), eb('j.work_region_code', 'like', like(of))]));
  if (f.occupation)
    q = q.where((eb) =>
      eb.or([eb('j.occupation_code', '=', f.occupation as string), eb('j.occupation_code', 'like', like(`${f.occupation}-`))]),
    );
  if (f.status) q = q.where('j.effective_status', '=', f.status);
  if (f.employer) q = q.where('j.employer_id', '=', f.employer);
  if (f.q)
    q = q.where((eb) =>
      eb.or([eb('j.title', 'like', `%${like(f.q as string)}`), eb('e.name', 'like', `%${like(f.q as string)}`)]),
    );
  const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const items = await q
    .select([...JOB_COLUMNS])
    .orderBy('j.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total.n), items };
}

export type JobRow = Awaited<ReturnType<typeof listJobs>>['items'][number];

export function getJob(trx: Scoped, id: string) {
  return jobsQuery(trx)
    .select([...JOB_COLUMNS])
    .where('j.id', '=', id)
    .executeTakeFirst();
}

export interface EmployerFilters {
  region?: string | undefined;
  q?: string | undefined;
  workshop?: boolean | undefined;
  base?: boolean | undefined;
  /** Only the carriers 政策找人 counts laborers at: 帮扶车间 or 就业帮扶基地. */
  carrier?: boolean | undefined;
  /** Only this employer (an employer's own account). */
  only?: string | undefined;
  /** Only the employers of this region: located in it, or registered by one of its offices. */
  of?: string | undefined;
}

const EMPLOYER_COLUMNS = [
  'e.id',
  'e.credit_code',
  'e.name',
  'e.region_code',
  'e.office_code',
  'e.industry',
  'e.contact_name',
  'e.contact_phone',
  'e.address',
  'e.is_workshop',
  'e.is_base',
  'e.created_at',
  'e.updated_at',
  'e.version',
  'r.name as region_name',
] as const;

function employersQuery(trx: Scoped) {
  return trx
    .selectFrom('employers as e')
    .leftJoin('regions as r', (jn) => jn.onRef('r.code', '=', 'e.region_code').on('r.valid_to', 'is', null));
}

export async function listEmployers(trx: Scoped, f: EmployerFilters, page: number, pageSize: number) {
  let q = employersQuery(trx);
  if (f.only) q = q.where('e.id', '=', f.only);
  if (f.region) q = q.where('e.region_code', 'like', like(f.region));
  const of = f.of;
  if (of) q = q.where((eb) => eb.or([eb('e.region_code', 'like', like(of)), eb('e.office_code', 'like', like(of))]));
  if (f.workshop !== undefined) q = q.where('e.is_workshop', '=', f.workshop);
  if (f.base !== undefined) q = q.where('e.is_base', '=', f.base);
  if (f.carrier === true) q = q.where((eb) => eb.or([eb('e.is_workshop', '=', true), eb('e.is_base', '=', true)]));
  if (f.carrier === false) q = q.where('e.is_workshop', '=', false).where('e.is_base', '=', false);
  if (f.q) {
    const t = f.q.toUpperCase();
    q = q.where((eb) => eb.or([eb('e.name', 'like', `%${like(f.q as string)}`), eb('e.credit_code', 'like', like(t))]));
  }
  const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const items = await q
    .select([
      ...EMPLOYER_COLUMNS,
      (eb) =>
        eb
          .selectFrom('job_posts_current as j')
          .select((e2) => e2.fn.countAll<string>().as('n'))
          .whereRef('j.employer_id', '=', 'e.id')
          .where('j.effective_status', '=', 'open')
          .as('open_jobs'),
    ])
    .orderBy('e.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total.n), items };
}

export type EmployerRow = Awaited<ReturnType<typeof listEmployers>>['items'][number];

export async function getEmployer(trx: Scoped, id: string) {
  const r = await listEmployers(trx, { only: id }, 1, 1);
  return r.items[0];
}

export function findEmployerByCreditCode(trx: Scoped, code: string) {
  return trx.selectFrom('employers').select(['id', 'name', 'region_code']).where('credit_code', '=', code).executeTakeFirst();
}

export function employerAccounts(trx: Scoped, employerId: string) {
  return trx
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'disabled', 'created_at'])
    .where('employer_id', '=', employerId)
    .orderBy('id')
    .execute();
}

export async function currentRegionName(trx: Scoped, code: string): Promise<string | undefined> {
  const r = await trx
    .selectFrom('regions')
    .select('name')
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  return r?.name;
}
