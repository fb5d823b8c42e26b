/**
 * The scenario's discussion questions and teaching objectives, read from its text (the resolved
 * Rules do not carry them).
 */
import type { Ledger } from '../ledger';
import { BUILT_IN_SCENARIOS, loadScenario, type Scenario } from '../scenario';
import { builtInScenarios } from './scenarios';

const BUILT_IN_TEXT = import.meta.glob('../../scenarios/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface ScenarioWords {
  title: string | null;
  questions: string[];
  objectives: string[];
}

const wordsCache = new Map<string, ScenarioWords | null>();

function wordsOf(s: Scenario): ScenarioWords {
  return {
    title: s.title,
    questions: [...s.debriefQuestions],
    objectives: [...s.learningObjectives],
  };
}

/** Parses a scenario text once (loadScenario validates it fully: tens of ms for a big file). */
function wordsFromText(text: string, name: string, ledger: Ledger): ScenarioWords | null {
  if (wordsCache.has(text)) return wordsCache.get(text)!;
  const r = loadScenario(text, name, ledger);
  const w = r.ok ? wordsOf(r.value.scenario) : null;
  wordsCache.set(text, w);
  return w;
}

/**
 * Questions and learning objectives of the game's scenario: from its text, else the built-in file
 * with the game's scenario id. A built-in scenario is taken from the menu's parsed copy
 * (src/ui/scenarios.ts builtInScenarios, already parsed when the game was set up) rather than
 * parsed again.
 */
export function scenarioWords(
  scenarioId: string,
  scenarioText: string | undefined,
  ledger: Ledger,
): ScenarioWords {
  const builtIn = BUILT_IN_SCENARIOS.find((b) => b.id === scenarioId);
  const builtInText = builtIn ? BUILT_IN_TEXT[`../../scenarios/${builtIn.file}`] : undefined;
  if (scenarioText === undefined || scenarioText === builtInText) {
    const parsed = builtInScenarios().find((o) => o.builtIn && o.loaded.scenario.id === scenarioId);
    if (parsed) return wordsOf(parsed.loaded.scenario);
  }
  if (scenarioText !== undefined) {
    const w = wordsFromText(scenarioText, `${scenarioId}.yaml`, ledger);
    if (w) return w;
  }
  if (builtInText !== undefined) {
    const w = wordsFromText(builtInText, builtIn!.file, ledger);
    if (w) return w;
  }
  return { title: null, questions: [], objectives: [] };
}
