/** One run: its outcome, a share link, where it stands, and the replay viewer. */
import { getResult, getResultMessages, getScenarioInfo, listBoard, shareUrl } from './api';
import { histogram, type Marker } from './chart';
import { fmt, fmtDate, h } from './dom';
import { CAPITAL_NAMES, metricLabel, seatsText } from './labels';
import { myResultIds } from './mine';
import { replayViewer } from './replay';
import { sortedNumbers } from './stats';

export async function renderSingle(main: HTMLElement, id: string): Promise<void> {
  const r = await getResult(id);
  // The scenario is named by its title; a run whose scenario cannot be looked up says so in words.
  const scenarioTitle = await getScenarioInfo(r.scenario.hash).then(
    (s) => s.title,
    () => 'Scenario (its details could not be loaded)',
  );
  const mine = myResultIds().includes(r.id);
  document.title = `Run by ${r.pseudonym} — Three Capitals`;

  // Boards are per scenario hash: an upload reusing a built-in's id has its own board.
  const scenarioHref = `/results?scenario=${encodeURIComponent(r.scenario.id)}&hash=${r.scenario.hash}`;
  const boardHref = r.classCode
    ? `/results?class=${encodeURIComponent(r.classCode)}`
    : scenarioHref;

  const share = h('input', {
    type: 'text',
    readonly: true,
    value: shareUrl(r.id),
    id: 'share-url',
    class: 'share',
  });
  const copy = h('button', { type: 'button' }, 'Copy link');
  const copied = h('span', { role: 'status', class: 'hint' });
  copy.addEventListener('click', async () => {
    share.select();
    try {
      await navigator.clipboard.writeText(share.value);
      copied.textContent = 'Link copied.';
    } catch {
      copied.textContent = 'Press Ctrl+C (or ⌘C) to copy the selected link.';
    }
  });

  const facts = h(
    'dl',
    { class: 'facts' },
    h('dt', {}, 'Scenario'),
    h('dd', {}, h('a', { href: scenarioHref }, scenarioTitle)),
    r.classCode ? h('dt', {}, 'Class') : null,
    r.classCode ? h('dd', {}, h('a', { href: boardHref }, r.classCode)) : null,
    h('dt', {}, 'Played as'),
    h('dd', {}, seatsText(r.seats)),
    h('dt', {}, 'Submitted'),
    h('dd', {}, fmtDate(r.createdAt)),
    r.forkedFrom ? h('dt', {}, 'Forked from') : null,
    r.forkedFrom
      ? h(
          'dd',
          {},
          h('a', { href: `/results?id=${encodeURIComponent(r.forkedFrom.resultId)}` }, 'an earlier run'),
          ` at turn ${r.forkedFrom.turn}`,
        )
      : null,
    h('dt', {}, 'Turns'),
    h('dd', {}, `${r.turns} (${r.actionCount} orders)`),
    h('dt', {}, 'Figures'),
    h(
      'dd',
      {},
      `${r.figureChoices.default} estimates${r.figureChoices.byFigure ? ', with overrides' : ''}`,
    ),
    h('dt', {}, 'Seed'),
    h('dd', {}, h('code', {}, r.seed)),
    h('dt', {}, 'Final state hash'),
    h('dd', {}, h('code', {}, r.finalHash)),
  );

  const scores = h(
    'ul',
    { class: 'scores' },
    ...Object.entries(r.scores).map(([c, v]) =>
      h(
        'li',
        {},
        h('span', { class: 'score-name' }, CAPITAL_NAMES[c] ?? c),
        h('span', { class: 'score-value' }, fmt(v)),
      ),
    ),
  );
  const human = h(
    'ul',
    { class: 'human' },
    ...['human.sent', 'human.killed', 'human.wounded', 'human.captured', 'human.familiesAtRisk']
      .filter((m) => m in r.metrics)
      .map((m) => h('li', {}, `${metricLabel(m)}: `, h('strong', {}, fmt(r.metrics[m])))),
  );

  main.append(
    h(
      'header',
      {},
      h('h1', {}, `Run by ${r.pseudonym}`, mine ? h('span', { class: 'badge' }, ' (you)') : null),
      h(
        'p',
        { class: 'links' },
        h('a', { href: boardHref }, 'All runs of this ' + (r.classCode ? 'class' : 'scenario')),
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'outcome-h' },
      h('h2', { id: 'outcome-h' }, 'Outcome'),
      scores,
      h('h3', {}, 'Human cost'),
      human,
      facts,
    ),
    h(
      'section',
      { 'aria-labelledby': 'share-h' },
      h('h2', { id: 'share-h' }, 'Share this run'),
      h('label', { for: 'share-url' }, 'Link: '),
      share,
      ' ',
      copy,
      ' ',
      copied,
    ),
  );

  const standing = h(
    'section',
    { 'aria-labelledby': 'stand-h' },
    h('h2', { id: 'stand-h' }, 'Where this run stands'),
  );
  main.append(standing);
  const replaySection = h(
    'section',
    { id: 'replay', 'aria-labelledby': 'replay-h', class: 'replay' },
    h('h2', { id: 'replay-h' }, 'Replay'),
  );
  const replayBox = h('div', { class: 'replay-box' });
  replaySection.append(replayBox);
  main.append(replaySection);

  const others = listBoard({
    scenario: r.scenario.id,
    hash: r.scenario.hash,
    ...(r.classCode ? { classCode: r.classCode } : {}),
    limit: 10_000,
  })
    .then((board) => {
      const grid = h('div', { class: 'chart-grid' });
      for (const id of ['pyongyang.score', 'moscow.score', 'kyiv.score', 'human.killed']) {
        if (!(id in r.metrics)) continue;
        const markers: Marker[] = [{ value: r.metrics[id]!, label: mine ? 'You' : 'This run' }];
        grid.append(
          histogram(
            metricLabel(id),
            sortedNumbers(board.runs.map((x) => board.value(x, id))),
            markers,
          ),
        );
      }
      standing.append(
        h(
          'p',
          {},
          `Among ${board.runs.length} runs of the same ${r.classCode ? 'class' : 'scenario'}.`,
        ),
        grid,
      );
    })
    .catch((e: Error) =>
      standing.append(h('p', {}, `The other runs could not be loaded: ${e.message}`)),
    );

  // A class room's game: its messages between the capitals, revealed now that it is over.
  const talk = getResultMessages(id)
    .then(async ({ messages }) => {
      if (messages.length === 0) return;
      const { renderArchive } = await import('../console/message-log');
      replaySection.append(h('h3', { id: 'replay-messages' }, 'Messages between the capitals'), renderArchive(messages));
    })
    .catch(() => undefined);
  await Promise.all([others, replayViewer(r, replayBox), talk]);
  if (window.location.hash.startsWith('#replay')) replaySection.scrollIntoView();
  main.dataset['ready'] = 'single';
}
