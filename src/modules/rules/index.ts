// What other modules (claims, the CLI, benchmarks) use from the rules module.
export { catalog, loadCatalog, POLICIES_DIR } from './catalog.ts';
export { DEAD_CLAIM_STATUSES } from './rules.repository.ts';
export {
  type CaseInput,
  type CaseResult,
  evaluate,
  evaluateOffline,
  plainCase,
  type RegionalInputs,
  regionalInputs,
  registerPerson,
  resolveCase,
} from './rules.service.ts';
