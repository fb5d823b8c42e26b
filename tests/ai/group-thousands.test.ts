// The computer's offer reasons go into recorded orders, so the fast number text must be exactly
// what toLocaleString('en-GB') wrote before: a different text would make old records fail.
import { describe, expect, it } from 'vitest';

import { groupThousands } from '../../src/ai/judge';

describe('groupThousands', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [12000, '12,000'],
    [123456, '123,456'],
    [1234567, '1,234,567'],
    [-1500, '-1,500'],
    [-0, '-0'],
    [2.5, '2.5'],
  ])('writes %d as %s', (n, text) => {
    expect(groupThousands(n)).toBe(text);
  });

  it('agrees with toLocaleString on whole numbers of every length', () => {
    for (let digits = 1; digits <= 16; digits++) {
      for (const n of [10 ** (digits - 1), 10 ** digits - 1, Math.floor(10 ** digits / 7)]) {
        expect(groupThousands(n)).toBe(n.toLocaleString('en-GB'));
        expect(groupThousands(-n)).toBe((-n).toLocaleString('en-GB'));
      }
    }
  });
});
