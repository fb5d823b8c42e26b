/**
 * The FIELD REFERENCE of docs/scenarios.md, generated from the descriptions in the zod schema
 * (through its JSON Schema), so the guide and the format cannot drift apart.
 *
 *   npx tsx src/scenario/render-reference.ts --write   # rewrite the section in docs/scenarios.md
 *   npx tsx src/scenario/render-reference.ts           # print the section
 *
 * The section lies between the BEGIN/END FIELD REFERENCE comments; the whole page is run through
 * Prettier with the repository's config, so `npm run format` leaves it unchanged.
 * tests/scenario/reference.test.ts checks that the committed section is the rendered one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { format, resolveConfig } from 'prettier';

import { scenarioJsonSchema } from './schema';

/** The instructor's guide that holds the reference. */
export const SCENARIOS_DOC_PATH = fileURLToPath(
  new URL('../../docs/scenarios.md', import.meta.url),
);

export const BEGIN_MARKER =
  '<!-- BEGIN FIELD REFERENCE: generated from the schema by src/scenario/render-reference.ts; do not edit by hand. Regenerate: npx tsx src/scenario/render-reference.ts --write -->';
export const END_MARKER = '<!-- END FIELD REFERENCE -->';

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

const DEFINITION_ORDER = [
  'Quantity',
  'Count',
  'CountChange',
  'FigureRef',
  'OwnValue',
  'Condition',
  'Effect',
];
const MONTH_PATTERN = '^\\d{4}-(?:0[1-9]|1[0-2])$';
const KEBAB_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

const anchor = (name: string) =>
  `ref-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const code = (text: string) => `\`${text}\``;

interface Section {
  title: string;
  id: string;
  description: string;
  lines: string[];
}

class Renderer {
  private readonly sections: Section[] = [];
  /** Object schemas already given a section, by their shape: a repeat links to the first. */
  private readonly seen = new Map<string, { title: string; id: string }>();
  private readonly defs: Json;

  constructor(private readonly root: Json) {
    this.defs = isJson(root.definitions) ? root.definitions : {};
  }

  render(): string {
    this.objectSection('The scenario file (top level)', 'top-level', this.root);
    const out: string[] = [];
    out.push('## Field reference');
    out.push('');
    out.push(
      'Every field a scenario file may hold, generated from the schema (the same descriptions your editor shows on hover). "Required" fields must be written; the others may be left out, and then take the default shown. Unknown fields are errors: check the spelling (the validator suggests the closest field).',
    );
    out.push('');
    for (const s of this.sections) out.push(...this.sectionText(s, '###'));
    out.push('### Shared types');
    out.push('');
    out.push('Types that many fields use; the tables above link here.');
    out.push('');
    const names = [
      ...DEFINITION_ORDER.filter((n) => n in this.defs),
      ...Object.keys(this.defs)
        .filter((n) => !DEFINITION_ORDER.includes(n))
        .sort(),
    ];
    for (const name of names) out.push(...this.definition(name, this.defs[name] as Json));
    return (
      out
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim() + '\n'
    );
  }

  private sectionText(s: Section, level: string): string[] {
    return [
      `<a id="${s.id}"></a>`,
      '',
      `${level} ${s.title}`,
      '',
      ...(s.description ? [s.description, ''] : []),
      ...s.lines,
      '',
    ];
  }

  /** A section with one row per property of `schema` (nested maps get their own sections). */
  private objectSection(title: string, name: string, schema: Json): string {
    const id = anchor(name);
    const section: Section = {
      title,
      id,
      description: cell(String(schema.description ?? '')),
      lines: [],
    };
    this.sections.push(section);
    section.lines.push(...this.table(schema, name === 'top-level' ? '' : name));
    return id;
  }

  private table(schema: Json, prefix: string): string[] {
    const properties = isJson(schema.properties) ? schema.properties : {};
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const rows = ['| field | type | required | meaning |', '| --- | --- | --- | --- |'];
    for (const [key, raw] of Object.entries(properties)) {
      const prop = raw as Json;
      const full = prefix === '' ? key : `${prefix}.${key}`;
      const type = this.typeOf(prop, full);
      const req = required.has(key)
        ? 'yes'
        : prop.default !== undefined
          ? `no (default ${code(JSON.stringify(prop.default))})`
          : 'no';
      rows.push(`| ${code(key)} | ${cell(type)} | ${req} | ${cell(this.describe(prop))} |`);
    }
    return rows;
  }

  /** A field's description; a bare reference to a shared type has that type's description. */
  private describe(prop: Json): string {
    if (typeof prop.description === 'string') return prop.description;
    if (typeof prop.$ref === 'string') {
      const def = this.defs[prop.$ref.replace(/^#\/definitions\//, '')];
      if (isJson(def) && typeof def.description === 'string') return def.description;
    }
    return '';
  }

  /** How a field's type reads in the table; nested maps get a section and a link to it. */
  private typeOf(schema: Json, path: string): string {
    if (typeof schema.$ref === 'string') {
      const name = schema.$ref.replace(/^#\/definitions\//, '');
      return `[${name}](#${anchor(`type-${name}`)})`;
    }
    if (Array.isArray(schema.allOf) && schema.allOf.length === 1)
      return this.typeOf(schema.allOf[0] as Json, path);
    for (const key of ['anyOf', 'oneOf'] as const) {
      const options = schema[key];
      if (Array.isArray(options))
        return (options as Json[]).map((o) => this.typeOf(o, path)).join(' or ');
    }
    if (schema.const !== undefined) return code(JSON.stringify(schema.const));
    if (Array.isArray(schema.enum))
      return `one of ${schema.enum.map((v) => code(JSON.stringify(v))).join(', ')}`;
    switch (schema.type) {
      case 'string':
        if (schema.pattern === MONTH_PATTERN) return 'month `"YYYY-MM"`';
        if (schema.pattern === KEBAB_PATTERN) return 'id (lowercase letters, digits, `-`)';
        if (typeof schema.pattern === 'string') return 'code (e.g. `"en"`)';
        return 'text';
      case 'integer':
        return `whole number${range(schema)}`;
      case 'number':
        return `number${range(schema)}`;
      case 'boolean':
        return '`true` or `false`';
      case 'null':
        return '`null`';
      case 'array': {
        const items = isJson(schema.items) ? this.typeOf(schema.items, `${path}[]`) : 'anything';
        const min =
          typeof schema.minItems === 'number' && schema.minItems > 0
            ? ` (at least ${schema.minItems})`
            : '';
        return `list of ${items}${min}`;
      }
      case 'object': {
        if (!isJson(schema.properties)) return 'map';
        const { description: _d, default: _def, ...shape } = schema;
        const key = JSON.stringify(shape);
        const first = this.seen.get(key);
        if (first !== undefined) return `map, same fields as [${code(first.title)}](#${first.id})`;
        const id = this.objectSection(code(path), path, schema);
        this.seen.set(key, { title: path, id });
        return `[map](#${id})`;
      }
      default:
        return 'anything';
    }
  }

  private definition(name: string, schema: Json): string[] {
    const id = anchor(`type-${name}`);
    const out = [
      `<a id="${id}"></a>`,
      '',
      `#### ${name}`,
      '',
      cell(String(schema.description ?? '')),
      '',
    ];
    const options = (schema.oneOf ?? schema.anyOf) as Json[] | undefined;
    if (Array.isArray(options)) {
      const variants = options.filter(
        (o) =>
          isJson(o.properties) &&
          isJson((o.properties as Json).type) &&
          ((o.properties as Json).type as Json).const !== undefined,
      );
      if (variants.length === options.length) {
        for (const v of variants) {
          const tag = String(((v.properties as Json).type as Json).const);
          out.push(`<a id="${anchor(`type-${name}-${tag}`)}"></a>`, '');
          out.push(`##### ${name} ${code(`type: ${tag}`)}`, '');
          out.push(cell(String(v.description ?? '')), '');
          out.push(...this.table(v, ''), '');
        }
        return out;
      }
      out.push('Write one of:', '');
      for (const o of options) {
        const desc = typeof o.description === 'string' ? ` — ${o.description}` : '';
        out.push(`- ${this.typeOf(o, name)}${cell(desc)}`);
      }
      out.push('');
      return out;
    }
    out.push(...this.table(schema, ''), '');
    return out;
  }
}

function range(schema: Json): string {
  const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  const exMin = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
  if (min !== undefined && max !== undefined) return `, ${min} to ${max}`;
  if (min !== undefined) return `, ${min} or more`;
  if (exMin !== undefined) return `, above ${exMin}`;
  if (max !== undefined) return `, ${max} or less`;
  return '';
}

/** The reference section (Markdown, between the markers, not yet formatted). */
export function renderFieldReference(
  schema: Record<string, unknown> = scenarioJsonSchema(),
): string {
  return new Renderer(schema).render();
}

/** `page` with its field reference replaced by a freshly rendered one, formatted by Prettier. */
export async function withFreshReference(page: string): Promise<string> {
  const begin = page.indexOf(BEGIN_MARKER);
  const end = page.indexOf(END_MARKER);
  if (begin < 0 || end < begin)
    throw new Error(`docs/scenarios.md must hold the markers ${BEGIN_MARKER} and ${END_MARKER}`);
  const next = `${page.slice(0, begin + BEGIN_MARKER.length)}\n\n${renderFieldReference()}\n${page.slice(end)}`;
  const config = (await resolveConfig(SCENARIOS_DOC_PATH)) ?? {};
  return format(next, { ...config, filepath: SCENARIOS_DOC_PATH });
}

async function main(): Promise<void> {
  if (process.argv.includes('--write')) {
    const page = readFileSync(SCENARIOS_DOC_PATH, 'utf8');
    writeFileSync(SCENARIOS_DOC_PATH, await withFreshReference(page));
    process.stdout.write(`wrote the field reference in ${SCENARIOS_DOC_PATH}\n`);
    return;
  }
  process.stdout.write(renderFieldReference());
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) void main();
