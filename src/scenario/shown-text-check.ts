/**
 * Every text of a scenario is shown to students (titles on the public results index, event news,
 * source cards, descriptions): each must pass the project's one shown-text rule
 * (src/text/shown-text.ts), so an uploaded scenario cannot carry direction overrides, blank
 * fillers or invisible characters onto anyone's screen.
 */
import { SHOWN_TEXT, shownTextProblem } from '../text/shown-text';
import type { DataPath, PathSegment, ScenarioIssue, ScenarioSource } from './load';
import type { Scenario } from './schema';

/** Most texts reported: one bad paste repeated everywhere is one mistake. */
const MAX_REPORTED = 20;

export function checkShownTexts(scenario: Scenario, source: ScenarioSource): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: scenario, path: [] }];
  while (stack.length > 0 && issues.length < MAX_REPORTED) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const rule =
        path.length === 1 && path[0] === 'title'
          ? SHOWN_TEXT.scenarioTitle
          : SHOWN_TEXT.scenarioText;
      // Empty texts are the schema's business; here only what the reader would see.
      const problem =
        value === '' ? null : shownTextProblem(value, { ...rule, label: 'this text' });
      if (problem) issues.push(source.issueAt(path as DataPath, problem));
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
    }
  }
  return issues;
}
