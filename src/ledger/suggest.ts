/**
 * "Did you mean ...?" for unknown ids, by edit distance. Shared by the ledger and the scenario
 * validator.
 */

/** Levenshtein distance (insertions, deletions, substitutions each cost 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let curr = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      curr[j] = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length]!;
}

/**
 * The known id closest to `id`, if it is close enough to be a plausible typo: at most
 * max(2, a third of the longer id's length) edits, compared case-insensitively. Ties go to the
 * first in `knownIds` order. Returns undefined when nothing is close (or `id` is itself known).
 */
export function suggest(id: string, knownIds: Iterable<string>): string | undefined {
  const needle = id.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of knownIds) {
    if (known === id) return undefined;
    const d = editDistance(needle, known.toLowerCase());
    const limit = Math.max(2, Math.floor(Math.max(id.length, known.length) / 3));
    if (d <= limit && d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

/** `unknown figure "x"; did you mean "y"?` (or without the suggestion when none is close). */
export function unknownIdMessage(what: string, id: string, knownIds: Iterable<string>): string {
  const hint = suggest(id, knownIds);
  return hint === undefined
    ? `unknown ${what} ${JSON.stringify(id)}`
    : `unknown ${what} ${JSON.stringify(id)}; did you mean ${JSON.stringify(hint)}?`;
}
