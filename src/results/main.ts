/**
 * The results page (results.html): DOM only, no Phaser. Views by query string:
 *   /results                          scenarios and a class-code box
 *   /results?scenario=<id>[&class=<code>][&hash=<h>]   the board (distributions + runs)
 *   /results?class=<code>             the board of a class
 *   /results?id=<resultId>            one run: outcome, share link, replay (#replay-<turn>)
 *   /results?compare=<id>,<id>        two runs side by side
 *   /results?teach                    for instructors: create a class
 *   /results?console=<code>           the teacher's console for the class's rooms (src/console)
 */
import './results.css';

import { ApiFailure } from './api';
import { h, keepTablesInside } from './dom';

async function route(main: HTMLElement): Promise<void> {
  const p = new URLSearchParams(window.location.search);
  const id = p.get('id');
  const compare = p.get('compare');
  const scenario = p.get('scenario');
  const classCode = p.get('class')?.replace(/[\s-]/g, '').toUpperCase();
  if (p.has('teach')) return (await import('./teach')).renderTeach(main);
  const consoleCode = p.get('console')?.replace(/[\s-]/g, '').toUpperCase();
  if (consoleCode)
    return (await import('../console/console-page')).renderConsole(main, consoleCode);
  if (id) return (await import('./single')).renderSingle(main, id);
  if (compare) {
    const ids = compare.split(',').filter(Boolean);
    if (ids.length !== 2)
      throw new ApiFailure(400, 'bad-link', 'A comparison link names exactly two runs.');
    return (await import('./compare')).renderCompare(main, ids);
  }
  if (scenario || classCode)
    return (await import('./board')).renderBoard(main, {
      ...(scenario ? { scenario } : {}),
      ...(classCode ? { classCode } : {}),
      ...(p.get('hash') ? { hash: p.get('hash')! } : {}),
    });
  return (await import('./index-view')).renderIndex(main);
}

const main = document.getElementById('main') as HTMLElement;
const loading = document.getElementById('loading');
keepTablesInside(main);
route(main)
  .catch((e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    main.append(
      h(
        'div',
        { class: 'error', role: 'alert' },
        h(
          'h1',
          {},
          e instanceof ApiFailure && e.status === 404 ? 'Not found' : 'Something went wrong',
        ),
        h('p', {}, message),
        h('p', {}, h('a', { href: '/results' }, 'Back to all results')),
      ),
    );
    main.dataset['ready'] = 'error';
  })
  .finally(() => loading?.remove());
