/**
 * Checks every JSON body before any route reads it: nesting no deeper than MAX_BODY_DEPTH (a
 * record is 4 levels deep; 10,000 levels must be a clear 400, not a stack overflow somewhere
 * later), and no NUL character in any key or text (PostgreSQL cannot store one and SQLite would
 * cut text at it). Iterative, so a hostile body cannot exhaust the stack here either.
 */
import { ApiError } from './errors';

export const MAX_BODY_DEPTH = 16;

export function checkBody(body: unknown): void {
  if (body === null || typeof body !== 'object') {
    if (typeof body === 'string' && body.includes('\u0000')) throw nul();
    return;
  }
  // Two parallel stacks and no per-entry arrays: every submission passes here (a record is a
  // few thousand values), so the walk allocates almost nothing.
  const values: object[] = [body];
  const depths: number[] = [1];
  const visit = (v: unknown, depth: number) => {
    if (typeof v === 'string') {
      if (v.includes('\u0000')) throw nul();
    } else if (v !== null && typeof v === 'object') {
      values.push(v);
      depths.push(depth);
    }
  };
  while (values.length > 0) {
    const value = values.pop()!;
    const depth = depths.pop()!;
    if (depth > MAX_BODY_DEPTH)
      throw new ApiError(
        400,
        'too-deeply-nested',
        `the request body nests deeper than ${MAX_BODY_DEPTH} levels`,
      );
    if (Array.isArray(value)) {
      for (const v of value as unknown[]) visit(v, depth + 1);
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key.includes('\u0000')) throw nul();
      visit(record[key], depth + 1);
    }
  }
}

function nul(): ApiError {
  return new ApiError(400, 'nul-character', 'the request contains a NUL character in its text');
}
