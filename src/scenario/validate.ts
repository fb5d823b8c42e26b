/**
 * One call for "is this scenario file good?", shared by the command line (src/cli/validate.ts)
 * and the browser (file picker, drag-and-drop, `?scenario=` link): the same checks, the same
 * messages, the same verdict line. Pure and browser-safe.
 */
import type { Ledger } from '../ledger/schema';
import { loadScenario } from './load-scenario';
import type { ScenarioIssue } from './load';
import { formatReport } from './report';
import type { Scenario } from './schema';

export interface ValidationResult {
  /** True when the file has no errors (warnings allowed): it can be played. */
  ok: boolean;
  /** Every issue, one per line as `file:line:col path: message`, then `✓ file: valid` or `✗ ...`. */
  report: string;
  /** Every error and warning, in reading order. */
  issues: ScenarioIssue[];
  /** The validated scenario, when ok. */
  scenario?: Scenario;
  /** Its hash (results and game records pin it), when ok. */
  hash?: string;
}

/** Validate scenario text against the ledger. Never throws for bad input. */
export function validateScenarioText(
  text: string,
  fileName: string,
  ledger: Ledger,
): ValidationResult {
  const r = loadScenario(text, fileName, ledger);
  if (!r.ok) return { ok: false, report: formatReport(fileName, r.errors), issues: r.errors };
  const { scenario, hash, warnings } = r.value;
  return { ok: true, report: formatReport(fileName, warnings), issues: warnings, scenario, hash };
}
