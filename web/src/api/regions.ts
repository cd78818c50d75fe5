import { api } from './client.ts';
import type {
  DesignationKind,
  DesignationList,
  DesignationLists,
  NewDesignationList,
  Region,
  RegionChild,
  RegionDesignations,
  RegionHit,
} from './types.ts';

export const getRegion = (code: string) => api.get<Region>(`/api/regions/${encodeURIComponent(code)}`);
export const getRegionChildren = (code: string) => api.get<RegionChild[]>(`/api/regions/${encodeURIComponent(code)}/children`);
export const searchRegions = (q: string) => api.get<RegionHit[]>('/api/regions/search', { q });

// 区划认定: the 贫困县 and 深度贫困县 lists (src/modules/regions/designations.routes.ts).
export const listDesignations = (q: { province?: string; kind?: DesignationKind }) =>
  api.get<DesignationLists>('/api/designations', q);
export const createDesignationList = (body: NewDesignationList) => api.post<DesignationList>('/api/designations', body);
export const addDesignatedCounties = (id: string, counties: string[]) =>
  api.post<{ added: number }>(`/api/designations/${encodeURIComponent(id)}/counties`, { counties });
export const recordCountyLeaving = (id: string, county: string, body: { until: string; basis: string }) =>
  api.post<{ county: string; until: string }>(
    `/api/designations/${encodeURIComponent(id)}/counties/${encodeURIComponent(county)}/leave`,
    body,
  );
export const getRegionDesignations = (code: string, date?: string) =>
  api.get<RegionDesignations>(`/api/regions/${encodeURIComponent(code)}/designations`, { date });
