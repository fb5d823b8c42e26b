/**
 * Scenarios and the figures ledger in the browser: the built-in scenario files (bundled as text
 * at build time), files a teacher loads by picker, drop or link (validated by src/scenario), and
 * the ledger the game resolves figures with. Problems are kept as `file:line:col path: message`
 * lines, shown as text.
 */
import type { FigureChoice, Rules } from '../engine/types';
import ledgerText from '../../seeds/figures.yaml?raw';
import { formatLedgerError, parseLedger, type Ledger } from '../ledger';
import {
  BUILT_IN_SCENARIOS,
  formatIssue,
  loadScenario,
  resolveScenario,
  type Assumption,
  type LoadedScenario,
  type ScenarioIssue,
} from '../scenario';
import { fetchScenario, readScenarioFile } from '../scenario/browser';

/** The scenario files shipped with the game, as text, by path. */
const BUILT_IN_TEXT = import.meta.glob('../../scenarios/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface ScenarioOption {
  /** Stable key for the setup list: `builtin:<file>` or `file:<name>`. */
  key: string;
  fileName: string;
  title: string;
  description: string;
  builtIn: boolean;
  /** The text as loaded (kept with the game so a result can be verified later). */
  text: string;
  loaded: LoadedScenario;
  /** Warnings, formatted. */
  warnings: string[];
}

let ledgerCache: Ledger | null = null;

/** The figures ledger; throws only if the shipped ledger is broken (a build error). */
export function getLedger(): Ledger {
  if (ledgerCache) return ledgerCache;
  const r = parseLedger(ledgerText, 'seeds/figures.yaml');
  if (!r.ok)
    throw new Error(
      `The figures ledger is invalid:\n${r.errors.map(formatLedgerError).join('\n')}`,
    );
  ledgerCache = r.value;
  return ledgerCache;
}

function option(
  key: string,
  fileName: string,
  text: string,
  loaded: LoadedScenario,
  builtIn: boolean,
): ScenarioOption {
  return {
    key,
    fileName,
    title: loaded.scenario.title,
    description: loaded.scenario.description,
    builtIn,
    text,
    loaded,
    warnings: loaded.warnings.map(formatIssue),
  };
}

let builtInCache: ScenarioOption[] | null = null;

/** The built-in scenarios, in the menu order of src/scenario/builtins.ts, then any others. */
export function builtInScenarios(): ScenarioOption[] {
  if (builtInCache) return builtInCache;
  const ledger = getLedger();
  const byFile = new Map<string, string>();
  for (const [path, text] of Object.entries(BUILT_IN_TEXT))
    byFile.set(path.split('/').pop() ?? path, text);
  const order = BUILT_IN_SCENARIOS.map((s) => s.file);
  const files = [...byFile.keys()].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? 999 : ia) - (ib < 0 ? 999 : ib) || a.localeCompare(b);
  });
  const out: ScenarioOption[] = [];
  for (const file of files) {
    const text = byFile.get(file)!;
    const r = loadScenario(text, file, ledger);
    if (r.ok) out.push(option(`builtin:${file}`, file, text, r.value, true));
    else
      console.error(
        `built-in scenario ${file} does not validate:\n${r.errors.map(formatIssue).join('\n')}`,
      );
  }
  builtInCache = out;
  return out;
}

export type LoadOutcome =
  { ok: true; option: ScenarioOption } | { ok: false; fileName: string; problems: string[] };

function outcome(
  fileName: string,
  text: string | null,
  r: { ok: true; value: LoadedScenario } | { ok: false; errors: ScenarioIssue[] },
): LoadOutcome {
  if (!r.ok) return { ok: false, fileName, problems: r.errors.map(formatIssue) };
  return {
    ok: true,
    option: option(`file:${fileName}:${r.value.hash}`, fileName, text ?? '', r.value, false),
  };
}

/** A scenario file from the picker or a drop. */
export async function loadScenarioFile(file: File): Promise<LoadOutcome> {
  const name = file.name || 'scenario.yaml';
  let text: string | null = null;
  try {
    text = await file.text();
  } catch {
    text = null;
  }
  const r = await readScenarioFile(file, getLedger());
  return outcome(name, text, r);
}

/** A scenario from `?scenario=<same-origin url>`. */
export async function loadScenarioUrl(url: string): Promise<LoadOutcome> {
  const name = url.split('/').pop() || 'scenario.yaml';
  let text: string | null = null;
  const r = await fetchScenario(url, location.href, getLedger(), {
    // Keep the text we validated, to store it with the game.
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      const copy = res.clone();
      text = await copy.text().catch(() => null);
      return res;
    },
  });
  return outcome(name, text, r);
}

/** A scenario's text (built-in or carried by a result) validated on the spot. */
export function loadScenarioText(text: string, fileName: string): LoadOutcome {
  return outcome(fileName, text, loadScenario(text, fileName, getLedger()));
}

/**
 * The model assumptions of the scenario a game was set up from, for a game that did not pass
 * through setup (a reload, a class link, a fork): the scenario text the game carries, or else
 * the built-in scenario with the game's scenario hash. None when neither is at hand.
 */
export function assumptionsOfGame(scenarioHash: string, scenarioText?: string): Assumption[] {
  if (scenarioText !== undefined && scenarioText !== '') {
    const r = loadScenario(scenarioText, 'scenario.yaml', getLedger());
    if (r.ok && r.value.hash === scenarioHash) return r.value.assumptions;
  }
  return builtInScenarios().find((o) => o.loaded.hash === scenarioHash)?.loaded.assumptions ?? [];
}

/** The engine's rules for a scenario under a figure choice. */
export function rulesOf(option: ScenarioOption, choice: FigureChoice): Rules {
  return resolveScenario(
    option.loaded.scenario,
    getLedger(),
    { default: choice },
    option.loaded.hash,
  );
}
