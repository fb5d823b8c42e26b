/**
 * The console's WebSocket to the rooms server: says hello with the class's moderation key,
 * reconnects with backoff when the connection drops (school Wi-Fi), and sends commands with
 * ids so each answer can be matched. Frames from the server arrive through `onFrame`.
 */
import { PROTOCOL_VERSION, ROOMS_SOCKET_PATH, CLOSE } from '../rooms/protocol';
import type { ConsoleCommandBody, ConsoleFrame } from '../rooms/console-view';

export type ConsoleEvent =
  | { kind: 'frame'; frame: ConsoleFrame }
  | { kind: 'error'; id?: string; code: string; message: string }
  | { kind: 'ack'; id: string }
  | { kind: 'status'; connected: boolean; retryInMs: number | null }
  | { kind: 'refused'; message: string };

export interface ConsoleSocket {
  send(room: string, command: ConsoleCommandBody): string;
  close(): void;
}

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000];

export function openConsoleSocket(classCode: string, moderationKey: string, on: (e: ConsoleEvent) => void): ConsoleSocket {
  let ws: WebSocket | null = null;
  let attempt = 0;
  let closed = false;
  let counter = 0;
  let timer: number | undefined;

  const url = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${ROOMS_SOCKET_PATH}`;

  function connect(): void {
    ws = new WebSocket(url());
    ws.addEventListener('open', () => {
      ws!.send(JSON.stringify({ type: 'hello', v: PROTOCOL_VERSION, role: 'console', classCode, moderationKey }));
    });
    ws.addEventListener('message', (ev) => {
      let data: { type?: string; id?: string; code?: string; message?: string };
      try {
        data = JSON.parse(String(ev.data)) as typeof data;
      } catch {
        return;
      }
      if (data.type === 'console' || data.type === 'consoleRooms') {
        if (data.type === 'console') {
          attempt = 0;
          on({ kind: 'status', connected: true, retryInMs: null });
        }
        on({ kind: 'frame', frame: data as ConsoleFrame });
      } else if (data.type === 'ack' && data.id) on({ kind: 'ack', id: data.id });
      else if (data.type === 'error')
        on({ kind: 'error', ...(data.id ? { id: data.id } : {}), code: String(data.code), message: String(data.message) });
    });
    ws.addEventListener('close', (ev) => {
      ws = null;
      if (closed) return;
      // A wrong key will not become right by retrying: say so and stop.
      if (ev.code === CLOSE.unauthorised || ev.code === CLOSE.policy) {
        on({ kind: 'refused', message: ev.reason || 'The server refused the console.' });
        return;
      }
      const wait = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]!;
      attempt++;
      on({ kind: 'status', connected: false, retryInMs: wait });
      timer = window.setTimeout(connect, wait);
    });
  }

  connect();
  return {
    send(room, command) {
      const id = `c${Date.now().toString(36)}${(counter++).toString(36)}`;
      if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'console', id, room, command }));
      else on({ kind: 'error', id, code: 'offline', message: 'The console is reconnecting; try again in a moment.' });
      return id;
    },
    close() {
      closed = true;
      window.clearTimeout(timer);
      ws?.close(1000);
    },
  };
}
