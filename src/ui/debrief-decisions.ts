/** The debrief's decisions: what the players did, each beside what the sources report. */
import type { Capital, GameRecord, GameState } from '../engine';
import type { Ledger } from '../ledger';
import { deriveDecisions, type DecisionItem } from './decisions';
import { formatMonth, h } from './dom';
import { sourceButton } from './sourceCard';
import { CAPITAL_STYLE } from './theme';
import { capitalName } from './debrief-words';

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

export function decisionsSection(
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
