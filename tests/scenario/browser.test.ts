/**
 * The browser loading helpers (src/scenario/browser.ts) with the standard File, Response and
 * fetch shapes Node 20 provides: same results as loadScenario, sizes refused before reading,
 * links only to the same site.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { loadLedgerFileSync } from '../../src/ledger/node';
import type { Ledger } from '../../src/ledger/schema';
import { formatIssue, formatReport, loadScenario } from '../../src/scenario';
import { fetchScenario, readScenarioFile, scenarioUrl } from '../../src/scenario/browser';

const NUCLEAR = readFileSync(
  path.join(import.meta.dirname, '..', '..', 'scenarios', 'nuclear-deal.yaml'),
  'utf8',
);
const PAGE = 'https://class.example.org/play/?scenario=x';

let ledger: Ledger;
beforeAll(() => {
  const r = loadLedgerFileSync();
  if (!r.ok) throw new Error('the figures ledger does not load');
  ledger = r.value;
});

const messages = (r: Awaited<ReturnType<typeof readScenarioFile>>) =>
  r.ok ? r.value.warnings.map(formatIssue) : r.errors.map(formatIssue);

/** A fetch that answers every request with `response` and records the URLs asked for. */
function fakeFetch(response: () => Response) {
  const asked: string[] = [];
  const fetch = (input: string) => {
    asked.push(input);
    return Promise.resolve(response());
  };
  return { fetch, asked };
}

const yamlResponse = (text: string, headers: Record<string, string> = {}) =>
  new Response(text, { status: 200, headers: { 'content-type': 'application/yaml', ...headers } });

describe('readScenarioFile (file picker, drag and drop)', () => {
  it('gives the same result as loadScenario, named by the file', async () => {
    const r = await readScenarioFile(new File([NUCLEAR], 'nuclear-deal.yaml'), ledger);
    const direct = loadScenario(NUCLEAR, 'nuclear-deal.yaml', ledger);
    expect(r).toEqual(direct);
    expect(r.ok).toBe(true);
  });

  it('reports problems at file:line:col, ready for formatReport', async () => {
    const broken = NUCLEAR.replace("version: '1.0'", 'version: 1.0');
    const r = await readScenarioFile(new File([broken], 'mine.yaml'), ledger);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line = broken.split('\n').findIndex((l) => l.startsWith('version:')) + 1;
    expect(formatReport('mine.yaml', r.errors)).toBe(
      `mine.yaml:${line}:10 version: expected text, got 1.0 — write it in quotes: "1.0"\n✗ mine.yaml: 1 error`,
    );
  });

  it('refuses a file over the limit without reading it', async () => {
    let read = false;
    const huge = {
      name: 'huge.yaml',
      size: 50 * 1024 * 1024,
      text: () => {
        read = true;
        return Promise.resolve('');
      },
    } as unknown as File;
    expect(messages(await readScenarioFile(huge, ledger))).toEqual([
      'huge.yaml:1:1: the file is 50.0 MB; a scenario file may be at most 2.0 MB',
    ]);
    expect(read).toBe(false);
  });

  it('a file that cannot be read is a message', async () => {
    const bad = {
      name: 'bad.yaml',
      size: 10,
      text: () => Promise.reject(new Error('NotReadableError')),
    } as unknown as File;
    expect(messages(await readScenarioFile(bad, ledger))).toEqual([
      'bad.yaml:1:1: cannot read the file (NotReadableError)',
    ]);
  });

  it('ignores a byte-order mark', async () => {
    const r = await readScenarioFile(new File([`\uFEFF${NUCLEAR}`], 'bom.yaml'), ledger);
    expect(r.ok).toBe(true);
  });
});

describe('scenarioUrl: only links on the same site', () => {
  it.each([
    ['/scenarios/nuclear-deal.yaml', 'https://class.example.org/scenarios/nuclear-deal.yaml'],
    ['scenarios/nuclear-deal.yaml', 'https://class.example.org/play/scenarios/nuclear-deal.yaml'],
    ['../scenarios/a.yaml', 'https://class.example.org/scenarios/a.yaml'],
    [
      'https://class.example.org/scenarios/a.yaml?v=2',
      'https://class.example.org/scenarios/a.yaml?v=2',
    ],
  ])('accepts %s', (url, resolved) => {
    const r = scenarioUrl(url, PAGE);
    expect(r.ok && r.url.href).toBe(resolved);
  });

  it.each([
    [
      'https://evil.example/s.yaml',
      'only scenarios served by this site (https://class.example.org) can be opened by link; "https://evil.example/s.yaml" is on https://evil.example. Download the file and open it with "Open a scenario file" instead, or put it on this site',
    ],
    [
      '//evil.example/s.yaml',
      'only scenarios served by this site (https://class.example.org) can be opened by link; "//evil.example/s.yaml" is on https://evil.example. Download the file and open it with "Open a scenario file" instead, or put it on this site',
    ],
    [
      'http://class.example.org/s.yaml',
      'only scenarios served by this site (https://class.example.org) can be opened by link; "http://class.example.org/s.yaml" is on http://class.example.org. Download the file and open it with "Open a scenario file" instead, or put it on this site',
    ],
    [
      'javascript:alert(1)',
      'only scenarios served by this site can be opened by link, not a javascript: address',
    ],
    [
      'data:text/yaml,formatVersion: 1',
      'only scenarios served by this site can be opened by link, not a data: address',
    ],
    ['', 'the scenario link is empty'],
  ])('refuses %j', (url, message) => {
    expect(scenarioUrl(url, PAGE)).toEqual({ ok: false, message });
  });
});

describe('fetchScenario (?scenario=<url>)', () => {
  it('loads a same-site scenario to the same result as loadScenario', async () => {
    const { fetch, asked } = fakeFetch(() => yamlResponse(NUCLEAR));
    const r = await fetchScenario('/scenarios/nuclear-deal.yaml', PAGE, ledger, { fetch });
    expect(asked).toEqual(['https://class.example.org/scenarios/nuclear-deal.yaml']);
    expect(r).toEqual(loadScenario(NUCLEAR, 'nuclear-deal.yaml', ledger));
  });

  it('never asks another site', async () => {
    const { fetch, asked } = fakeFetch(() => yamlResponse(NUCLEAR));
    const r = await fetchScenario('https://evil.example/s.yaml', PAGE, ledger, { fetch });
    expect(asked).toEqual([]);
    expect(messages(r)).toEqual([
      'https://evil.example/s.yaml:1:1: only scenarios served by this site (https://class.example.org) can be opened by link; "https://evil.example/s.yaml" is on https://evil.example. Download the file and open it with "Open a scenario file" instead, or put it on this site',
    ]);
  });

  it('refuses an answer that was redirected to another site', async () => {
    const { fetch } = fakeFetch(() => {
      const res = yamlResponse(NUCLEAR);
      Object.defineProperty(res, 'url', { value: 'https://evil.example/s.yaml' });
      return res;
    });
    expect(messages(await fetchScenario('/scenarios/s.yaml', PAGE, ledger, { fetch }))).toEqual([
      's.yaml:1:1: /scenarios/s.yaml redirected to another site (https://evil.example); only scenarios served by this site can be opened by link',
    ]);
  });

  it('says plainly when there is no such file, or the link leads to a web page', async () => {
    const missing = fakeFetch(
      () => new Response('not found', { status: 404, statusText: 'Not Found' }),
    );
    expect(
      messages(await fetchScenario('/scenarios/nope.yaml', PAGE, ledger, { fetch: missing.fetch })),
    ).toEqual([
      'nope.yaml:1:1: there is no scenario at /scenarios/nope.yaml (the server answered 404 Not Found): check the link',
    ]);
    const page = fakeFetch(
      () =>
        new Response('<!doctype html><title>Three Capitals</title>', {
          headers: { 'content-type': 'text/html; charset=utf-8' },
        }),
    );
    expect(
      messages(await fetchScenario('/scenarios/typo.yaml', PAGE, ledger, { fetch: page.fetch })),
    ).toEqual([
      'typo.yaml:1:1: /scenarios/typo.yaml is a web page, not a scenario file: check the link (a scenario ends in .yaml or .json)',
    ]);
    const down = { fetch: () => Promise.reject(new TypeError('Failed to fetch')) };
    expect(messages(await fetchScenario('/scenarios/a.yaml', PAGE, ledger, down))).toEqual([
      'a.yaml:1:1: could not load /scenarios/a.yaml (Failed to fetch)',
    ]);
  });

  it('stops reading at the size limit, whether the size is declared or not', async () => {
    const declared = fakeFetch(() =>
      yamlResponse('x', { 'content-length': String(3 * 1024 * 1024) }),
    );
    expect(
      messages(await fetchScenario('/scenarios/big.yaml', PAGE, ledger, { fetch: declared.fetch })),
    ).toEqual(['big.yaml:1:1: the file is 3.0 MB; a scenario file may be at most 2.0 MB']);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
      },
    });
    const streamed = fakeFetch(
      () => new Response(endless, { headers: { 'content-type': 'text/plain' } }),
    );
    expect(
      messages(
        await fetchScenario('/scenarios/endless.yaml', PAGE, ledger, { fetch: streamed.fetch }),
      ),
    ).toEqual(['endless.yaml:1:1: the file is over 2.0 MB; a scenario file may be at most 2.0 MB']);
    expect(pulled).toBeLessThan(40);
  });

  it('validates what it fetched like a file, with the same messages', async () => {
    const { fetch } = fakeFetch(() => yamlResponse('formatVersion: 1\ntittle: x\n'));
    const r = await fetchScenario('/scenarios/mine%20v2.yaml', PAGE, ledger, { fetch });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map(formatIssue)).toContain(
      'mine v2.yaml:2:1 tittle: unknown key "tittle" — did you mean "title"?',
    );
  });
});
