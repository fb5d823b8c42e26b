/** The ledger says what the sources say, no more: four attributions once got wrong. */
import { describe, expect, it } from 'vitest';
import { findFigure } from '../../src/ledger';
import { loadLedgerFileSync } from '../../src/ledger/node';

const loaded = loadLedgerFileSync();
if (!loaded.ok) throw new Error('ledger invalid');
const ledger = loaded.value;
const fig = (id: string) => {
  const f = findFigure(ledger, id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
};

describe('attributions', () => {
  it('the defence pact is reported signed, not confirmed by anyone', () => {
    expect(fig('defence-pact-2024').status).toBe('reported');
  });
  it("Zelensky's 10,000 is his own warning, not CNN's report", () => {
    expect(fig('nk-troops-zelensky-warning').claimedBy).not.toMatch(/CNN/);
  });
  it("reference [4] supports the capture, not the prisoners' words", () => {
    expect(fig('deception-fighting-americans').sources.map((s) => s.ref)).not.toContain(4);
    expect(fig('nk-captured-jan-2025').sources.map((s) => s.ref)).toContain(4);
  });
  it('the family-punishment note does not say the article calls captures rare', () => {
    expect(fig('family-punishment-on-capture').notes ?? '').not.toMatch(/captures are rare/);
  });
});
