/**
 * Loading a scenario in the browser: from the file picker or a drop (`readScenarioFile`), or
 * from a link `?scenario=<url>` (`fetchScenario`). Pure helpers over the standard File and fetch
 * APIs (no DOM access, no Node built-ins), returning the same Result as `loadScenario`: the
 * validated scenario with its hash and warnings, or every problem at `file:line:col`, ready for
 * `formatReport`. They never throw for bad input.
 *
 * Safety: a file is refused by its size before it is read; a link must stay on this site (same
 * origin, or a relative path such as `/scenarios/nuclear-deal.yaml`): a class link cannot make a
 * student's browser fetch from somewhere else. Scenario text is data: the UI shows it with
 * textContent, never as HTML.
 */
import type { Result } from '../ledger/result';
import type { Ledger } from '../ledger/schema';
import { loadScenario, type LoadedScenario } from './load-scenario';
import { MAX_SCENARIO_BYTES, type ScenarioIssue } from './load';
import { megabytes } from './words';

export type ScenarioLoad = Result<LoadedScenario, ScenarioIssue[]>;

export interface BrowserLoadOptions {
  /** Largest file accepted, in bytes (default MAX_SCENARIO_BYTES, 2 MB). */
  maxBytes?: number;
}

export interface FetchScenarioOptions extends BrowserLoadOptions {
  /** The fetch to use (default: globalThis.fetch); tests pass their own. */
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  /** Cancels the request (e.g. when the student leaves the page). */
  signal?: AbortSignal;
}

/** A Result that fails with one problem about the file as a whole. */
function fileProblem(file: string, message: string): ScenarioLoad {
  return { ok: false, errors: [{ file, line: 1, col: 1, path: '', message, severity: 'error' }] };
}

const tooBig = (bytes: number, max: number) =>
  `the file is ${megabytes(bytes)}; a scenario file may be at most ${megabytes(max)}`;

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * A scenario chosen with the file picker or dropped on the page. `ledger` is the figures ledger
 * the game runs with (figure ids are checked against it).
 */
export async function readScenarioFile(
  file: File,
  ledger: Ledger,
  options: BrowserLoadOptions = {},
): Promise<ScenarioLoad> {
  const name = file.name === '' ? 'scenario.yaml' : file.name;
  const max = options.maxBytes ?? MAX_SCENARIO_BYTES;
  if (file.size > max) return fileProblem(name, tooBig(file.size, max));
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return fileProblem(name, `cannot read the file (${reason(e)})`);
  }
  return loadScenario(stripBom(text), name, ledger);
}

/** The last segment of a URL's path, decoded: how messages name a fetched file. */
function nameOf(url: URL): string {
  const last = url.pathname
    .split('/')
    .filter((s) => s !== '')
    .at(-1);
  if (last === undefined) return 'scenario.yaml';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * Where `url` points when resolved against `base` (the page's address), if it may be fetched:
 * http(s) on the same origin as `base`. Otherwise a message saying why not.
 */
export function scenarioUrl(
  url: string,
  base: string,
): { ok: true; url: URL } | { ok: false; message: string } {
  let baseUrl: URL;
  try {
    baseUrl = new URL(base);
  } catch {
    return { ok: false, message: `the page address ${JSON.stringify(base)} is not a URL` };
  }
  const trimmed = url.trim();
  if (trimmed === '') return { ok: false, message: 'the scenario link is empty' };
  let target: URL;
  try {
    target = new URL(trimmed, baseUrl);
  } catch {
    return { ok: false, message: `${JSON.stringify(trimmed)} is not a valid link to a scenario` };
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return {
      ok: false,
      message: `only scenarios served by this site can be opened by link, not a ${target.protocol.replace(/:$/, '')}: address`,
    };
  }
  if (target.origin !== baseUrl.origin) {
    return {
      ok: false,
      message: `only scenarios served by this site (${baseUrl.origin}) can be opened by link; ${JSON.stringify(trimmed)} is on ${target.origin}. Download the file and open it with "Open a scenario file" instead, or put it on this site`,
    };
  }
  return { ok: true, url: target };
}

/**
 * A scenario from a link, e.g. `?scenario=/scenarios/nuclear-deal.yaml`: `url` is relative to
 * `base` (pass `location.href`) and must stay on the same origin. The response is read up to the
 * size limit, then validated like a file.
 */
export async function fetchScenario(
  url: string,
  base: string,
  ledger: Ledger,
  options: FetchScenarioOptions = {},
): Promise<ScenarioLoad> {
  const checked = scenarioUrl(url, base);
  if (!checked.ok) return fileProblem(url.trim() === '' ? 'scenario' : url.trim(), checked.message);
  const target = checked.url;
  const name = nameOf(target);
  const max = options.maxBytes ?? MAX_SCENARIO_BYTES;
  const doFetch =
    options.fetch ?? ((input: string, init?: RequestInit) => globalThis.fetch(input, init));

  let response: Response;
  try {
    response = await doFetch(target.href, {
      credentials: 'same-origin',
      redirect: 'follow',
      headers: {
        Accept: 'application/yaml, text/yaml, application/json, text/plain;q=0.9, */*;q=0.1',
      },
      ...(options.signal !== undefined && { signal: options.signal }),
    });
  } catch (e) {
    return fileProblem(name, `could not load ${target.pathname} (${reason(e)})`);
  }
  // A same-origin address may still redirect elsewhere: refuse what came from another site.
  if (response.url !== '' && response.url !== undefined) {
    let finalOrigin: string | undefined;
    try {
      finalOrigin = new URL(response.url).origin;
    } catch {
      finalOrigin = undefined;
    }
    if (finalOrigin !== target.origin) {
      await response.body?.cancel().catch(() => undefined);
      return fileProblem(
        name,
        `${target.pathname} redirected to another site (${finalOrigin ?? response.url}); only scenarios served by this site can be opened by link`,
      );
    }
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return fileProblem(
      name,
      response.status === 404
        ? `there is no scenario at ${target.pathname} (the server answered ${status}): check the link`
        : `could not load ${target.pathname}: the server answered ${status}`,
    );
  }
  const type = response.headers.get('content-type') ?? '';
  if (/^\s*text\/html\b/i.test(type)) {
    await response.body?.cancel().catch(() => undefined);
    return fileProblem(
      name,
      `${target.pathname} is a web page, not a scenario file: check the link (a scenario ends in .yaml or .json)`,
    );
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel().catch(() => undefined);
    return fileProblem(name, tooBig(declared, max));
  }
  const body = await readCapped(response, max);
  if (!body.ok) return fileProblem(name, body.message);
  return loadScenario(body.text, name, ledger);
}

/** The body as UTF-8 text, reading no more than `max` bytes. */
async function readCapped(
  response: Response,
  max: number,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  try {
    if (response.body === null) return { ok: true, text: '' };
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => undefined);
        return {
          ok: false,
          message: `the file is over ${megabytes(max)}; a scenario file may be at most ${megabytes(max)}`,
        };
      }
      chunks.push(value);
    }
    const all = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.byteLength;
    }
    return { ok: true, text: stripBom(new TextDecoder('utf-8').decode(all)) };
  } catch (e) {
    return { ok: false, message: `could not read the answer (${reason(e)})` };
  }
}

/** A byte-order mark at the start (some Windows editors write one) is not part of the text. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
