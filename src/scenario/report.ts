import { formatIssue, type ScenarioIssue } from './load';

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The verdict line for one file: `✓ scenario.yaml: valid`, `✓ scenario.yaml: valid (1 warning)`
 * or `✗ scenario.yaml: 2 errors, 1 warning`.
 */
export function verdictLine(fileName: string, issues: readonly ScenarioIssue[]): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  if (errors === 0)
    return `✓ ${fileName}: valid${warnings > 0 ? ` (${count(warnings, 'warning')})` : ''}`;
  return `✗ ${fileName}: ${count(errors, 'error')}${warnings > 0 ? `, ${count(warnings, 'warning')}` : ''}`;
}

/**
 * What a validator prints (the command line and the browser alike): one line per issue, in
 * reading order, then the verdict line (see verdictLine).
 */
export function formatReport(fileName: string, issues: readonly ScenarioIssue[]): string {
  return [...issues.map(formatIssue), verdictLine(fileName, issues)].join('\n');
}
