/**
 * Hashing of plain data. canonicalJson (sorted keys) + hashString identify scenarios; hashValue
 * walks a value directly, without building a string, because it runs every turn of every game.
 * This is not a cryptographic hash: it finds divergence in replays; it does not resist forgery
 * (the server replays records instead of trusting their hashes).
 */

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** Tags keep structure apart: [1] and "1" and {"1":…} must not hash alike. */
const TAG = { null: 1, false: 2, true: 3, int: 4, float: 5, string: 6, array: 7, object: 8, end: 9 } as const;

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
  a = 0x811c9dc5;
  b = 0x5bd1e995;

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

  value(v: unknown): void {
    if (v === null) return this.word(TAG.null);
    switch (typeof v) {
      case 'number':
        return this.num(v);
      case 'string':
        return this.str(v);
      case 'boolean':
        return this.bool(v);
      case 'object': {
        if (Array.isArray(v)) {
          this.word(TAG.array);
          for (let i = 0; i < v.length; i++) this.value(v[i] === undefined ? null : v[i]);
          return this.word(TAG.end);
        }
        const o = v as Record<string, unknown>;
        const keys = Object.keys(o);
        // Key order must not matter: sort unless already sorted (the common case is small).
        let sorted = true;
        for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) { sorted = false; break; }
        if (!sorted) keys.sort();
        this.word(TAG.object);
        for (const k of keys) {
          const x = o[k];
          if (x === undefined) continue;
          this.word(stringWord(k));
          this.value(x);
        }
        return this.word(TAG.end);
      }
      default:
        return;
    }
  }

  digest(): string {
    return hex(this.a) + hex(this.b);
  }
}

function hex(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

export function hashString(text: string): string {
  const h = new Hasher();
  h.text(text);
  return h.digest();
}

/** A hash of plain data that does not depend on object key order. */
export function hashValue(value: unknown): string {
  const h = new Hasher();
  h.value(value);
  return h.digest();
}
