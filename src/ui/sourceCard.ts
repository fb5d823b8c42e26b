/**
 * Source cards: where a number comes from. Any figure the game shows (a news item's citations,
 * the setup's figure choice, the human-cost ledger's reported comparisons) opens a card read from
 * the figures ledger: the claim in our words, who claims it, its status, range, bound, date, and
 * the document with its numbered reference. Text only (textContent), never HTML.
 */
import { findDocument, findFigure, formatFigureValue, type Figure, type Ledger } from '../ledger';
import type { Assumption } from '../scenario/assumptions';
import { openReader } from './dialog';
import { formatMonth, h } from './dom';

export const STATUS_TEXT: Record<string, string> = {
  confirmed: 'Confirmed: acknowledged or attested beyond reasonable doubt.',
  estimated: 'Estimated: an estimate or projection, not a count.',
  disputed: 'Disputed: one of the parties denies it.',
  unverified: 'Unverified: the source says nobody has checked it independently.',
  reported: 'Reported: stated by a named party, not verified further.',
  assessment: 'Assessment: an author’s analysis or judgement, not a reported fact.',
};

const BOUND_TEXT: Record<string, string> = {
  atLeast: 'at least (a floor: the real number may be higher)',
  atMost: 'up to (a ceiling: the real number may be lower)',
  about: 'about (a rounded figure)',
  exact: 'exact',
};

function formatDate(d: string | undefined): string {
  if (!d) return 'not dated';
  if (/^\d{4}-\d{2}$/.test(d)) return formatMonth(d);
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return `${Number(d.slice(8))} ${formatMonth(d.slice(0, 7))}`;
  return d;
}

/**
 * A document's title cut to its first clause, in quotation marks: “They thought they were
 * fighting Americans”, “North Korean Troops Allegedly Seen in Russia”.
 */
export function documentShortTitle(doc: { title: string }): string {
  const first = doc.title.split(/[.,:;?!]/)[0]!.trim();
  return `“${first || doc.title}”`;
}

/**
 * The ledger writes documents by id ("cited by doc-pawns [3]"); a reader sees their titles
 * ("cited by “They thought they were fighting Americans” [3]"). An id the ledger does not know
 * becomes "a source document" rather than leaking the slug.
 */
export function ledgerWords(ledger: Ledger, text: string): string {
  return text.replace(/\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g, (id) => {
    if (id.startsWith('doc-')) {
      const doc = findDocument(ledger, id);
      return doc ? documentShortTitle(doc) : 'a source document';
    }
    // A note pointing at another figure ("… is in deception-fighting-americans") names its claim.
    const fig = findFigure(ledger, id);
    return fig ? `the figure “${fig.claim.split(/[.;:]/)[0]!.trim()}”` : id;
  });
}

/** A short label for a figure: its number if it has one, else who claims it. */
export function figureShortLabel(ledger: Ledger, fig: Figure): string {
  const v = formatFigureValue(fig).replace(/\s*\(central [^)]*\)/, '');
  if (v) return v;
  const who = ledgerWords(ledger, fig.claimedBy.replace(/\s*\(.*\)$/, ''));
  return who.length > 48 ? `${who.slice(0, 46)}…` : who;
}

const FIGURE_KIND_TEXT: Record<string, string> = {
  event: 'An event',
  date: 'A date',
  quantity: 'A number',
  qualitative: 'A reported fact',
};

function row(label: string, value: string | Node): HTMLElement[] {
  return [h('dt', {}, label), h('dd', {}, value)];
}

/** The card of one figure, as an element (several may share a dialog). */
export function figureCard(ledger: Ledger, id: string): HTMLElement {
  const fig = findFigure(ledger, id);
  if (!fig)
    return h(
      'article',
      { class: 'source-card' },
      h('h3', {}, 'Unknown figure'),
      h('p', {}, 'The figures ledger has no record of this number.'),
    );
  const value = formatFigureValue(fig);
  const docs = fig.sources.map((s) => {
    const doc = findDocument(ledger, s.document);
    const ref = s.ref === null ? null : doc?.references.find((r) => r.n === s.ref);
    return h(
      'li',
      {},
      h('cite', {}, doc ? `“${doc.title}”` : 'A source document'),
      doc ? ` — ${doc.kind}, ${formatDate(doc.published)}.` : '',
      s.ref === null ? ' No numbered reference.' : ` Reference [${s.ref}]`,
      ref ? `: ${ref.supports}` : s.ref === null ? '' : '.',
    );
  });
  return h(
    'article',
    { class: 'source-card' },
    h('div', { class: 'kind' }, FIGURE_KIND_TEXT[fig.kind] ?? 'A figure', ' from the sources'),
    h('h3', { class: 'source-claim' }, ledgerWords(ledger, fig.claim)),
    h(
      'dl',
      { class: 'source-facts' },
      ...row('Who claims it', ledgerWords(ledger, fig.claimedBy)),
      ...row(
        'Status',
        h('span', {}, h('strong', {}, fig.status), ` — ${STATUS_TEXT[fig.status] ?? ''}`),
      ),
      ...(value ? row('Number', value) : []),
      ...(fig.low !== undefined && fig.high !== undefined
        ? row(
            'Range',
            `low ${fig.low.toLocaleString('en-GB')} · central ${(fig.central ?? fig.low).toLocaleString('en-GB')} · high ${fig.high.toLocaleString('en-GB')}`,
          )
        : []),
      ...(fig.bound ? row('Bound', BOUND_TEXT[fig.bound] ?? fig.bound) : []),
      ...row('Date', formatDate(fig.date)),
      ...row('Document', h('ul', { class: 'figure-list' }, ...docs)),
    ),
    fig.notes
      ? h('p', { class: 'source-notes' }, h('strong', {}, 'Note: '), ledgerWords(ledger, fig.notes))
      : null,
  );
}

/** Opens the cards of one or more figures in a dialog. */
export function openSourceCards(
  ledger: Ledger,
  ids: readonly string[],
  title = 'Where this number comes from',
): void {
  const body = document.createDocumentFragment();
  body.append(
    h(
      'p',
      { class: 'muted-ink' },
      'From the game’s figures ledger: our own record of the two source documents, written in our own words.',
    ),
    ...ids.map((id) => figureCard(ledger, id)),
  );
  openReader(title, body);
}

/**
 * A button that opens a figure's source card. Its text is the figure's number (or who claims
 * it) and its status. Its accessible name is built from that visible text, with "Source:" in
 * front for screen readers only, so what a voice-control user reads out also names the button.
 */
export function sourceButton(
  ledger: Ledger,
  id: string,
  text?: string,
  opts: { status?: boolean; className?: string } = {},
): HTMLButtonElement {
  const fig = findFigure(ledger, id);
  const label = text ?? (fig ? figureShortLabel(ledger, fig) : 'Source');
  const b = h(
    'button',
    { type: 'button', class: opts.className ?? 'source-btn', 'data-figure': id },
    h('span', { class: 'source-btn-mark', 'aria-hidden': 'true' }, 'i'),
    h('span', { class: 'visually-hidden' }, 'Source: '),
    label,
    fig && opts.status !== false
      ? h('span', { class: `status status-${fig.status}` }, ' ', fig.status)
      : null,
  );
  b.addEventListener('click', () => openSourceCards(ledger, [id]));
  return b;
}

// ---------------------------------------------------------------------------------------------
// Model assumptions: numbers the scenario's authors chose, with their reasons (src/scenario/assumptions.ts)
// ---------------------------------------------------------------------------------------------

// Keyed by the scenario's hash, not its id: a teacher's file may reuse a built-in's id.
const assumptionsByScenario = new Map<string, readonly Assumption[]>();

/** Keeps the assumptions of a scenario (by its hash) for its source cards. */
export function rememberAssumptions(scenarioHash: string, assumptions: readonly Assumption[]): void {
  assumptionsByScenario.set(scenarioHash, assumptions);
}

/** Whether the assumptions of the scenario with this hash are already known. */
export function knowsAssumptions(scenarioHash: string): boolean {
  return assumptionsByScenario.has(scenarioHash);
}

/** The assumptions among a scenario's numbers whose data path starts with `prefix`. */
export function assumptionsUnder(scenarioHash: string, prefix: string): Assumption[] {
  return (assumptionsByScenario.get(scenarioHash) ?? []).filter((a) => a.path.startsWith(prefix));
}

/** The card of numbers that are model assumptions: no source gives them, the authors chose them. */
export function assumptionCard(what: string, assumptions: readonly Assumption[]): HTMLElement {
  const reasons = [...new Set(assumptions.map((a) => a.reason))];
  return h(
    'article',
    { class: 'source-card', 'aria-label': `Model assumption: ${what}` },
    h('div', { class: 'kind' }, 'Model assumption'),
    h('h3', { class: 'source-claim' }, what),
    h(
      'p',
      {},
      'No source reports these numbers. The scenario’s authors chose them so that the game reproduces what the sources do report; change them and the outcome changes.',
    ),
    h('dl', { class: 'source-facts' }, ...reasons.flatMap((r) => row('Why', r))),
  );
}

/** A button that opens the model-assumption card of an event's numbers. */
export function assumptionButton(what: string, assumptions: readonly Assumption[]): HTMLButtonElement {
  const b = h(
    'button',
    { type: 'button', class: 'source-btn', 'aria-label': `Model assumption: ${what}` },
    h('span', { class: 'source-btn-mark', 'aria-hidden': 'true' }, 'i'),
    'Model assumption',
  );
  b.addEventListener('click', () => {
    const body = document.createDocumentFragment();
    body.append(assumptionCard(what, assumptions));
    openReader('A model assumption', body);
  });
  return b;
}
