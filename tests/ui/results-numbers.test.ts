/** The results page's "you are here" words: true at the edges, with ties, and at any size. */
import { describe, expect, it } from 'vitest';

import { standing } from '../../src/results/chart';
import { forkedFromText } from '../../src/results/labels';
import { sortedNumbers } from '../../src/results/stats';

const at = (values: number[], v: number) => standing(sortedNumbers(values), v);

describe('standing among the runs', () => {
  it('the lowest and the highest of two runs say so', () => {
    expect(at([10, 20], 10)).toBe('the lowest of 2 runs');
    expect(at([10, 20], 20)).toBe('the highest of 2 runs');
  });

  it('ties are level, never "higher than"', () => {
    expect(at([5, 5], 5)).toBe('level with the other run');
    expect(at([5, 5, 5, 5, 5], 5)).toBe('level with all 4 other runs');
    expect(at([1, 5, 5, 9], 5)).toBe('higher than 1 of the 3 other runs, level with 1');
    expect(at([5, 5, 9], 5)).toBe('lower than 1 of the 2 other runs, level with 1');
  });

  it('counts in the middle; percentages from 100 runs', () => {
    expect(at([1, 2, 3, 4, 5], 3)).toBe('higher than 2 of the 4 other runs');
    expect(at([7], 7)).toBe('the only run so far');
    const many = Array.from({ length: 101 }, (_, i) => i);
    expect(at(many, 25)).toBe('higher than 25% of the other runs');
    expect(at([1, 2], 3)).toBe('');
  });
});

describe('a forked run in the runs table', () => {
  it('names the run it continued and the turn, or says why it cannot', () => {
    expect(forkedFromText({ turn: 7, pseudonym: 'Snow Owl' })).toBe(
      'continued from Snow Owl’s run, turn 7',
    );
    expect(forkedFromText({ turn: 2, gone: 'hidden' })).toBe(
      'continued from a run hidden by the teacher, turn 2',
    );
    expect(forkedFromText({ turn: 3, gone: 'deleted' })).toBe(
      'continued from a run since deleted, turn 3',
    );
  });
});
