/**
 * The capital's briefing at the start of a game (its goals as the score counts them, its levers,
 * what the sources say of its position) and a first-turn walkthrough that points at the parts
 * of the screen in order. Both can be skipped; the briefing can be reopened from the goals.
 */
import type { Capital, GameState } from '../engine/types';
import { findFigure, type Ledger } from '../ledger';
import { openChoice } from './choice';
import { h } from './dom';
import { capitalName } from './labels';
import { objectiveText } from './panels';
import { ledgerWords, sourceButton } from './sourceCard';

/** What each lever lets the capital do, in a sentence. */
const LEVER_TEXT: Record<string, string> = {
  trade: 'Trade: offer, accept, refuse or counter deals with the other capitals (Trade tab).',
  training: 'Training: how many months soldiers train before they can be sent to the front.',
  information: 'Information: whether the soldiers are told the truth about where they are going.',
  recall: 'Recall: bring soldiers home.',
  assign: 'Assignment: which front sector the North Korean soldiers go to.',
  missileUnits: 'Missile units: move North Koreans into crews for their own missiles.',
  pairing: 'Pairing: put Russian drone operators beside North Korean units.',
  stance: 'Public stance: deny, blur or confirm the deployment.',
  allocate: 'Allocation: troops, ammunition and drones for each sector.',
  posture: 'Posture: hold the Kursk salient as leverage, or pull back to save soldiers.',
  targeting: 'Drone targeting: whether drones single out North Korean units.',
  publicise: 'Prisoners: whether to show captured North Korean soldiers to the world.',
  evidence: 'Evidence: release what you know to raise scrutiny of Moscow.',
};

/** Figures from the ledger that describe each capital's position. */
const POSITION_FIGURES: Record<Capital, string[]> = {
  pyongyang: ['nk-troops-total', 'economic-assistance-tech-access', 'family-punishment-on-capture'],
  moscow: ['russia-manpower-gain', 'nk-kursk-frontline-feb-2025', 'moscow-scrutiny-risk'],
  kyiv: ['kursk-negotiating-leverage', 'no-drone-training', 'nk-deaths-ukraine-report'],
};

const SEEN_KEY = 'tc.briefed';

function seenKey(state: GameState, seat: Capital): string {
  return `${state.rules.scenarioHash}:${state.seed}:${seat}`;
}

function wasBriefed(state: GameState, seat: Capital): boolean {
  try {
    return (localStorage.getItem(SEEN_KEY) ?? '').split('\n').includes(seenKey(state, seat));
  } catch {
    return false;
  }
}

function markBriefed(state: GameState, seat: Capital): void {
  try {
    const list = (localStorage.getItem(SEEN_KEY) ?? '').split('\n').filter(Boolean).slice(-20);
    list.push(seenKey(state, seat));
    localStorage.setItem(SEEN_KEY, list.join('\n'));
  } catch {
    /* storage refused: the briefing may show again after a reload, which is harmless */
  }
}

/** The briefing's body: goals, levers, the sources on this capital's position. */
export function briefingBody(state: GameState, seat: Capital, ledger: Ledger): HTMLElement {
  const objectives = state.rules.scoring[seat];
  const total = objectives.reduce((s, o) => s + o.weight, 0) || 1;
  const figures = POSITION_FIGURES[seat].filter((id) => findFigure(ledger, id));
  return h(
    'div',
    { class: 'briefing' },
    h(
      'p',
      {},
      `You lead ${capitalName(state, seat)} for ${state.rules.calendar.turns} turns of ${state.rules.calendar.turnMonths === 1 ? 'one month' : `${state.rules.calendar.turnMonths} months`}. The other capitals are played by the computer or by classmates.`,
    ),
    h('h3', {}, 'Your goals, as the score counts them'),
    h(
      'ul',
      {},
      ...objectives.map((o) =>
        h('li', {}, objectiveText(o), ` — ${Math.round((o.weight / total) * 100)}% of your score`),
      ),
    ),
    h(
      'p',
      { class: 'muted-ink small' },
      'The goals stay on screen under your stocks, with your score so far.',
    ),
    h('h3', {}, 'What you decide'),
    h('ul', {}, ...state.rules.capitals[seat].levers.map((l) => h('li', {}, LEVER_TEXT[l] ?? l))),
    figures.length
      ? h(
          'div',
          {},
          h('h3', {}, 'What the sources say of your position'),
          h(
            'ul',
            { class: 'briefing-sources' },
            ...figures.map((id) =>
              h(
                'li',
                {},
                ledgerWords(ledger, findFigure(ledger, id)!.claim),
                ' ',
                sourceButton(ledger, id),
              ),
            ),
          ),
        )
      : null,
  );
}

/** Opens the briefing; `onDone(walkthrough)` says whether the player asked to be shown around. */
export function openBriefing(
  state: GameState,
  seat: Capital,
  ledger: Ledger,
  onDone: (walkthrough: boolean) => void,
): void {
  markBriefed(state, seat);
  openChoice({
    title: `Your briefing: ${capitalName(state, seat)}`,
    className: 'briefing-dialog',
    body: briefingBody(state, seat, ledger),
    buttons: [
      { label: 'Show me around the screen', primary: true, onChoose: () => onDone(true) },
      { label: 'Skip: I know how to play', onChoose: () => onDone(false) },
    ],
    onCancel: () => onDone(false),
  });
}

/** Shows the briefing once per capital and game, at its first turn. */
export function briefIfNew(
  state: GameState,
  seat: Capital,
  ledger: Ledger,
  walkthrough: () => void,
): boolean {
  if (state.ctx.turn !== 1 || state.ctx.phase === 'over' || wasBriefed(state, seat)) return false;
  openBriefing(state, seat, ledger, (show) => {
    if (show) walkthrough();
  });
  return true;
}

interface Step {
  /** A selector of the part of the screen the step is about. */
  target: string;
  title: string;
  text: string;
}

const STEPS: Step[] = [
  {
    target: '.resources-host',
    title: 'Your stocks and goals',
    text: 'What your capital holds, warnings before a stock runs out, and your goals with the score so far.',
  },
  {
    target: '#tab-orders',
    title: 'Orders',
    text: 'Your levers for this month. Each order takes effect when the month is played out.',
  },
  {
    target: '#tab-trade',
    title: 'Trade',
    text: 'Offers from the other capitals wait here; make your own offers too. Nothing is created by a trade: it moves from one stock to another.',
  },
  {
    target: '#tab-news',
    title: 'News and sources',
    text: 'What happened this month. The “i” buttons open the source behind each number.',
  },
  {
    target: '#btn-end',
    title: 'End turn',
    text: 'When your orders are given, end the turn. The month plays out on the map and its report appears above your stocks.',
  },
];

/**
 * The first-turn walkthrough: a small panel (not modal: the screen stays usable) that points at
 * one part of the screen at a time. Returns a function that ends it.
 */
export function startWalkthrough(root: HTMLElement): () => void {
  let i = 0;
  let marked: Element | null = null;
  const title = h('h2', { id: 'walk-title' });
  const text = h('p', {});
  const count = h('p', { class: 'muted small' });
  const next = h('button', { type: 'button', class: 'btn btn-primary btn-small' }, 'Next');
  const skip = h('button', { type: 'button', class: 'btn btn-small' }, 'Skip the walkthrough');
  const panel = h(
    'section',
    { class: 'walkthrough', role: 'region', 'aria-labelledby': 'walk-title' },
    count,
    title,
    text,
    h('div', { class: 'row' }, next, skip),
  );
  const end = (): void => {
    marked?.classList.remove('walk-target');
    panel.remove();
  };
  const show = (): void => {
    marked?.classList.remove('walk-target');
    const step = STEPS[i]!;
    marked = document.querySelector(step.target);
    marked?.classList.add('walk-target');
    marked?.scrollIntoView({ block: 'nearest' });
    count.textContent = `Step ${i + 1} of ${STEPS.length}`;
    title.textContent = step.title;
    text.textContent = step.text;
    next.textContent = i === STEPS.length - 1 ? 'Done' : 'Next';
    next.focus();
  };
  next.addEventListener('click', () => {
    if (++i >= STEPS.length) end();
    else show();
  });
  skip.addEventListener('click', end);
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') end();
  });
  root.appendChild(panel);
  show();
  return end;
}
