import { api } from './client.ts';
import type { DuplicateCandidate, Id } from './types.ts';

export const listDuplicates = () => api.get<DuplicateCandidate[]>('/api/duplicates');
export const mergeDuplicate = (id: Id, keep: Id, note: string) =>
  api.post<unknown>(`/api/duplicates/${id}/merge`, { keep, note });
export const dismissDuplicate = (id: Id, note: string) => api.post<unknown>(`/api/duplicates/${id}/dismiss`, { note });
