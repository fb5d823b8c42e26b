/**
 * A scenario's identity: a 64-bit hash of its canonical JSON. Pure (no Node crypto): it runs in
 * the browser, in workers and on the server alike, and must give the same digest everywhere.
 * Not cryptographic: it names a scenario so results can pin it; the server replays records
 * instead of trusting hashes. Kept in its own module so it can be swapped for an engine-wide
 * canonical hash without touching the loader.
 */

/**
 * JSON with object keys sorted (by UTF-16 code unit), no whitespace, `undefined` properties left
 * out. Arrays keep their order. Numbers are written as JSON.stringify writes them.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) {
      const v = record[key];
      if (v === undefined) continue;
      // defineProperty: a "__proto__" key (never valid in a scenario) stays a plain property.
      Object.defineProperty(out, key, {
        value: sortKeys(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
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
