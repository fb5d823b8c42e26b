/**
 * The canonical hash of a game state: the world and the turn flow, walked field by field in a
 * fixed order (capitals, items and sectors in their declared order), which is many times faster
 * than a generic walk that sorts keys. Left out: the rules (pinned by the scenario hash and the
 * figure choices) and what is derived from the world each turn (metrics, history, news,
 * reports, estimates, earlier hashes). tests/engine/state-hash.test.ts changes every leaf of a
 * played state and checks that the hash changes, so a new field cannot be forgotten silently.
 */
import { Hasher } from './hash';
import { itemIndex } from './stocks';
import { CAPITALS, ITEMS, type Bundle, type Casualties, type GameState, type Offer } from './types';

const slots = new Int32Array(ITEMS.length);
const values = new Float64Array(ITEMS.length);

/**
 * A bundle's entries in item order, whatever order its keys were written in. Bundles come in
 * many shapes (one or two items each), so reading every item of the list from each would hit
 * slow generic property lookups: walk the keys the bundle has (for-in is fast on these) and sort
 * the handful found. Every key of a bundle is an item (the engine checks them on the way in).
 */
function bundle(h: Hasher, b: Bundle): void {
  let n = 0;
  for (const k in b) {
    const v = b[k as keyof Bundle];
    if (v === undefined) continue;
    // Insertion sort as we go: bundles hold a handful of items, stocks arrive in order.
    const idx = itemIndex(k)!;
    let j = n - 1;
    while (j >= 0 && slots[j]! > idx) {
      slots[j + 1] = slots[j]!;
      values[j + 1] = values[j]!;
      j--;
    }
    slots[j + 1] = idx;
    values[j + 1] = v;
    n++;
  }
  for (let i = 0; i < n; i++) {
    h.word(slots[i]!);
    h.num(values[i]!);
  }
  h.end();
}

function casualties(h: Hasher, c: Casualties): void {
  h.num(c.killed);
  h.num(c.wounded);
}

function optionalText(h: Hasher, s: string | undefined): void {
  if (s === undefined) h.end();
  else h.str(s);
}

function offer(h: Hasher, o: Offer): void {
  h.num(o.id);
  h.str(o.from);
  h.str(o.to);
  bundle(h, o.give);
  bundle(h, o.get);
  h.num(o.turns);
  h.num(o.madeOnTurn);
  h.str(o.status);
  h.num(o.counterTo ?? -1);
  optionalText(h, o.note);
  optionalText(h, o.reason);
}

export function hashState(s: GameState): string {
  const h = new Hasher();
  h.num(s.format);
  h.str(s.rules.scenarioHash);
  h.str(s.engineVersion);
  h.str(s.seed);
  h.str(s.figureChoices.default);
  const by = s.figureChoices.byFigure ?? {};
  for (const id of Object.keys(by).sort()) {
    h.str(id);
    h.str(by[id]!);
  }
  h.end();
  const c = s.ctx;
  h.num(c.turn);
  h.str(c.date);
  h.str(c.phase);
  h.str(c.seat);
  h.num(c.actionCount);
  h.num(c.turnActions);
  h.num(s.rng.c);
  h.num(s.rng.s0);
  h.num(s.rng.s1);
  h.num(s.rng.s2);
  for (const cap of CAPITALS) {
    bundle(h, s.stocks[cap]);
    bundle(h, s.flows.received[cap]);
    bundle(h, s.flows.sent[cap]);
    for (const t of CAPITALS) h.num(s.uncertainty[cap][t]);
  }
  const e = s.expedition;
  for (const k of e.training) {
    h.num(k.count);
    h.num(k.monthsLeft);
    h.num(k.monthsTrained);
  }
  h.end();
  h.num(e.ready);
  h.num(e.trainingLevel);
  for (const id of Object.keys(e.bySector).sort()) {
    h.str(id);
    h.num(e.bySector[id]!);
  }
  h.end();
  h.num(e.missileUnits);
  h.num(e.recovering);
  h.num(e.morale);
  h.num(e.droneAwareness);
  h.num(e.experience);
  h.num(e.experienceHome);
  h.num(e.invalided);
  for (const sec of s.sectors) {
    h.str(sec.id);
    h.num(sec.control);
    h.num(sec.russianTroops);
    h.num(sec.ukrainianTroops);
    h.num(sec.ukrainianDrones);
  }
  h.end();
  for (const o of s.offers) offer(h, o);
  h.end();
  for (const d of s.deals) {
    h.num(d.id);
    h.num(d.offerId);
    h.str(d.from);
    h.str(d.to);
    bundle(h, d.give);
    bundle(h, d.get);
    h.num(d.turns);
    h.num(d.done);
    bundle(h, d.delivered.give);
    bundle(h, d.delivered.get);
    bundle(h, d.shortfall.give);
    bundle(h, d.shortfall.get);
    h.str(d.status);
    optionalText(h, d.brokenBy);
  }
  h.end();
  h.num(s.nextId);
  const l = s.levers;
  h.num(l.trainingMonths);
  h.str(l.information);
  h.str(l.stance);
  h.bool(l.pairing);
  h.bool(l.targetNorthKoreans);
  h.str(l.posture);
  const p = s.politics;
  h.num(p.scrutiny);
  h.num(p.support);
  h.num(p.regimeControl);
  h.num(p.dissentRisk);
  h.num(p.prisonersHeld);
  h.num(p.prisonersPublicised);
  const hc = s.human;
  h.num(hc.sent);
  h.num(hc.killed);
  h.num(hc.wounded);
  h.num(hc.captured);
  h.num(hc.exchanged);
  h.num(hc.returned);
  h.num(hc.familiesAtRisk);
  casualties(h, hc.russian);
  casualties(h, hc.ukrainian);
  for (const id of s.firedEvents) h.str(id);
  h.end();
  for (const f of s.flags) h.str(f);
  h.end();
  return h.digest();
}
