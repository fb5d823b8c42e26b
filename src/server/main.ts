// Entry point of `npm start` (spawned by scripts/start.mjs after the build): reads the
// environment, listens, and shuts down cleanly on SIGINT/SIGTERM.
import path from 'node:path';

import { buildApp } from './app';

const port = Number.parseInt(process.env.PORT ?? '8080', 10);
const host = process.env.HOST ?? '0.0.0.0';
const distDir = process.env.DIST_DIR ?? path.resolve(import.meta.dirname, '..', '..', 'dist');
const logLevel = process.env.LOG_LEVEL ?? 'warn';

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be an integer between 0 and 65535, got ${process.env.PORT}`);
  process.exit(2);
}

const app = buildApp({ distDir, logger: { level: logLevel } });

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}

try {
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`Three Capitals is running at http://localhost:${actualPort}`);
} catch (err) {
  console.error(err);
  process.exit(1);
}
