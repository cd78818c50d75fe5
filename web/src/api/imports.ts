import { api, request } from './client.ts';
import type { Id, ImportJob } from './types.ts';

export const listImports = () => api.get<ImportJob[]>('/api/imports');
export const getImport = (id: Id) => api.get<ImportJob>(`/api/imports/${id}`);

export function uploadImport(file: File): Promise<ImportJob> {
  const form = new FormData();
  form.append('file', file, file.name);
  return request<ImportJob>('/api/imports', { method: 'POST', body: form });
}

export const importErrorsUrl = (id: Id) => `/api/imports/${id}/errors.xlsx`;
export const IMPORT_TEMPLATE_URL = '/api/imports/template.xlsx';
