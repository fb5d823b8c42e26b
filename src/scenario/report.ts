import { formatIssue, type ScenarioIssue } from './load';

/**
 * What a validator prints: one line per issue, then a verdict in plain words
 * ("scenario.yaml is valid." / "scenario.yaml: 2 errors, 1 warning.").
 */
export function formatReport(fileName: string, issues: readonly ScenarioIssue[]): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const verdict =
    errors === 0
      ? `${fileName} is valid${warnings > 0 ? ` (${count(warnings, 'warning')})` : ''}.`
      : `${fileName}: ${count(errors, 'error')}${warnings > 0 ? `, ${count(warnings, 'warning')}` : ''}.`;
  return [...issues.map(formatIssue), verdict].join('\n');
}
