/**
 * The rooms' HTTP and WebSocket routes: joining a class's rooms, the teacher's room settings and
 * room list (behind the moderation key), and the socket every device plays through.
 */
import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';

import { CAPITALS } from '../../engine';
import type { ClassRow, Store } from '../../db/store';
import { LIMITS, ROOMS_SOCKET_PATH } from '../../rooms/protocol';
import { MODERATION_HEADER } from '../api';
import { ApiError, badRequest, notFound } from '../errors';
import { CLASS_CODE_PATTERN, keyMatches, normaliseClassCode } from '../ids';
import { checkPseudonym } from '../pseudonym';
import { RoomError, RoomService } from './service';
import { handleSocket, type SocketExtensions } from './socket';

export interface RoomRoutesOptions {
  service: RoomService;
  store: Store;
  writeRateLimit: number | null;
  extensions?: SocketExtensions;
  /** The class's messages as CSV (the teacher's console, issue 12). */
  exportMessages?: (code: string) => Promise<string>;
  /** A finished room's revealed messages, by its result id (the replay viewer, issue 12). */
  resultMessages?: (resultId: string) => Promise<unknown[]>;
}

const JoinBody = z.strictObject({ pseudonym: z.string().max(200) });

const SettingsBody = z.strictObject({
  size: z.union([z.literal(2), z.literal(3)]),
  fill: z.enum(['order', 'names']),
  computerSeat: z.enum(CAPITALS).default('kyiv'),
  assignments: z
    .array(z.strictObject({ pseudonym: z.string().min(1).max(200), room: z.int().min(1).max(500), seat: z.enum(CAPITALS) }))
    .max(300)
    .default([]),
});

export async function roomRoutes(app: FastifyInstance, opts: RoomRoutesOptions): Promise<void> {
  const { service, store } = opts;
  const writeLimit = opts.writeRateLimit === null ? {} : { rateLimit: { max: opts.writeRateLimit, timeWindow: 60_000 } };

  // Frames past our own limit get an error frame (socket.ts); ws drops only absurd ones.
  await app.register(fastifyWebsocket, { options: { maxPayload: 8 * LIMITS.frameBytes } });

  app.get(ROOMS_SOCKET_PATH, { websocket: true }, (socket) => {
    handleSocket(service, socket, opts.extensions ? { extensions: opts.extensions } : {});
  });

  async function classOf(input: string): Promise<ClassRow> {
    const code = normaliseClassCode(input);
    if (!CLASS_CODE_PATTERN.test(code)) throw badRequest('invalid-class-code', 'a class code is six letters and digits');
    const cls = await store.getClass(code);
    if (!cls) throw notFound('unknown-class', `there is no class ${code}`);
    return cls;
  }

  async function moderated(request: FastifyRequest, input: string): Promise<ClassRow> {
    const cls = await classOf(input);
    const key = request.headers[MODERATION_HEADER];
    if (typeof key !== 'string' || key.length === 0)
      throw new ApiError(401, 'moderation-key-required', "this needs the class's moderation key in the X-Moderation-Key header");
    if (key.length > 200 || !keyMatches(key, cls.key_hash))
      throw new ApiError(403, 'moderation-key-invalid', `that is not the moderation key of class ${cls.code}`);
    return cls;
  }

  const wrap = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof RoomError) throw new ApiError(e.status, e.code, e.message);
      throw e;
    }
  };

  /** A student joins: a room and a seat, and the seat token (shown once: it is also the resume code). */
  app.post<{ Params: { code: string } }>('/api/classes/:code/join', { config: writeLimit }, async (request, reply) => {
    const cls = await classOf(request.params.code);
    const body = JoinBody.safeParse(request.body);
    if (!body.success) throw badRequest('invalid-request', 'send {"pseudonym": "…"}');
    const name = checkPseudonym(body.data.pseudonym);
    if (!name.ok) throw badRequest('invalid-pseudonym', name.message);
    const joined = await wrap(() => service.join(cls, name.value));
    reply.code(201).header('cache-control', 'no-store');
    return {
      room: joined.room,
      seat: joined.seat,
      pseudonym: joined.pseudonym,
      token: joined.token,
      resumeCode: formatResumeCode(joined.token),
      resumeUrl: `/?seat=${joined.token}`,
    };
  });

  app.get<{ Params: { code: string } }>('/api/classes/:code/rooms/settings', async (request) => {
    const cls = await classOf(request.params.code);
    return { ...(await service.settings(cls.code)), enabled: await service.roomsEnabled(cls.code) };
  });

  app.put<{ Params: { code: string } }>('/api/classes/:code/rooms/settings', { config: writeLimit }, async (request) => {
    const cls = await moderated(request, request.params.code);
    const body = SettingsBody.safeParse(request.body);
    if (!body.success)
      throw badRequest('invalid-settings', 'send {"size": 2|3, "fill": "order"|"names", "computerSeat"?, "assignments"?: [{pseudonym, room, seat}]}', body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
    for (const a of body.data.assignments) {
      const name = checkPseudonym(a.pseudonym);
      if (!name.ok) throw badRequest('invalid-pseudonym', `${a.pseudonym.slice(0, 40)}: ${name.message}`);
      if (body.data.size === 2 && a.seat === body.data.computerSeat)
        throw badRequest('invalid-settings', `${name.value} is assigned the computer's seat`);
    }
    await service.putSettings(cls.code, body.data);
    return { ...(await service.settings(cls.code)), enabled: true };
  });

  app.get<{ Params: { code: string } }>('/api/classes/:code/rooms', async (request) => {
    const cls = await moderated(request, request.params.code);
    return { rooms: await wrap(() => service.classRooms(cls.code)) };
  });

  /** A finished room's messages, revealed with its result (hidden ones left out). */
  const resultMessages = opts.resultMessages;
  if (resultMessages)
    app.get<{ Params: { id: string } }>('/api/results/:id/messages', async (request) => {
      if (!/^[A-Za-z0-9_-]{8,24}$/.test(request.params.id)) throw badRequest('invalid-result-id', 'a result id is 8 to 24 letters, digits, - or _');
      return { messages: await resultMessages(request.params.id) };
    });

  /** Every message of the class's rooms, hidden ones marked (the teacher's export, issue 12). */
  const exportMessages = opts.exportMessages;
  if (exportMessages)
    app.get<{ Params: { code: string } }>('/api/classes/:code/messages.csv', async (request, reply) => {
      const cls = await moderated(request, request.params.code);
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="three-capitals-class-${cls.code}-messages.csv"`)
        .header('cache-control', 'no-store');
      return exportMessages(cls.code);
    });
}

/** The seat token as a student copies it down: groups of four. */
export function formatResumeCode(token: string): string {
  return token.match(/.{1,4}/g)!.join('-');
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The class rooms of this app server (the teacher's console builds on it). */
    rooms: RoomService;
  }
}
