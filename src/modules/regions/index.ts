// What other modules and the CLI use of the regions capability.

export type { ChangePlan } from '../../domain/region/region-change.ts';
export { designationIndex } from './designations.service.ts';
export { DATASET_SOURCE, DATASET_VALID_FROM, listProvinces as listDatasetProvinces } from './division-dataset.ts';
export { applyRegionChange, type ChangeAuthor, type ChangeResult, planChange, type RegionChange } from './region-changes.ts';
export { loadProvinces } from './region-loader.ts';
export * as regionsRepository from './regions.repository.ts';
export { regionRoutes } from './regions.routes.ts';
export {
  checkVillageCodes,
  getChildren,
  getRegion,
  type RegionChild,
  type RegionDetail,
  type RegionHit,
  regionContains,
  searchRegions,
  type VillageCheck,
} from './regions.service.ts';
