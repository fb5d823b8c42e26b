/**
 * Scenario files: parse (YAML 1.2 / JSON), validate (one zod schema), check meaning against the
 * figures ledger, hash, and resolve into the engine's Rules. Pure and browser-safe; Node
 * callers who read files use src/scenario/node.ts.
 */
export * from './schema';
export {
  formatIssue,
  parseScenario,
  parseScenarioPartial,
  parseScenarioSource,
  pathToString,
  sortIssues,
  sourceless,
  MAX_ALIAS_COUNT,
  MAX_NESTING,
  MAX_SCENARIO_BYTES,
  type DataPath,
  type ParsedScenario,
  type PartialParse,
  type PathSegment,
  type ScenarioIssue,
  type ScenarioSource,
  type Severity,
} from './load';
export { checkScenario, calendarSpan } from './check';
export { resolveScenario, resolvePolicies, resolveQuantity } from './resolve';
export { canonicalJson, hash64, hashValue } from './hash';
export { scenarioHash } from './scenario-hash';
export { METRIC_IDS, isMetricId, type MetricId } from './metrics';
export { findQuantities, quantityKind, type QuantityKind } from './quantities';
export { formatReport, verdictLine } from './report';
export { loadScenario, type LoadedScenario } from './load-scenario';
export { auditNumbers, assumptionAt, type Assumption, type NumberAudit } from './assumptions';
export { validateScenarioText, type ValidationResult } from './validate';
export {
  migrateScenario,
  migrations,
  OLDEST_FORMAT_VERSION,
  type Migration,
  type MigrationOutcome,
} from './migrate';
export { BUILT_IN_SCENARIOS, type BuiltInScenario } from './builtins';
export {
  fetchScenario,
  readScenarioFile,
  scenarioUrl,
  type BrowserLoadOptions,
  type FetchScenarioOptions,
  type ScenarioLoad,
} from './browser';
