// The guard every JSON body passes before a route reads it: nesting depth and NUL characters,
// wherever they hide (a key, an array, deep inside an action).
import { describe, expect, it } from 'vitest';

import { checkBody, MAX_BODY_DEPTH } from '../../src/server/body-guard';
import { ApiError } from '../../src/server/errors';

/** `levels` levels of nesting, alternating objects and arrays, around `inner`. */
function nested(levels: number, inner: unknown = 1): unknown {
  let v: unknown = inner;
  for (let i = 1; i < levels; i++) v = i % 2 ? { k: v } : [0, v];
  return v;
}

const code = (body: unknown): string | null => {
  try {
    checkBody(body);
    return null;
  } catch (e) {
    return (e as ApiError).code;
  }
};

describe('checkBody', () => {
  it(`accepts ${MAX_BODY_DEPTH} levels and refuses one more`, () => {
    expect(code(nested(MAX_BODY_DEPTH, {}))).toBeNull();
    expect(code(nested(MAX_BODY_DEPTH, []))).toBeNull();
    expect(code(nested(MAX_BODY_DEPTH + 1, {}))).toBe('too-deeply-nested');
    expect(code(nested(MAX_BODY_DEPTH + 1, []))).toBe('too-deeply-nested');
    expect(code(nested(10_000))).toBe('too-deeply-nested');
  });

  it('refuses a NUL in any key or text, however deep, and nothing else', () => {
    expect(code(nested(10, { ok: ['text', 'more', { fine: 'yes' }] }))).toBeNull();
    expect(code(nested(10, { ['a\u0000']: 1 }))).toBe('nul-character');
    expect(code(nested(10, ['fine', 'b\u0000c']))).toBe('nul-character');
    expect(code({ record: { actions: [{ type: 'offer', note: 'x\u0000' }] } })).toBe(
      'nul-character',
    );
    expect(code('top\u0000')).toBe('nul-character');
    expect(code({ n: 1, b: true, z: null, s: 'plain' })).toBeNull();
  });
});
