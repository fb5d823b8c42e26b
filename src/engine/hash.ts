/**
 * The hasher behind the per-turn state hash (state-hash.ts): 32-bit words into two lanes, without
 * building a string, because it runs every turn of every game. Scenarios are identified by
 * src/scenario/hash.ts (canonical JSON of the file's content).
 * This is not a cryptographic hash: it finds divergence in replays; it does not resist forgery
 * (the server replays records instead of trusting their hashes).
 */


/** Tags keep kinds apart: the number 1 and the string "1" must not hash alike. */
const TAG = { false: 2, true: 3, int: 4, float: 5, string: 6, end: 9 } as const;

// Hashes of short strings (keys, ids, item names) are cached: they repeat in every state.
const stringCache = new Map<string, number>();
const CACHE_LIMIT = 20000;

function stringWord(s: string): number {
  const cached = stringCache.get(s);
  if (cached !== undefined) return cached;
  let h = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h ^= h >>> 13;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h ^= h >>> 13;
  if (s.length <= 40) {
    if (stringCache.size >= CACHE_LIMIT) stringCache.clear();
    stringCache.set(s, h);
  }
  return h;
}

const view = new DataView(new ArrayBuffer(8));

/** Two murmur3-style lanes over 32-bit words. */
export class Hasher {
  // Kept as signed 32-bit values (`| 0`): a start above 2^31 would make the field a boxed double
  // and every word() several times slower; the bits, and so the digest, are the same.
  a = 0x811c9dc5 | 0;
  b = 0x5bd1e995 | 0;

  word(w: number): void {
    let k = Math.imul(w, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    let a = this.a ^ k;
    a = (a << 13) | (a >>> 19);
    this.a = (Math.imul(a, 5) + 0xe6546b64) | 0;
    let b = this.b ^ Math.imul(w ^ (w >>> 16), 0x85ebca6b);
    b = (b << 11) | (b >>> 21);
    this.b = (Math.imul(b, 9) + 0x7feb352d) | 0;
  }

  text(s: string): void {
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
  }

  /** A string as one word (cached for short strings). */
  str(s: string): void {
    this.word(TAG.string);
    this.word(stringWord(s));
  }

  num(v: number): void {
    if ((v | 0) === v) {
      this.word(TAG.int);
      this.word(v);
      return;
    }
    // IEEE 754 bits are the same on every engine; read them in a fixed byte order.
    view.setFloat64(0, Number.isFinite(v) ? v : 0, true);
    this.word(TAG.float);
    this.word(view.getUint32(0, true));
    this.word(view.getUint32(4, true));
  }

  bool(v: boolean): void {
    this.word(v ? TAG.true : TAG.false);
  }

  /** Marks the end of a variable-length part, so [a][b] and [a, b] differ. */
  end(): void {
    this.word(TAG.end);
  }


  digest(): string {
    return hex(this.a) + hex(this.b);
  }
}

function hex(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
