/**
 * A class room on this device, from the class link to the debrief: join (or resume with the
 * personal code), wait in the lobby, play on the ordinary game screen with the room's bar above
 * it, then the debrief of the server's own record. The seat token is kept on the device and in
 * the address bar, so a reload or a reopened class link lands back in the seat.
 */
import type { StoreApi } from 'zustand/vanilla';
import { RoomClient, type SocketLike } from '../session/room-client';
import { linkRoom, type RoomSeatHandle } from '../session/room-session';
import type { GameStore } from '../store';
import { mountJoined, mountLobby, mountRoomJoin, type JoinAnswer } from './room-screens';
import { mountRoomBar } from './room-status';
import { addDebriefMessages, attachRoomChat, mountRoomCountdown } from './messages-room';
import { announce } from './live';
import './room.css';

export interface RoomFlowDeps {
  ui: HTMLElement;
  store: StoreApi<GameStore>;
  clearScreen(): void;
  showGame(): void;
  showDebrief(): void;
  showMenu(): void;
  /** Keeps `test` and `renderer` query parameters in the address bar. */
  keepParams: URLSearchParams;
}

const SEAT_KEY = 'three-capitals.room-seat';
const TOKEN = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{16}$/;

/** A typed resume code, forgiving case, spaces and dashes; null if it is not one. */
export function resumeToken(input: string): string | null {
  const t = input.replace(/[\s-]/g, '').toUpperCase();
  return TOKEN.test(t) ? t : null;
}

/** Whether the class plays in rooms (its teacher set rooms up). */
export async function classHasRooms(code: string): Promise<boolean> {
  try {
    const res = await fetch(`/api/classes/${encodeURIComponent(code)}/rooms/settings`, {
      headers: { Accept: 'application/json' },
    });
    if (!res.ok) return false;
    return ((await res.json()) as { enabled?: boolean }).enabled === true;
  } catch {
    return false;
  }
}

function remembered(code: string): string | null {
  try {
    const raw = localStorage.getItem(SEAT_KEY);
    const saved = raw ? (JSON.parse(raw) as { code?: string; token?: string }) : null;
    return saved?.code === code && typeof saved.token === 'string' && TOKEN.test(saved.token)
      ? saved.token
      : null;
  } catch {
    return null;
  }
}

function remember(code: string, token: string): void {
  try {
    localStorage.setItem(SEAT_KEY, JSON.stringify({ code, token }));
  } catch {
    // A device that refuses storage still has the resume code and link.
  }
}

/** The class link of a class that plays in rooms: this device's seat, or the join form. */
export function openRoomByClass(code: string, deps: RoomFlowDeps): void {
  const saved = remembered(code);
  if (saved) return openRoomBySeat(saved, deps);
  deps.clearScreen();
  const form = mountRoomJoin(deps.ui, {
    classCode: code,
    suggestion: '',
    onJoin: async (pseudonym) => {
      try {
        const res = await fetch(`/api/classes/${encodeURIComponent(code)}/join`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ pseudonym }),
        });
        const body = (await res.json()) as JoinAnswer & { message?: string };
        if (res.status !== 201)
          return body.message
            ? `Could not join: ${body.message}.`
            : `Could not join (the server answered ${res.status}).`;
        remember(code, body.token);
        form.destroy();
        const shown = mountJoined(deps.ui, body, () => {
          shown.destroy();
          openRoomBySeat(body.token, deps);
        });
        return null;
      } catch {
        return 'The class server cannot be reached: check the connection and try again.';
      }
    },
    onResume: (typed) => {
      const token = resumeToken(typed);
      if (!token)
        return void alertIn(
          form.element,
          'That is not a resume code: it has 16 letters and digits, like ABCD-EFGH-JKMN-PQRS.',
        );
      form.destroy();
      openRoomBySeat(token, deps);
    },
    onBack: () => deps.showMenu(),
  });
}

function alertIn(el: HTMLElement, text: string): void {
  const p = el.querySelector<HTMLElement>('[role="alert"]');
  if (!p) return;
  p.textContent = text;
  p.hidden = false;
}

/** Connects this device to its seat and follows the room to the debrief. */
export function openRoomBySeat(token: string, deps: RoomFlowDeps): void {
  deps.clearScreen();
  const url = new URLSearchParams(deps.keepParams);
  url.set('seat', token);
  history.replaceState(history.state, '', `${location.pathname}?${url.toString()}`);

  const client = new RoomClient({
    origin: location.origin,
    token,
    makeSocket: (u) => new WebSocket(u) as unknown as SocketLike,
  });
  let lobby: ReturnType<typeof mountLobby> | null = null;
  let bar: ReturnType<typeof mountRoomBar> | null = null;
  let seat: RoomSeatHandle | null = null;
  let done = false;
  // Messages and the turn clock (issue 12) follow the client for as long as this seat is open.
  const stopChat = attachRoomChat(client);
  let stopCountdown: (() => void) | null = null;

  const leave = () => {
    done = true;
    stopChat();
    stopCountdown?.();
    client.close();
    lobby?.destroy();
    bar?.destroy();
    seat?.stop();
    deps.store.getState().quit();
    deps.showMenu();
  };

  const onGameScreen = () => document.getElementById('app')?.dataset['screen'] === 'game';
  const playing = () => {
    lobby?.destroy();
    lobby = null;
    let over = false;
    seat = linkRoom(deps.store, client, {
      refused: (message) => bar?.setProblem(message),
      finished: () => {
        over = true;
        stopCountdown?.();
        bar?.destroy();
        bar = null;
        // The room's message archive joins the debrief whenever it opens. A room that finished
        // before this device connected is finished inside linkRoom, before `seat` is set: wait
        // for it.
        queueMicrotask(() => {
          const snap = client.snapshot;
          const final = seat?.finalState();
          if (snap && final) addDebriefMessages(final, snap.seat);
        });
        // On the game screen the last month's report plays, then the debrief opens by itself.
        if (!onGameScreen()) deps.showDebrief();
      },
    });
    if (over) return;
    deps.showGame();
    bar = mountRoomBar(deps.ui, { onLeave: leave });
    bar.update(client);
    const barElement = document.getElementById('room-bar');
    if (barElement) stopCountdown = mountRoomCountdown(barElement, client, announce);
    const unsub = deps.store.subscribe((st) => {
      if (!st.session && !done) {
        done = true;
        unsub();
        stopChat();
        stopCountdown?.();
        bar?.destroy();
        seat?.stop();
        client.close();
      }
    });
  };

  client.subscribe((c) => {
    if (done) return;
    bar?.update(c);
    const snap = c.snapshot;
    if (c.stopped && !snap) {
      done = true;
      deps.showMenu();
      return;
    }
    if (!snap) return;
    // A finished room opens once its record has arrived (the debrief is built from it).
    if (snap.room.phase === 'finished' && !snap.record) return;
    if (snap.room.phase === 'waiting') {
      lobby ??= mountLobby(deps.ui, {
        onStart: () =>
          void client.start().then((r) => (r.ok ? null : lobby?.setMessage(r.message))),
        onLeave: leave,
      });
      lobby.update(snap.room, snap.seat);
      return;
    }
    if (!seat) playing();
  });
  client.connect();
}
