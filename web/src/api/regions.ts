import { api } from './client.ts';
import type { Region, RegionChild, RegionHit } from './types.ts';

export const getRegion = (code: string) => api.get<Region>(`/api/regions/${encodeURIComponent(code)}`);
export const getRegionChildren = (code: string) => api.get<RegionChild[]>(`/api/regions/${encodeURIComponent(code)}/children`);
export const searchRegions = (q: string) => api.get<RegionHit[]>('/api/regions/search', { q });
