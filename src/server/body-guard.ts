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
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (depth > MAX_BODY_DEPTH)
      throw new ApiError(
        400,
        'too-deeply-nested',
        `the request body nests deeper than ${MAX_BODY_DEPTH} levels`,
      );
    const entries: [string | null, unknown][] = Array.isArray(value)
      ? value.map((v) => [null, v])
      : Object.entries(value as Record<string, unknown>);
    for (const [key, v] of entries) {
      if (key !== null && key.includes('\u0000')) throw nul();
      if (typeof v === 'string') {
        if (v.includes('\u0000')) throw nul();
      } else if (v !== null && typeof v === 'object') stack.push({ value: v, depth: depth + 1 });
    }
  }
}

function nul(): ApiError {
  return new ApiError(400, 'nul-character', 'the request contains a NUL character in its text');
}
