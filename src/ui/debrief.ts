/**
 * The debrief: what the game cost the soldiers, each capital's outcome and score, the main metrics
 * month by month, the player's decisions beside what the sources report, the scenario's
 * discussion questions, and the ways to keep and compare the game (download the record, submit it
 * to the class board, open the outcome explorer).
 *
 *   const d = mountDebrief(ui, { state, record, ledger, playerSeats, onNewGame, onMenu });
 *   d.destroy();
 *
 * The debrief covers the viewport (position: fixed) over whatever is behind it, so the caller may
 * mount it anywhere (e.g. the #ui layer); the Phaser Debrief scene (the front as the game left it)
 * shows faintly through the top. Every text is set as text (textContent), never as HTML.
 *
 * The pure helpers (pseudonym, file name, submission and its retry queue) are exported for the
 * Node tests; none of them touches the DOM at import time.
 */
import './debrief.css';

import {
  CAPITALS,
  scoreBreakdown,
  type Capital,
  type GameRecord,
  type GameState,
  type Objective,
} from '../engine';
import type { Ledger } from '../ledger';
import { BUILT_IN_SCENARIOS, loadScenario, type Scenario } from '../scenario';
import { EMBLEM_URL } from './assets';
import { chartSizeFor, labelStride, lineChart, SERIES_COLORS, type LineChartSpec } from './charts';
import { count, deriveDecisions, type DecisionItem } from './decisions';
import { formatMonth, h } from './dom';
import { icon, type IconName } from './icons';
import { formatMetric, ITEM_UNIT, metricLabel } from './labels';
import { builtInScenarios } from './scenarios';
import { sourceButton } from './sourceCard';
import { scoreRewardText } from './score-rewards';
import { CAPITAL_STYLE } from './theme';

export interface DebriefOptions {
  state: GameState;
  record: GameRecord;
  /** The scenario's source text when it came from a file (not built in). */
  scenarioText?: string;
  ledger: Ledger;
  /** The capitals human players held (one, or several in hot-seat). */
  playerSeats: Capital[];
  onNewGame(): void;
  onMenu(): void;
}

export interface DebriefHandle {
  destroy(): void;
}

export const STORAGE_KEYS = {
  myResults: 'tc.myResults',
  pending: 'tc.pendingSubmissions',
  lastGame: 'tc.lastGame',
  classCode: 'tc.classCode',
} as const;

// =============================================================================================
// Pure helpers
// =============================================================================================

/** FNV-1a, 32 bits: a small stable hash for picking words (not for security). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const ADJECTIVES = [
  'Amber',
  'Brave',
  'Bright',
  'Calm',
  'Careful',
  'Clever',
  'Curious',
  'Daring',
  'Eager',
  'Gentle',
  'Golden',
  'Honest',
  'Humble',
  'Keen',
  'Kind',
  'Lively',
  'Loyal',
  'Merry',
  'Mighty',
  'Nimble',
  'Patient',
  'Polite',
  'Proud',
  'Quick',
  'Quiet',
  'Rapid',
  'Silver',
  'Steady',
  'Swift',
  'Thoughtful',
  'Wise',
  'Witty',
];
const ANIMALS = [
  'Badger',
  'Beaver',
  'Crane',
  'Dolphin',
  'Eagle',
  'Falcon',
  'Fox',
  'Gecko',
  'Hare',
  'Hedgehog',
  'Heron',
  'Ibex',
  'Jay',
  'Kestrel',
  'Koala',
  'Lynx',
  'Magpie',
  'Marten',
  'Moose',
  'Newt',
  'Otter',
  'Owl',
  'Panda',
  'Puffin',
  'Raven',
  'Robin',
  'Seal',
  'Sparrow',
  'Stork',
  'Swan',
  'Tortoise',
  'Wren',
];

/**
 * A pseudonym for the class board, e.g. "Quiet Heron": an adjective and an animal picked by a
 * hash of `key` (the debrief passes the seed and the game's final hash, so two students who play
 * the same fixed seed differently get different names). `n` gives the next suggestion.
 */
export function suggestPseudonym(key: string, n = 0): string {
  const h1 = hash32(`${key}#${n}`);
  const h2 = hash32(`${n}#${key}#animal`);
  return `${ADJECTIVES[h1 % ADJECTIVES.length]} ${ANIMALS[h2 % ANIMALS.length]}`;
}

/** A file-name-safe piece: letters, digits, dot, dash and underscore; at most 60 characters. */
export function fileSafe(text: string): string {
  const s = text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
  return s === '' ? 'game' : s;
}

/** `three-capitals-<scenario>-<seed>.json`. */
export function recordFileName(record: Pick<GameRecord, 'scenario' | 'seed'>): string {
  return `three-capitals-${fileSafe(record.scenario.id)}-${fileSafe(record.seed)}.json`;
}

/** Identifies one finished game (the same record submitted twice has the same key). */
export function recordKey(
  record: Pick<GameRecord, 'scenario' | 'seed' | 'turnHashes' | 'actions'>,
): string {
  return `${record.scenario.hash}:${record.seed}:${record.actions.length}:${record.turnHashes[record.turnHashes.length - 1] ?? ''}`;
}

/** The class board of a scenario (and class). */
export function resultsLink(scenarioId: string, classCode?: string | null): string {
  const p = new URLSearchParams({ scenario: scenarioId });
  if (classCode) p.set('class', classCode);
  return `/results?${p.toString()}`;
}

/** The outcome explorer of a scenario with "your game" read from localStorage tc.lastGame. */
export function explorerHref(scenarioId: string): string {
  const p = new URLSearchParams({ scenario: scenarioId, mine: STORAGE_KEYS.lastGame });
  return `/explorer.html?${p.toString()}`;
}

export interface Submission {
  record: GameRecord;
  pseudonym: string;
  classCode?: string;
  /** The scenario's text, for a scenario the server may not have (a file an instructor wrote). */
  scenario?: string;
}

export interface PendingSubmission {
  key: string;
  savedAt: string;
  payload: Submission;
}

export type SubmitOutcome =
  | { kind: 'ok'; id: string; created: boolean; classCode: string | null; scenarioId: string }
  | { kind: 'rejected'; status: number; message: string }
  | { kind: 'offline'; message: string };

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The body POSTed to /api/results: no empty class code, the scenario text only when given. */
export function submissionBody(s: Submission): Record<string, unknown> {
  const body: Record<string, unknown> = { record: s.record, pseudonym: s.pseudonym };
  const code = s.classCode?.trim();
  if (code) body['classCode'] = code;
  if (s.scenario !== undefined) body['scenario'] = s.scenario;
  return body;
}

/**
 * POSTs a game record to the class board. Never throws: a network failure, a rate limit or a
 * server error is 'offline' (keep it and try later); a 4xx is 'rejected' with the server's own
 * message (trying again would not help).
 */
export async function submitResult(
  s: Submission,
  fetchFn: FetchLike,
  signal?: AbortSignal,
): Promise<SubmitOutcome> {
  let res: Response;
  try {
    res = await fetchFn('/api/results', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(submissionBody(s)),
      credentials: 'same-origin',
      ...(signal ? { signal } : {}),
    });
  } catch (e) {
    return { kind: 'offline', message: e instanceof Error ? e.message : String(e) };
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (res.status === 200 || res.status === 201) {
    if (isObject(body) && typeof body['id'] === 'string') {
      const scenario = isObject(body['scenario']) ? body['scenario'] : {};
      return {
        kind: 'ok',
        id: body['id'],
        created: res.status === 201,
        classCode: typeof body['classCode'] === 'string' ? body['classCode'] : null,
        scenarioId: typeof scenario['id'] === 'string' ? scenario['id'] : s.record.scenario.id,
      };
    }
    return { kind: 'offline', message: 'the server answered without a result id' };
  }
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
    let message = `the server refused the result (${res.status})`;
    if (isObject(body) && typeof body['message'] === 'string') {
      message = body['message'];
      const details = Array.isArray(body['details'])
        ? body['details'].filter((d): d is string => typeof d === 'string')
        : [];
      if (details.length > 0) message += `: ${details.slice(0, 5).join('; ')}`;
    }
    return { kind: 'rejected', status: res.status, message };
  }
  const why =
    isObject(body) && typeof body['message'] === 'string'
      ? body['message']
      : `status ${res.status}`;
  return { kind: 'offline', message: `the server could not take it now (${why})` };
}

export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A JSON array from storage; [] when missing or damaged. */
export function readArray(storage: KeyValue | null, key: string): unknown[] {
  if (!storage) return [];
  try {
    const v = JSON.parse(storage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

function writeJson(storage: KeyValue | null, key: string, value: unknown): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function pendingSubmissions(storage: KeyValue | null): PendingSubmission[] {
  return readArray(storage, STORAGE_KEYS.pending).filter(
    (p): p is PendingSubmission =>
      isObject(p) &&
      typeof p['key'] === 'string' &&
      isObject(p['payload']) &&
      isObject(p['payload']['record']),
  );
}

/** Keeps a submission to send later (replacing an earlier one of the same game). */
export function queuePending(storage: KeyValue | null, s: Submission, now: string): boolean {
  const key = recordKey(s.record);
  const list = pendingSubmissions(storage).filter((p) => p.key !== key);
  list.push({ key, savedAt: now, payload: s });
  return writeJson(storage, STORAGE_KEYS.pending, list);
}

export function removePending(storage: KeyValue | null, key: string): void {
  const list = pendingSubmissions(storage).filter((p) => p.key !== key);
  if (list.length === 0) {
    try {
      storage?.removeItem(STORAGE_KEYS.pending);
    } catch {
      /* storage refused: nothing to do */
    }
  } else writeJson(storage, STORAGE_KEYS.pending, list);
}

/** Remembers a result id this browser submitted (tc.myResults, newest last, no duplicates). */
export function rememberResult(storage: KeyValue | null, id: string): void {
  const ids = readArray(storage, STORAGE_KEYS.myResults).filter(
    (x): x is string => typeof x === 'string' && x !== id,
  );
  ids.push(id);
  writeJson(storage, STORAGE_KEYS.myResults, ids.slice(-200));
}

export interface RetryReport {
  sent: { key: string; outcome: Extract<SubmitOutcome, { kind: 'ok' }> }[];
  rejected: { key: string; outcome: Extract<SubmitOutcome, { kind: 'rejected' }> }[];
  kept: number;
}

/** Tries every kept submission once: sent ones leave the queue, refused ones too (with why). */
export async function retryPending(
  storage: KeyValue | null,
  fetchFn: FetchLike,
  signal?: AbortSignal,
): Promise<RetryReport> {
  const report: RetryReport = { sent: [], rejected: [], kept: 0 };
  for (const p of pendingSubmissions(storage)) {
    if (signal?.aborted) {
      report.kept++;
      continue;
    }
    const outcome = await submitResult(p.payload, fetchFn, signal);
    if (outcome.kind === 'ok') {
      removePending(storage, p.key);
      rememberResult(storage, outcome.id);
      report.sent.push({ key: p.key, outcome });
    } else if (outcome.kind === 'rejected') {
      removePending(storage, p.key);
      report.rejected.push({ key: p.key, outcome });
    } else report.kept++;
  }
  return report;
}

// ---------------------------------------------------------------------------------------------
// The scenario's discussion questions (the resolved Rules do not carry them)
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Numbers for the ledger
// ---------------------------------------------------------------------------------------------

export interface Fate {
  key: 'killed' | 'invalided' | 'captured' | 'returned' | 'serving';
  label: string;
  count: number;
}

/** What became of the soldiers sent: disjoint groups that add up to the number sent. */
export function fates(state: Pick<GameState, 'metrics' | 'expedition'>): Fate[] {
  const m = state.metrics;
  const killed = m['pyongyang.killed'] ?? 0;
  const captured = m['pyongyang.captured'] ?? 0;
  const returned = m['pyongyang.returned'] ?? 0;
  const invalided = state.expedition.invalided;
  const serving = Math.max(
    0,
    (m['pyongyang.troopsSent'] ?? 0) - killed - captured - returned - invalided,
  );
  return [
    { key: 'killed', label: 'killed', count: killed },
    { key: 'invalided', label: 'wounded, out of the war', count: invalided },
    { key: 'captured', label: 'taken prisoner', count: captured },
    { key: 'returned', label: 'brought home', count: returned },
    { key: 'serving', label: 'still in Russia', count: serving },
  ];
}

/** Soldiers per pawn so that `total` needs at most `maxPawns` pawns (a round number). */
export function pawnUnit(total: number, maxPawns = 120): number {
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500];
  for (let scale = 1; ; scale *= 1000) {
    for (const s of steps) if (Math.ceil(total / (s * scale)) <= maxPawns) return s * scale;
  }
}

/**
 * Pawns per group: the nearest whole numbers that add up to round(total / unit) (largest
 * remainders), and at least one pawn for any group that is not empty.
 */
export function pawnCounts(counts: readonly number[], unit: number): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const target = Math.max(counts.filter((c) => c > 0).length, Math.round(total / unit));
  const exact = counts.map((c) => c / unit);
  const out = exact.map((e, i) => (counts[i]! > 0 ? Math.max(1, Math.floor(e)) : 0));
  let left = target - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, r: e - Math.floor(e) }))
    .filter((o) => counts[o.i]! > 0)
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0 && order.length > 0; k++, left--) out[order[k % order.length]!.i]!++;
  // Too many (the one-pawn minimums): take from the largest groups.
  while (left < 0) {
    let big = 0;
    out.forEach((v, i) => {
      if (v > out[big]!) big = i;
    });
    if (out[big]! <= 1) break;
    out[big]!--;
    left++;
  }
  return out;
}

const OBJECTIVE_NOUN: Record<string, string> = {
  'moscow.kurskControl': 'territory',
  'kyiv.kurskHeld': 'territory',
  'pyongyang.techGained': 'technology',
  'pyongyang.nuclearTech': 'technology',
  'kyiv.support': 'support abroad',
  'pyongyang.oilReceived': 'oil',
  'pyongyang.experience': 'combat experience',
  'pyongyang.experienceHome': 'experience brought home',
  'kyiv.powsFreed': 'prisoners freed',
  'pyongyang.regimeControl': 'control at home',
  'moscow.scrutiny': 'escaping scrutiny',
  'pyongyang.foodReceived': 'food',
  'pyongyang.currencyReceived': 'money',
  'moscow.manpowerGained': 'manpower',
  'kyiv.prisonersHeld': 'prisoners',
};

/** What the capitals' scores reward, in a few words, most heavily weighted first (at most five). */
export function scoreNouns(scoring: Record<Capital, readonly Objective[]>): string[] {
  const weight = new Map<string, number>();
  for (const c of CAPITALS) {
    const objectives = scoring[c] ?? [];
    const total = objectives.reduce((s, o) => s + o.weight, 0) || 1;
    for (const o of objectives) {
      const noun = OBJECTIVE_NOUN[o.metric];
      if (noun && o.direction === 'max')
        weight.set(noun, (weight.get(noun) ?? 0) + o.weight / total);
      else if (noun && o.direction === 'min' && o.metric === 'moscow.scrutiny')
        weight.set(noun, (weight.get(noun) ?? 0) + o.weight / total);
    }
  }
  return [...weight.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([n]) => n);
}

/** Objectives whose metric counts North Korean soldiers (the human cost) for a capital. */
export function objectivesCountingSoldiers(objectives: readonly Objective[]): Objective[] {
  return objectives.filter((o) =>
    /^human\.|^pyongyang\.(killed|wounded|captured|troopsSent|atFront)$/.test(o.metric),
  );
}

// =============================================================================================
// DOM
// =============================================================================================

/** The source card of one ledger figure, in a dialog (the game's own source cards: sourceCard.ts). */
function safeStorage(): KeyValue | null {
  try {
    const s = globalThis.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

const CAPITAL_NAME: Record<Capital, string> = {
  pyongyang: 'Pyongyang',
  moscow: 'Moscow',
  kyiv: 'Kyiv',
};

function capitalName(state: GameState, c: Capital): string {
  return state.rules.capitals[c]?.name ?? CAPITAL_NAME[c];
}

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function unit(item: keyof typeof ITEM_UNIT): string {
  const u = ITEM_UNIT[item];
  return u ? ` ${u}` : '';
}

/** One sentence on where a capital ended. */
function outcomeSentence(state: GameState, c: Capital): string {
  const m = state.metrics;
  const v = (id: string) => formatMetric(id, m[id] ?? 0);
  switch (c) {
    case 'pyongyang':
      return `Received ${v('pyongyang.techGained')} technology packages, ${v('pyongyang.oilReceived')}${unit('oil')} of oil and ${v('pyongyang.currencyReceived')}${unit('currency')}. Regime control ${v('pyongyang.regimeControl')}, risk of dissent ${v('pyongyang.dissentRisk')} (of 100).`;
    case 'moscow':
      return `Russia holds ${v('moscow.kurskControl')}% of the Kursk salient. ${v('moscow.losses')} Russian soldiers killed or wounded. International scrutiny ${v('moscow.scrutiny')} (of 100).`;
    case 'kyiv':
      return `Ukraine holds ${v('kyiv.kurskHeld')}% of the salient. ${v('kyiv.losses')} Ukrainian soldiers killed or wounded. International support ${v('kyiv.support')} (of 100); ${v('kyiv.prisonersHeld')} prisoners held.`;
  }
}

function seatWords(record: GameRecord, humans: ReadonlySet<Capital>, c: Capital): string {
  if (humans.has(c)) return humans.size === 1 ? 'You' : 'Human player';
  const bot = record.seats[c];
  return bot && bot !== 'human' ? `Computer (${bot})` : 'Computer';
}

function objectiveTarget(o: Objective): string {
  return o.direction === 'max' ? `at ${count(o.scale)}` : `at 0, none at ${count(o.scale)}`;
}

function scoreCard(
  state: GameState,
  record: GameRecord,
  humans: ReadonlySet<Capital>,
  c: Capital,
): HTMLElement {
  const style = CAPITAL_STYLE[c];
  const score = state.metrics[`${c}.score`] ?? 0;
  const rows = scoreBreakdown(state, c);
  const weights = rows.reduce((s, r) => s + r.objective.weight, 0) || 1;
  const headingId = `debrief-score-${c}`;
  const table = h(
    'table',
    { class: 'db-breakdown' },
    h('caption', { class: 'visually-hidden' }, `${capitalName(state, c)}: points by objective`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Objective'),
        h('th', { scope: 'col' }, 'Result'),
        h('th', { scope: 'col' }, 'Points'),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map((r) => {
        const max = Math.round((1000 * r.objective.weight) / weights) / 10;
        const share = max > 0 ? Math.max(0, Math.min(1, r.points / max)) : 0;
        return h(
          'tr',
          {},
          h(
            'th',
            { scope: 'row' },
            metricLabel(r.objective.metric),
            h('span', { class: 'db-target' }, `Full marks ${objectiveTarget(r.objective)}`),
          ),
          h('td', { class: 'num' }, formatMetric(r.objective.metric, r.value)),
          h(
            'td',
            { class: 'num' },
            h(
              'span',
              { class: 'db-points' },
              r.points.toFixed(1),
              h('span', { class: 'db-of' }, ` of ${max.toFixed(1)}`),
            ),
            h(
              'span',
              { class: 'db-bar', 'aria-hidden': 'true' },
              h('span', { style: `width:${(share * 100).toFixed(1)}%` }),
            ),
          ),
        );
      }),
    ),
  );
  return h(
    'article',
    {
      class: `db-capital db-capital-${c}${humans.has(c) ? ' is-player' : ''}`,
      'aria-labelledby': headingId,
    },
    h(
      'header',
      { class: 'db-capital-head' },
      h('img', { src: EMBLEM_URL[c], alt: '', width: 44, height: 44 }),
      h(
        'div',
        {},
        h('h3', { id: headingId }, capitalName(state, c)),
        h('p', { class: 'db-seat' }, seatWords(record, humans, c)),
      ),
      h(
        'p',
        { class: 'db-score', style: `color:${style.onDark}` },
        h('span', { class: 'visually-hidden' }, 'Score: '),
        h('strong', {}, score.toFixed(1)),
        h('span', { class: 'db-score-of' }, ' / 100'),
      ),
    ),
    h('p', { class: 'db-outcome' }, outcomeSentence(state, c)),
    h('p', { class: 'db-rewarded' }, scoreRewardText(capitalName(state, c), state.rules.scoring[c])),
    table,
  );
}

const PAWN_PATH =
  'M12 2.2a3.7 3.7 0 0 1 2.3 6.6c-.1.1-.1.2 0 .3h1.2a1 1 0 0 1 0 2h-1.1c.6 2.4 1.5 4.6 2.6 6.4H7c1.1-1.8 2-4 2.6-6.4H8.5a1 1 0 0 1 0-2h1.2c.1-.1.1-.2 0-.3A3.7 3.7 0 0 1 12 2.2ZM5.5 19h13a1 1 0 0 1 1 1v1.3a.5.5 0 0 1-.5.5H5a.5.5 0 0 1-.5-.5V20a1 1 0 0 1 1-1Z';

function pawnSvg(): SVGSVGElement {
  const NS = 'http://www.w3.org/2000/svg';
  const el = document.createElementNS(NS, 'svg');
  el.setAttribute('viewBox', '0 0 24 24');
  el.setAttribute('class', 'db-pawn');
  el.setAttribute('aria-hidden', 'true');
  const p = document.createElementNS(NS, 'path');
  p.setAttribute('d', PAWN_PATH);
  el.append(p);
  return el;
}

function fatesBlock(state: GameState): HTMLElement | null {
  const groups = fates(state);
  const sent = state.metrics['pyongyang.troopsSent'] ?? 0;
  if (sent <= 0) return null;
  const per = pawnUnit(sent);
  const pawns = pawnCounts(
    groups.map((g) => g.count),
    per,
  );
  const headingId = 'debrief-fates-title';
  return h(
    'div',
    { class: 'db-fates', role: 'group', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, `What became of the ${count(sent)} soldiers Pyongyang sent`),
    h(
      'p',
      { class: 'db-fates-key' },
      per === 1
        ? 'Each pawn is one soldier.'
        : `Each pawn is ${count(per)} soldiers; a group smaller than that still shows one.`,
    ),
    h(
      'ul',
      { class: 'db-fates-rows' },
      ...groups.map((g, i) =>
        h(
          'li',
          { class: `db-fate db-fate-${g.key}` },
          h('span', { class: 'db-fate-label' }, h('strong', {}, count(g.count)), ' ', g.label),
          h(
            'span',
            { class: 'db-fate-pawns', 'aria-hidden': 'true' },
            ...Array.from({ length: pawns[i]! }, () => pawnSvg()),
          ),
        ),
      ),
    ),
  );
}

function tile(iconName: IconName, label: string, value: number, strong = false): HTMLElement {
  return h(
    'li',
    { class: `db-tile${strong ? ' is-strong' : ''}` },
    icon(iconName),
    h('span', { class: 'db-tile-value' }, count(value)),
    h('span', { class: 'db-tile-label' }, label),
  );
}

function costSection(state: GameState): HTMLElement {
  const m = (id: string) => state.metrics[id] ?? 0;
  const sent = m('human.sent');
  const killed = m('human.killed');
  const headingId = 'debrief-cost-title';

  const lead = h('p', { class: 'db-lead' });
  if (sent > 0) {
    lead.append(
      `${capitalName(state, 'pyongyang')} sent `,
      h('strong', {}, `${count(sent)} soldiers`),
      ' to fight for Russia. ',
      h('strong', {}, `${count(killed)} ${killed === 1 ? 'was' : 'were'} killed`),
      `, ${count(m('human.wounded'))} wounded and ${count(m('human.captured'))} taken prisoner.`,
    );
    const families = m('human.familiesAtRisk');
    if (families > 0)
      lead.append(
        ` At home, ${count(families)} ${families === 1 ? 'family was' : 'families were'} put at risk by their sons' capture: the regime punishes a captured soldier's family.`,
      );
  } else {
    lead.append(`${capitalName(state, 'pyongyang')} sent no soldiers in this game.`);
  }

  // The trade-off in one paragraph: what the scores count, and what they do not.
  const counting = CAPITALS.filter(
    (c) => objectivesCountingSoldiers(state.rules.scoring[c] ?? []).length > 0,
  );
  const theme = h('p', { class: 'db-theme' });
  if (sent === 0) {
    const others = state.human.russian.killed + state.human.ukrainian.killed;
    theme.append(
      others > 0
        ? `No North Korean soldier died in this game, but the war did not stop for it: ${count(others)} Russian and Ukrainian soldiers were killed. `
        : 'No soldier died in this game. ',
    );
  } else if (counting.length === 0) {
    theme.append('No capital’s score counts these soldiers. ');
  } else {
    theme.append(
      `Only ${listWords(counting.map((c) => capitalName(state, c)))}’s score counts them at all. `,
    );
  }
  const pScore = m('pyongyang.score');
  const nouns = scoreNouns(state.rules.scoring);
  theme.append(
    `${capitalName(state, 'pyongyang')} scored ${pScore.toFixed(1)}, ${capitalName(state, 'moscow')} ${m('moscow.score').toFixed(1)} and ${capitalName(state, 'kyiv')} ${m('kyiv.score').toFixed(1)} out of 100${nouns.length > 0 ? ` for ${listWords(nouns)}` : ''}.`,
  );
  if (killed > 0 && pScore >= 1)
    theme.append(
      ' ',
      h(
        'strong',
        {},
        `For each of Pyongyang’s points, about ${count(killed / pScore)} of its soldiers died.`,
      ),
    );
  theme.append(
    ' ',
    h('span', { class: 'db-theme-end' }, 'The capitals bargained; the soldiers paid.'),
  );

  return h(
    'section',
    { class: 'db-section db-cost', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, 'What it cost the soldiers'),
    lead,
    h(
      'ul',
      { class: 'db-tiles', 'aria-label': 'The human-cost ledger: North Korean soldiers' },
      tile('troops', 'sent to Russia', sent),
      tile('killed', 'killed', killed, true),
      tile('wounded', 'wounded', m('human.wounded')),
      tile('captured', 'taken prisoner', m('human.captured')),
      tile('troops', 'brought home', m('human.returned')),
      tile('families', 'families put at risk', m('human.familiesAtRisk')),
    ),
    allDeathsBlock(state),
    fatesBlock(state),
    theme,
    h(
      'p',
      { class: 'db-caveat' },
      'These are the game’s numbers: a model started from reported figures and played by you, not a count of real people. How far they are from what the sources report, and how sure those reports are, is set out below.',
    ),
  );
}

/** All deaths on the front, every side, as one number and a bar split by force. */
function allDeathsBlock(state: GameState): HTMLElement {
  const all = state.metrics['human.allKilled'] ?? 0;
  const parts = [
    {
      key: 'northKorean',
      label: 'North Korean',
      n: state.human.killed,
      color: CAPITAL_STYLE.pyongyang.color,
    },
    {
      key: 'russian',
      label: 'Russian',
      n: state.human.russian.killed,
      color: CAPITAL_STYLE.moscow.color,
    },
    {
      key: 'ukrainian',
      label: 'Ukrainian',
      n: state.human.ukrainian.killed,
      color: CAPITAL_STYLE.kyiv.color,
    },
  ];
  const total = parts.reduce((s, p) => s + p.n, 0) || 1;
  return h(
    'div',
    { class: 'db-all-deaths' },
    h(
      'p',
      { class: 'db-all-deaths-total' },
      icon('killed'),
      h('strong', {}, count(all)),
      ' deaths on the front, every side',
    ),
    h(
      'div',
      { class: 'db-deaths-bar', 'aria-hidden': 'true' },
      ...parts
        .filter((p) => p.n > 0)
        .map((p) =>
          h(
            'span',
            {
              class: `db-deaths-seg db-deaths-${p.key}`,
              style: `flex-grow:${p.n / total};background:${p.color}`,
            },
            p.n / total > 0.12 ? `${p.label} ${count(p.n)}` : '',
          ),
        ),
    ),
    h(
      'ul',
      { class: 'db-deaths-legend' },
      ...parts.map((p) =>
        h(
          'li',
          {},
          h('span', {
            class: 'capital-dot',
            style: `background:${p.color}`,
            'aria-hidden': 'true',
          }),
          `${p.label}: `,
          h('strong', {}, count(p.n)),
        ),
      ),
    ),
  );
}

function scoresSection(
  state: GameState,
  record: GameRecord,
  humans: ReadonlySet<Capital>,
): HTMLElement {
  const id = 'debrief-scores-title';
  return h(
    'section',
    { class: 'db-section', 'aria-labelledby': id },
    h('h2', { id }, 'Each capital’s outcome'),
    h(
      'p',
      { class: 'db-intro' },
      'A score is the weighted share of a capital’s own objectives in this scenario, from 0 to 100. The scores are not comparable between capitals, and none of them is a verdict on who was right.',
    ),
    h('div', { class: 'db-capitals' }, ...CAPITALS.map((c) => scoreCard(state, record, humans, c))),
  );
}

function decisionRow(state: GameState, item: DecisionItem, ledger: Ledger): HTMLElement {
  const style = CAPITAL_STYLE[item.capital];
  return h(
    'li',
    { class: `db-decision db-decision-${item.kind}` },
    h(
      'div',
      { class: 'db-you' },
      h(
        'p',
        { class: 'db-who' },
        h('span', {
          class: 'capital-dot',
          style: `background:${style.color}`,
          'aria-hidden': 'true',
        }),
        item.kind === 'decision'
          ? `${capitalName(state, item.capital)} · ${item.human ? 'your decision' : 'decision'}`
          : 'In this game',
        item.date ? ` · ${formatMonth(item.date)}` : '',
      ),
      h('p', { class: 'db-you-text' }, item.text),
    ),
    h(
      'div',
      { class: 'db-sources' },
      h('p', { class: 'db-who' }, 'The sources report'),
      h(
        'ul',
        {},
        ...item.sources.map((s) =>
          h(
            'li',
            {},
            h('p', { class: 'db-source-text' }, s.text),
            h(
              'p',
              { class: 'db-source-meta' },
              h('span', { class: `db-status db-status-${s.status}` }, s.status),
              sourceButton(ledger, s.figureId, undefined, {
                status: false,
                className: 'db-source-btn',
              }),
            ),
          ),
        ),
      ),
    ),
  );
}

function decisionsSection(
  state: GameState,
  record: GameRecord,
  humans: readonly Capital[],
  ledger: Ledger,
): HTMLElement {
  const id = 'debrief-decisions-title';
  const items = deriveDecisions({ state, record, humans, ledger });
  const decisions = items.filter((d) => d.kind === 'decision');
  const outcomes = items.filter((d) => d.kind === 'outcome');
  const single = humans.length === 1;
  return h(
    'section',
    { class: 'db-section', 'aria-labelledby': id },
    h(
      'h2',
      { id },
      humans.length === 0
        ? 'The game beside the sources'
        : single
          ? 'Your decisions beside the sources'
          : 'The players’ decisions beside the sources',
    ),
    h(
      'p',
      { class: 'db-intro' },
      'On the left, what happened in this game; on the right, what the source documents report. Open a source card to see who makes each claim, how sure it is, and which document it comes from.',
    ),
    decisions.length > 0
      ? h(
          'div',
          {},
          h(
            'h3',
            { class: 'db-subhead' },
            single ? 'What you decided' : 'What the players decided',
          ),
          h(
            'ul',
            { class: 'db-decisions' },
            ...decisions.map((d) => decisionRow(state, d, ledger)),
          ),
        )
      : null,
    outcomes.length > 0
      ? h(
          'div',
          {},
          h('h3', { class: 'db-subhead' }, 'What the game produced'),
          h('ul', { class: 'db-decisions' }, ...outcomes.map((d) => decisionRow(state, d, ledger))),
        )
      : null,
  );
}

const MONTH_SHORT = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

function axisLabels(state: GameState): { short: string[]; long: string[] } {
  const short: string[] = [];
  const long: string[] = [];
  const stride = labelStride(state.history.length, 7);
  let lastYear = '';
  state.history.forEach((p, i) => {
    if (p.turn === 0) {
      short.push('Start');
      long.push('At the start');
      return;
    }
    const [y = '', mo] = p.date.split('-');
    const month = MONTH_SHORT.format(new Date(Date.UTC(Number(y), Number(mo) - 1, 1)));
    // Only printed labels count: the year goes under the first printed month of each year.
    const shown = i % stride === 0 || i === state.history.length - 1;
    short.push(shown && y !== lastYear ? `${month}\n${y}` : month);
    if (shown) lastYear = y;
    long.push(formatMonth(p.date));
  });
  return { short, long };
}

function chartSpecs(state: GameState): LineChartSpec[] {
  const { short, long } = axisLabels(state);
  const series = (metric: string) => state.history.map((p) => p.metrics[metric] ?? 0);
  const P = CAPITAL_STYLE.pyongyang.onDark;
  const M = CAPITAL_STYLE.moscow.onDark;
  const K = CAPITAL_STYLE.kyiv.onDark;
  const base = { xLabels: short, xLongLabels: long, xTitle: 'Month (end of)' };
  const name = (c: Capital) => capitalName(state, c);
  return [
    {
      ...base,
      id: 'debrief-chart-soldiers',
      title: 'North Korean soldiers',
      yTitle: 'Soldiers',
      series: [
        {
          label: 'Sent',
          values: series('pyongyang.troopsSent'),
          color: SERIES_COLORS.cream,
          marker: 'circle',
        },
        {
          label: 'In Russia',
          values: series('moscow.manpowerGained'),
          color: SERIES_COLORS.skyBlue,
          dash: '9 5',
          marker: 'square',
        },
        {
          label: 'Wounded',
          values: series('pyongyang.wounded'),
          color: SERIES_COLORS.purple,
          dash: '3 4',
          marker: 'diamond',
        },
        {
          label: 'Killed',
          values: series('pyongyang.killed'),
          color: SERIES_COLORS.orange,
          marker: 'cross',
        },
      ],
      note: 'Running totals. “In Russia” counts those training, at the front, in missile units or recovering.',
    },
    {
      ...base,
      id: 'debrief-chart-deaths',
      title: 'Deaths on the front, every side',
      yTitle: 'Killed (running total)',
      series: [
        {
          label: 'North Korean',
          short: 'N. Korean',
          values: series('pyongyang.killed'),
          color: P,
          marker: 'triangle',
        },
        {
          label: 'Russian',
          values: series('moscow.killed'),
          color: M,
          dash: '9 5',
          marker: 'diamond',
        },
        {
          label: 'Ukrainian',
          values: series('kyiv.killed'),
          color: K,
          dash: '3 4',
          marker: 'circle',
        },
      ],
    },
    {
      ...base,
      id: 'debrief-chart-kursk',
      title: 'The Kursk salient',
      yTitle: '% of the salient',
      yDomain: [0, 100],
      series: [
        {
          label: 'Held by Russia',
          short: 'Russia',
          values: series('moscow.kurskControl'),
          color: M,
          marker: 'diamond',
        },
        {
          label: 'Held by Ukraine',
          short: 'Ukraine',
          values: series('kyiv.kurskHeld'),
          color: K,
          dash: '9 5',
          marker: 'circle',
        },
      ],
    },
    {
      ...base,
      id: 'debrief-chart-politics',
      title: 'Pressure at home and abroad',
      yTitle: 'Index, 0 to 100',
      yDomain: [0, 100],
      series: [
        {
          label: `Scrutiny of ${name('moscow')}`,
          short: 'Scrutiny',
          values: series('moscow.scrutiny'),
          color: M,
          marker: 'diamond',
        },
        {
          label: `Support for ${name('kyiv')}`,
          short: 'Support',
          values: series('kyiv.support'),
          color: K,
          dash: '9 5',
          marker: 'circle',
        },
        {
          label: `${name('pyongyang')}’s regime control`,
          short: 'Control',
          values: series('pyongyang.regimeControl'),
          color: P,
          marker: 'triangle',
        },
        {
          label: 'Risk of dissent in North Korea',
          short: 'Dissent',
          values: series('pyongyang.dissentRisk'),
          color: SERIES_COLORS.yellow,
          dash: '3 4',
          marker: 'square',
        },
      ],
      note: 'Scrutiny: how closely the world watches Moscow. Support: international support for Kyiv. Control and dissent: inside North Korea. All are model indices, not measured quantities.',
    },
    {
      ...base,
      id: 'debrief-chart-scores',
      title: 'Scores',
      yTitle: 'Score, 0 to 100',
      yDomain: [0, 100],
      series: [
        {
          label: name('pyongyang'),
          values: series('pyongyang.score'),
          color: P,
          marker: 'triangle',
        },
        {
          label: name('moscow'),
          values: series('moscow.score'),
          color: M,
          dash: '9 5',
          marker: 'diamond',
        },
        {
          label: name('kyiv'),
          values: series('kyiv.score'),
          color: K,
          dash: '3 4',
          marker: 'circle',
        },
      ],
    },
  ];
}

function chartsSection(state: GameState): HTMLElement {
  const id = 'debrief-charts-title';
  return h(
    'section',
    { class: 'db-section', 'aria-labelledby': id },
    h('h2', { id }, 'Month by month'),
    state.history.length < 2
      ? h('p', { class: 'db-intro' }, 'The game ended before a month was played.')
      : h(
          'div',
          { class: 'db-charts' },
          // Drawn for the box they get: a phone's charts fit its width instead of scrolling.
          ...chartSpecs(state).map((s) =>
            lineChart(s, 'h3', chartSizeFor(Math.min(window.innerWidth, 900) - 40)),
          ),
        ),
  );
}

function questionsSection(words: ScenarioWords): HTMLElement {
  const id = 'debrief-questions-title';
  const questions =
    words.questions.length > 0
      ? words.questions
      : [
          'Which of your decisions changed the human-cost ledger most? Would you make it again?',
          'Which number in this game are you least sure of? Open its source card: who claims it?',
        ];
  return h(
    'section',
    { class: 'db-section db-questions', 'aria-labelledby': id },
    h('h2', { id }, 'Questions for discussion'),
    words.questions.length === 0
      ? h(
          'p',
          { class: 'db-intro' },
          'This scenario has no questions of its own; two to start with:',
        )
      : null,
    h('ol', {}, ...questions.map((q) => h('li', {}, q))),
    words.objectives.length > 0
      ? h(
          'div',
          { class: 'db-objectives' },
          h('h3', {}, 'What this scenario sets out to teach'),
          h('ul', {}, ...words.objectives.map((o) => h('li', {}, o))),
        )
      : null,
  );
}

// ---------------------------------------------------------------------------------------------
// Keep and compare: download, submit, explorer
// ---------------------------------------------------------------------------------------------

interface KeepContext {
  opts: DebriefOptions;
  storage: KeyValue | null;
  signal: AbortSignal;
  fetchFn: FetchLike;
}

function downloadRecord(record: GameRecord): void {
  const blob = new Blob([JSON.stringify(record)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: recordFileName(record), hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function initialClassCode(storage: KeyValue | null): string {
  try {
    const fromUrl = new URLSearchParams(globalThis.location?.search ?? '').get('class');
    if (fromUrl) return fromUrl;
  } catch {
    /* no location */
  }
  try {
    return storage?.getItem(STORAGE_KEYS.classCode) ?? '';
  } catch {
    return '';
  }
}

function keepSection(k: KeepContext): HTMLElement {
  const { opts, storage } = k;
  const { record, state } = opts;
  const id = 'debrief-keep-title';
  const pseudonymKey = `${record.seed}:${record.turnHashes[record.turnHashes.length - 1] ?? ''}`;
  let suggestion = 0;

  // Download.
  const downloadBtn = h(
    'button',
    { type: 'button', class: 'btn btn-primary', 'aria-describedby': 'debrief-file-name' },
    'Download game record',
  );
  downloadBtn.addEventListener('click', () => downloadRecord(record));

  // Submit.
  const pseudo = h('input', {
    id: 'debrief-pseudonym',
    name: 'pseudonym',
    type: 'text',
    maxlength: 40,
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    'aria-describedby': 'debrief-pseudonym-hint',
  });
  pseudo.value = suggestPseudonym(pseudonymKey);
  const another = h('button', { type: 'button', class: 'btn btn-small' }, 'Suggest another');
  another.addEventListener('click', () => {
    pseudo.value = suggestPseudonym(pseudonymKey, ++suggestion);
    pseudo.focus();
  });
  const classInput = h('input', {
    id: 'debrief-class',
    name: 'classCode',
    type: 'text',
    maxlength: 40,
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'characters',
    'aria-describedby': 'debrief-class-hint',
  });
  classInput.value = initialClassCode(storage);
  const submitBtn = h(
    'button',
    { type: 'submit', class: 'btn btn-primary' },
    'Submit to the class board',
  );
  const status = h('p', { class: 'db-status-line', role: 'status', 'aria-live': 'polite' });
  const retryBtn = h('button', { type: 'button', class: 'btn', hidden: true }, 'Try again now');
  const after = h('div', { class: 'db-after' });
  const earlier = h('p', {
    class: 'db-earlier',
    role: 'status',
    'aria-live': 'polite',
    hidden: true,
  });

  const payload = (): Submission => {
    const s: Submission = { record, pseudonym: pseudo.value.trim() };
    const code = classInput.value.trim();
    if (code) s.classCode = code;
    if (opts.scenarioText !== undefined) s.scenario = opts.scenarioText;
    return s;
  };

  let busy = false;
  const showSent = (o: Extract<SubmitOutcome, { kind: 'ok' }>, pseudonym: string) => {
    status.className = 'db-status-line is-ok';
    status.textContent = o.created
      ? `Submitted as “${pseudonym}”. The server replayed your game and recorded its outcome.`
      : `Already on the board as “${pseudonym}”: the server had this game.`;
    retryBtn.hidden = true;
    submitBtn.disabled = true;
    submitBtn.textContent = 'Submitted';
    after.replaceChildren(
      h(
        'a',
        { href: resultsLink(o.scenarioId, o.classCode), class: 'btn' },
        o.classCode
          ? `See your class’s results (${o.classCode})`
          : 'See the results for this scenario',
      ),
    );
  };

  const send = async () => {
    if (busy || k.signal.aborted) return;
    const s = payload();
    if (s.pseudonym === '') {
      status.className = 'db-status-line is-error';
      status.textContent = 'Choose a pseudonym first (not your real name).';
      pseudo.focus();
      return;
    }
    busy = true;
    submitBtn.disabled = true;
    retryBtn.disabled = true;
    status.className = 'db-status-line';
    status.textContent = 'Sending your game to the class board…';
    const outcome = await submitResult(s, k.fetchFn, k.signal);
    busy = false;
    retryBtn.disabled = false;
    if (k.signal.aborted) return;
    const key = recordKey(record);
    if (outcome.kind === 'ok') {
      removePending(storage, key);
      rememberResult(storage, outcome.id);
      if (s.classCode) writeClassCode(storage, s.classCode);
      showSent(outcome, s.pseudonym);
    } else if (outcome.kind === 'rejected') {
      removePending(storage, key);
      submitBtn.disabled = false;
      retryBtn.hidden = true;
      status.className = 'db-status-line is-error';
      status.textContent = `The class board did not accept it: ${outcome.message}`;
    } else {
      const kept = queuePending(storage, s, new Date().toISOString());
      submitBtn.disabled = false;
      retryBtn.hidden = false;
      status.className = 'db-status-line is-warn';
      status.textContent = kept
        ? `Could not reach the class board (${outcome.message}). Your game is kept in this browser and will be submitted later: the next time a debrief opens, or now with “Try again now”.`
        : `Could not reach the class board (${outcome.message}), and this browser would not keep the game. Download the game record to keep it.`;
    }
  };

  const form = h(
    'form',
    { class: 'db-submit', novalidate: true, 'aria-labelledby': 'debrief-submit-title' },
    h('h3', { id: 'debrief-submit-title' }, 'Submit to the class board'),
    h(
      'div',
      { class: 'db-field' },
      h('label', { for: 'debrief-pseudonym' }, 'Pseudonym'),
      h('div', { class: 'db-field-row' }, pseudo, another),
      h(
        'p',
        { id: 'debrief-pseudonym-hint', class: 'db-hint' },
        'Shown on the board. Not your real name: keep the suggestion or make up another.',
      ),
    ),
    h(
      'div',
      { class: 'db-field' },
      h('label', { for: 'debrief-class' }, 'Class code (optional)'),
      classInput,
      h(
        'p',
        { id: 'debrief-class-hint', class: 'db-hint' },
        'From your teacher. Without one, the game joins everyone’s results for this scenario.',
      ),
    ),
    h('div', { class: 'db-actions' }, submitBtn, retryBtn),
    status,
    after,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void send();
  });
  retryBtn.addEventListener('click', () => void send());

  // A game already waiting from an earlier try: say so at once, with what it was sent as.
  const waiting = pendingSubmissions(storage).find((p) => p.key === recordKey(record));
  if (waiting) {
    pseudo.value = waiting.payload.pseudonym;
    classInput.value = waiting.payload.classCode ?? classInput.value;
    status.className = 'db-status-line is-warn';
    status.textContent = 'This game is waiting in this browser to be submitted.';
    retryBtn.hidden = false;
  }

  // Earlier games kept to submit later: try them now, in the background.
  if (pendingSubmissions(storage).length > 0) {
    const mine = recordKey(record);
    void retryPending(storage, k.fetchFn, k.signal).then((r) => {
      if (k.signal.aborted) return;
      const own = r.sent.find((x) => x.key === mine);
      if (own) showSent(own.outcome, waiting?.payload.pseudonym ?? pseudo.value.trim());
      const ownRejected = r.rejected.find((x) => x.key === mine);
      if (ownRejected) {
        retryBtn.hidden = true;
        status.className = 'db-status-line is-error';
        status.textContent = `The class board did not accept it: ${ownRejected.outcome.message}`;
      }
      const others = r.sent.filter((x) => x.key !== mine).length;
      const otherRejected = r.rejected.filter((x) => x.key !== mine);
      const parts: string[] = [];
      if (others > 0)
        parts.push(
          `${others === 1 ? 'An earlier game' : `${others} earlier games`} kept in this browser ${others === 1 ? 'was' : 'were'} submitted now.`,
        );
      if (otherRejected.length > 0)
        parts.push(
          `${otherRejected.length === 1 ? 'An earlier game was' : `${otherRejected.length} earlier games were`} not accepted: ${otherRejected[0]!.outcome.message}`,
        );
      if (parts.length > 0) {
        earlier.hidden = false;
        earlier.textContent = parts.join(' ');
      }
    });
  }

  const explorer = h(
    'a',
    { class: 'btn', href: explorerHref(state.rules.scenarioId) },
    'Open the outcome explorer',
  );

  return h(
    'section',
    { class: 'db-section db-keep', 'aria-labelledby': id },
    h('h2', { id }, 'Keep your game and compare it'),
    h(
      'div',
      { class: 'db-keep-grid' },
      h(
        'div',
        { class: 'db-keep-box' },
        h('h3', {}, 'The game record'),
        h(
          'p',
          {},
          'Every order given in this game, with a check for each month: replaying it gives exactly the same result. The class board replays it before it counts it; your teacher can too (',
          h('code', {}, 'npm run replay'),
          ').',
        ),
        downloadBtn,
        h('p', { id: 'debrief-file-name', class: 'db-hint' }, recordFileName(record)),
      ),
      h('div', { class: 'db-keep-box' }, form, earlier),
      h(
        'div',
        { class: 'db-keep-box' },
        h('h3', {}, 'How else could it have gone?'),
        h(
          'p',
          {},
          'The outcome explorer plays this scenario many times with computer players and shows the spread of outcomes, with your game marked on it, and which uncertain figures move the results most.',
        ),
        explorer,
      ),
    ),
  );
}

function writeClassCode(storage: KeyValue | null, code: string): void {
  try {
    storage?.setItem(STORAGE_KEYS.classCode, code);
  } catch {
    /* refused: nothing to do */
  }
}

function describeGame(state: GameState, humans: readonly Capital[]): string {
  const cal = state.rules.calendar;
  const first = state.history.find((p) => p.turn > 0)?.date ?? cal.start;
  const last = state.history[state.history.length - 1]?.date ?? cal.start;
  const played =
    humans.length === 0
      ? 'Computer players held every seat'
      : `Played as ${listWords(humans.map((c) => capitalName(state, c)))}`;
  const turns = state.history.filter((p) => p.turn > 0).length;
  const figures = state.figureChoices.default;
  return `${played} · ${turns} ${turns === 1 ? 'month' : 'months'}, ${formatMonth(first)} to ${formatMonth(last)} · seed ${state.seed} · ${figures} figures`;
}

// =============================================================================================
// Mount
// =============================================================================================

/** Times a piece of the debrief's work as a performance measure (npm run bench:page reads them). */
function timed<T>(name: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    try {
      performance.measure(name, { start, end: performance.now() });
    } catch {
      /* no User Timing: nothing to record */
    }
  }
}

export function mountDebrief(root: HTMLElement, opts: DebriefOptions): DebriefHandle {
  return timed('debrief:mount', () => mount(root, opts));
}

function mount(root: HTMLElement, opts: DebriefOptions): DebriefHandle {
  const { state, record, ledger } = opts;
  const humans = CAPITALS.filter((c) => opts.playerSeats.includes(c));
  const humanSet = new Set(humans);
  const storage = safeStorage();
  const abort = new AbortController();
  const fetchFn: FetchLike = (input, init) => globalThis.fetch(input, init);

  // "Your game" for the outcome explorer.
  try {
    storage?.setItem(
      STORAGE_KEYS.lastGame,
      JSON.stringify({
        scenario: { id: state.rules.scenarioId, hash: state.rules.scenarioHash },
        metrics: state.metrics,
      }),
    );
  } catch {
    /* storage refused: the explorer link still opens, without "your game" */
  }

  const title = h('h1', { id: 'debrief-title', tabindex: -1 }, 'Debrief');
  const navButton = (label: string, fn: () => void, primary = false) => {
    const b = h('button', { type: 'button', class: `btn${primary ? ' btn-primary' : ''}` }, label);
    b.addEventListener('click', fn);
    return b;
  };
  const nav = (where: string) =>
    h(
      'nav',
      { class: 'db-nav', 'aria-label': where },
      navButton('New game', () => opts.onNewGame(), true),
      navButton('Menu', () => opts.onMenu()),
    );

  // The head and the human cost at once; the rest section by section, one task each, so that no
  // task runs long when the debrief opens (DESIGN §6). Each section has its place already.
  const later: [HTMLElement, string, () => HTMLElement][] = [
    [h('div'), 'scores', () => scoresSection(state, record, humanSet)],
    [h('div'), 'decisions', () => decisionsSection(state, record, humans, ledger)],
    [h('div'), 'charts', () => chartsSection(state)],
    [
      h('div'),
      'questions',
      () => questionsSection(scenarioWords(state.rules.scenarioId, opts.scenarioText, ledger)),
    ],
    [h('div'), 'keep', () => keepSection({ opts, storage, signal: abort.signal, fetchFn })],
  ];
  const element = h(
    'section',
    {
      class: 'debrief',
      'aria-labelledby': 'debrief-title',
      'data-debrief': 'true',
      'aria-busy': 'true',
    },
    h(
      'div',
      { class: 'debrief-inner' },
      h(
        'header',
        { class: 'db-head' },
        h(
          'div',
          {},
          h('p', { class: 'db-kicker' }, state.rules.title),
          title,
          h('p', { class: 'db-meta' }, describeGame(state, humans)),
        ),
        nav('Leave the debrief'),
      ),
      costSection(state),
      ...later.map(([slot]) => slot),
      h('footer', { class: 'db-foot' }, nav('Leave the debrief (bottom)')),
    ),
  );

  root.append(element);
  element.scrollTop = 0;
  title.focus();

  let fast: ReturnType<typeof setTimeout> | null = null;
  let slow: ReturnType<typeof setTimeout> | null = null;
  let frame: number | null = null;
  const cancel = (): void => {
    if (fast !== null) clearTimeout(fast);
    if (slow !== null) clearTimeout(slow);
    if (frame !== null) cancelAnimationFrame(frame);
    fast = slow = frame = null;
  };
  const build = (): void => {
    cancel();
    if (abort.signal.aborted) return;
    const next = later.shift();
    if (next) {
      const [slot, name, make] = next;
      timed(`debrief:section ${name}`, () => slot.replaceWith(make()));
    }
    if (later.length > 0) schedule();
    else {
      element.removeAttribute('aria-busy');
      element.dataset['ready'] = 'true';
    }
  };
  // Right after the next frame (the browser paints what is there), or soon in a hidden tab.
  const schedule = (): void => {
    frame = requestAnimationFrame(() => {
      frame = null;
      fast = setTimeout(build, 0);
    });
    slow = setTimeout(build, 100);
  };
  schedule();

  return {
    destroy() {
      abort.abort();
      cancel();
      for (const d of document.querySelectorAll<HTMLDialogElement>('dialog.reader[open]'))
        d.close();
      element.remove();
    },
  };
}
