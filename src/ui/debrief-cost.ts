/** The debrief's human cost: what became of the soldiers sent, and all deaths on the front. */
import { CAPITALS, type GameState } from '../engine';
import { count } from './decisions';
import { h } from './dom';
import { icon, type IconName } from './icons';
import { CAPITAL_STYLE } from './theme';
import {
  fates,
  objectivesCountingSoldiers,
  pawnCounts,
  pawnUnit,
  scoreNouns,
} from './debrief-numbers';
import { capitalName, listWords } from './debrief-words';

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

export function costSection(state: GameState): HTMLElement {
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
