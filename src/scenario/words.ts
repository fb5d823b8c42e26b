/** Plain words for values and types in messages meant for teachers, not programmers. */

/** How a value read from the file looks in a message: `"ten"`, `12`, `null`, `a list`, `a map`. */
export function describeValue(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'nothing (an empty value)';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') {
    const s = input.length > 40 ? `${input.slice(0, 37)}...` : input;
    return JSON.stringify(s);
  }
  if (typeof input === 'number') {
    if (Number.isNaN(input)) return 'not-a-number (.nan)';
    if (!Number.isFinite(input)) return input > 0 ? 'infinity (.inf)' : 'minus infinity (-.inf)';
    return String(input);
  }
  if (typeof input === 'object') return 'a map';
  return String(input);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map',
  null: 'nothing',
  bigint: 'a whole number',
};

/** `number` -> `a number`, `object` -> `a map`... */
export function typeName(zodType: string): string {
  return TYPE_NAMES[zodType] ?? zodType;
}

/** `a`, `a or b`, `a, b or c`. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`: quoted choices. */
export function quotedChoices(values: readonly unknown[]): string {
  return orList(values.map((v) => JSON.stringify(v)));
}

/** Megabytes with one decimal, for size messages. */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
