/**
 * What the map shows, selected from a GameState. The scenes read these view models, never the
 * rules: no number here is computed by a rule, only copied or summed for display.
 */
import type { GameState } from '../engine/types';

export interface SectorView {
  id: string;
  name: string;
  /** Russian control, 0-100. */
  control: number;
  russian: number;
  ukrainian: number;
  northKorean: number;
  ukrainianDrones: number;
}

export interface MapState {
  turn: number;
  /** "YYYY-MM". */
  date: string;
  sectors: SectorView[];
}

export function selectMapState(state: GameState): MapState {
  const names = new Map(state.rules.sectors.map((s) => [s.id, s.name] as const));
  return {
    turn: state.ctx.turn,
    date: state.ctx.date,
    sectors: state.sectors.map((s) => ({
      id: s.id,
      name: names.get(s.id) ?? s.id,
      control: s.control,
      russian: s.russianTroops,
      ukrainian: s.ukrainianTroops,
      northKorean: state.expedition.bySector[s.id] ?? 0,
      ukrainianDrones: s.ukrainianDrones,
    })),
  };
}
