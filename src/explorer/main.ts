/**
 * The outcome explorer page (explorer.html): choose a scenario, seats, figures and a number of
 * games; the batch runs in a Web Worker (worker.ts) with a progress bar and a cancel button;
 * the results are histograms of each metric (with "your game" marked when the URL carries
 * `mine`), percentiles, and a tornado chart of the uncertain figures. DOM and SVG from the shared
 * chart module (src/charts).
 */
import './explorer.css';
import { botNames, PLAYER_DESCRIPTIONS } from '../ai';
import { CAPITALS, METRIC_IDS, type Capital } from '../engine';
import {
  describeDistribution,
  describeTornado,
  fmt,
  histogramSpec,
  histogramTable,
  metricLabel,
  mineSentence,
  renderTornado,
  signed,
  tornadoRows,
} from './charts';
import { histogramSizeFor, renderHistogram } from '../charts/histogram';
import { tornadoLayoutFor } from '../charts/tornado';
import type { ExplorerInput, ExplorerResult, FiguresMode } from './core';
import { parseMine, type Mine } from './mine';
import {
  DEFAULTS,
  MAX_RUNS,
  MAX_SENSITIVITY_RUNS,
  parseSettings,
  scenarioUrl,
  settingsParams,
  type Settings,
} from './params';
import type { FromWorker, ToWorker } from './protocol';
import { EXPLORER_SCENARIOS } from './scenarios';

const HEADLINE = [
  'pyongyang.score',
  'moscow.score',
  'kyiv.score',
  'pyongyang.killed',
  'pyongyang.captured',
  'human.familiesAtRisk',
  'human.allKilled',
  'moscow.kurskControl',
  'moscow.scrutiny',
  'kyiv.support',
  'pyongyang.techGained',
  'pyongyang.dissentRisk',
];

const CAPITAL_NAMES: Record<Capital, string> = {
  pyongyang: 'Pyongyang',
  moscow: 'Moscow',
  kyiv: 'Kyiv',
};
const FILE_OPTION = '__file__';

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

function byId<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} missing from explorer.html`);
  return e as T;
}

const known = (name: string) => botNames().includes(name) || /^search:[1-9][0-9]{0,4}$/.test(name);

// ---------------------------------------------------------------------------------------------
// The form
// ---------------------------------------------------------------------------------------------

function option(value: string, text: string, selected: boolean): HTMLOptionElement {
  const o = h('option', { value }, text);
  o.selected = selected;
  return o;
}

function buildForm(settings: Settings): void {
  const scenario = byId<HTMLSelectElement>('scenario');
  for (const s of EXPLORER_SCENARIOS)
    scenario.append(option(s.id, s.title, s.id === settings.scenario));
  if (!EXPLORER_SCENARIOS.some((s) => s.id === settings.scenario))
    scenario.append(option(settings.scenario, `From the link: ${settings.scenario}`, true));
  scenario.append(option(FILE_OPTION, 'A scenario file from this computer…', false));
  const file = byId<HTMLInputElement>('scenario-file');
  const fileRow = byId('scenario-file-row');
  scenario.addEventListener('change', () => {
    fileRow.hidden = scenario.value !== FILE_OPTION;
    if (!fileRow.hidden) file.focus();
  });

  byId<HTMLInputElement>('runs').value = String(settings.runs);
  byId<HTMLInputElement>('runs').max = String(MAX_RUNS);
  byId<HTMLInputElement>('seed').value = settings.seed;
  byId<HTMLSelectElement>('figures').value = settings.figures;
  byId<HTMLInputElement>('sensitivity').value = String(settings.sensitivityRuns);
  byId<HTMLInputElement>('sensitivity').max = String(MAX_SENSITIVITY_RUNS);

  const seats = byId('seats');
  for (const c of CAPITALS) {
    const id = `seat-${c}`;
    const select = h('select', { id, name: id });
    for (const name of botNames())
      if (name !== 'random') select.append(option(name, name, settings.seats[c] === name));
    if (!botNames().includes(settings.seats[c]))
      select.append(option(settings.seats[c], settings.seats[c], true));
    const hint = h('span', { class: 'hint', id: `${id}-hint` });
    const update = () => {
      hint.textContent = PLAYER_DESCRIPTIONS[select.value] ?? '';
    };
    select.setAttribute('aria-describedby', `${id}-hint`);
    select.addEventListener('change', update);
    update();
    seats.append(
      h('div', { class: 'field' }, h('label', { for: id }, CAPITAL_NAMES[c]), select, hint),
    );
  }
}

function readSettings(): Settings {
  const runs = Number(byId<HTMLInputElement>('runs').value);
  const sens = Number(byId<HTMLInputElement>('sensitivity').value);
  const seats = { ...DEFAULTS.seats };
  for (const c of CAPITALS) seats[c] = byId<HTMLSelectElement>(`seat-${c}`).value;
  return {
    scenario: byId<HTMLSelectElement>('scenario').value,
    runs: Number.isInteger(runs) && runs >= 1 && runs <= MAX_RUNS ? runs : DEFAULTS.runs,
    seed: byId<HTMLInputElement>('seed').value.trim().slice(0, 100) || DEFAULTS.seed,
    figures: byId<HTMLSelectElement>('figures').value as FiguresMode,
    seats,
    sensitivityRuns:
      Number.isInteger(sens) && sens >= 0 && sens <= MAX_SENSITIVITY_RUNS
        ? sens
        : DEFAULTS.sensitivityRuns,
    autorun: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------------------------

let worker: Worker | null = null;
let runId = 0;
let running = false;
let mine: Mine | null = null;
let last: ExplorerResult | null = null;

function announce(text: string): void {
  const live = byId('live');
  live.textContent = '';
  // A fresh text node after clearing makes screen readers read it again.
  window.setTimeout(() => (live.textContent = text), 30);
}

function setStatus(text: string): void {
  byId('status').textContent = text;
}

function setProgress(done: number, total: number, phase: string): void {
  const bar = byId('progress');
  const pct = total > 0 ? Math.floor((100 * done) / total) : 0;
  bar.setAttribute('aria-valuenow', String(pct));
  const label = phase === 'sensitivity' ? 'testing each uncertain figure' : 'playing the games';
  bar.setAttribute('aria-valuetext', `${pct}%: ${fmt(done)} of ${fmt(total)} games (${label})`);
  byId('progress-fill').style.width = `${pct}%`;
  byId('progress-text').textContent = `${fmt(done)} of ${fmt(total)} games — ${label}`;
}

function setRunning(on: boolean): void {
  running = on;
  byId<HTMLButtonElement>('run').disabled = on;
  byId<HTMLButtonElement>('cancel').disabled = !on;
  byId('progress-box').hidden = false;
  byId('results').setAttribute('aria-busy', on ? 'true' : 'false');
}

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
    worker.onerror = (e) => {
      setRunning(false);
      setStatus(`The worker failed: ${e.message}`);
      announce('The batch failed.');
      worker?.terminate();
      worker = null;
    };
  }
  return worker;
}

async function scenarioSource(settings: Settings): Promise<{ text: string; fileName: string }> {
  if (settings.scenario === FILE_OPTION) {
    const f = byId<HTMLInputElement>('scenario-file').files?.[0];
    if (!f) throw new Error('choose a scenario file first');
    if (f.size > 2 * 1024 * 1024) throw new Error('the file is larger than 2 MB');
    return { text: await f.text(), fileName: f.name || 'scenario.yaml' };
  }
  const url = scenarioUrl(settings.scenario, EXPLORER_SCENARIOS);
  if (!url) throw new Error(`no scenario "${settings.scenario}"`);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load ${url} (HTTP ${res.status})`);
  return { text: await res.text(), fileName: url.split('/').pop() ?? 'scenario.yaml' };
}

async function start(): Promise<void> {
  if (running) return;
  const settings = readSettings();
  if (settings.scenario !== FILE_OPTION)
    history.replaceState(null, '', `?${settingsParams(settings).toString()}${mineQuery()}`);
  setRunning(true);
  setProgress(0, 1, 'batch');
  setStatus('Loading the scenario…');
  let source: { text: string; fileName: string };
  try {
    source = await scenarioSource(settings);
  } catch (e) {
    setRunning(false);
    setStatus(`Cannot run: ${e instanceof Error ? e.message : String(e)}`);
    announce('Cannot run the batch.');
    return;
  }
  const input: ExplorerInput = {
    runs: settings.runs,
    seed: settings.seed,
    seats: settings.seats,
    figures: settings.figures,
    sensitivityRuns: settings.sensitivityRuns,
  };
  if (mine?.ok) input.mine = mine.metrics;
  const id = ++runId;
  setStatus(`Running ${fmt(settings.runs)} games…`);
  announce(`Running ${fmt(settings.runs)} games.`);
  const message: ToWorker = {
    type: 'run',
    id,
    scenarioText: source.text,
    fileName: source.fileName,
    input,
  };
  getWorker().postMessage(message);
}

function cancel(): void {
  if (!running || !worker) return;
  const message: ToWorker = { type: 'cancel', id: runId };
  worker.postMessage(message);
  setStatus('Cancelling…');
}

function mineQuery(): string {
  const m = new URLSearchParams(location.search).get('mine');
  return m === null ? '' : `&mine=${encodeURIComponent(m)}`;
}

function onMessage(m: FromWorker): void {
  if (m.id !== runId) return;
  if (m.type === 'progress') {
    setProgress(m.done, m.total, m.phase);
    return;
  }
  setRunning(false);
  if (m.type === 'error') {
    setStatus(`Cannot run: ${m.message}`);
    const list = byId('issues');
    list.replaceChildren(
      ...(m.issues ?? []).map((i) =>
        h('li', {}, `${i.file}:${i.line}:${i.col} ${i.path} ${i.message}`),
      ),
    );
    list.hidden = (m.issues ?? []).length === 0;
    announce(`Cannot run: ${m.message}`);
    return;
  }
  byId('issues').hidden = true;
  last = m.result;
  const r = m.result;
  const secs = (m.ms / 1000).toFixed(1);
  const what = m.cancelled
    ? `Cancelled after ${fmt(r.completed)} of ${fmt(r.input.runs)} games`
    : `${fmt(r.completed)} games`;
  setStatus(`${what} of “${r.scenario.title}” in ${secs} s.`);
  render(r);
  const score = (c: Capital) =>
    `${CAPITAL_NAMES[c]} median score ${fmt(r.summary.metrics[`${c}.score`]!.p50)}`;
  const killed = r.summary.metrics['pyongyang.killed']!;
  announce(
    `${what} done in ${secs} seconds. ${CAPITALS.map(score).join(', ')}. North Korean soldiers killed: median ${fmt(killed.p50)}, from ${fmt(killed.p10)} to ${fmt(killed.p90)}.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

function card(id: string, r: ExplorerResult): HTMLElement {
  const p = r.summary.metrics[id]!;
  const mark = r.mine[id];
  const figure = h('figure', { class: 'card' });
  figure.append(h('figcaption', {}, h('span', { class: 'card-title' }, metricLabel(id))));
  // Drawn for the box it gets: a phone's single column gets a narrower frame with the same text.
  const spec = {
    ...histogramSpec(id, r.completed, r.histograms[id]!, p, mark),
    size: histogramSizeFor(byId('cards').clientWidth - 40),
  };
  figure.append(renderHistogram(spec), histogramTable(spec));
  const facts = h(
    'p',
    { class: 'facts' },
    `median ${fmt(p.p50)} · p10 ${fmt(p.p10)} · p90 ${fmt(p.p90)} · mean ${fmt(p.mean)}`,
  );
  figure.append(facts);
  if (mark)
    figure.append(
      h('p', { class: 'mine-line' }, `Your game: ${fmt(mark.value)} — ${mineSentence(mark)}.`),
    );
  return figure;
}

function renderTornadoBox(r: ExplorerResult): void {
  const box = byId('tornado');
  const select = byId<HTMLSelectElement>('tornado-metric');
  const notes = byId('tornado-notes');
  if (r.sensitivity.length === 0) {
    box.replaceChildren(
      h(
        'p',
        {},
        r.ranged.length === 0
          ? 'This scenario uses no figure with a range (low ≠ high), so there is nothing to vary.'
          : 'Sensitivity was not computed (set “games per figure value” above 0, and let the batch finish).',
      ),
    );
    notes.replaceChildren();
    return;
  }
  const draw = () => {
    const rows = tornadoRows(r.sensitivity, select.value);
    box.replaceChildren(renderTornado(select.value, rows, tornadoLayoutFor(box.clientWidth)));
    const table = h('table', { class: 'numbers' });
    table.append(
      h(
        'caption',
        {},
        `Median of ${metricLabel(select.value)} by figure value (${fmt(r.input.sensitivityRuns)} games each, seed ${r.input.seed})`,
      ),
    );
    table.append(
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['figure', 'low', 'central', 'high', 'high − low'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
    );
    const body = h('tbody');
    for (const row of rows)
      body.append(
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, row.label),
          ...[fmt(row.low), fmt(row.central), fmt(row.high), signed(row.high - row.low)].map((t) =>
            h('td', {}, t),
          ),
        ),
      );
    table.append(body);
    // Scrolls sideways on a phone instead of widening the page; focusable, so keys can scroll it.
    notes.replaceChildren(
      h(
        'div',
        { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Figures tried' },
        table,
      ),
    );
  };
  select.onchange = () => {
    draw();
    announce(describeTornado(select.value, tornadoRows(r.sensitivity, select.value)));
  };
  draw();
}

function renderTable(r: ExplorerResult): void {
  const table = h('table', { class: 'numbers' });
  const mineCol = Object.keys(r.mine).length > 0;
  table.append(
    h(
      'caption',
      {},
      `Every metric at game end, ${fmt(r.completed)} games (the same percentiles as npm run simulate)`,
    ),
  );
  const heads = ['metric', 'p10', 'median', 'p90', 'mean', ...(mineCol ? ['your game'] : [])];
  table.append(h('thead', {}, h('tr', {}, ...heads.map((t) => h('th', { scope: 'col' }, t)))));
  const body = h('tbody');
  for (const id of METRIC_IDS) {
    const p = r.summary.metrics[id]!;
    const cells = [fmt(p.p10), fmt(p.p50), fmt(p.p90), fmt(p.mean)];
    if (mineCol) cells.push(r.mine[id] ? fmt(r.mine[id].value) : '');
    body.append(
      h('tr', {}, h('th', { scope: 'row' }, metricLabel(id)), ...cells.map((t) => h('td', {}, t))),
    );
  }
  table.append(body);
  byId('table').replaceChildren(table);
}

function render(r: ExplorerResult): void {
  byId('results').hidden = false;
  const extra = byId<HTMLSelectElement>('extra-metric').value;
  const ids = [...HEADLINE, ...(extra && !HEADLINE.includes(extra) ? [extra] : [])];
  byId('cards').replaceChildren(...ids.map((id) => card(id, r)));
  renderTornadoBox(r);
  renderTable(r);
}

function buildResultControls(): void {
  const extra = byId<HTMLSelectElement>('extra-metric');
  extra.append(option('', '(none)', true));
  for (const id of METRIC_IDS)
    if (!HEADLINE.includes(id)) extra.append(option(id, metricLabel(id), false));
  extra.addEventListener('change', () => {
    if (!last) return;
    render(last);
    if (extra.value)
      announce(
        describeDistribution(
          extra.value,
          last.completed,
          last.summary.metrics[extra.value]!,
          last.mine[extra.value],
        ),
      );
  });
  const tm = byId<HTMLSelectElement>('tornado-metric');
  for (const id of METRIC_IDS) tm.append(option(id, metricLabel(id), id === 'pyongyang.killed'));
}

function showMine(): void {
  const note = byId('mine-note');
  if (!mine) {
    note.hidden = true;
    return;
  }
  note.hidden = false;
  note.textContent = mine.ok
    ? `Your game is marked in orange on every chart (${Object.keys(mine.metrics).length} metrics, from ${mine.source === 'url' ? 'the link' : 'this browser'}).`
    : `Your game cannot be shown: ${mine.error}.`;
}

function init(): void {
  const params = new URLSearchParams(location.search);
  const settings = parseSettings(params, known);
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  mine = parseMine(params.get('mine'), storage);
  buildForm(settings);
  buildResultControls();
  showMine();
  byId<HTMLFormElement>('controls').addEventListener('submit', (e) => {
    e.preventDefault();
    void start();
  });
  byId('cancel').addEventListener('click', cancel);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && running) cancel();
  });
  if (settings.autorun) void start();
}

init();
