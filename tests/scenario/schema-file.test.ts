import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { JSON_SCHEMA_OPTIONS, ScenarioSchema } from '../../src/scenario/schema';
import { SCHEMA_PATH, schemaFileText } from '../../src/scenario/node';

describe('scenarios/schema.json', () => {
  it('is up to date with the zod schema (run: npx tsx src/scenario/write-schema.ts)', () => {
    // Compared as data, not text: a formatter may lay the file out differently.
    const committed = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as unknown;
    expect(committed).toEqual(z.toJSONSchema(ScenarioSchema, JSON_SCHEMA_OPTIONS));
    expect(committed).toEqual(JSON.parse(schemaFileText()));
  });

  it('describes every property, so an editor can show it on hover', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
    const definitions = (schema.definitions ?? {}) as Record<string, Record<string, unknown>>;
    const missing: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (node === null || typeof node !== 'object') return;
      if (Array.isArray(node)) {
        node.forEach((n, i) => walk(n, `${at}[${i}]`));
        return;
      }
      const record = node as Record<string, unknown>;
      const properties = record.properties as Record<string, Record<string, unknown>> | undefined;
      if (properties !== undefined) {
        for (const [key, prop] of Object.entries(properties)) {
          // A bare reference shows the referenced definition's description on hover.
          const ref = typeof prop.$ref === 'string' ? prop.$ref.replace('#/definitions/', '') : '';
          const described = (p: Record<string, unknown> | undefined) =>
            typeof p?.description === 'string' && p.description.trim() !== '';
          if (!described(prop) && !described(definitions[ref])) missing.push(`${at}.${key}`);
        }
      }
      for (const [key, value] of Object.entries(record)) walk(value, `${at}/${key}`);
    };
    walk(schema, '');
    expect(missing).toEqual([]);
  });

  it('forbids unknown keys everywhere', () => {
    const text = readFileSync(SCHEMA_PATH, 'utf8');
    const objects = text.match(/"type": "object"/g)?.length ?? 0;
    const closed = text.match(/"additionalProperties": false/g)?.length ?? 0;
    expect(closed).toBe(objects);
  });
});
