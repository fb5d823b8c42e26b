/**
 * Telling the other app servers what happened in a room. With SQLite there is one server and
 * nothing to tell. With PostgreSQL every server LISTENs on one channel and NOTIFYs it after each
 * commit; a notice carries what kind of thing happened and the key to read it by (a room, a log
 * position, a message id), and a server holding that room's sockets or watching its class reads
 * what changed from the database (the order is the database's per-room sequence, never a
 * process's). Every room and console change goes this way: log entries, presence, messages,
 * hides and mutes, turn clocks, new rooms. A log notice also carries the stored entry itself
 * when it fits in NOTIFY's payload (an order is a few hundred bytes): the next entry a server
 * awaits is applied from it without reading the log; anything else (a gap) is read from the log.
 * When the listening connection drops and comes back, every server reads again what it holds
 * (rooms' logs, seats and presence; the console's clocks, messages and mutes): notices sent
 * while nobody listened are lost.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';

import type { LogEntry } from './game';

export type FanoutNotice =
  /** The room's log grew to `seq`; `e` is the entry stored there, when it fits. */
  | { k: 'log'; r: string; seq: number; e?: LogEntry }
  /** A seat's device connected or left: read the room's presence rows. */
  | { k: 'presence'; r: string; seat: string }
  /** A newer tab or device took the seat on server `s`: others close theirs. */
  | { k: 'takeover'; r: string; seat: string; conn: string }
  /** Class `c` has a new room or a room's seats changed (a join): read the room and its seats. */
  | { k: 'room'; r: string; c: string }
  /** A student's message `id` was stored: read it. */
  | { k: 'msg'; r: string; id: string }
  /** The teacher hid (or showed again) message `id`: read it. */
  | { k: 'hide'; r: string; id: string }
  /** The teacher muted or unmuted a seat: read the room's mutes. */
  | { k: 'mute'; r: string; seat: string }
  /** The room's turn clock changed (deadline, pause, extend, end now): read it. */
  | { k: 'clock'; r: string }
  /** Class `c`'s turn length or pause changed: read it. */
  | { k: 'class'; c: string };

/** Every notice with the id of the server that sent it. */
export type Notice = FanoutNotice & { s: string };

export interface Fanout {
  /** This process's id in notices. */
  readonly serverId: string;
  publish(notice: FanoutNotice): void;
  /**
   * The notice as a NOTIFY payload for a statement that sends it itself (a log entry's insert
   * notifies in the same statement: one round trip), or null when there is nothing to fan out.
   */
  payload(notice: FanoutNotice): { channel: string; payload: string } | null;
  /** Called for every notice from another server. */
  subscribe(handler: (notice: Notice) => void): void;
  /**
   * Called when the listening connection is back after it dropped: notices sent meanwhile are
   * lost, so whatever they would have said must be read from the database again.
   */
  onResync(handler: () => void): void;
  close(): Promise<void>;
}

export const CHANNEL = 'tc_rooms';

/** NOTIFY refuses payloads of 8,000 bytes or more: a log notice larger than this goes without its entry. */
export const PAYLOAD_BYTES = 7_500;

/** The notice as sent: a log entry too large for a payload is left out (the log has it). */
export function noticePayload(notice: FanoutNotice, serverId: string): string {
  const text = JSON.stringify({ ...notice, s: serverId });
  if (notice.k !== 'log' || notice.e === undefined || Buffer.byteLength(text) < PAYLOAD_BYTES) return text;
  const { e: _entry, ...rest } = notice;
  return JSON.stringify({ ...rest, s: serverId });
}

/** One server: nothing to fan out. */
export function localFanout(): Fanout {
  return {
    serverId: randomBytes(6).toString('base64url'),
    publish() {},
    payload: () => null,
    subscribe() {},
    onResync() {},
    async close() {},
  };
}

/**
 * PostgreSQL LISTEN/NOTIFY. One dedicated connection listens (reconnecting with a pause if it
 * drops); notices go out on the same connection, in the order the server publishes them.
 */
export async function pgFanout(url: string, onError: (e: unknown) => void = () => {}): Promise<Fanout> {
  const serverId = randomBytes(6).toString('base64url');
  const handlers: ((n: Notice) => void)[] = [];
  const resyncs: (() => void)[] = [];
  let client: pg.Client | null = null;
  let connections = 0;
  let closed = false;
  const pending: string[] = [];
  /** The newest notice sent: closing waits for it (a server's goodbye notices go out). */
  let last: Promise<void> = Promise.resolve();

  async function connect(): Promise<void> {
    // Named, so that an operator (and a test) can tell each server's listener in pg_stat_activity.
    const c = new pg.Client({ connectionString: url, application_name: `tc-rooms-${serverId}` });
    c.on('error', (e) => {
      if (closed) return;
      onError(e);
      if (client === c) client = null;
      if (!closed) setTimeout(() => void connect().catch(onError), 500).unref();
    });
    c.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      let n: Notice;
      try {
        n = JSON.parse(msg.payload) as Notice;
      } catch {
        return;
      }
      if (n.s === serverId) return;
      for (const h of handlers) h(n);
    });
    await c.connect();
    await c.query(`LISTEN ${CHANNEL}`);
    client = c;
    while (pending.length > 0) send(pending.shift()!);
    // Listening again: read what the notices lost while it was down would have said.
    if (connections++ > 0) for (const h of resyncs) h();
  }

  function send(payload: string): void {
    if (!client) {
      pending.push(payload);
      return;
    }
    // A notice still on its way when the server closes is lost with the server: not an error.
    last = client.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).then(
      () => {},
      (e: unknown) => {
        if (!closed) onError(e);
      },
    );
  }

  await connect();
  return {
    serverId,
    publish(notice) {
      send(noticePayload(notice, serverId));
    },
    payload: (notice) => ({ channel: CHANNEL, payload: noticePayload(notice, serverId) }),
    subscribe(handler) {
      handlers.push(handler);
    },
    onResync(handler) {
      resyncs.push(handler);
    },
    async close() {
      closed = true;
      await last;
      const c = client;
      client = null;
      if (c) await c.end().catch(() => {});
    },
  };
}
