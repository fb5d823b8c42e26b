/**
 * The game store: zustand (vanilla) + immer. It holds the session (rules, seats, the action log,
 * the state), the hot-seat handoff, the newest turn report for the map to animate, and errors.
 * Player actions go through immer (the UI wants structural sharing); computer players run on a
 * plain copy on the fast path and the result is swapped in. Every change is autosaved.
 * Scenes and panels read from here and dispatch actions; they hold no rules.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { immer } from 'zustand/middleware/immer';
import { castDraft } from 'immer';
import {
  applyInPlace,
  cloneState,
  createGame,
  makeRecord,
  CAPITALS,
  type Action,
  type Capital,
  type FigureChoices,
  type GameRecord,
  type GameState,
  type Rules,
  type TurnReport,
} from '../engine';
import { computerReactions } from '../ai';
import { playBots, playReactions } from '../sim/play';
import type { LinkedGame, SessionLink } from '../session/types';
import { loadSave, makeSave, originOf, SAVE_KEY, type GameOrigin, type KeyValueStorage, type LessonLength, type SaveProblem, type SeatKind } from './save';

export interface Session {
  scenarioText?: string;
  origin?: GameOrigin;
  lesson?: LessonLength;
  seats: Record<Capital, SeatKind>;
  actions: Action[];
  state: GameState;
  /** The log length and state when the current human seat began its orders (for undo). */
  seatStart: { logLength: number; state: GameState } | null;
  /** The last human seat that gave orders (hot-seat handoff). */
  lastHuman: Capital | null;
}

export interface NewGameOptions {
  rules: Rules;
  seed: string;
  figureChoices: FigureChoices;
  seats: Record<Capital, SeatKind>;
  scenarioText?: string;
  origin?: GameOrigin;
  lesson?: LessonLength;
}

export interface GameStore {
  session: Session | null;
  /** A human seat waiting for the device to be passed to it (hot-seat). */
  handoff: Capital | null;
  /** The newest resolved turn, for the map to animate; cleared by the view when played. */
  pendingReport: TurnReport | null;
  lastError: string | null;
  /** Why the autosave could not be restored, or could not be written. */
  saveProblem: SaveProblem | null;
  saveWriteFailed: string | null;

  newGame(options: NewGameOptions): void;
  /** Shows a game whose orders go elsewhere (a class room): see src/session/types.ts. */
  openLinked(game: LinkedGame): void;
  /** The room's server sent a new view of the game (and the month it resolved, if any). */
  showLinked(state: GameState, resolved: TurnReport | null): void;
  /** Whether orders go to a room rather than this device's engine. */
  isLinked(): boolean;
  /** Applies a human order; returns the engine's error message, or null. */
  dispatch(action: Action): string | null;
  /** Takes back the last order of the current seat not yet committed by ending the turn. */
  undo(): boolean;
  canUndo(): boolean;
  confirmHandoff(): void;
  clearReport(): void;
  /** Restores the autosaved game, if any; returns whether a game is now loaded. */
  resume(): boolean;
  hasSave(): boolean;
  discardSave(): void;
  /** The raw autosave text (to download before discarding a damaged save). */
  rawSave(): string | null;
  /** Opens a game at the start of turn `turn` of a record (fork from a result). */
  fork(rules: Rules, record: GameRecord, turn: number, seats: Record<Capital, SeatKind>, scenarioText?: string, origin?: GameOrigin): string | null;
  record(): GameRecord | null;
  quit(): void;
}

function humanSeats(seats: Record<Capital, SeatKind>): Capital[] {
  return CAPITALS.filter((c) => seats[c] === 'human');
}

export function createGameStore(storage: KeyValueStorage | null, now: () => string): StoreApi<GameStore> {
  // Kept outside the (frozen, immer-managed) state: it holds a live connection.
  let link: SessionLink | null = null;
  const store = createStore<GameStore>()(
    immer((set, get) => {
      function save(session: Session): void {
        // A room's game lives on its server; the device keeps only the seat's link.
        if (!storage || link) return;
        try {
          storage.setItem(SAVE_KEY, JSON.stringify(makeSave(session.state, session.seats, session.actions, now(), session.scenarioText, session.origin, session.lesson)));
          if (get().saveWriteFailed) set({ saveWriteFailed: null });
        } catch (e) {
          set({ saveWriteFailed: `The browser refused to save the game (${(e as Error).message}). Download the game record to keep it.` });
        }
      }

      /** Lets computer players act until a human seat is to act; sets handoff and undo points. */
      function advance(): void {
        const s = get().session;
        if (!s) return;
        const isHuman = (c: Capital) => s.seats[c] === 'human';
        // A short lesson's even turns need no decision: human seats end them at once.
        const standing = (st: GameState) => s.lesson === 'short' && st.ctx.phase !== 'over' && st.ctx.turn % 2 === 0;
        const turnsBefore = s.state.reports.length;
        if (s.state.ctx.phase !== 'over' && (!isHuman(s.state.ctx.seat) || standing(s.state))) {
          const copy = cloneState(s.state);
          const log = [...s.actions];
          playBots(copy, s.seats, log, isHuman);
          while (standing(copy) && isHuman(copy.ctx.seat)) {
            const end: Action = { type: 'endTurn', seat: copy.ctx.seat };
            if (!applyInPlace(copy, end).ok) break;
            log.push(end);
            playBots(copy, s.seats, log, isHuman);
          }
          set((d) => {
            d.session!.state = castDraft(copy);
            d.session!.actions = castDraft(log);
          });
        }
        set((d) => {
          const sess = d.session!;
          const st = sess.state;
          if (st.reports.length > turnsBefore) d.pendingReport = castDraft(st.reports[st.reports.length - 1]!);
          const humans = humanSeats(sess.seats);
          if (st.ctx.phase !== 'over' && humans.length > 1 && sess.lastHuman !== null && sess.lastHuman !== st.ctx.seat)
            d.handoff = st.ctx.seat;
          sess.seatStart = { logLength: sess.actions.length, state: st };
        });
      }

      /** Computer seats answer the offers that reach them at once: several rounds fit in a month. */
      function react(): void {
        const s = get().session;
        if (!s || computerReactions(s.state, s.seats).length === 0) return;
        const copy = cloneState(s.state);
        const log = [...s.actions];
        playReactions(copy, s.seats, log);
        set((d) => {
          d.session!.state = castDraft(copy);
          d.session!.actions = castDraft(log);
        });
      }

      return {
        session: null,
        handoff: null,
        pendingReport: null,
        lastError: null,
        saveProblem: null,
        saveWriteFailed: null,

        newGame(o) {
          const state = createGame(o.rules, { seed: o.seed, figureChoices: o.figureChoices });
          const session: Session = { seats: { ...o.seats }, actions: [], state, seatStart: null, lastHuman: null };
          if (o.scenarioText !== undefined) session.scenarioText = o.scenarioText;
          if (o.origin) session.origin = o.origin;
          if (o.lesson === 'short') session.lesson = o.lesson;
          set({ session: castDraft(session), handoff: null, pendingReport: null, lastError: null, saveProblem: null });
          advance();
          save(get().session!);
        },

        openLinked(game) {
          link?.close();
          link = game.link;
          const seats = { pyongyang: 'room', moscow: 'room', kyiv: 'room' } as Record<Capital, SeatKind>;
          seats[game.seat] = 'human';
          const session: Session = { seats, actions: [], state: game.state, seatStart: null, lastHuman: game.seat };
          set({ session: castDraft(session), handoff: null, pendingReport: null, lastError: null, saveProblem: null });
        },

        showLinked(state, resolved) {
          if (!get().session) return;
          set((d) => {
            d.session!.state = castDraft(state);
            if (resolved) d.pendingReport = castDraft(resolved);
          });
        },

        isLinked() {
          return link !== null;
        },

        dispatch(action) {
          const s = get().session;
          if (!s) return 'No game is in progress.';
          if (link && action.type !== 'inject') {
            // The seat's own copy shows the order at once; the room's next view replaces it. The
            // copy lacks the other capitals' true stocks, so only the server can refuse an answer
            // to their offers: what this copy cannot apply goes to the server all the same.
            if (action.type !== 'endTurn')
              set((d) => {
                applyInPlace(d.session!.state, action);
              });
            set({ lastError: null });
            link.send(action);
            return null;
          }
          if (get().handoff) return 'Pass the device to the next player first.';
          if (action.type === 'inject') return 'Only the teacher can send news into a game, from the class console.';
          if (s.seats[action.seat] !== 'human') return `${s.state.rules.capitals[action.seat].name} is played by the computer.`;
          let error: string | null = null;
          const turnsBefore = s.state.reports.length;
          set((d) => {
            const r = applyInPlace(d.session!.state, action);
            if (!r.ok) {
              error = r.error.message;
              return;
            }
            d.session!.actions.push(action);
            d.session!.lastHuman = action.seat;
          });
          set({ lastError: error });
          if (error) return error;
          const after = get().session!;
          if (action.type === 'endTurn') {
            if (after.state.reports.length > turnsBefore) set({ pendingReport: after.state.reports[after.state.reports.length - 1]! });
            advance();
          } else react();
          save(get().session!);
          return null;
        },

        canUndo() {
          const s = get().session;
          if (link) return false;
          return !!s && !!s.seatStart && s.actions.length > s.seatStart.logLength && s.state.ctx.phase !== 'over';
        },

        undo() {
          const s = get().session;
          if (!s || !s.seatStart || !get().canUndo()) return false;
          // The seat's last order goes, with the computer's answers that followed it.
          let last = s.actions.length - 1;
          while (last > s.seatStart.logLength && s.actions[last]!.seat !== s.state.ctx.seat) last--;
          const keep = s.actions.slice(0, last);
          const state = cloneState(s.seatStart.state);
          for (const a of keep.slice(s.seatStart.logLength)) applyInPlace(state, a);
          set((d) => {
            d.session!.state = castDraft(state);
            d.session!.actions = castDraft(keep);
            d.lastError = null;
          });
          save(get().session!);
          return true;
        },

        confirmHandoff() {
          set({ handoff: null });
        },

        clearReport() {
          set({ pendingReport: null });
        },

        hasSave() {
          return !!storage && storage.getItem(SAVE_KEY) !== null;
        },

        rawSave() {
          return storage ? storage.getItem(SAVE_KEY) : null;
        },

        resume() {
          if (!storage) return false;
          const loaded = loadSave(storage.getItem(SAVE_KEY));
          if (loaded === null) return false;
          if (!loaded.ok) {
            set({ saveProblem: loaded.problem });
            return false;
          }
          const { save: file, state } = loaded;
          const session: Session = { seats: file.seats, actions: file.actions, state, seatStart: null, lastHuman: null };
          if (file.scenarioText !== undefined) session.scenarioText = file.scenarioText;
          const origin = originOf(file.origin);
          if (origin) session.origin = origin;
          if (file.lesson === 'short') session.lesson = 'short';
          set({ session: castDraft(session), handoff: null, pendingReport: null, lastError: null, saveProblem: null });
          // Hot-seat: whoever is to act must take the device before the board is shown.
          if (humanSeats(file.seats).length > 1 && state.ctx.phase !== 'over') set({ handoff: state.ctx.seat });
          advance();
          // Orders the seat gave before the reload are still uncommitted: keep them undoable.
          const after = get().session!;
          let start = after.actions.length;
          // The computer's answers to this seat's offers sit among its orders: step over them too.
          while (start > 0 && after.actions[start - 1]!.type !== 'endTurn' && after.actions[start - 1]!.seat !== 'teacher') start--;
          if (after.state.ctx.phase !== 'over' && start < after.actions.length) {
            const base = createGame(file.rules, { seed: file.seed, figureChoices: file.figureChoices });
            for (const a of after.actions.slice(0, start)) applyInPlace(base, a);
            set((d) => {
              d.session!.seatStart = { logLength: start, state: castDraft(base) };
            });
          }
          return true;
        },

        discardSave() {
          storage?.removeItem(SAVE_KEY);
          set({ saveProblem: null });
        },

        fork(rules, record, turn, seats, scenarioText, origin) {
          const state = createGame(rules, { seed: record.seed, figureChoices: record.figureChoices });
          const kept: Action[] = [];
          for (const a of record.actions) {
            if (state.ctx.turn >= turn || state.ctx.phase === 'over') break;
            const r = applyInPlace(state, a);
            if (!r.ok) return `The record cannot be replayed: ${r.error.message}`;
            kept.push(a);
          }
          const session: Session = { seats: { ...seats }, actions: kept, state, seatStart: null, lastHuman: null };
          if (scenarioText !== undefined) session.scenarioText = scenarioText;
          if (origin) session.origin = origin;
          set({ session: castDraft(session), handoff: null, pendingReport: null, lastError: null });
          advance();
          save(get().session!);
          return null;
        },

        record() {
          const s = get().session;
          if (link) return link.record();
          if (!s) return null;
          return makeRecord(s.state, s.seats, s.actions);
        },

        quit() {
          link?.close();
          link = null;
          set({ session: null, handoff: null, pendingReport: null, lastError: null });
        },
      };
    }),
  );
  return store;
}

/** The figure choices a student picks in setup, as the engine takes them. */
export function figureChoicesOf(choice: 'low' | 'central' | 'high'): FigureChoices {
  return { default: choice };
}
