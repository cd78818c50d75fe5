// Registered employers over HTTP (GET /api/employers in src/modules/jobs/jobs.routes.ts):
// shared by the jobs pages and the register's spell form, which suggests their names.
import { api, type QueryParams } from './client.ts';
import type { Id, Page } from './types.ts';

export interface Employer {
  id: Id;
  creditCode: string;
  name: string;
  /** Where the employer is registered (anywhere: a Shenzhen factory hiring Huize laborers). */
  regionCode: string;
  regionName?: string;
  /** The office that registered the employer and alone may change it. */
  officeCode?: string;
  industry: string;
  industryName?: string;
  contactName: string;
  contactPhone: string;
  address: string;
  isWorkshop: boolean;
  isBase: boolean;
  /** Open job posts of the employer. */
  openJobs: number;
  version: number;
  updatedAt?: string;
}

export interface EmployerQuery {
  /** Name (anywhere in it) or the start of the 统一社会信用代码. */
  q?: string;
  region?: string;
  /** Only 帮扶车间 (true) or only other employers (false). */
  workshop?: boolean;
  /** Only 帮扶车间 or 就业帮扶基地 (true). */
  carrier?: boolean;
  /** Only the user's region's employers: located in it or registered by its offices. */
  mine?: boolean;
  page?: number;
  pageSize?: number;
}

export const listEmployers = (q: EmployerQuery) => api.get<Page<Employer>>('/api/employers', q as QueryParams);
