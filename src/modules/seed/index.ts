// Demo data and accounts: what other modules and the CLI may use from this module.
export { DEMO_CLAIMS_COUNTY, type DemoClaimsSummary, seedDemoClaims } from './demo-claims.ts';
export { seedDemoDesignations } from './demo-designations.ts';
export { type DemoFairsSummary, seedDemoFairs } from './demo-fairs.ts';
export { ensureDemoLaborer } from './demo-laborer.ts';
export { type DemoPostSubsidySummary, seedDemoPostSubsidy } from './demo-post-subsidy.ts';
export { ensureDemoUsers } from './demo-users.ts';
export { countHouseholds } from './seed.repository.ts';
export { DUPLICATE_REASON, loadArea, type SeedOptions, type SeedSummary, seedPopulation } from './seed.service.ts';
