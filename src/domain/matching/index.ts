// Person-job matching (人岗匹配), pure and in memory: hard constraints first, then a score of
// tunable terms with Chinese reasons; an index of jobs by county for a laborer's top K, the
// employer's side for one job, and why a laborer has fewer than K suitable jobs.
// The model and how to tune it: docs/matching.md; the numbers: config/matching-model.yaml.
export { firstViolation, fits, placeAllowed, regionInside, violations } from './constraints.ts';
export { countyCentres, countyOrSelf, distanceKm, GeoTable, haversineKm } from './geo.ts';
export { resolvePreferredPlaces } from './places.ts';
export { JobIndex, rankLaborersForJob, recommendBruteForce, TopK } from './rank.ts';
export { boardPoints, distancePoints, jobKinds, type Scored, scoreJob, scorePoints, wagePoints } from './score.ts';
export * from './types.ts';
