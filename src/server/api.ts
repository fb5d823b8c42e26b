/**
 * The JSON API under /api: verified results, classes and their moderation, scenarios.
 * Every input is schema-checked (Fastify's JSON Schema for queries and small bodies, the zod
 * record schema for game records) and every failure is `{error, message}` with a 4xx status.
 * A failed request changes nothing in the database.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

import type { FigureChoices, GameRecord } from '../engine';
import { canonicalJson } from '../scenario/hash';
import type { ClassRow, ResultRow, Store } from '../db/store';
import { MAX_SCENARIO_BYTES } from '../scenario';
import { checkRecord, FigureChoicesSchema } from '../sim/record-schema';
import { boardRoute, resultScope } from './board-bins';
import { BoardCache } from './board-cache';
import { classCsv } from './csv';
import { checkForkClaim, ForkClaimSchema, type CutParent, type ForkClaim } from './fork-claim';
import { ApiError, badRequest, notFound, unprocessable } from './errors';
import {
  CLASS_CODE_PATTERN,
  hashKey,
  keyMatches,
  newClassCode,
  newModerationKey,
  newResultId,
  normaliseClassCode,
} from './ids';
import { checkShownText } from '../text/shown-text';
import { checkPseudonym } from './pseudonym';
import type { Checked, KnownScenario, ScenarioCatalog } from './scenarios';
import {
  boardJson,
  classInfo,
  fullResult,
  resultUrl,
  summaryJson,
  summaryObject,
} from './serialize';
import { dedupKey } from './verify';
import type { VerifyPool } from './verify-pool';
import { runForkTask, runVerifyTask, type ForkTask, type VerifyTask } from './verify-task';

export interface ApiOptions {
  store: Store;
  catalog: ScenarioCatalog;
  /** Largest accepted submission (record plus optional scenario text), in bytes. */
  submissionBodyLimit: number;
  /** Retention of a new class's results when the instructor does not say. */
  defaultRetentionDays: number;
  /** Most results one list request may return. */
  maxListLimit: number;
  /** Per-address limits per minute for writes (POST/PATCH/DELETE); null: the global limit. */
  writeRateLimit: number | null;
  now: () => number;
  /** Replays in worker threads when given; inline otherwise. */
  pool?: VerifyPool;
  /** Most time one inline replay may take (the pool has its own budget). */
  replayTimeLimitMs?: number;
}

export const MODERATION_HEADER = 'x-moderation-key';
export const MAX_RETENTION_DAYS = 3650;

const ID = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,32}$' } as const;
const CODE = { type: 'string', minLength: 1, maxLength: 20 } as const;
const HASH = { type: 'string', pattern: '^[0-9a-f]{16}$' } as const;

/** The envelope form of a submission. Unknown fields are refused: outcomes are never sent. */
const Envelope = z
  .object({
    record: z.unknown(),
    pseudonym: z.unknown().optional(),
    classCode: z.string().max(40).nullable().optional(),
    scenario: z.string().max(MAX_SCENARIO_BYTES).optional(),
    forkedFrom: ForkClaimSchema.nullable().optional(),
  })
  .strict();

const issueText = (i: z.core.$ZodIssue) =>
  `${i.path.length > 0 ? i.path.join('.') : '(body)'}: ${i.message}`;

function parseClassCode(input: string): string {
  const code = normaliseClassCode(input);
  if (!CLASS_CODE_PATTERN.test(code))
    throw badRequest(
      'invalid-class-code',
      `"${input.slice(0, 40)}" is not a class code (six letters and digits)`,
    );
  return code;
}

function parseFigures(input: unknown): FigureChoices {
  if (input === 'low' || input === 'central' || input === 'high') return { default: input };
  const r = FigureChoicesSchema.safeParse(input);
  if (!r.success)
    throw badRequest(
      'invalid-figures',
      'figures must be "low", "central", "high" or {default, byFigure}',
      r.error.issues.map(issueText),
    );
  return r.data as FigureChoices;
}

export async function apiRoutes(app: FastifyInstance, opts: ApiOptions): Promise<void> {
  const { store, catalog, now } = opts;
  const writeLimit: { rateLimit?: { max: number; timeWindow: number } } =
    opts.writeRateLimit === null
      ? {}
      : { rateLimit: { max: opts.writeRateLimit, timeWindow: 60_000 } };

  // Bodies are JSON only (Fastify would also parse text/plain).
  app.addHook('onRequest', async (request) => {
    if (request.method !== 'POST' && request.method !== 'PATCH' && request.method !== 'PUT') return;
    const type = request.headers['content-type'];
    if (type !== undefined && !/^application\/json\s*(;|$)/i.test(type))
      throw new ApiError(
        415,
        'unsupported-media-type',
        'send JSON with Content-Type: application/json',
      );
  });

  async function classOr404(code: string): Promise<ClassRow> {
    const cls = await store.getClass(code);
    if (!cls) throw notFound('unknown-class', `there is no class ${code}`);
    return cls;
  }

  /** The class, if the request carries its moderation key: 401 without a key, 403 with a wrong one. */
  async function requireModerator(request: FastifyRequest, code: string): Promise<ClassRow> {
    const cls = await classOr404(code);
    const key = request.headers[MODERATION_HEADER];
    if (typeof key !== 'string' || key.length === 0)
      throw new ApiError(
        401,
        'moderation-key-required',
        `this needs the class's moderation key in the X-Moderation-Key header`,
      );
    if (key.length > 200 || !keyMatches(key, cls.key_hash))
      throw new ApiError(
        403,
        'moderation-key-invalid',
        `that is not the moderation key of class ${code}`,
      );
    return cls;
  }

  /** Whether the request proves moderation of `cls`: false without a key, 403 with a wrong one. */
  function isModerator(request: FastifyRequest, cls: ClassRow | undefined): boolean {
    const key = request.headers[MODERATION_HEADER];
    if (typeof key !== 'string' || key.length === 0 || !cls) return false;
    if (key.length > 200 || !keyMatches(key, cls.key_hash))
      throw new ApiError(
        403,
        'moderation-key-invalid',
        `that is not the moderation key of class ${cls.code}`,
      );
    return true;
  }

  async function scenarioTitle(hash: string): Promise<string | null> {
    const known = await catalog.find(hash, store);
    return known?.title ?? null;
  }

  /**
   * Validates scenario text a client sent: in a worker thread when there are some (a large or
   * hostile file must not stall the main thread), under the pool's time budget.
   */
  async function checkText(text: string, fileName: string): Promise<Checked> {
    return opts.pool
      ? await opts.pool.checkScenario({ text, fileName })
      : catalog.check(text, fileName);
  }

  /** The scenario a record or class names: known by hash, or brought as text. */
  async function scenarioFor(
    id: string,
    hash: string,
    text: string | undefined,
  ): Promise<KnownScenario> {
    let known = await catalog.find(hash, store);
    if (!known && text !== undefined) {
      const r = await checkText(text, `${id}.yaml`);
      if (!r.ok)
        throw unprocessable(
          'invalid-scenario',
          'the scenario sent with the record does not validate',
          r.errors.slice(0, 50),
        );
      if (r.value.hash !== hash)
        throw unprocessable(
          'scenario-hash-mismatch',
          `the scenario sent hashes to ${r.value.hash}, but the record was made with scenario hash ${hash}`,
        );
      known = r.value;
    }
    if (!known) {
      const builtIn = catalog.builtInById(id);
      throw unprocessable(
        'unknown-scenario',
        builtIn
          ? `the record was made with a version of scenario "${id}" (${hash}) that this server does not have (its built-in version is ${builtIn.hash}); send the scenario text with it as {record, scenario}`
          : `this server does not know scenario "${id}" (${hash}); send the scenario text with the record as {record, scenario}`,
      );
    }
    if (known.id !== id)
      throw unprocessable(
        'scenario-mismatch',
        `scenario ${hash} is "${known.id}", but the record names it "${id}"`,
      );
    return known;
  }

  // ------------------------------------------------------------------ scenarios

  app.get('/api/scenarios', async () => {
    const counts = await store.scenarioCounts();
    const byHash = new Map(counts.map((c) => [c.scenario_hash, c.count]));
    const out: {
      id: string;
      hash: string;
      title: string;
      builtIn: boolean;
      file: string | null;
      results: number;
    }[] = [];
    for (const s of catalog.builtIns()) {
      out.push({
        id: s.id,
        hash: s.hash,
        title: s.title,
        builtIn: true,
        file: `/scenarios/${s.id}.yaml`,
        results: byHash.get(s.hash) ?? 0,
      });
      byHash.delete(s.hash);
    }
    for (const c of counts) {
      if (!byHash.has(c.scenario_hash)) continue;
      out.push({
        id: c.scenario_id,
        hash: c.scenario_hash,
        title: (await scenarioTitle(c.scenario_hash)) ?? c.scenario_id,
        builtIn: false,
        file: null,
        results: c.count,
      });
    }
    return { scenarios: out };
  });

  app.get<{ Params: { hash: string } }>(
    '/api/scenarios/:hash',
    { schema: { params: { type: 'object', properties: { hash: HASH }, required: ['hash'] } } },
    async (request) => {
      const known = await catalog.find(request.params.hash, store);
      if (!known) throw notFound('unknown-scenario', `there is no scenario ${request.params.hash}`);
      return {
        id: known.id,
        hash: known.hash,
        title: known.title,
        origin: known.origin,
        builtIn: catalog.isBuiltIn(known.hash),
        text: known.text,
      };
    },
  );

  /** The scenario's text as a file, so that the game can load it by URL (`/?scenario=<url>`). */
  app.get<{ Params: { hash: string } }>(
    '/api/scenarios/:hash/file',
    { schema: { params: { type: 'object', properties: { hash: HASH }, required: ['hash'] } } },
    async (request, reply) => {
      const known = await catalog.find(request.params.hash, store);
      if (!known) throw notFound('unknown-scenario', `there is no scenario ${request.params.hash}`);
      reply.type('text/yaml; charset=utf-8').header('cache-control', 'public, max-age=86400');
      return known.text;
    },
  );

  // ------------------------------------------------------------------ results

  /** The parent's actions before a turn, replayed off the main thread when there are workers. */
  const cutParent: CutParent = async ({ row, record, turn }) => {
    const known = await knownFor(row);
    const { scenario: _parsed, ...scenarioData } = known;
    const task: ForkTask = { scenario: scenarioData, record, turn };
    return opts.pool ? opts.pool.fork(task) : runForkTask(task, catalog, known);
  };

  /** Whether `record` claims the turn hashes of the stored run (else it is replayed and refused). */
  async function sameClaims(id: string, record: GameRecord): Promise<boolean> {
    const row = await store.getResult(id);
    if (!row) return false;
    const stored = JSON.parse(row.record) as GameRecord;
    return canonicalJson(stored.turnHashes) === canonicalJson(record.turnHashes);
  }

  /**
   * The same run sent again: under the same pseudonym it is a retry (answered with the stored
   * result); under another it is a copy of someone's game, refused.
   */
  function refuseCopy(
    existing: { id: string; pseudonym: string },
    pseudonym: string,
    classCode: string | null,
  ): void {
    if (existing.pseudonym === pseudonym) return;
    throw new ApiError(
      409,
      'copy-of-existing-run',
      `this game was already submitted ${classCode ? `to class ${classCode} ` : ''}under another pseudonym (result ${existing.id}); a copy of a game cannot be submitted again under a different name`,
    );
  }

  app.post(
    '/api/results',
    {
      bodyLimit: opts.submissionBodyLimit,
      config: writeLimit,
      schema: { body: { type: 'object' } },
    },
    async (request, reply) => {
      const body = request.body as Record<string, unknown>;
      let recordInput: unknown = body;
      let pseudonymInput: unknown;
      let classInput: string | null | undefined;
      let scenarioText: string | undefined;
      let forkClaim: ForkClaim | null | undefined;
      if (Object.hasOwn(body, 'record')) {
        const env = Envelope.safeParse(body);
        if (!env.success)
          throw badRequest(
            'invalid-submission',
            'a submission is a game record, or {record, pseudonym, classCode, scenario, forkedFrom} with nothing else (the server computes outcomes itself)',
            env.error.issues.map(issueText),
          );
        recordInput = env.data.record;
        pseudonymInput = env.data.pseudonym;
        classInput = env.data.classCode;
        scenarioText = env.data.scenario;
        forkClaim = env.data.forkedFrom;
      }
      const parsed = checkRecord(recordInput);
      if (!parsed.ok)
        throw badRequest(
          'invalid-record',
          'the body is not a valid game record',
          parsed.errors.slice(0, 50),
        );
      const record: GameRecord = parsed.value;

      const pseudonym = checkPseudonym(pseudonymInput);
      if (!pseudonym.ok) throw badRequest('invalid-pseudonym', pseudonym.message);

      let classCode: string | null = null;
      if (typeof classInput === 'string' && classInput.trim() !== '') {
        classCode = parseClassCode(classInput);
        const cls = await store.getClass(classCode);
        if (!cls) throw unprocessable('unknown-class', `there is no class ${classCode}`);
        if (cls.scenario_hash !== record.scenario.hash)
          throw unprocessable(
            'class-mismatch',
            `class ${classCode} plays scenario "${cls.scenario_id}" (${cls.scenario_hash}); this record is for "${record.scenario.id}" (${record.scenario.hash})`,
          );
        if (cls.seed !== null && cls.seed !== record.seed)
          throw unprocessable(
            'class-mismatch',
            `class ${classCode} plays with a fixed seed; this record used another seed`,
          );
        if (
          cls.figures !== null &&
          canonicalJson(JSON.parse(cls.figures)) !== canonicalJson(record.figureChoices)
        )
          throw unprocessable(
            'class-mismatch',
            `class ${classCode} plays with fixed figure choices; this record used others`,
          );
      }

      // A fork claim is checked against the parent before anything is stored (fork-claim.ts).
      const forked = forkClaim ? await checkForkClaim(store, forkClaim, record, cutParent) : null;

      // The same record (and class) already stored: nothing to verify again.
      const key = dedupKey(record, classCode);
      const existing = await store.findByDedupKey(key);
      if (existing && (await sameClaims(existing.id, record))) {
        refuseCopy(existing, pseudonym.value, classCode);
        reply.code(200).header('location', `/api/results/${existing.id}`);
        return summaryObject(existing);
      }

      const known = await scenarioFor(record.scenario.id, record.scenario.hash, scenarioText);
      const t = now();
      const { scenario: _parsed, ...scenarioData } = known;
      const task: VerifyTask = {
        record,
        scenario: scenarioData,
        classCode,
        pseudonym: pseudonym.value,
        id: newResultId(),
        now: t,
        dedupKey: key,
        ...(opts.replayTimeLimitMs !== undefined ? { timeLimitMs: opts.replayTimeLimitMs } : {}),
      };
      const answer = opts.pool ? await opts.pool.run(task) : runVerifyTask(task, catalog, known);
      if (!answer.ok)
        throw new ApiError(
          answer.error.status,
          answer.error.code,
          answer.error.message,
          answer.error.details,
        );
      const { created, row: stored } = await store.insertResult(
        forked ? { ...answer.row, ...forked } : answer.row,
        catalog.rowToStore(known, t),
      );
      catalog.remember(known);
      if (!created) refuseCopy(stored, pseudonym.value, classCode);
      reply.code(created ? 201 : 200).header('location', `/api/results/${stored.id}`);
      return summaryObject(stored);
    },
  );

  const scope = { store, catalog, parseClassCode, isModerator };
  boardRoute(app, { ...scope, cache: new BoardCache(store) }); // GET /api/board (issue 13)

  app.get<{
    Querystring: {
      scenario?: string;
      hash?: string;
      class?: string;
      limit: number;
      offset: number;
      format: 'objects' | 'board';
    };
  }>(
    '/api/results',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            scenario: { type: 'string', minLength: 1, maxLength: 100 },
            hash: HASH,
            class: CODE,
            limit: { type: 'integer', minimum: 1, maximum: opts.maxListLimit, default: 100 },
            offset: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 },
            format: { type: 'string', enum: ['objects', 'board'], default: 'objects' },
          },
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const { filter, moderator } = await resultScope(scope, request, q);
      reply.type('application/json; charset=utf-8');
      if (q.format === 'board') {
        const [rows, total] = await Promise.all([
          store.listBoard(filter, q.limit, q.offset),
          store.countResults(filter),
        ]);
        return boardJson(rows, total, q.limit, q.offset, moderator);
      }
      const [rows, total] = await Promise.all([
        store.listResults(filter, q.limit, q.offset),
        store.countResults(filter),
      ]);
      const items = rows.map((r) => summaryJson(r, moderator));
      return `{"total":${total},"limit":${q.limit},"offset":${q.offset},"results":[${items.join(',')}]}`;
    },
  );

  const idParams = { type: 'object', properties: { id: ID }, required: ['id'] } as const;

  /** A stored result, visible to everyone unless hidden (then only to its class's moderator). */
  async function visibleResult(
    request: FastifyRequest,
    id: string,
  ): Promise<{ row: ResultRow; moderator: boolean }> {
    const row = await store.getResult(id);
    if (!row) throw notFound('unknown-result', `there is no result ${id}`);
    const cls = row.class_code !== null ? await store.getClass(row.class_code) : undefined;
    const moderator = isModerator(request, cls);
    if (row.hidden !== 0 && !moderator)
      throw notFound('unknown-result', `there is no result ${id}`);
    return { row, moderator };
  }

  app.get<{ Params: { id: string } }>(
    '/api/results/:id',
    { schema: { params: idParams } },
    async (request) => {
      const { row, moderator } = await visibleResult(request, request.params.id);
      return fullResult(row, moderator);
    },
  );

  async function knownFor(row: ResultRow): Promise<KnownScenario> {
    const known = await catalog.find(row.scenario_hash, store);
    if (!known)
      throw new ApiError(
        409,
        'scenario-unavailable',
        `the scenario of result ${row.id} (${row.scenario_hash}) can no longer be loaded on this server`,
      );
    return known;
  }

  /** The resolved rules of a result's game: the results page replays records with them. */
  app.get<{ Params: { id: string } }>(
    '/api/results/:id/rules',
    { schema: { params: idParams } },
    async (request, reply) => {
      const { row } = await visibleResult(request, request.params.id);
      const known = await knownFor(row);
      reply.header('cache-control', 'private, max-age=3600');
      return catalog.rules(known, JSON.parse(row.figures) as FigureChoices);
    },
  );

  /**
   * Fork: the record cut at the start of turn `turn` (every action before it, and the turn hashes
   * of the turns before it). The game replays it and lets the player continue from there.
   */
  app.get<{ Params: { id: string }; Querystring: { turn: number } }>(
    '/api/results/:id/fork',
    {
      schema: {
        params: idParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['turn'],
          properties: { turn: { type: 'integer', minimum: 1, maximum: 1000 } },
        },
      },
    },
    async (request) => {
      const { row } = await visibleResult(request, request.params.id);
      const turn = request.query.turn;
      if (turn > row.turns)
        throw badRequest(
          'invalid-turn',
          `result ${row.id} has ${row.turns} turns; fork from turn 1 to ${row.turns}`,
        );
      const known = await knownFor(row);
      const record = JSON.parse(row.record) as GameRecord;
      const cut = await cutParent({ row, record, turn });
      if (!cut.ok)
        throw new ApiError(cut.error.status, cut.error.code, cut.error.message, cut.error.details);
      const kept = record.actions.slice(0, cut.kept);
      return {
        resultId: row.id,
        turn,
        date: cut.date,
        scenario: {
          id: known.id,
          hash: known.hash,
          title: known.title,
          builtIn: catalog.isBuiltIn(known.hash),
        },
        scenarioText: known.text,
        seats: record.seats,
        figureChoices: record.figureChoices,
        classCode: row.class_code,
        record: { ...record, actions: kept, turnHashes: cut.turnHashes },
        gameUrl: `/?fork=${encodeURIComponent(row.id)}&turn=${turn}`,
        resultUrl: resultUrl(row.id),
      };
    },
  );

  // ------------------------------------------------------------------ classes

  app.post<{
    Body: {
      scenario: string;
      scenarioText?: string;
      seed?: string;
      figures?: unknown;
      retentionDays?: number;
    };
  }>(
    '/api/classes',
    {
      bodyLimit: opts.submissionBodyLimit,
      config: writeLimit,
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['scenario'],
          properties: {
            scenario: { type: 'string', minLength: 1, maxLength: 100 },
            scenarioText: { type: 'string', maxLength: MAX_SCENARIO_BYTES },
            seed: { type: 'string', minLength: 1, maxLength: 200 },
            figures: {},
            retentionDays: { type: 'integer', minimum: 1, maximum: MAX_RETENTION_DAYS },
          },
        },
      },
    },
    async (request, reply) => {
      const b = request.body;
      if (b.seed !== undefined) {
        const seed = checkShownText(b.seed, 'seed');
        if (!seed.ok) throw badRequest('invalid-seed', seed.message);
      }
      const figures =
        b.figures === undefined || b.figures === null ? null : parseFigures(b.figures);
      let known: KnownScenario | undefined;
      if (b.scenarioText !== undefined) {
        const r = await checkText(b.scenarioText, `${b.scenario}.yaml`);
        if (!r.ok)
          throw unprocessable(
            'invalid-scenario',
            'the scenario does not validate',
            r.errors.slice(0, 50),
          );
        if (r.value.id !== b.scenario)
          throw unprocessable(
            'scenario-mismatch',
            `the scenario text has id "${r.value.id}", not "${b.scenario}"`,
          );
        known = r.value;
      } else if (/^[0-9a-f]{16}$/.test(b.scenario)) {
        known = await catalog.find(b.scenario, store);
      } else {
        known = catalog.builtInById(b.scenario);
      }
      if (!known)
        throw unprocessable(
          'unknown-scenario',
          `there is no built-in scenario "${b.scenario}"; send its text as scenarioText`,
        );
      if (figures) {
        try {
          catalog.rules(known, figures);
        } catch (e) {
          throw unprocessable(
            'invalid-figures',
            `the figure choices cannot be applied: ${(e as Error).message}`,
          );
        }
      }
      const t = now();
      const scenarioRow = catalog.rowToStore(known, t);
      if (scenarioRow) await store.putScenario(scenarioRow);
      catalog.remember(known);
      const key = newModerationKey();
      for (let attempt = 0; attempt < 10; attempt++) {
        const row: ClassRow = {
          code: newClassCode(),
          scenario_id: known.id,
          scenario_hash: known.hash,
          seed: b.seed ?? null,
          figures: figures === null ? null : JSON.stringify(figures),
          key_hash: hashKey(key),
          retention_days: b.retentionDays ?? opts.defaultRetentionDays,
          created_at: t,
        };
        if (await store.createClass(row)) {
          reply
            .code(201)
            .header('location', `/api/classes/${row.code}`)
            .header('cache-control', 'no-store');
          return {
            code: row.code,
            moderationKey: key,
            note: 'Keep the moderation key: it is shown only once and cannot be recovered.',
            class: classInfo(row, known.title, 0, true),
          };
        }
      }
      throw new ApiError(503, 'busy', 'could not find a free class code; try again');
    },
  );

  const codeParams = { type: 'object', properties: { code: CODE }, required: ['code'] } as const;

  app.get<{ Params: { code: string } }>(
    '/api/classes/:code',
    { schema: { params: codeParams } },
    async (request) => {
      const code = parseClassCode(request.params.code);
      const cls = await classOr404(code);
      const moderator = isModerator(request, cls);
      const count = await store.countResults({ classCode: code, includeHidden: moderator });
      return classInfo(cls, await scenarioTitle(cls.scenario_hash), count, moderator);
    },
  );

  app.patch<{ Params: { code: string }; Body: { retentionDays: number } }>(
    '/api/classes/:code',
    {
      config: writeLimit,
      schema: {
        params: codeParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['retentionDays'],
          properties: {
            retentionDays: { type: 'integer', minimum: 1, maximum: MAX_RETENTION_DAYS },
          },
        },
      },
    },
    async (request) => {
      const code = parseClassCode(request.params.code);
      await requireModerator(request, code);
      await store.setRetention(code, request.body.retentionDays);
      const cls = await classOr404(code);
      const count = await store.countResults({ classCode: code, includeHidden: true });
      return classInfo(cls, await scenarioTitle(cls.scenario_hash), count, true);
    },
  );

  const moderatedResult = {
    type: 'object',
    properties: { code: CODE, id: ID },
    required: ['code', 'id'],
  } as const;

  async function classResult(code: string, id: string): Promise<ResultRow> {
    const row = await store.getResult(id);
    if (!row || row.class_code !== code)
      throw notFound('unknown-result', `class ${code} has no result ${id}`);
    return row;
  }

  app.patch<{ Params: { code: string; id: string }; Body: { hidden: boolean } }>(
    '/api/classes/:code/results/:id',
    {
      config: writeLimit,
      schema: {
        params: moderatedResult,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['hidden'],
          properties: { hidden: { type: 'boolean' } },
        },
      },
    },
    async (request) => {
      const code = parseClassCode(request.params.code);
      await requireModerator(request, code);
      await classResult(code, request.params.id);
      await store.setHidden(request.params.id, request.body.hidden);
      const row = await classResult(code, request.params.id);
      return summaryObject(row, true);
    },
  );

  app.delete<{ Params: { code: string; id: string } }>(
    '/api/classes/:code/results/:id',
    { config: writeLimit, schema: { params: moderatedResult } },
    async (request) => {
      const code = parseClassCode(request.params.code);
      await requireModerator(request, code);
      await classResult(code, request.params.id);
      await store.deleteResult(request.params.id);
      return { deleted: true, id: request.params.id };
    },
  );

  app.get<{ Params: { code: string } }>(
    '/api/classes/:code/export.csv',
    { schema: { params: codeParams } },
    async (request, reply: FastifyReply) => {
      const code = parseClassCode(request.params.code);
      await requireModerator(request, code);
      const rows = await store.classResults(code);
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="three-capitals-${code}.csv"`)
        .header('cache-control', 'no-store');
      return classCsv(rows);
    },
  );
}
