/**
 * Every number honest: in every built-in scenario, each number is a ledger figure or marked
 * `# assumption` with a reason, and the loader hands the game those reasons.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLedgerFileSync } from '../../src/ledger/node';
import { assumptionAt, auditNumbers, BUILT_IN_SCENARIOS, loadScenario } from '../../src/scenario';

const ledger = loadLedgerFileSync();
if (!ledger.ok) throw new Error('ledger invalid');

describe.each(BUILT_IN_SCENARIOS.map((b) => b.id))('%s', (id) => {
  const text = readFileSync(resolve('scenarios', `${id}.yaml`), 'utf8');
  it('has no number that is neither a ledger figure nor a marked assumption', () => {
    const audit = auditNumbers(text);
    expect(audit.unmarked).toEqual([]);
    expect(audit.assumptions.length).toBeGreaterThan(100);
  });
  it('gives a reason for every assumption', () => {
    for (const a of auditNumbers(text).assumptions) expect(a.reason.length, `${a.path} (line ${a.line})`).toBeGreaterThan(10);
  });
  it('the loader exposes the assumptions with their reasons', () => {
    const r = loadScenario(text, `${id}.yaml`, ledger.value);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = assumptionAt(r.value, 'combat.droneVulnerability');
    expect(a?.value).toBe(1.5);
    expect(a?.reason).toMatch(/never seen a drone/);
  });
});

describe('the audit itself', () => {
  it('finds an unmarked number, takes a block marker for the numbers under it, and skips figures', () => {
    const audit = auditNumbers(
      [
        'formatVersion: 1',
        'a: 3',
        'b: # assumption: block reason here',
        '  c: 4',
        '  d: { e: 5 } # assumption: own reason wins',
        'f: { figure: nk-troops-total, scale: 0.5 }',
        "g: 'x # assumption: inside quotes, not a comment'",
        'h: 6 # not an assumption',
      ].join('\n'),
    );
    expect(audit.unmarked.map((u) => u.path)).toEqual(['a', 'h']);
    expect(audit.assumptions).toEqual([
      { path: 'b.c', value: 4, line: 4, reason: 'block reason here' },
      { path: 'b.d.e', value: 5, line: 5, reason: 'own reason wins' },
    ]);
    expect(audit.figures).toBe(1);
  });
});
