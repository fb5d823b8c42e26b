import { describe, expect, it } from 'vitest';
import { scoreRewardText } from '../../src/ui/score-rewards';
import { builtInRules } from '../helpers/rules';

describe('what each score rewarded', () => {
  const rules = builtInRules();
  it('says plainly what Pyongyang was paid for, and that nothing paid for exposure', () => {
    const t = scoreRewardText('Pyongyang', rules.scoring.pyongyang);
    expect(t).toMatch(/^Pyongyang's score rewarded more /);
    expect(t).toMatch(/brought home alive/);
    expect(t).toMatch(/rewarded less .*dissent/i);
    expect(t).toMatch(/Nothing in it paid for soldiers being sent or kept at the front/);
  });
  it('names an objective that pays for exposure when a scenario has one', () => {
    const t = scoreRewardText('Pyongyang', [{ metric: 'pyongyang.experience', weight: 1, direction: 'max', scale: 10 }]);
    expect(t).toMatch(/It paid for exposure itself: combat experience/);
  });
});
