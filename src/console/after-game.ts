/**
 * After the game: the class's finished rooms side by side (scores, human cost, deals, messages),
 * with links to each room's replay (its key decisions), the class board with its distributions,
 * and the two exports (results, messages).
 */
import { CAPITALS } from '../engine/types';
import { fmt, h } from '../results/dom';
import type { ConsoleRoom } from '../rooms/console-view';
import { renderMessageLog } from './message-log';
import { NAMES } from './room-card';

export function renderAfterGame(
  rooms: ConsoleRoom[],
  code: string,
  exports: { resultsCsv: () => Promise<void>; messagesCsv: () => Promise<void> },
): HTMLElement {
  const done = rooms.filter((r) => r.summary.phase === 'finished').sort((a, b) => a.summary.number - b.summary.number);
  const box = h('div', {});
  box.append(h('h2', {}, 'After the game'));
  const note = h('p', { class: 'feedback', role: 'status' });
  const download = (what: () => Promise<void>) => () => {
    note.textContent = '';
    what().catch((e: unknown) => (note.textContent = e instanceof Error ? e.message : String(e)));
  };
  box.append(
    h('p', {},
      h('a', { href: `/results?class=${encodeURIComponent(code)}` }, 'The class board'),
      ' (every room’s result, distributions, you-are-here). ',
      h('button', { type: 'button', onclick: download(exports.resultsCsv) }, 'Download the results (CSV)'),
      ' ',
      h('button', { type: 'button', onclick: download(exports.messagesCsv) }, 'Download every message (CSV)'),
    ),
    note,
  );
  if (done.length === 0) {
    box.append(h('p', { class: 'hint' }, 'Rooms appear here side by side as they finish.'));
    return box;
  }
  const row = (label: string, cell: (r: ConsoleRoom) => string | Node) =>
    h('tr', {}, h('th', { scope: 'row' }, label), ...done.map((r) => h('td', {}, cell(r))));
  box.append(
    h('div', { class: 'table-wrap' },
      h('table', { class: 'side-by-side' },
        h('caption', {}, 'Finished rooms side by side'),
        h('thead', {}, h('tr', {}, h('td', {}), ...done.map((r) => h('th', { scope: 'col' }, `Room ${r.summary.number}`)))),
        h('tbody', {},
          ...CAPITALS.map((c) => row(`${NAMES[c]}: score`, (r) => fmt(r.scores[c]))),
          row('Played by', (r) => r.summary.seats.map((s) => `${NAMES[s.capital]}: ${s.kind === 'human' ? (s.pseudonym ?? 'a student') : 'the computer'}`).join('; ')),
          row('North Koreans sent', (r) => fmt(r.humanCost.sent)),
          row('North Koreans killed', (r) => fmt(r.humanCost.killed)),
          row('Wounded', (r) => fmt(r.humanCost.wounded)),
          row('Captured', (r) => fmt(r.humanCost.captured)),
          row('Families at risk', (r) => fmt(r.humanCost.familiesAtRisk)),
          row('Deals still delivering at the end', (r) => fmt(r.deals.length)),
          row('Messages', (r) => fmt(r.messages.filter((m) => !m.hidden).length)),
          row('Key decisions', (r) =>
            r.summary.resultId ? h('a', { href: `/results?id=${encodeURIComponent(r.summary.resultId)}#replay-1` }, 'Replay') : 'not yet on the board'),
        ),
      ),
    ),
  );
  for (const r of done) box.append(h('section', { class: 'archive' }, h('h3', {}, `Room ${r.summary.number}: message archive`), renderMessageLog(r, null)));
  return box;
}
