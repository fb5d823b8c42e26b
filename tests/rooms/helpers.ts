/** Rooms tests: a class on a real test server, and seat sockets through the `ws` package. */
import WebSocket from 'ws';
import type { SocketLike } from '../../src/session/room-client';
import { patchRoom, type ConsoleFrame, type ConsoleRoom, type ConsoleRoomPatch } from '../../src/rooms/console-view';
import { post } from '../server/helpers';

export function wsSocket(url: string): SocketLike {
  return new WebSocket(url) as unknown as SocketLike;
}

export async function newClass(url: string, extra: Record<string, unknown> = {}): Promise<{ code: string; key: string }> {
  const res = await post(`${url}/api/classes`, { scenario: 'historical-2024', ...extra });
  const body = res.json as { code: string; moderationKey: string };
  if (res.status !== 201) throw new Error(`class not created: ${JSON.stringify(body)}`);
  return { code: body.code, key: body.moderationKey };
}

/** A raw seat socket that records every frame it receives. */
export async function rawSeat(url: string, token: string): Promise<{ ws: WebSocket; frames: string[]; next(type?: string): Promise<Record<string, unknown>>; send(m: unknown): void; closed: Promise<{ code: number; reason: string }> }> {
  const ws = new WebSocket(url.replace(/^http/, 'ws') + '/api/rooms/socket');
  const frames: string[] = [];
  const waiters: { type?: string; resolve: (m: Record<string, unknown>) => void }[] = [];
  let seen = 0;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  ws.on('message', (d) => {
    frames.push(String(d));
    pump();
  });
  function pump() {
    while (waiters.length > 0) {
      const w = waiters[0]!;
      let found: Record<string, unknown> | null = null;
      while (seen < frames.length) {
        const m = JSON.parse(frames[seen++]!) as Record<string, unknown>;
        if (!w.type || m['type'] === w.type) {
          found = m;
          break;
        }
      }
      if (!found) return;
      waiters.shift();
      w.resolve(found);
    }
  }
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  if (token) ws.send(JSON.stringify({ type: 'hello', v: 1, role: 'seat', token }));
  return {
    ws,
    frames,
    closed,
    send: (m) => ws.send(typeof m === 'string' ? m : JSON.stringify(m)),
    next: (type) =>
      new Promise((resolve) => {
        waiters.push({ ...(type ? { type } : {}), resolve });
        pump();
      }),
  };
}

type Raw = Awaited<ReturnType<typeof rawSeat>>;

/** Waits until a frame the socket received (from the start of its life) satisfies `pred`. */
export async function until(s: Raw, pred: (f: Record<string, unknown>) => boolean, what: string, ms = 8000): Promise<Record<string, unknown>> {
  const start = Date.now();
  for (;;) {
    for (const raw of s.frames) {
      const f = JSON.parse(raw) as Record<string, unknown>;
      if (pred(f)) return f;
    }
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}; last frames: ${s.frames.slice(-3).join('\n').slice(0, 1500)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The socket seen from now on: frames received after this call only. */
export function after(s: Raw): Raw {
  const from = s.frames.length;
  return { ...s, get frames() { return s.frames.slice(from); } } as Raw;
}

/** A room as a console sees it after every frame it received so far (the page's own merge). */
export function consoleRoom(s: { frames: string[] }, roomId: string): ConsoleRoom | null {
  let room: ConsoleRoom | null = null;
  for (const raw of s.frames) {
    const f = JSON.parse(raw) as ConsoleFrame;
    if (f.type === 'console' || f.type === 'consoleRooms') {
      const patch = (f.rooms as ConsoleRoomPatch[]).find((r) => r.summary.id === roomId);
      if (patch) room = patchRoom(room ?? undefined, patch);
    }
  }
  return room;
}

/** Waits (8 s at most) until the console's view of the room satisfies `pred`. */
export async function consoleSees(
  s: { frames: string[] },
  roomId: string,
  pred: (r: ConsoleRoom) => boolean,
  what: string,
): Promise<ConsoleRoom> {
  const start = Date.now();
  for (;;) {
    const r = consoleRoom(s, roomId);
    if (r && pred(r)) return r;
    if (Date.now() - start > 8000) throw new Error(`the console never showed ${what}; last: ${JSON.stringify(r?.summary)}`);
    await new Promise((res) => setTimeout(res, 20));
  }
}
