/** parse + validate + meaning checks + hash: what every caller that loads a scenario wants. */
import type { Ledger } from '../ledger/schema';
import type { Result } from '../ledger/result';
import { auditNumbers, type Assumption } from './assumptions';
import { checkScenario } from './check';
import { scenarioHash } from './scenario-hash';
import { checkShownTexts } from './shown-text-check';
import { parseScenarioPartial, sortIssues, type ScenarioIssue } from './load';
import type { Scenario } from './schema';

export interface LoadedScenario {
  scenario: Scenario;
  /** scenarioHash(scenario): results and game records pin it. */
  hash: string;
  /** Problems that do not stop the scenario from being played. */
  warnings: ScenarioIssue[];
  /** The numbers the authors marked `# assumption`, with their reasons, for the source cards. */
  assumptions: Assumption[];
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
  const partial = parseScenarioPartial(text, fileName);
  if (partial.parsed === undefined) return { ok: false, errors: partial.issues };
  const { scenario, source } = partial.parsed;
  const checked = [
    ...checkScenario(scenario, ledger, source),
    ...checkShownTexts(scenario, source),
  ];
  const all = sortIssues([...partial.issues, ...checked]);
  if (all.some((i) => i.severity === 'error')) return { ok: false, errors: all };
  const { assumptions } = auditNumbers(text);
  return {
    ok: true,
    value: { scenario, hash: scenarioHash(scenario), warnings: all, assumptions },
  };
}
