/**
 * Percentiles in bounded memory. Values are kept exactly until a level holds `capacity` of
 * them; a full level is sorted and every other value moves up a level with twice the weight
 * (the offset alternates, so the estimate does not drift), in the manner of the Munro-Paterson
 * and KLL sketches. Every value on a level weighs the same, which keeps the estimate unbiased.
 * A 10,000-game batch keeps a few thousand numbers per metric, not every game's value.
 * Deterministic: the same values in the same order give the same percentiles.
 */
export class QuantileSketch {
  private levels: number[][] = [[]];
  private flips: boolean[] = [false];
  count = 0;
  sum = 0;

  constructor(private readonly capacity = 1024) {}

  add(v: number): void {
    this.levels[0]!.push(v);
    this.count++;
    this.sum += v;
    for (let h = 0; h < this.levels.length; h++) {
      const level = this.levels[h]!;
      if (level.length < this.capacity) break;
      level.sort((a, b) => a - b);
      if (h + 1 === this.levels.length) {
        this.levels.push([]);
        this.flips.push(false);
      }
      this.flips[h] = !this.flips[h];
      const up = this.levels[h + 1]!;
      for (let i = this.flips[h] ? 1 : 0; i < level.length; i += 2) up.push(level[i]!);
      this.levels[h] = [];
    }
  }

  /** Values kept, for tests of the memory bound. */
  get kept(): number {
    return this.levels.reduce((a, l) => a + l.length, 0);
  }

  /** Nearest-rank percentile: the smallest value with at least q of the weight at or below it. */
  quantile(q: number): number {
    const items: [number, number][] = [];
    this.levels.forEach((level, h) => {
      for (const v of level) items.push([v, 2 ** h]);
    });
    if (items.length === 0) return 0;
    items.sort((a, b) => a[0] - b[0]);
    const total = items.reduce((a, [, w]) => a + w, 0);
    const target = Math.max(1, Math.ceil(q * total));
    let acc = 0;
    for (const [v, w] of items) {
      acc += w;
      if (acc >= target) return v;
    }
    return items[items.length - 1]![0];
  }

  mean(): number {
    return this.count > 0 ? this.sum / this.count : 0;
  }
}
