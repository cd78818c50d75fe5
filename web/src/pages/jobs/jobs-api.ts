// Employers, job posts and the occupational classification over HTTP
// (src/modules/jobs/jobs.routes.ts); the employer list and its type are in api/employers.ts,
// which the register's forms use too.
import type { JobInput } from '@domain/jobs/job-input.ts';
import type { JobStatusValue } from '@domain/jobs/vocabulary.ts';
import { api, type QueryParams, request } from '../../api/client.ts';
import type { Employer } from '../../api/employers.ts';
import type { Id, Page } from '../../api/types.ts';

export interface EmployerAccount {
  id: Id;
  username: string;
  displayName: string;
  disabled: boolean;
}

/** GET /api/employers/:id: with the employer's logins for the office that may manage them. */
export interface EmployerDetail extends Employer {
  accounts: EmployerAccount[];
}

export type EmployerFields = Pick<
  Employer,
  'creditCode' | 'name' | 'regionCode' | 'industry' | 'contactName' | 'contactPhone' | 'address' | 'isWorkshop' | 'isBase'
>;

export interface Job extends JobInput {
  id: Id;
  employerId: Id;
  employerName: string;
  employerIsWorkshop?: boolean;
  employerIsBase?: boolean;
  /** The office that collected the post. */
  regionCode: string;
  occupationName: string;
  workRegionName: string;
  filled: number;
  /** The status people see: an open post past its validity or season is expired, with no openings left filled. */
  status: JobStatusValue;
  statusName: string;
  /** As stored (set by hand or by hires). */
  storedStatus: JobStatusValue;
  source: 'form' | 'import' | 'employer';
  version: number;
  createdAt: string;
  updatedAt?: string;
}

/** The body's `fields` of POST and PATCH /api/jobs. */
export type JobFields = Partial<Record<keyof JobInput, unknown>>;

export interface Occupation {
  code: string;
  name: string;
  level: 'major' | 'middle' | 'occupation';
  path: string[];
  keywords?: string[];
}

export interface JobQuery {
  /** Place of work: region code prefix. */
  region?: string;
  /** The office that collected the post: region code prefix. */
  collectedBy?: string;
  occupation?: string;
  status?: string;
  employer?: string;
  q?: string;
  /** Only the user's region's posts: collected by its offices or to be worked in it. */
  mine?: boolean;
  page?: number;
  pageSize?: number;
}

export const getEmployer = (id: Id) => api.get<EmployerDetail>(`/api/employers/${id}`);
/** One laborer of the register at an employer: GET /api/employers/:id/laborers (src/modules/registry). */
export interface EmployerLaborer {
  id: Id;
  name: string;
  /** Masked. */
  idNumber: string;
  sex: '男' | '女';
  age: number;
  villageCode: string;
  villageName: string;
  householdType: string;
  spellId: Id;
  channel: string;
  startDate: string;
  endDate: string | null;
  monthsThere: number;
  monthlyIncomeFen: number;
  insured: boolean;
}

export interface EmployerLaborers {
  date: string;
  scope: string;
  total: number;
  /** Of them, members of 脱贫户. */
  poor: number;
  /** Current spells in scope written under exactly the employer's name, linked to no employer. */
  unlinkedSameName: number;
  /** Registered employers with exactly that name (more than one: no linking by name). */
  employersSameName: number;
  items: EmployerLaborer[];
}

export const getEmployerLaborers = (id: Id) => api.get<EmployerLaborers>(`/api/employers/${id}/laborers`);
export const linkSpellsByName = (id: Id, expected: number) =>
  api.post<{ linked: number }>(`/api/employers/${id}/link-spells`, { expected });
export const createEmployer = (e: Partial<EmployerFields>) => api.post<Employer>('/api/employers', e);
export const updateEmployer = (id: Id, version: number, fields: Partial<EmployerFields>) =>
  api.patch<Employer>(`/api/employers/${id}`, { version, fields });

export const listJobs = (q: JobQuery) => api.get<Page<Job>>('/api/jobs', q as QueryParams);
export const getJob = (id: Id) => api.get<Job>(`/api/jobs/${id}`);
/** `region`: the collecting office, by default the user's own region (ignored for an employer's login). */
export const createJob = (employerId: Id, fields: JobFields, region?: string) =>
  api.post<Job>('/api/jobs', { employerId: String(employerId), fields, ...(region ? { region } : {}) });
export const updateJob = (id: Id, version: number, change: { fields?: JobFields; status?: JobStatusValue }) =>
  api.patch<Job>(`/api/jobs/${id}`, { version, ...change });

export const searchOccupations = (q: string) =>
  api.get<{ edition: string; items: Occupation[] }>('/api/occupations', { q }).then((r) => r.items);

// ---- job post imports (same per-row error handling as the laborer import) ----

export interface JobImportResult {
  id: Id;
  fileName: string;
  rows: number;
  imported: number;
  rejected: number;
  /** The first rejected rows with their reasons; all of them are in the error report. */
  errors: { rowNumber: number; cells: string[]; reasons: { column: string; value: string; reason: string }[] }[];
}

export const JOB_IMPORT_TEMPLATE_URL = '/api/jobs/template.xlsx';
export const jobImportErrorsUrl = (id: Id) => `/api/jobs/imports/${id}/errors.xlsx`;

/** `region`: the collecting office, by default the user's own region. */
export function uploadJobImport(file: File, region?: string): Promise<JobImportResult> {
  const form = new FormData();
  if (region) form.append('region', region);
  form.append('file', file, file.name);
  return request<JobImportResult>('/api/jobs/import', { method: 'POST', body: form });
}

export const createEmployerAccount = (employerId: Id, a: { username: string; password: string; displayName?: string }) =>
  api.post<{ id: Id; username: string; displayName: string; employerId: Id; role: 'employer' }>(
    `/api/employers/${employerId}/accounts`,
    a,
  );
