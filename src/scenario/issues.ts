/**
 * Problems in a scenario file: where they are (a data path, a line and column) and how they are
 * written for a teacher (`file:line:col path: message`). Shared by the loader, the meaning checks
 * and every place that shows them.
 */
export type Severity = 'error' | 'warning';

/** One problem in a scenario file, at a 1-based line and column. */
export interface ScenarioIssue {
  file: string;
  line: number;
  col: number;
  /** Data path such as `events[3].effects[0].by`; empty for the file as a whole. */
  path: string;
  message: string;
  severity: Severity;
}

export type PathSegment = string | number;
export type DataPath = readonly PathSegment[];

/**
 * `scenario.yaml:42:7 events[3].effects[0].by: expected a number, got "ten"`;
 * `scenario.yaml:1:1: message` without a path; warnings say `warning:` before the message.
 */
export function formatIssue(i: ScenarioIssue): string {
  const where = `${i.file}:${i.line}:${i.col}`;
  const message = i.severity === 'warning' ? `warning: ${i.message}` : i.message;
  return i.path === '' ? `${where}: ${message}` : `${where} ${i.path}: ${message}`;
}

/** `['events', 3, 'effects', 0, 'by']` -> `events[3].effects[0].by`; odd keys are quoted. */
export function pathToString(path: DataPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Reading order (line, then column); equal positions keep their order. */
export function sortIssues(issues: readonly ScenarioIssue[]): ScenarioIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.col - b.col);
}
