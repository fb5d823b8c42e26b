// HTTP server for the built app: serves dist/ (the game at /, the results page at /results),
// the scenario files at /scenarios/ and the JSON API under /api. Built by buildApp() so tests can
// use app.inject() or listen on port 0.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyServerOptions,
} from 'fastify';

import type { Store } from '../db/store';
import { SCENARIOS_DIR } from '../scenario/node';
import { apiRoutes } from './api';
import { checkBody } from './body-guard';
import { DEFAULT_LIMITS, type ServerLimits } from './config';
import { ApiError } from './errors';
import { localFanout, type Fanout } from './rooms/fanout';
import { roomRoutes } from './rooms/routes';
import { RoomService } from './rooms/service';
import { createConsole } from './console/setup';
import type { ScenarioCatalog } from './scenarios';
import { isStorageFailure, StorageHealth } from './storage-health';
import type { VerifyPool } from './verify-pool';

export interface BuildAppOptions {
  /** Folder produced by `vite build` (holds index.html, results.html, assets/). */
  distDir: string;
  /** Fastify logger setting: false (silent), true, or pino options. */
  logger?: FastifyServerOptions['logger'];
  /** Reported by /api/health; defaults to package.json's version. */
  version?: string;
  /** Storage and scenarios for the results API; without them only /api/health is served. */
  store?: Store;
  catalog?: ScenarioCatalog;
  /** Folder served at /scenarios/ (default: the repository's scenarios/). */
  scenariosDir?: string;
  /** Requests per minute per address on each /api route (0: no limit). Default 600. */
  rateLimit?: number;
  /** Requests per minute per address on each writing /api route (0: no limit). Default 120. */
  writeRateLimit?: number;
  /** Largest submission body in bytes. Default 2 MiB. */
  submissionBodyLimit?: number;
  /** Retention of a class's results when the instructor does not set it. Default 365 days. */
  defaultRetentionDays?: number;
  /** How often the retention sweeper runs (it also runs at start). Default one hour; 0: never. */
  sweepIntervalMs?: number;
  /** Fastify's trustProxy: true behind a load balancer that sets X-Forwarded-For. */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** Clock (tests move it). */
  now?: () => number;
  /** Worker threads replaying submissions (the caller closes it). */
  pool?: VerifyPool;
  /** How rooms reach the other app servers (PostgreSQL LISTEN/NOTIFY); default: none. */
  fanout?: Fanout;
  /** Time and connection limits (defaults: DEFAULT_LIMITS). */
  limits?: Partial<ServerLimits>;
  /** Shortest turn deadline a teacher may set, seconds (default 30; tests lower it). */
  minTurnSeconds?: number;
}

export const DEFAULT_SUBMISSION_BODY_LIMIT = 2 * 1024 * 1024;
/** Bodies of every other route (class creation with a scenario has its own larger limit). */
export const DEFAULT_BODY_LIMIT = 64 * 1024;
export const MAX_LIST_LIMIT = 10_000;

/** Content-Security-Policy for the built app: only our own scripts, no eval, no inline script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  // Phaser's loader fetches the blob:/data: URLs it makes for textures and audio.
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

export function packageVersion(): string {
  const pkgPath = path.resolve(import.meta.dirname, '..', '..', 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

/** Fastify's own errors and everything thrown in a route, as `{error, message}` with a status. */
function toApiError(err: FastifyError): ApiError {
  if (err instanceof ApiError) return err;
  if (err.validation) {
    const where = err.validationContext ?? 'request';
    return new ApiError(400, 'invalid-request', `the ${where} is not valid: ${err.message}`);
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'body-too-large', 'the request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(
        415,
        'unsupported-media-type',
        'send JSON with Content-Type: application/json',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'empty-body', 'the request body is empty');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError(400, 'malformed-json', 'the request body is not valid JSON');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError(400, 'bad-content-length', 'the body size does not match Content-Length');
  }
  const status = err.statusCode ?? 500;
  if (status === 429) return new ApiError(429, 'rate-limited', err.message);
  if (status >= 400 && status < 500) {
    // e.g. secure-json-parse refusing __proto__ keys
    return new ApiError(status, 'bad-request', err.message);
  }
  return new ApiError(500, 'internal', 'the server failed to handle this request');
}

export function buildApp(options: BuildAppOptions): FastifyInstance {
  const { distDir, logger = false, version } = options;
  const root = path.resolve(distDir);
  const appVersion = version ?? packageVersion();
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const app = Fastify({
    logger,
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    // Slow clients cannot hold connections: headers, whole requests and idle keep-alives are
    // timed (Node checks the header and request timers every connectionsCheckingInterval).
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    // Unknown fields are refused (400), not silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
  });

  app.server.maxConnections = limits.maxConnections;
  const storage = new StorageHealth();

  app.addHook('preValidation', async (request) => checkBody(request.body));

  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    return payload;
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (isStorageFailure(err)) {
      storage.failed(err);
      request.log.error(err);
      return reply
        .code(503)
        .send(
          new ApiError(
            503,
            'storage-unavailable',
            'the server cannot store anything right now (its disk is full or failing); nothing was saved, try again later',
          ).toJSON(),
        );
    }
    const e = toApiError(err);
    if (e.status >= 500) request.log.error(err);
    return reply.code(e.status).send(e.toJSON());
  });

  const rateLimit = options.rateLimit ?? 600;
  const writeRateLimit = options.writeRateLimit ?? 120;
  if (rateLimit > 0) {
    app.register(fastifyRateLimit, {
      global: true,
      max: rateLimit,
      timeWindow: 60_000,
      // Only the API is limited; pages, assets and scenario files are not. Decided by the route
      // the router matched, never by the raw URL (`/%61pi/...` and absolute-form targets reach
      // the same routes).
      allowList: (request) => !(request.routeOptions.url ?? '').startsWith('/api/'),
      errorResponseBuilder: (_request, context) =>
        new ApiError(
          429,
          'rate-limited',
          `too many requests from your address; try again in ${context.after}`,
        ),
    });
  }

  app.get('/api/health', async (_request, reply) => {
    const status = storage.status();
    if (status.ok) return { ok: true, version: appVersion };
    return reply.code(503).send({ ok: false, version: appVersion, storage: status });
  });
  // A write that went through shows storage works again.
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 300)
      storage.recovered();
  });

  const { store, catalog } = options;
  if (store && catalog) {
    const now = options.now ?? Date.now;
    app.register(apiRoutes, {
      store,
      catalog,
      submissionBodyLimit: options.submissionBodyLimit ?? DEFAULT_SUBMISSION_BODY_LIMIT,
      defaultRetentionDays: options.defaultRetentionDays ?? 365,
      maxListLimit: MAX_LIST_LIMIT,
      writeRateLimit: rateLimit > 0 && writeRateLimit > 0 ? writeRateLimit : null,
      now,
      replayTimeLimitMs: limits.replayTimeLimitMs,
      ...(options.pool ? { pool: options.pool } : {}),
    });

    // Class rooms (issue 11): joining, the teacher's settings, and the socket every device plays through.
    // The teacher's console (issue 12) hooks into the rooms: deadlines, pause, injects, messages.
    const fanout = options.fanout ?? localFanout();
    const teacher = createConsole({
      store,
      fanout,
      now,
      log: (e, what) => app.log.error(e, what),
      ...(options.minTurnSeconds !== undefined ? { minTurnSeconds: options.minTurnSeconds } : {}),
    });
    const rooms = new RoomService({
      store,
      catalog,
      fanout,
      now,
      log: (e, what) => app.log.error(e, what),
      ...(options.pool ? { pool: options.pool } : {}),
    });
    teacher.start(app, rooms);
    // Before the database closes: this server's devices are gone (presence rows, notices).
    app.addHook('preClose', async () => rooms.close());
    app.decorate('rooms', rooms);
    app.register(roomRoutes, {
      service: rooms,
      store,
      writeRateLimit: rateLimit > 0 && writeRateLimit > 0 ? writeRateLimit : null,
      extensions: teacher.extensions,
      exportMessages: teacher.exportMessages,
      resultMessages: teacher.resultMessages,
    });

    // Retention: delete expired class data at start and then every sweepIntervalMs.
    const sweepIntervalMs = options.sweepIntervalMs ?? 60 * 60 * 1000;
    let timer: NodeJS.Timeout | undefined;
    const sweep = async () => {
      try {
        const r = await store.sweep(now());
        if (r.results > 0 || r.classes > 0)
          app.log.info(`retention: deleted ${r.results} results and ${r.classes} classes`);
      } catch (e) {
        app.log.error(e, 'retention sweep failed');
      }
    };
    app.addHook('onReady', async () => {
      await sweep();
      if (sweepIntervalMs > 0) {
        timer = setInterval(() => void sweep(), sweepIntervalMs);
        timer.unref();
      }
    });
    app.addHook('onClose', async () => {
      if (timer) clearInterval(timer);
    });
  }

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.code(404).send({
        error: 'not-found',
        message: `no API route ${request.method} ${request.url.split('?')[0]}`,
      });
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  });

  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.warn(`no built app in ${root}: run \`npm run build\``);
  }

  app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    // The build writes .br and .gz beside each text file (vite.config.ts): sent as they are.
    preCompressed: true,
    setHeaders(reply, filePath) {
      // Vite's hashed output never changes under the same name; HTML must always be revalidated.
      const rel = path.relative(root, filePath).split(path.sep).join('/');
      if (rel.startsWith('assets/')) {
        reply.header('cache-control', 'public, max-age=31536000, immutable');
      } else {
        reply.header('cache-control', 'no-cache');
      }
    },
  });

  // The built-in scenario files and their JSON Schema (the game and editors fetch them).
  app.register(fastifyStatic, {
    root: path.resolve(options.scenariosDir ?? SCENARIOS_DIR),
    prefix: '/scenarios/',
    decorateReply: false,
    index: false,
    allowedPath: (pathName) => /^\/[A-Za-z0-9._-]+\.(ya?ml|json)$/.test(pathName),
    setHeaders(reply, filePath) {
      reply.header('cache-control', 'no-cache');
      if (/\.ya?ml$/i.test(filePath)) reply.header('content-type', 'text/yaml; charset=utf-8');
    },
  });

  app.get('/results', (_request, reply) => reply.sendFile('results.html'));

  return app;
}
