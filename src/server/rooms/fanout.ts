/**
 * Telling the other app servers what happened in a room. With SQLite there is one server and
 * nothing to tell. With PostgreSQL every server LISTENs on one channel and NOTIFYs it after each
 * commit; a notice carries only the room and what kind of thing happened, and a server holding
 * that room's sockets reads the new log entries from the database (the order is the database's
 * per-room sequence, never a process's).
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';

export type FanoutNotice =
  /** The room's log grew to `seq`. */
  | { k: 'log'; r: string; seq: number }
  /** A seat's device connected (on) or left (off) on server `s`. */
  | { k: 'presence'; r: string; seat: string; on: boolean }
  /** A newer tab or device took the seat on server `s`: others close theirs. */
  | { k: 'takeover'; r: string; seat: string; conn: string };

export interface Fanout {
  /** This process's id in notices. */
  readonly serverId: string;
  publish(notice: FanoutNotice): void;
  /** Called for every notice from another server. */
  subscribe(handler: (notice: FanoutNotice & { s: string }) => void): void;
  close(): Promise<void>;
}

export const CHANNEL = 'tc_rooms';

/** One server: nothing to fan out. */
export function localFanout(): Fanout {
  return {
    serverId: randomBytes(6).toString('base64url'),
    publish() {},
    subscribe() {},
    async close() {},
  };
}

/**
 * PostgreSQL LISTEN/NOTIFY. One dedicated connection listens (reconnecting with a pause if it
 * drops); notices go out on the same connection, in the order the server publishes them.
 */
export async function pgFanout(url: string, onError: (e: unknown) => void = () => {}): Promise<Fanout> {
  const serverId = randomBytes(6).toString('base64url');
  const handlers: ((n: FanoutNotice & { s: string }) => void)[] = [];
  let client: pg.Client | null = null;
  let closed = false;
  const pending: string[] = [];

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url });
    c.on('error', (e) => {
      onError(e);
      if (client === c) client = null;
      if (!closed) setTimeout(() => void connect().catch(onError), 500).unref();
    });
    c.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      let n: FanoutNotice & { s: string };
      try {
        n = JSON.parse(msg.payload) as FanoutNotice & { s: string };
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
  }

  function send(payload: string): void {
    if (!client) {
      pending.push(payload);
      return;
    }
    client.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch(onError);
  }

  await connect();
  return {
    serverId,
    publish(notice) {
      send(JSON.stringify({ ...notice, s: serverId }));
    },
    subscribe(handler) {
      handlers.push(handler);
    },
    async close() {
      closed = true;
      const c = client;
      client = null;
      if (c) await c.end().catch(() => {});
    },
  };
}
