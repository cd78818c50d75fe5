import { api } from './client.ts';
import type { AuditEntry, Id, LaborerDetail, LaborerListItem, Page, PersonFields, SpellFields, Workbench } from './types.ts';

/** Filters of the register list; also the query string of the Excel export. */
export interface LaborerQuery {
  region?: string;
  status?: string;
  channel?: string;
  willing?: string;
  capacity?: string;
  ageBand?: string;
  householdType?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const getWorkbench = (region?: string) => api.get<Workbench>('/api/workbench', { region });

export const listLaborers = (query: LaborerQuery) =>
  api.get<Page<LaborerListItem>>('/api/laborers', query as Record<string, string | number | undefined>);

export const getLaborer = (id: Id) => api.get<LaborerDetail>(`/api/laborers/${id}`);

export const updateLaborer = (id: Id, version: number, fields: PersonFields) =>
  api.patch<LaborerDetail>(`/api/laborers/${id}`, { version, fields });

export const createLaborer = (fields: PersonFields) => api.post<LaborerDetail>('/api/laborers', { fields });

export const addSpell = (id: Id, fields: SpellFields) => api.post<unknown>(`/api/laborers/${id}/spells`, { fields });

export const updateSpell = (id: Id, spellId: Id, fields: SpellFields) =>
  api.patch<unknown>(`/api/laborers/${id}/spells/${spellId}`, { fields });

export const revealIdNumber = (id: Id) => api.post<{ idNumber: string }>(`/api/laborers/${id}/reveal-id`);

export const getLaborerAudit = (id: Id) => api.get<AuditEntry[]>(`/api/laborers/${id}/audit`);
