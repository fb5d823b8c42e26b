/**
 * The scenarios the server can replay records of: the built-in files in scenarios/, plus any
 * scenario text a record or a class brought (stored in the database, found again by hash).
 * Resolved rules are cached per scenario hash and figure choices.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { FigureChoices, Rules } from '../engine';
import { canonicalJson } from '../scenario/hash';
import type { ScenarioRow, Store } from '../db/store';
import type { Ledger } from '../ledger/schema';
import {
  formatIssue,
  loadScenario,
  MAX_SCENARIO_BYTES,
  resolveScenario,
  type Scenario,
} from '../scenario';

export interface KnownScenario {
  id: string;
  hash: string;
  title: string;
  origin: 'builtin' | 'upload';
  text: string;
  scenario: Scenario;
}

export type Checked = { ok: true; value: KnownScenario } | { ok: false; errors: string[] };

/** Small least-recently-used map. */
class Lru<K, V> {
  private map = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
  }
}

export class ScenarioCatalog {
  private readonly builtIn = new Map<string, KnownScenario>();
  private readonly byId = new Map<string, KnownScenario>();
  private readonly uploads = new Lru<string, KnownScenario>(50);
  private readonly rulesCache = new Lru<string, Rules>(100);
  /** Hashes known to be in the database's scenarios table. */
  private readonly stored = new Set<string>();

  constructor(readonly ledger: Ledger) {}

  /** Loads every scenarios/*.yaml; a file that does not validate is reported and skipped. */
  loadBuiltIns(dir: string, warn: (message: string) => void = () => {}): this {
    let files: string[] = [];
    try {
      files = readdirSync(dir)
        .filter((f) => /\.ya?ml$/i.test(f))
        .sort();
    } catch (e) {
      warn(`cannot read the scenarios folder ${dir}: ${(e as Error).message}`);
    }
    for (const f of files) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      const r = this.check(text, `scenarios/${f}`, 'builtin');
      if (!r.ok) {
        warn(`built-in scenario ${f} does not validate and is not served:\n${r.errors.join('\n')}`);
        continue;
      }
      this.builtIn.set(r.value.hash, r.value);
      this.byId.set(r.value.id, r.value);
    }
    return this;
  }

  /**
   * A catalog with the same ledger and built-in scenarios but empty caches: one per database
   * (what is "stored" is a fact about one database).
   */
  fresh(): ScenarioCatalog {
    const c = new ScenarioCatalog(this.ledger);
    for (const [hash, s] of this.builtIn) c.builtIn.set(hash, s);
    for (const [id, s] of this.byId) c.byId.set(id, s);
    return c;
  }

  builtIns(): KnownScenario[] {
    return [...this.byId.values()];
  }

  builtInById(id: string): KnownScenario | undefined {
    return this.byId.get(id);
  }

  /**
   * Whether this exact scenario (by hash) is one of this server's built-in files. An upload that
   * reuses a built-in's id, or an earlier version of a built-in file, is not.
   */
  isBuiltIn(hash: string): boolean {
    return this.builtIn.has(hash);
  }

  /** Validates scenario text (schema and meaning checks against the ledger). */
  check(text: string, fileName: string, origin: KnownScenario['origin'] = 'upload'): Checked {
    if (text.length > MAX_SCENARIO_BYTES)
      return {
        ok: false,
        errors: [`${fileName}: the scenario is larger than ${MAX_SCENARIO_BYTES} bytes`],
      };
    const r = loadScenario(text, fileName, this.ledger);
    if (!r.ok)
      return { ok: false, errors: r.errors.filter((i) => i.severity === 'error').map(formatIssue) };
    const s = r.value.scenario;
    return {
      ok: true,
      value: { id: s.id, hash: r.value.hash, title: s.title, origin, text, scenario: s },
    };
  }

  /** The scenario with this hash if it is built in or recently used (no database lookup). */
  known(hash: string): KnownScenario | undefined {
    return this.builtIn.get(hash) ?? this.uploads.get(hash);
  }

  /** The scenario with this hash: built-in, recently used, or stored in the database. */
  async find(hash: string, store: Store): Promise<KnownScenario | undefined> {
    const hit = this.builtIn.get(hash) ?? this.uploads.get(hash);
    if (hit) return hit;
    const row = await store.getScenario(hash);
    if (!row) return undefined;
    // Only the files loaded at start are built in: a stored row never makes itself one.
    const r = this.check(row.text, `${row.id}.yaml`, 'upload');
    // A stored scenario that no longer validates (the ledger changed) cannot be replayed.
    if (!r.ok || r.value.hash !== hash) return undefined;
    this.stored.add(hash);
    this.uploads.set(hash, r.value);
    return r.value;
  }

  /** Remembers an accepted upload (after it was stored). */
  remember(known: KnownScenario): void {
    if (!this.builtIn.has(known.hash)) this.uploads.set(known.hash, known);
    this.stored.add(known.hash);
  }

  /** The database row for a scenario, or undefined when it is known to be stored already. */
  rowToStore(known: KnownScenario, now: number): ScenarioRow | undefined {
    if (this.stored.has(known.hash)) return undefined;
    return {
      hash: known.hash,
      id: known.id,
      title: known.title,
      origin: known.origin,
      text: known.text,
      created_at: now,
    };
  }

  markStored(hash: string): void {
    this.stored.add(hash);
  }

  /** The engine's rules for a scenario and figure choices (cached). */
  rules(known: KnownScenario, choices: FigureChoices): Rules {
    const key = `${known.hash}\n${canonicalJson(choices)}`;
    const hit = this.rulesCache.get(key);
    if (hit) return hit;
    const rules = resolveScenario(known.scenario, this.ledger, choices, known.hash);
    this.rulesCache.set(key, rules);
    return rules;
  }
}
