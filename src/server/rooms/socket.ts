/**
 * One device's WebSocket: hello first (within a time limit), then orders. Every frame is bounded
 * in size, rate-limited and schema-checked before the room service sees it; a bad frame gets an
 * error frame and changes nothing, and the connection stays usable.
 */
import { randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';

import type { Capital } from '../../engine';
import {
  CLOSE,
  LIMITS,
  parseClientFrame,
  PROTOCOL_VERSION,
  type ClientMessage,
  type ServerMessage,
} from '../../rooms/protocol';
import { RateBucket } from '../../rooms/rate';
import { RoomError, type RoomService, type SeatConnection } from './service';

/**
 * Handlers for other kinds of connection and other frames (the teacher's console, students'
 * messages: issue 12 registers them). Until one is registered the frame gets an error.
 */
export interface SocketExtensions {
  console?: (socket: WebSocket, hello: Extract<ClientMessage, { type: 'hello'; role: 'console' }>) => Promise<void> | void;
  message?: (seat: { roomId: string; seat: Capital }, msg: Extract<ClientMessage, { type: 'message' }>, reply: (m: ServerMessage) => void) => Promise<void> | void;
}

export interface SocketOptions {
  helloTimeoutMs?: number;
  /**
   * How often the server pings a device; one that has not answered the previous ping by the
   * next is gone (a closed lid, a dropped Wi-Fi) and its socket is closed, so its seat shows as
   * not connected. The device gets its seat back by reconnecting.
   */
  heartbeatMs?: number;
  now?: () => number;
  extensions?: SocketExtensions;
}

export function handleSocket(service: RoomService, socket: WebSocket, opts: SocketOptions = {}): void {
  const now = opts.now ?? Date.now;
  const bucket = new RateBucket(LIMITS.ratePerSecond, LIMITS.burst, now);
  const send = (m: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(m));
  };
  let seat: { roomId: string; conn: SeatConnection } | null = null;
  let handedOff = false;
  let busy: Promise<void> = Promise.resolve();
  const timer = setTimeout(() => {
    if (!seat && !handedOff) socket.close(CLOSE.policy, 'no hello in time');
  }, opts.helloTimeoutMs ?? LIMITS.helloTimeoutMs);

  let alive = true;
  socket.on('pong', () => (alive = true));
  const heartbeat = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, opts.heartbeatMs ?? 30_000);
  heartbeat.unref?.();

  socket.on('close', () => {
    clearTimeout(timer);
    clearInterval(heartbeat);
    if (seat) service.detach(seat.roomId, seat.conn);
  });
  socket.on('error', () => {});

  socket.on('message', (data, isBinary) => {
    if (handedOff) return;
    const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer | ArrayBuffer).byteLength;
    if (isBinary || size > LIMITS.frameBytes) {
      send({ type: 'error', code: isBinary ? 'invalid-message' : 'too-large', message: isBinary ? 'frames are JSON text' : `a frame may hold at most ${LIMITS.frameBytes} bytes` });
      return;
    }
    const parsed = parseClientFrame(String(data));
    if (!parsed.ok) {
      send({ type: 'error', code: parsed.code, message: parsed.message });
      return;
    }
    if (!bucket.take()) {
      const id = 'id' in parsed.value ? parsed.value.id : undefined;
      send({ type: 'error', ...(id !== undefined ? { id } : {}), code: 'rate-limited', message: `at most ${LIMITS.ratePerSecond} messages a second: send it again in a moment` });
      return;
    }
    // One frame at a time per connection: an order is acknowledged before the next is read.
    busy = busy.then(() => handle(parsed.value)).catch((e: unknown) => {
      const err = e instanceof RoomError ? e : null;
      send({ type: 'error', code: err?.code ?? 'internal', message: err?.message ?? 'the server failed to handle this message' });
    });
  });

  async function handle(m: ClientMessage): Promise<void> {
    if (m.type === 'ping') return send({ type: 'pong', t: m.t });
    if (m.type === 'hello') {
      if (m.v !== PROTOCOL_VERSION)
        return send({ type: 'error', code: 'protocol-version', message: 'this page is older than the server: reload it' });
      if (seat) return send({ type: 'error', code: 'already-connected', message: 'this connection has said hello already' });
      if (m.role === 'console') {
        if (!opts.extensions?.console)
          return send({ type: 'error', code: 'not-available', message: "this server has no teacher's console" });
        handedOff = true;
        clearTimeout(timer);
        await opts.extensions.console(socket, m);
        return;
      }
      const row = await service.seatOfToken(m.token);
      if (!row) {
        send({ type: 'error', code: 'unknown-seat', message: 'this seat link or code is not known: ask your teacher, or join the class again' });
        socket.close(CLOSE.unauthorised, 'unknown seat');
        return;
      }
      clearTimeout(timer);
      const conn: SeatConnection = {
        id: randomBytes(6).toString('base64url'),
        seat: row.capital as Capital,
        send,
        close: (code, reason) => socket.close(code, reason),
      };
      seat = { roomId: row.room_id, conn };
      await service.attach(row.room_id, conn);
      return;
    }
    if (!seat) return send({ type: 'error', code: 'hello-first', message: 'say hello with your seat token first' });
    switch (m.type) {
      case 'order': {
        if (m.action.seat !== seat.conn.seat)
          return send({ type: 'error', id: m.id, code: 'not-your-seat', message: 'you can give orders only for your own capital' });
        const paused = service.orderRefusal(seat.roomId);
        if (paused) return send({ type: 'error', id: m.id, code: 'paused', message: paused });
        const r = await service.order(seat.roomId, seat.conn.seat, m.id, m.action);
        return send('error' in r ? { type: 'error', id: m.id, code: 'refused', message: r.error } : { type: 'ack', id: m.id, seq: r.seq });
      }
      case 'start': {
        const r = await service.start(seat.roomId);
        return send('error' in r ? { type: 'error', id: m.id, code: 'refused', message: r.error } : { type: 'ack', id: m.id, seq: r.seq });
      }
      case 'message':
        if (!opts.extensions?.message) return send({ type: 'error', id: m.id, code: 'not-available', message: 'messages are not available on this server' });
        return opts.extensions.message({ roomId: seat.roomId, seat: seat.conn.seat }, m, send);
      case 'console':
        return send({ type: 'error', id: m.id, code: 'not-allowed', message: "only the teacher's console sends console commands" });
    }
  }
}
