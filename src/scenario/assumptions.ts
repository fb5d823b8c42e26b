/**
 * Which numbers of a scenario are model assumptions, and why. A number is either a ledger
 * figure ({figure: id}) or a choice of the scenario's authors; the authors mark their choices
 * with a YAML comment `# assumption: <why>` on the number's own line or on the line of any key
 * above it (a whole block at once). The game shows the reason on the number's source card, and
 * tests/scenario/assumptions.test.ts holds every built-in scenario to it: no unmarked number.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';

export interface Assumption {
  /** Data path, e.g. `combat.droneVulnerability` or `sectors.0.control`. */
  path: string;
  value: number;
  /** 1-based line of the number in the file. */
  line: number;
  /** Why the authors chose it (the comment's words); empty when the comment gives none. */
  reason: string;
}

export interface NumberAudit {
  assumptions: Assumption[];
  /** Numbers that come from the figures ledger (the `scale` of a figure reference included). */
  figures: number;
  /** Numbers neither from the ledger nor marked as an assumption. */
  unmarked: { path: string; value: number; line: number }[];
}

/** Fields that are numbers without being claims about the world. */
const NOT_CLAIMS = new Set(['formatVersion']);

const MARK = /#\s*assumption\b[\s:,.-]*(.*)$/i;

/** The reason of an `# assumption` comment on a line, or null when the line has none. */
function markOn(lines: readonly string[], line: number): string | null {
  const text = lines[line - 1];
  if (text === undefined) return null;
  const hash = commentStart(text);
  if (hash < 0) return null;
  const m = MARK.exec(text.slice(hash));
  return m ? m[1]!.trim() : null;
}

/** Index of the `#` that starts a comment (outside quotes), or -1. */
function commentStart(text: string): number {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) return i;
  }
  return -1;
}

/** Audits every number in a scenario's text. Text that does not parse gives an empty audit. */
export function auditNumbers(text: string): NumberAudit {
  const audit: NumberAudit = { assumptions: [], figures: 0, unmarked: [] };
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  if (doc.errors.length > 0) return audit;
  const lines = text.split(/\r\n|\r|\n/);
  const lineOf = (node: YamlNode | null | undefined): number =>
    node?.range ? counter.linePos(node.range[0]).line : 0;

  // `inherited`: the reason of the nearest marked key above (null: none).
  const visit = (node: unknown, path: string[], inherited: string | null, inFigure: boolean): void => {
    if (isScalar(node)) {
      if (typeof node.value !== 'number') return;
      if (path.length === 1 && NOT_CLAIMS.has(path[0]!)) return;
      const key = path.join('.');
      if (inFigure) {
        audit.figures++;
        return;
      }
      const line = lineOf(node);
      const own = markOn(lines, line);
      const reason = own !== null && own !== '' ? own : own !== null ? (inherited ?? '') : inherited;
      if (reason === null) audit.unmarked.push({ path: key, value: node.value, line });
      else audit.assumptions.push({ path: key, value: node.value, line, reason });
      return;
    }
    if (isMap(node)) {
      const figure = inFigure || node.items.some((p) => isScalar(p.key) && p.key.value === 'figure');
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const k = String(pair.key.value);
        const mark = markOn(lines, lineOf(pair.key as YamlNode));
        const next = mark !== null && mark !== '' ? mark : mark !== null ? (inherited ?? '') : inherited;
        visit(pair.value, [...path, k], next, figure);
      }
      return;
    }
    if (isSeq(node)) node.items.forEach((item, i) => visit(item, [...path, String(i)], inherited, inFigure));
  };
  visit(doc.contents, [], null, false);
  return audit;
}

/** The reason a number at `path` (e.g. `combat.droneVulnerability`) is an assumption, if it is one. */
export function assumptionAt(audit: Pick<NumberAudit, 'assumptions'>, path: string): Assumption | undefined {
  return audit.assumptions.find((a) => a.path === path);
}
