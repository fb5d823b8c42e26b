// HTTP server for the built app: serves dist/ (the game at /, the results page at /results) and
// the JSON API under /api. Built by buildApp() so tests can use app.inject() without a socket.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';

export interface BuildAppOptions {
  /** Folder produced by `vite build` (holds index.html, results.html, assets/). */
  distDir: string;
  /** Fastify logger setting: false (silent), true, or pino options. */
  logger?: FastifyServerOptions['logger'];
  /** Reported by /api/health; defaults to package.json's version. */
  version?: string;
}

/** Content-Security-Policy for the built app: only our own scripts, no eval, no inline script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
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

export function buildApp({ distDir, logger = false, version }: BuildAppOptions): FastifyInstance {
  const root = path.resolve(distDir);
  const appVersion = version ?? packageVersion();
  const app = Fastify({ logger });

  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    return payload;
  });

  app.get('/api/health', async () => ({ ok: true, version: appVersion }));

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.code(404).send({ ok: false, error: 'not found' });
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

  app.get('/results', (_request, reply) => reply.sendFile('results.html'));

  return app;
}
