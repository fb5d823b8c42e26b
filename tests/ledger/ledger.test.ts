import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { formatLedgerError, LedgerSchema, type Ledger } from '../../src/ledger';
import { loadLedgerFile, loadLedgerFileSync, SEEDS_DIR } from '../../src/ledger/node';

/** Ids the engine and the historical scenario cite; they must never be renamed. */
const REQUIRED_IDS = [
  'nk-troops-first-contingent',
  'nk-troops-zelensky-warning',
  'nk-troops-total',
  'nk-ammo-containers',
  'nk-workers-2024',
  'nk-deaths-ukraine-report',
  'nk-captured-jan-2025',
  'nk-kursk-frontline-feb-2025',
  'reports-surfaced-oct-2024',
  'defence-pact-2024',
  'uniform-video',
  'nuclear-tech-claim',
  'russian-navy-transport',
  'no-drone-training',
  'drone-operator-pairing',
  'missile-unit-reassignment',
  'famine-enlistment',
  'family-punishment-on-capture',
  'deception-fighting-americans',
  'dissent-risk-on-return',
  'international-reactions',
  'russia-oil-supply',
  'un-security-council-backing',
  'combat-experience',
  'blind-firing-at-drones',
  'nk-artillery-missile-use',
  'moscow-scrutiny-risk',
  'kursk-negotiating-leverage',
] as const;

function loadReal(): Ledger {
  const result = loadLedgerFileSync();
  if (!result.ok) throw new Error(result.errors.map(formatLedgerError).join('\n'));
  return result.value;
}

describe('seeds/figures.yaml', () => {
  const ledger = loadReal();
  const byId = new Map(ledger.figures.map((f) => [f.id, f]));

  it('parses with no errors (sync and async loaders agree)', async () => {
    const result = await loadLedgerFile();
    expect(result.ok ? [] : result.errors.map(formatLedgerError)).toEqual([]);
    expect(result.ok && result.value).toEqual(ledger);
  });

  it.each(REQUIRED_IDS)('has the required figure %s', (id) => {
    expect(byId.has(id)).toBe(true);
  });

  it('orders every range low <= central <= high', () => {
    for (const f of ledger.figures) {
      if (f.low === undefined) continue;
      expect(f.low, f.id).toBeLessThanOrEqual(f.central!);
      expect(f.central, f.id).toBeLessThanOrEqual(f.high!);
    }
  });

  it('records the key numbers as the sources give them', () => {
    const pick = (id: string) => {
      const f = byId.get(id)!;
      return {
        value: f.value,
        low: f.low,
        central: f.central,
        high: f.high,
        bound: f.bound,
        unit: f.unit,
        date: f.date,
      };
    };
    expect(pick('nk-troops-first-contingent')).toMatchObject({
      value: 1500,
      bound: 'about',
      unit: 'soldiers',
      date: '2024-10',
    });
    expect(pick('nk-troops-zelensky-warning')).toMatchObject({
      value: 10000,
      bound: 'atMost',
      unit: 'soldiers',
    });
    expect(pick('nk-troops-total')).toMatchObject({
      low: 10000,
      central: 11000,
      high: 12000,
      unit: 'soldiers',
    });
    expect(pick('nk-ammo-containers')).toMatchObject({
      value: 13000,
      bound: 'atLeast',
      unit: 'containers',
    });
    expect(pick('nk-workers-2024')).toMatchObject({
      value: 13000,
      bound: 'atLeast',
      unit: 'workers',
      date: '2024',
    });
    expect(pick('nk-deaths-ukraine-report')).toMatchObject({
      value: 3000,
      bound: 'atLeast',
      unit: 'deaths',
      date: '2025-03',
    });
    expect(pick('nk-captured-jan-2025')).toMatchObject({
      value: 2,
      bound: 'exact',
      unit: 'prisoners',
      date: '2025-01',
    });
    expect(pick('nk-kursk-frontline-feb-2025')).toMatchObject({ date: '2025-02' });
    expect(byId.get('nk-deaths-ukraine-report')!.notes).toMatch(/early 2025/);
    expect(byId.get('uniform-video')!.status).toBe('unverified');
    expect(
      byId
        .get('nk-troops-total')!
        .sources.map((s) => s.document)
        .sort(),
    ).toEqual(['doc-pawns', 'doc-uniform-video']);
  });

  it('names a document file that exists in seeds/ for every document', () => {
    for (const doc of ledger.documents) {
      expect(existsSync(path.join(SEEDS_DIR, doc.file)), doc.file).toBe(true);
    }
  });

  it('records the ten numbered references of doc-pawns and none for doc-uniform-video', () => {
    const refs = (id: string) =>
      ledger.documents.find((d) => d.id === id)!.references.map((r) => r.n);
    expect(refs('doc-pawns')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(refs('doc-uniform-video')).toEqual([]);
  });

  // Our own words: no run of 7 words in a claim, note, summary or reference description may
  // repeat the source documents (names and figures are shorter than that; titles are exempt).
  it('is written in our own words', () => {
    const N = 7;
    const words = (t: string) =>
      t
        .toLowerCase()
        .replace(/[‘’]/g, "'")
        .replace(/[^a-z0-9' ]+/g, ' ')
        .split(/\s+/)
        .filter(Boolean);
    const shingles = new Set<string>();
    for (const doc of ledger.documents) {
      const w = words(readFileSync(path.join(SEEDS_DIR, doc.file), 'utf8'));
      for (let i = 0; i + N <= w.length; i++) shingles.add(w.slice(i, i + N).join(' '));
    }
    const prose: [string, string][] = [];
    for (const d of ledger.documents) {
      prose.push([`${d.id}.summary`, d.summary]);
      if (d.notes) prose.push([`${d.id}.notes`, d.notes]);
      for (const r of d.references) prose.push([`${d.id}.references[${r.n}]`, r.supports]);
    }
    for (const f of ledger.figures) {
      prose.push([`${f.id}.claim`, f.claim]);
      if (f.notes) prose.push([`${f.id}.notes`, f.notes]);
    }
    const copied: string[] = [];
    for (const [where, text] of prose) {
      const w = words(text);
      for (let i = 0; i + N <= w.length; i++) {
        const run = w.slice(i, i + N).join(' ');
        if (shingles.has(run)) copied.push(`${where}: "${run}"`);
      }
    }
    expect(copied).toEqual([]);
  });

  const shared = '/work/shared/seeds';
  it.skipIf(!existsSync(shared))('keeps verbatim copies of the source documents', () => {
    for (const doc of ledger.documents) {
      expect(readFileSync(path.join(SEEDS_DIR, doc.file), 'utf8'), doc.file).toBe(
        readFileSync(path.join(shared, doc.file), 'utf8'),
      );
    }
  });
});

describe('LedgerSchema', () => {
  it('converts to a JSON Schema with a description on every property', () => {
    const json = z.toJSONSchema(LedgerSchema) as Record<string, unknown>;
    const undescribed: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (node === null || typeof node !== 'object') return;
      const obj = node as Record<string, unknown>;
      const props = obj.properties as Record<string, Record<string, unknown>> | undefined;
      if (props) {
        for (const [key, value] of Object.entries(props)) {
          if (typeof value.description !== 'string') undescribed.push(`${where}.${key}`);
          walk(value, `${where}.${key}`);
        }
      }
      if (obj.items) walk(obj.items, `${where}[]`);
      for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
        if (Array.isArray(obj[k])) (obj[k] as unknown[]).forEach((n) => walk(n, where));
      }
    };
    walk(json, '$');
    expect(undescribed).toEqual([]);
    expect(json.additionalProperties).toBe(false);
  });
});
