/**
 * Scenario files: parse (YAML 1.2 / JSON), validate (one zod schema), check meaning against the
 * figures ledger, hash, and resolve into the engine's Rules. Pure and browser-safe; Node
 * callers who read files use src/scenario/node.ts.
 */
import type { Ledger } from '../ledger/schema';
import type { Result } from '../ledger/result';
import { checkScenario } from './check';
import { scenarioHash } from './scenario-hash';
import { parseScenarioSource, sortIssues, type ScenarioIssue } from './load';
import type { Scenario } from './schema';

export * from './schema';
export {
  formatIssue,
  parseScenario,
  parseScenarioSource,
  pathToString,
  sortIssues,
  sourceless,
  MAX_ALIAS_COUNT,
  MAX_NESTING,
  MAX_SCENARIO_BYTES,
  type DataPath,
  type ParsedScenario,
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
export { formatReport } from './report';

export interface LoadedScenario {
  scenario: Scenario;
  /** scenarioHash(scenario): results and game records pin it. */
  hash: string;
  /** Problems that do not stop the scenario from being played. */
  warnings: ScenarioIssue[];
}

/**
 * Parse, validate and check a scenario against the ledger. Fails with every error and warning
 * at once (sorted by position) when there is at least one error. Never throws for bad input.
 */
export function loadScenario(
  text: string,
  fileName: string,
  ledger: Ledger,
): Result<LoadedScenario, ScenarioIssue[]> {
  const parsed = parseScenarioSource(text, fileName);
  if (!parsed.ok) return parsed;
  const { scenario, source, warnings } = parsed.value;
  const checked = checkScenario(scenario, ledger, source);
  const all = sortIssues([...warnings, ...checked]);
  if (all.some((i) => i.severity === 'error')) return { ok: false, errors: all };
  return { ok: true, value: { scenario, hash: scenarioHash(scenario), warnings: all } };
}
