// A server that stays up (issue 9, items 4, 5, 7, 8, 10): hostile requests on loopback, each
// answered with a clear 4xx/503 and no change, while /api/health keeps answering.
import { writeFileSync, openSync, closeSync, writeSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { openDatabase, SQLITE_FILE_NAME } from '../../src/db/open';
import type { Seats } from '../../src/engine';
import { ConfigError, readConfig } from '../../src/server/config';
import { playGame, recordOf } from '../../src/sim/play';
import { builtInRules } from '../helpers/rules';
import {
  BACKENDS,
  call,
  genuineRecord,
  post,
  resultCount,
  startTestServer,
  useTestServer,
} from './helpers';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Sends raw bytes on a fresh connection; resolves with the status line's code (0: closed). */
function raw(port: number, bytes: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    let data = '';
    socket.on('data', (d) => {
      data += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(data);
      if (m && data.includes('\r\n\r\n')) {
        socket.destroy();
        resolve(Number(m[1]));
      }
    });
    socket.on('error', () => resolve(0));
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
  });
}

describe.each(BACKENDS)('hostile bodies on %s', (backend) => {
  const srv = useTestServer(backend, { sweepIntervalMs: 0 });
  const record = genuineRecord('hostile-body');

  it.each(['toString', 'constructor', 'hasOwnProperty', 'valueOf'])(
    'an action type named like an object member (%s): 400, not 500',
    async (type) => {
      const r = clone(record) as unknown as { actions: Record<string, unknown>[] };
      r.actions.splice(3, 0, { type, seat: 'moscow' });
      await srv.refused(r, 400, 'invalid-record');
    },
  );

  it('an action type "__proto__" in raw JSON: 400', async () => {
    const text = JSON.stringify(record).replace(
      '"actions":[',
      '"actions":[{"type":"__proto__","seat":"moscow"},',
    );
    const res = await post(`${srv.url}/api/results`, text);
    expect(res.status).toBe(400);
  });

  it('10,000 levels of nesting in an action: 400 too-deeply-nested', async () => {
    const deep = `${'{"x":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const text = JSON.stringify(record).replace('"actions":[{', `"actions":[{"extra":${deep},`);
    const res = await post(`${srv.url}/api/results`, text);
    expect(res.status, res.text).toBe(400);
    expect(res.json['error']).toBe('too-deeply-nested');
    const health = await call('GET', `${srv.url}/api/health`);
    expect(health.status).toBe(200);
  });

  it('a NUL character in a seed, a pseudonym or a class seed: 400 on every database', async () => {
    await srv.refused({ ...clone(record), seed: 'a\u0000b' }, 400, 'nul-character');
    await srv.refused({ record, pseudonym: 'Heron\u0000' }, 400, 'nul-character');
    await srv.refused(
      { scenario: 'historical-2024', seed: 'x\u0000' },
      400,
      'nul-character',
      '/api/classes',
    );
  });

  it('a seed or class seed with direction overrides: 400', async () => {
    await srv.refused({ ...clone(record), seed: 'seed\u202Eevil' }, 400, 'invalid-record');
    const cls = await post(`${srv.url}/api/classes`, {
      scenario: 'historical-2024',
      seed: 'x\u202Ey',
    });
    expect(cls.status).toBe(400);
    expect(cls.json['error']).toBe('invalid-seed');
  });
});

describe('rate limits apply to routes, not to URL spellings', () => {
  const srv = useTestServer('sqlite', { rateLimit: 1000, writeRateLimit: 2 });

  it('/%61pi/results and absolute-form targets count against the same write limit', async () => {
    const body = '{}';
    const req = (target: string) =>
      `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;
    const targets = [
      '/api/results',
      '/%61pi/results',
      `http://127.0.0.1:${srv.port}/api/results`,
      '/%61pi/results',
      `http://127.0.0.1:${srv.port}/%61pi/results`,
      '/api/results',
    ];
    const statuses: number[] = [];
    for (const t of targets) statuses.push(await raw(srv.port, req(t)));
    // The first two reach the route (400: an empty record); every later spelling is limited.
    expect(statuses.slice(0, 2)).toEqual([400, 400]);
    expect(statuses.slice(2)).toEqual([429, 429, 429, 429]);
  });
});

describe('slow and idle connections', () => {
  const srv = useTestServer('sqlite', {
    limits: {
      headersTimeoutMs: 600,
      requestTimeoutMs: 1500,
      keepAliveTimeoutMs: 300,
      maxConnections: 60,
    },
  });

  it('50 slow-drip connections are cut off by the header timeout while health answers', async () => {
    const closed: Promise<void>[] = [];
    const timers: NodeJS.Timeout[] = [];
    for (let i = 0; i < 50; i++) {
      const socket = net.connect(srv.port, '127.0.0.1');
      socket.on('error', () => {});
      const text = `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: ${'a'.repeat(500)}`;
      let at = 0;
      const t = setInterval(() => {
        if (!socket.destroyed && at < text.length) socket.write(text[at++]!);
      }, 100);
      timers.push(t);
      closed.push(new Promise((resolve) => socket.on('close', () => resolve())));
    }
    try {
      // While they drip, a normal client is served.
      const health = await call('GET', `${srv.url}/api/health`);
      expect(health.status).toBe(200);
      // Each drip would take 50 s to send its headers; the server closes all of them long before.
      await Promise.all(closed);
    } finally {
      for (const t of timers) clearInterval(t);
    }
  }, 15_000);

  it('a body sent slower than the request timeout allows is cut off', async () => {
    const socket = net.connect(srv.port, '127.0.0.1');
    socket.on('error', () => {});
    socket.write(
      'POST /api/results HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    );
    const t = setInterval(() => !socket.destroyed && socket.write(' '), 100);
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    await new Promise((resolve) => socket.on('close', resolve));
    clearInterval(t);
    expect(answer === '' || /^HTTP\/1\.1 408/.test(answer)).toBe(true);
  }, 15_000);

  it('connections past the cap are refused at once, and the server serves again after', async () => {
    const sockets: net.Socket[] = [];
    let refusedCount = 0;
    const opened = Array.from(
      { length: 80 },
      () =>
        new Promise<void>((resolve) => {
          const s = net.connect(srv.port, '127.0.0.1', () => resolve());
          s.on('error', () => resolve());
          s.on('close', () => {
            refusedCount++;
            resolve();
          });
          sockets.push(s);
        }),
    );
    await Promise.all(opened);
    await new Promise((r) => setTimeout(r, 200));
    expect(refusedCount).toBeGreaterThanOrEqual(20);
    for (const s of sockets) s.destroy();
    await new Promise((r) => setTimeout(r, 100));
    const health = await call('GET', `${srv.url}/api/health`);
    expect(health.status, health.text).toBe(200);
  });
});

describe('storage failures', () => {
  it('disk full answers 503 with words, health reports it, and both recover', async () => {
    const srv = await startTestServer('sqlite', { sweepIntervalMs: 0 });
    try {
      const sqlite = srv.db.sqlite!;
      const pages = (sqlite.pragma('page_count', { simple: true }) as number) + 1;
      sqlite.pragma(`max_page_count = ${pages}`);
      const rec = genuineRecord('disk-full');
      // Pad the pseudonym-free record's storage past one page: the insert cannot fit.
      const full = await post(`${srv.url}/api/results`, rec);
      expect(full.status, full.text).toBe(503);
      expect(full.json['error']).toBe('storage-unavailable');
      const sick = await call('GET', `${srv.url}/api/health`);
      expect(sick.status).toBe(503);
      expect(sick.json['ok']).toBe(false);
      expect(JSON.stringify(sick.json['storage'])).toMatch(/SQLITE_/);

      sqlite.pragma('max_page_count = 1073741823');
      const ok = await post(`${srv.url}/api/results`, rec);
      expect(ok.status, ok.text).toBe(201);
      expect((await call('GET', `${srv.url}/api/health`)).status).toBe(200);
    } finally {
      await srv.close();
    }
  });

  it('a corrupted SQLite file refuses to start with a clear message', async () => {
    const srv = await startTestServer('sqlite', { sweepIntervalMs: 0 });
    const dataDir = srv.dataDir;
    for (let i = 0; i < 3; i++) await post(`${srv.url}/api/results`, genuineRecord(`corrupt-${i}`));
    await srv.app.close();
    const file = path.join(dataDir, SQLITE_FILE_NAME);
    // Scribble over the page headers of every page after the first (the file header stays valid).
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(3 * 4096);
    const fd = openSync(file, 'r+');
    for (let at = 4096; at < size; at += 4096) writeSync(fd, Buffer.alloc(32, 0x5a), 0, 32, at);
    closeSync(fd);
    await expect(openDatabase({ dataDir })).rejects.toThrow(
      /is damaged .*restore it from a backup/,
    );
    writeFileSync(file, 'this is not a database at all, not even close to one.'.repeat(100));
    await expect(openDatabase({ dataDir })).rejects.toThrow(/is damaged/);
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    ['true', /would let any client choose its own address/],
    ['yes', /hops/],
    ['10.0.0.0/33', /CIDR/],
    ['10.0.0.1,example.com', /addresses/],
  ])('refuses %s at start', (value, message) => {
    expect(() => readConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
    expect(() => readConfig({ TRUST_PROXY: value })).toThrow(message);
  });

  it.each([
    ['', false],
    ['false', false],
    ['1', 1],
    ['10.0.0.5', '10.0.0.5'],
    ['10.0.0.5, 10.1.0.0/16,::1', '10.0.0.5,10.1.0.0/16,::1'],
  ])('accepts %j', (value, expected) => {
    expect(readConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });
});

describe('replay time budget in worker threads', () => {
  const srv = useTestServer(
    'sqlite',
    { verifyThreads: 1, limits: { replayTimeLimitMs: 150 } },
    60_000,
  );

  it('a record that takes longer than the budget answers 503; the next one is served', async () => {
    // Three planning computer players: seconds of work to verify, far past 150 ms.
    const seats: Seats = {
      pyongyang: 'search:normal',
      moscow: 'search:normal',
      kyiv: 'search:normal',
    };
    const slow = recordOf(playGame(builtInRules(), { seed: 'slow', seats }), seats);
    const res = await post(`${srv.url}/api/results`, slow);
    expect(res.status, res.text).toBe(503);
    expect(res.json['error']).toBe('verification-timeout');
    expect(await resultCount(srv.store)).toBe(0);
    // The thread was replaced: a record that fails fast is answered by it.
    const old = await post(`${srv.url}/api/results`, { ...clone(slow), engineVersion: '0.0.1' });
    expect(old.status).toBe(422);
    expect((await call('GET', `${srv.url}/api/health`)).status).toBe(200);
  }, 60_000);
});

describe('huge scenario uploads (item 6)', () => {
  // A long budget: these tests are about the main thread staying free, not about the budget.
  const srv = useTestServer(
    'sqlite',
    { verifyThreads: 1, limits: { replayTimeLimitMs: 60_000 } },
    60_000,
  );

  const manyKeys = (n: number, duplicate: boolean) =>
    `formatVersion: 1\nid: many-keys\ntitle: Many keys\nmetrics:\n${Array.from({ length: n }, (_, i) => `  k${duplicate ? '' : i}: ${i}`).join('\n')}\n`;

  it.each([
    [15_000, false],
    [100_000, false],
    [15_000, true],
  ])(
    '%i keys (duplicates: %s) are refused with words while /api/health keeps answering',
    async (n, duplicate) => {
      let done = false;
      const upload = post(`${srv.url}/api/classes`, {
        scenario: 'many-keys',
        scenarioText: manyKeys(n, duplicate),
      }).finally(() => (done = true));
      // The upload is checked in a worker thread: health answers while it is being processed.
      let answeredDuring = 0;
      while (!done) {
        const health = await call('GET', `${srv.url}/api/health`);
        expect(health.status).toBe(200);
        if (!done) answeredDuring++;
      }
      const res = await upload;
      expect(res.status, res.text).toBe(422);
      expect((res.json['details'] as string[]).join('\n')).toMatch(
        /at most 2,000 are allowed|lines; a scenario needs far fewer/,
      );
      expect(answeredDuring).toBeGreaterThan(0);
    },
    60_000,
  );
});
