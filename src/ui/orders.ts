/**
 * The ORDERS panel of the seat to act: each capital's levers as labelled controls, with what each
 * choice costs in words (numbers read from the scenario's rules). Every control dispatches an
 * engine action through `ctx.act`; a refused order shows the engine's reason next to it.
 */
import { northKoreansAtFront } from '../engine';
import type { Capital, GameState, LeverName } from '../engine/types';
import {
  button,
  errorSlot,
  facts,
  numberField,
  para,
  section,
  segmented,
  type PanelContext,
} from './controls';
import { formatCount, h } from './dom';

function has(state: GameState, seat: Capital, lever: LeverName): boolean {
  return state.rules.capitals[seat].levers.includes(lever);
}

function oneIn(rate: number): string {
  if (rate <= 0) return 'never';
  const n = Math.round(1 / rate);
  return `about 1 in ${formatCount(n)}`;
}

function signed(n: number): string {
  const r = Math.round(n * 10) / 10;
  return r > 0 ? `+${r}` : `${r}`;
}

function sectorSelect(
  state: GameState,
  ctx: PanelContext,
  id: string,
  label: string,
  describe: (sid: string) => string,
): HTMLElement {
  const select = h('select', { id, class: 'input' });
  for (const s of state.rules.sectors)
    select.appendChild(
      h('option', { value: s.id, selected: s.id === ctx.sector }, `${s.name} — ${describe(s.id)}`),
    );
  select.addEventListener('change', () => ctx.onSector(select.value));
  return h('div', { class: 'num-field wide' }, h('label', { for: id }, label), select);
}

function selectedSector(id: string): string {
  return (document.getElementById(id) as HTMLSelectElement | null)?.value ?? '';
}

function sectorState(state: GameState, id: string) {
  return state.sectors.find((s) => s.id === id);
}

// ---------------------------------------------------------------------------------------------
// Pyongyang
// ---------------------------------------------------------------------------------------------

function pyongyang(state: GameState, ctx: PanelContext, goTrade: () => void): HTMLElement[] {
  const seat: Capital = 'pyongyang';
  const e = state.expedition;
  const c = state.rules.combat;
  const p = state.rules.politics;
  const inTraining = e.training.reduce((a, t) => a + t.count, 0);
  const out: HTMLElement[] = [];

  out.push(
    section(
      'ord-expedition',
      'Your soldiers in Russia',
      facts([
        ['In training', formatCount(inTraining)],
        ['Trained, not yet in the line', formatCount(e.ready)],
        ['At the front', formatCount(northKoreansAtFront(state))],
        ['In missile units', formatCount(e.missileUnits)],
        ['Wounded, recovering', formatCount(e.recovering)],
        ['Morale', `${Math.round(e.morale)} / 100`],
        ['Drone awareness', `${Math.round(e.droneAwareness)} / 100`],
        ['Still at home, ready to send', formatCount(state.stocks.pyongyang.troops)],
      ]),
      para(
        'Soldiers, shells and workers reach Russia only through deals with Moscow. Moscow decides where they fight.',
      ),
      h('p', {}, button('ord-go-trade', 'Offer soldiers or shells to Moscow (Trade)', goTrade)),
    ),
  );

  if (has(state, seat, 'training')) {
    const { min, max } = state.rules.levers.trainingMonths;
    const opts = [];
    for (let m = min; m <= max; m++)
      opts.push({ value: m, label: `${m} month${m === 1 ? '' : 's'}` });
    out.push(
      section(
        'ord-training',
        'Training before the front',
        segmented(
          'ord-training',
          'Months of training',
          opts,
          state.levers.trainingMonths,
          (months) => ctx.act('training', { type: 'setTraining', seat, months }),
        ),
        para(
          `Soldiers sent from now on train this long before Moscow can use them. Each month adds ${Math.round(c.trainingBonusPerMonth * 100)}% to their fighting value (up to ${c.trainingCapMonths} months), but they arrive later.`,
        ),
        errorSlot(ctx, 'training'),
      ),
    );
  }

  if (has(state, seat, 'information')) {
    out.push(
      section(
        'ord-information',
        'What the soldiers are told',
        segmented(
          'ord-information',
          'Information policy',
          [
            { value: 'deceive', label: 'They fight Americans (deceive)' },
            { value: 'truth', label: 'Tell them the truth' },
          ],
          state.levers.information,
          (policy) => ctx.act('information', { type: 'setInformation', seat, policy }),
        ),
        h(
          'ul',
          { class: 'consequences' },
          h(
            'li',
            {},
            h('strong', {}, 'Deceive: '),
            `morale ${signed(c.morale.deceive)}; few surrender (${oneIn(c.captureRate.deceive)} at the front each month), fearing for their families. If Kyiv shows prisoners to the press, the lie is exposed: dissent rises ${signed(p.dissentRevelationBonus)} more per prisoner.`,
          ),
          h(
            'li',
            {},
            h('strong', {}, 'Truth: '),
            `regime control ${signed(-p.truthControlCost)} at once; morale ${signed(c.morale.truth)}; more are taken alive (${oneIn(c.captureRate.truth)} each month).`,
          ),
        ),
        errorSlot(ctx, 'information'),
      ),
    );
  }

  if (has(state, seat, 'recall')) {
    const n = numberField('ord-recall-count', 'Soldiers to bring home', {
      min: 1,
      max: e.ready,
      hint: `${formatCount(e.ready)} can come home now`,
    });
    out.push(
      section(
        'ord-recall',
        'Bring soldiers home',
        h(
          'div',
          { class: 'form-row' },
          n.element,
          button('ord-recall-go', 'Bring home', () =>
            ctx.act('recall', { type: 'recall', seat, count: n.value() }),
          ),
        ),
        para(
          'Only trained soldiers not in the line can come home. Each returnee raises the risk of dissent, the more the longer the expedition has fought.',
        ),
        errorSlot(ctx, 'recall'),
      ),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Moscow
// ---------------------------------------------------------------------------------------------

function moscow(state: GameState, ctx: PanelContext): HTMLElement[] {
  const seat: Capital = 'moscow';
  const e = state.expedition;
  const c = state.rules.combat;
  const p = state.rules.politics;
  const out: HTMLElement[] = [];
  const pairedSectors = Object.values(e.bySector).filter((n) => (n ?? 0) > 0).length;

  out.push(
    section(
      'ord-forces',
      'Forces under your command',
      facts([
        ['North Koreans ready to assign', formatCount(e.ready)],
        ['North Koreans at the front', formatCount(northKoreansAtFront(state))],
        ['North Koreans in missile units', formatCount(e.missileUnits)],
        ['North Koreans in training', formatCount(e.training.reduce((a, t) => a + t.count, 0))],
        ['Russian reserve', formatCount(state.stocks.moscow.troops)],
        ['Drone-operator teams', formatCount(state.stocks.moscow.droneOperators)],
      ]),
    ),
  );

  if (has(state, seat, 'assign')) {
    const sel = 'ord-assign-sector';
    const n = numberField('ord-assign-count', 'North Korean soldiers', {
      min: 1,
      hint: `${formatCount(e.ready)} ready`,
    });
    const go = (sign: 1 | -1) =>
      ctx.act('assign', {
        type: 'assign',
        seat,
        sector: selectedSector(sel),
        count: sign * n.value(),
      });
    out.push(
      section(
        'ord-assign',
        'Place North Korean units',
        h(
          'div',
          { class: 'form-row' },
          sectorSelect(
            state,
            ctx,
            sel,
            'Sector',
            (id) => `${formatCount(e.bySector[id] ?? 0)} North Koreans there`,
          ),
          n.element,
        ),
        h(
          'div',
          { class: 'row' },
          button('ord-assign-send', 'Send to sector', () => go(1)),
          button('ord-assign-back', 'Pull back', () => go(-1)),
        ),
        para(
          'Units with no experience of drones suffer heavy losses: pairing them with Russian drone operators helps.',
        ),
        errorSlot(ctx, 'assign'),
      ),
    );
  }

  if (has(state, seat, 'missileUnits')) {
    const n = numberField('ord-missile-count', 'Soldiers', {
      min: 1,
      hint: `${formatCount(e.ready)} ready, ${formatCount(e.missileUnits)} in missile units`,
    });
    out.push(
      section(
        'ord-missile',
        'Missile units',
        h('div', { class: 'form-row' }, n.element),
        h(
          'div',
          { class: 'row' },
          button('ord-missile-to', 'Move to missile units', () =>
            ctx.act('missile', { type: 'missileUnits', seat, count: n.value() }),
          ),
          button('ord-missile-from', 'Move back to the ready pool', () =>
            ctx.act('missile', { type: 'missileUnits', seat, count: -n.value() }),
          ),
        ),
        para(
          `Soldiers operating North Korean missile systems support every sector (each worth ${c.missileUnitValue} front-line soldiers) and suffer ${Math.round(c.missileUnitLossFactor * 100)}% of front-line losses.`,
        ),
        errorSlot(ctx, 'missile'),
      ),
    );
  }

  if (has(state, seat, 'pairing')) {
    out.push(
      section(
        'ord-pairing',
        'Russian drone operators',
        segmented(
          'ord-pairing',
          'Pair North Korean units with Russian drone operators',
          [
            { value: true, label: 'Pair them' },
            { value: false, label: 'Do not pair' },
          ],
          state.levers.pairing,
          (on) => ctx.act('pairing', { type: 'setPairing', seat, on }),
        ),
        para(
          `Paired units lose ${Math.round((1 - c.pairingLossMultiplier) * 100)}% fewer soldiers and learn to survive drones faster. Each sector with North Koreans needs ${c.operatorsPerPairedSector} of your drone-operator teams (${pairedSectors} sector${pairedSectors === 1 ? '' : 's'} now; you have ${formatCount(state.stocks.moscow.droneOperators)} teams).`,
        ),
        errorSlot(ctx, 'pairing'),
      ),
    );
  }

  if (has(state, seat, 'stance')) {
    const s = p.stanceShift;
    const per = p.scrutinyPerThousandCasualties;
    out.push(
      section(
        'ord-stance',
        'What Moscow says in public',
        segmented(
          'ord-stance',
          'Public stance',
          [
            { value: 'deny', label: 'Deny' },
            { value: 'conflicting', label: 'Conflicting info' },
            { value: 'confirm', label: 'Confirm' },
          ],
          state.levers.stance,
          (stance) => ctx.act('stance', { type: 'setStance', seat, stance }),
        ),
        h(
          'ul',
          { class: 'consequences' },
          h(
            'li',
            {},
            h('strong', {}, 'Deny: '),
            `scrutiny ${signed(s.deny)} now, then ${signed(per.deny)} per 1,000 North Korean casualties.`,
          ),
          h(
            'li',
            {},
            h('strong', {}, 'Conflicting information: '),
            `scrutiny ${signed(s.conflicting)} now, then ${signed(per.conflicting)} per 1,000 casualties.`,
          ),
          h(
            'li',
            {},
            h('strong', {}, 'Confirm: '),
            `scrutiny ${signed(s.confirm)} now, then ${signed(per.confirm)} per 1,000 casualties.`,
          ),
        ),
        errorSlot(ctx, 'stance'),
      ),
    );
  }

  if (has(state, seat, 'allocate')) {
    const sel = 'ord-alloc-sector';
    const n = numberField('ord-alloc-troops', 'Russian troops', {
      min: 1,
      hint: `${formatCount(state.stocks.moscow.troops)} in reserve`,
    });
    const go = (sign: 1 | -1) =>
      ctx.act('allocate', {
        type: 'allocate',
        seat,
        sector: selectedSector(sel),
        troops: sign * n.value(),
        drones: 0,
      });
    out.push(
      section(
        'ord-alloc',
        'Russian reserve',
        h(
          'div',
          { class: 'form-row' },
          sectorSelect(
            state,
            ctx,
            sel,
            'Sector',
            (id) => `${formatCount(sectorState(state, id)?.russianTroops ?? 0)} Russian troops`,
          ),
          n.element,
        ),
        h(
          'div',
          { class: 'row' },
          button('ord-alloc-send', 'Send to sector', () => go(1)),
          button('ord-alloc-back', 'Pull back to reserve', () => go(-1)),
        ),
        errorSlot(ctx, 'allocate'),
      ),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Kyiv
// ---------------------------------------------------------------------------------------------

function kyiv(state: GameState, ctx: PanelContext): HTMLElement[] {
  const seat: Capital = 'kyiv';
  const st = state.stocks.kyiv;
  const pol = state.politics;
  const p = state.rules.politics;
  const c = state.rules.combat;
  const fresh = pol.prisonersHeld - pol.prisonersPublicised;
  const out: HTMLElement[] = [];

  out.push(
    section(
      'ord-kyiv-forces',
      'Your forces',
      facts([
        ['Troops in reserve', formatCount(st.troops)],
        ['Drone teams in reserve', formatCount(st.drones)],
        ['Ammunition (containers)', formatCount(st.ammunition)],
        ['Evidence you can release', formatCount(st.evidence)],
        [
          'North Korean prisoners held',
          `${formatCount(pol.prisonersHeld)} (${formatCount(pol.prisonersPublicised)} shown to the press)`,
        ],
      ]),
    ),
  );

  if (has(state, seat, 'posture')) {
    out.push(
      section(
        'ord-posture',
        'The Kursk salient',
        segmented(
          'ord-posture',
          'Posture',
          [
            { value: 'hold', label: 'Hold it' },
            { value: 'withdraw', label: 'Pull back' },
          ],
          state.levers.posture,
          (posture) => ctx.act('posture', { type: 'setPosture', seat, posture }),
        ),
        para(
          `Held ground is leverage in any negotiation and keeps international support up. Pulling back saves soldiers: ${Math.round(c.withdrawShare * 100)}% of the troops in each sector return to the reserve each month, and Russia regains ${c.withdrawControlPerMonth} points of control a month in every sector.`,
        ),
        errorSlot(ctx, 'posture'),
      ),
    );
  }

  if (has(state, seat, 'targeting')) {
    out.push(
      section(
        'ord-targeting',
        'Drone targeting',
        segmented(
          'ord-targeting',
          'Aim drones at North Korean units',
          [
            { value: true, label: 'Aim at North Koreans' },
            { value: false, label: 'Any target' },
          ],
          state.levers.targetNorthKoreans,
          (on) => ctx.act('targeting', { type: 'setTargeting', seat, on }),
        ),
        para(
          `Units that never met drones are easy targets: aiming at them multiplies their losses by ${c.targetingMultiplier}. Their deaths are counted in the human-cost ledger.`,
        ),
        errorSlot(ctx, 'targeting'),
      ),
    );
  }

  if (has(state, seat, 'allocate')) {
    const sel = 'ord-kalloc-sector';
    const t = numberField('ord-kalloc-troops', 'Troops', {
      min: 0,
      hint: `${formatCount(st.troops)} in reserve`,
    });
    const d = numberField('ord-kalloc-drones', 'Drone teams', {
      min: 0,
      hint: `${formatCount(st.drones)} in reserve`,
    });
    const go = (sign: 1 | -1) => {
      const troops = Number.isNaN(t.value()) ? 0 : t.value();
      const drones = Number.isNaN(d.value()) ? 0 : d.value();
      return ctx.act('allocate', {
        type: 'allocate',
        seat,
        sector: selectedSector(sel),
        troops: sign * troops,
        drones: sign * drones,
      });
    };
    out.push(
      section(
        'ord-kalloc',
        'Troops and drones by sector',
        sectorSelect(state, ctx, sel, 'Sector', (id) => {
          const s = sectorState(state, id);
          return `${formatCount(s?.ukrainianTroops ?? 0)} troops, ${formatCount(s?.ukrainianDrones ?? 0)} drone teams`;
        }),
        h('div', { class: 'form-row' }, t.element, d.element),
        h(
          'div',
          { class: 'row' },
          button('ord-kalloc-send', 'Send to sector', () => go(1)),
          button('ord-kalloc-back', 'Pull back to reserve', () => go(-1)),
        ),
        errorSlot(ctx, 'allocate'),
      ),
    );
  }

  if (has(state, seat, 'publicise')) {
    out.push(
      section(
        'ord-publicise',
        'Prisoners',
        h(
          'p',
          {},
          button(
            'ord-publicise-go',
            fresh > 0
              ? `Show ${fresh} prisoner${fresh === 1 ? '' : 's'} to the press`
              : 'Show prisoners to the press',
            () => ctx.act('publicise', { type: 'publicise', seat }),
          ),
        ),
        para(
          fresh > 0
            ? `Each prisoner shown raises international support (${signed(p.publicitySupportPerPrisoner)}) and scrutiny of Moscow (${signed(p.publicityScrutinyPerPrisoner)}). Their families were put at risk when they were captured (the sources: a captured soldier’s family faces punishment at home), whether or not they are shown.`
            : 'You hold no prisoners who have not already been shown. Soldiers taken alive appear here.',
        ),
        errorSlot(ctx, 'publicise'),
      ),
    );
  }

  if (has(state, seat, 'evidence')) {
    const n = numberField('ord-evidence-count', 'Pieces of evidence', {
      min: 1,
      max: st.evidence,
      value: st.evidence > 0 ? st.evidence : undefined,
      hint: `${formatCount(st.evidence)} held`,
    });
    out.push(
      section(
        'ord-evidence',
        'Release evidence',
        h(
          'div',
          { class: 'form-row' },
          n.element,
          button('ord-evidence-go', 'Release', () =>
            ctx.act('evidence', { type: 'releaseEvidence', seat, amount: n.value() }),
          ),
        ),
        para(
          `Each piece (a video, an interrogation) adds ${signed(p.evidenceScrutiny)} to scrutiny of Moscow and ${signed(p.evidenceSupport)} to support for Kyiv, and narrows everyone’s estimates of Pyongyang and Moscow.`,
        ),
        errorSlot(ctx, 'evidence'),
      ),
    );
  }
  return out;
}

export function ordersPanel(
  state: GameState,
  seat: Capital,
  ctx: PanelContext,
  goTrade: () => void,
): HTMLElement[] {
  return seat === 'pyongyang'
    ? pyongyang(state, ctx, goTrade)
    : seat === 'moscow'
      ? moscow(state, ctx)
      : kyiv(state, ctx);
}
