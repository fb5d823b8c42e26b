/**
 * Wires the teacher's console into an app: the console service (as the rooms' hooks), its
 * socket extensions (console connections, students' messages), and the messages export.
 */
import type { FastifyInstance } from 'fastify';
import { CAPITALS, type Capital } from '../../engine';
import type { Store } from '../../db/store';
import type { SocketExtensions } from '../rooms/socket';
import type { RoomService } from '../rooms/service';
import { ClockStore } from './clock-store';
import { ConsoleService } from './console-service';
import { messagesCsv } from './messages-csv';
import { MessageStore } from './messages-store';
import type { RoomMessage } from '../../rooms/messages';
import type { Fanout } from '../rooms/fanout';

export interface TeacherConsole {
  service: ConsoleService;
  extensions: SocketExtensions;
  /** The class's messages as CSV (the route checks the moderation key). */
  exportMessages(code: string): Promise<string>;
  /** A finished room's revealed messages, by its result (the replay viewer). */
  resultMessages(resultId: string): Promise<RoomMessage[]>;
  /** Connects the rooms and stops the deadline timer when the app closes. */
  start(app: FastifyInstance, rooms: RoomService): void;
}

export function createConsole(opts: { store: Store; fanout: Fanout; now: () => number; minTurnSeconds?: number; log: (e: unknown, what: string) => void }): TeacherConsole {
  const messages = new MessageStore(opts.store.kysely);
  const service = new ConsoleService({
    store: opts.store,
    messages,
    clocks: new ClockStore(opts.store.kysely),
    fanout: opts.fanout,
    now: opts.now,
    log: opts.log,
    ...(opts.minTurnSeconds !== undefined ? { minTurnSeconds: opts.minTurnSeconds } : {}),
  });
  let host: RoomService | null = null;
  return {
    service,
    extensions: {
      console: (socket, hello) => service.attach(socket, hello),
      message: (seat, msg, reply) => service.seatMessage(seat, msg, reply),
    },
    async exportMessages(code) {
      const rows = host ? await host.rooms.listRooms(code) : [];
      const numbers = new Map(rows.map((r) => [r.id, r.number]));
      // Capital names as the class's scenario spells them.
      const first = rows[0] && host ? await host.hostRoom(rows[0].id) : null;
      const name = (c: string) => (first && (CAPITALS as readonly string[]).includes(c) ? first.rules.capitals[c as Capital].name : c);
      return messagesCsv(await messages.ofClass(code), (id) => numbers.get(id) ?? null, name);
    },
    resultMessages: (id) => messages.ofResult(id),
    start(app, rooms) {
      host = rooms;
      rooms.useHooks(service);
      service.start(rooms);
      app.addHook('onClose', async () => service.stop());
    },
  };
}
