/**
 * The explorer's settings and its URL parameters, so a link can open it ready to run:
 *   scenario   id of a built-in scenario (default historical-2024), or a same-site path such as
 *              /scenarios/nuclear-deal.yaml
 *   runs       games in the batch (default 1,000; 1 to 50,000)
 *   seed       batch seed (default "1", as `npm run simulate`)
 *   figures    low | central | high | sampled (default central)
 *   seats      as the CLI: pyongyang=search:hard,moscow=historical,kyiv=dove (default historical)
 *   sensitivity  games per figure value for the tornado chart (default 200; 0 = none)
 *   mine       the viewer's game (see mine.ts); when present the batch starts at once
 *   run=1      start at once
 * Pure: no DOM.
 */
import { CAPITALS, type Capital, type Seats } from '../engine';
import type { FiguresMode } from './core';

export const MAX_RUNS = 50_000;
export const MAX_SENSITIVITY_RUNS = 5_000;

export interface Settings {
  scenario: string;
  runs: number;
  seed: string;
  figures: FiguresMode;
  seats: Seats;
  sensitivityRuns: number;
  autorun: boolean;
}

export const DEFAULTS: Settings = {
  scenario: 'historical-2024',
  runs: 1000,
  seed: '1',
  figures: 'central',
  seats: { pyongyang: 'historical', moscow: 'historical', kyiv: 'historical' },
  sensitivityRuns: 200,
  autorun: false,
};

function int(v: string | null, fallback: number, min: number, max: number): number {
  if (v === null || v.trim() === '') return fallback;
  const n = Number(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** Seats from "pyongyang=search:hard,kyiv=dove"; unknown players are left historical. */
export function parseSeatsParam(v: string | null, known: (name: string) => boolean): Seats {
  const seats: Seats = { ...DEFAULTS.seats };
  if (!v) return seats;
  for (const part of v.split(',')) {
    const [seat, bot] = part.split('=');
    if (seat && bot && (CAPITALS as readonly string[]).includes(seat) && known(bot))
      seats[seat as Capital] = bot;
  }
  return seats;
}

export function seatsParam(seats: Seats): string {
  return CAPITALS.map((c) => `${c}=${seats[c]}`).join(',');
}

export function parseSettings(params: URLSearchParams, known: (name: string) => boolean): Settings {
  const figures = params.get('figures');
  const scenario = params.get('scenario');
  return {
    scenario: scenario && scenario.length <= 200 ? scenario : DEFAULTS.scenario,
    runs: int(params.get('runs'), DEFAULTS.runs, 1, MAX_RUNS),
    seed: (params.get('seed') ?? DEFAULTS.seed).slice(0, 100) || DEFAULTS.seed,
    figures:
      figures === 'low' || figures === 'central' || figures === 'high' || figures === 'sampled'
        ? figures
        : DEFAULTS.figures,
    seats: parseSeatsParam(params.get('seats'), known),
    sensitivityRuns: int(
      params.get('sensitivity'),
      DEFAULTS.sensitivityRuns,
      0,
      MAX_SENSITIVITY_RUNS,
    ),
    autorun: params.get('run') === '1' || params.has('mine'),
  };
}

/** The URL parameters for settings (the page keeps its address in step, so it can be shared). */
export function settingsParams(s: Settings): URLSearchParams {
  const p = new URLSearchParams();
  p.set('scenario', s.scenario);
  p.set('runs', String(s.runs));
  p.set('seed', s.seed);
  p.set('figures', s.figures);
  p.set('seats', seatsParam(s.seats));
  p.set('sensitivity', String(s.sensitivityRuns));
  return p;
}

/** Where to fetch a scenario: built-in ids from /scenarios/, same-site paths as they are. */
export function scenarioUrl(
  scenario: string,
  builtIns: readonly { id: string; file: string }[],
): string | null {
  const b = builtIns.find((x) => x.id === scenario);
  if (b) return `/scenarios/${b.file}`;
  if (
    /^\/[A-Za-z0-9._/-]+\.(ya?ml|json)$/.test(scenario) &&
    !scenario.includes('..') &&
    !scenario.startsWith('//')
  )
    return scenario;
  return null;
}
