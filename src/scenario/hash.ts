/**
 * A scenario's identity: a 64-bit hash of its canonical JSON. Pure (no Node crypto): it runs in
 * the browser, in workers and on the server alike, and must give the same digest everywhere.
 * Not cryptographic: it names a scenario so results can pin it; the server replays records
 * instead of trusting hashes. Kept in its own module so it can be swapped for an engine-wide
 * canonical hash without touching the loader.
 */

/**
 * JSON with object keys in a canonical order (canonicalKeyOrder), no whitespace, `undefined`
 * properties left out. Arrays keep their order. Numbers are written as JSON.stringify writes them.
 */
export function canonicalJson(value: unknown): string {
  return writeCanonical(value) ?? '';
}

/** canonicalJson of an object without some of its own keys (nested objects keep theirs). */
export function canonicalJsonWithout(value: object, leftOut: ReadonlySet<string>): string {
  return writeObject(value as Record<string, unknown>, leftOut);
}

/**
 * Writes the text directly instead of building a sorted copy and stringifying it (a copy made
 * every key a slow defined property): the server computes a run's identity for every
 * submission. Returns undefined for what JSON.stringify leaves out of an object (undefined,
 * functions, symbols); an array writes null for those, as JSON.stringify does.
 */
function writeCanonical(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return quoted(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return JSON.stringify(value);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) text += ',';
      text += writeCanonical(value[i]) ?? 'null';
    }
    return `${text}]`;
  }
  return writeObject(value as Record<string, unknown>, null);
}

function writeObject(record: Record<string, unknown>, leftOut: ReadonlySet<string> | null): string {
  let text = '{';
  for (const key of canonicalKeyOrder(Object.keys(record))) {
    if (leftOut?.has(key)) continue;
    const v = writeCanonical(record[key]);
    if (v === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${quoted(key)}:${v}`;
  }
  return `${text}}`;
}

// Keys and short values (action types, seats, items) repeat in every action of a record: quote
// each once. Bounded, so a record full of distinct strings cannot grow it without limit.
const quotedCache = new Map<string, string>();

function quoted(text: string): string {
  let q = quotedCache.get(text);
  if (q === undefined) {
    q = JSON.stringify(text);
    if (text.length <= 40 && quotedCache.size < 10000) quotedCache.set(text, q);
  }
  return q;
}

/**
 * The order digests have always used (they came from stringifying an object built in sorted key
 * order, which JavaScript reorders): keys that are array indices first, in numeric order, then
 * the others sorted by UTF-16 code unit. Object.keys already lists array-index keys first, in
 * numeric order, so only the rest needs sorting.
 */
function canonicalKeyOrder(keys: string[]): string[] {
  let n = 0;
  while (n < keys.length && isArrayIndex(keys[n]!)) n++;
  if (keys.length - n > 16)
    return n === 0 ? keys.sort() : keys.slice(0, n).concat(keys.slice(n).sort());
  // Insertion sort by UTF-16 code unit (what sort() does for strings): most objects have a
  // handful of keys, where it beats the general sort several times over.
  for (let i = n + 1; i < keys.length; i++) {
    const k = keys[i]!;
    let j = i - 1;
    while (j >= n && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}

function isArrayIndex(key: string): boolean {
  const n = Number(key);
  return Number.isInteger(n) && n >= 0 && n < 4294967295 && String(n) === key;
}

const FNV_PRIME = 0x01000193;

/** murmur3's 32-bit finaliser: spreads every input bit over the whole lane. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * 16 hex digits: two FNV-1a 32-bit lanes over the UTF-8 bytes of `text`, with different offset
 * bases (lane B also folds in the byte position), each finalised by murmur3's mixer.
 */
export function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0xcbf29ce4;
  let n = 0;
  const feed = (byte: number): void => {
    a = Math.imul(a ^ byte, FNV_PRIME);
    b = Math.imul(b ^ byte ^ ((n & 0xff) << 8), FNV_PRIME);
    n++;
  };
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) feed(c);
    else if (c < 0x800) {
      feed(0xc0 | (c >> 6));
      feed(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      feed(0xe0 | (c >> 12));
      feed(0x80 | ((c >> 6) & 0x3f));
      feed(0x80 | (c & 0x3f));
    } else {
      feed(0xf0 | (c >> 18));
      feed(0x80 | ((c >> 12) & 0x3f));
      feed(0x80 | ((c >> 6) & 0x3f));
      feed(0x80 | (c & 0x3f));
    }
  }
  return hex(mix(a ^ n)) + hex(mix(b));
}

function hex(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/** The hash of any plain data, via its canonical JSON. */
export function hashValue(value: unknown): string {
  return hash64(canonicalJson(value));
}
