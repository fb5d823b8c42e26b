/**
 * What the validator says before and instead of a cascade: the file's encoding and line endings
 * (read before parsing), and the one mis-indented line behind a run of YAML errors. Pure.
 */

/** A problem with the file as a whole, found before parsing. */
export interface EncodingProblem {
  message: string;
}

/**
 * Files saved as UTF-16 ("Unicode" in some editors) arrive here decoded as UTF-8: a NUL between
 * every ASCII letter, and two replacement characters where the byte-order mark was.
 */
export function encodingProblem(text: string): EncodingProblem | undefined {
  const head = text.slice(0, 400);
  const nuls = head.split('\u0000').length - 1;
  if (head.startsWith('\uFFFD\uFFFD') || head.startsWith('\uFEFF\u0000') || nuls > head.length / 4)
    return {
      message:
        'the file is saved as UTF-16 (what some editors call "Unicode"); save it as UTF-8 and try again',
    };
  if (text.includes('\u0000'))
    return { message: 'the file contains NUL characters: it is not a text file, or not UTF-8' };
  return undefined;
}

/**
 * Line endings made plain: Windows (CR LF) and old Mac (CR alone) become LF, which the YAML
 * reader counts lines by. Returns the text and what it found.
 */
export function normaliseLineEndings(text: string): { text: string; crOnly: boolean } {
  if (!text.includes('\r')) return { text, crOnly: false };
  const crOnly = !text.includes('\n');
  return { text: text.replace(/\r\n?/g, '\n'), crOnly };
}

/**
 * The first line, up to `lastLine`, whose indentation fits no open level: deeper than the line
 * before it allows (that line does not end with ":" or start a list item), or shallower than its
 * parent but not matching any enclosing level. A heuristic for pointing at the cause of a YAML
 * error cascade; block scalars (| and >), comments and blank lines are skipped.
 */
export function misindentedLine(
  text: string,
  lastLine: number,
): { line: number; indent: number; expected: number[] } | undefined {
  const lines = text.split('\n');
  // Open levels: their column, the line that opened them, how many lines sit at them so far.
  const stack: { indent: number; line: number; count: number }[] = [];
  let opens = true;
  let blockIndent = -1;
  for (let i = 0; i < Math.min(lines.length, lastLine); i++) {
    const line = lines[i]!;
    const content = line.trimStart();
    const indent = line.length - content.length;
    if (content === '' || content.startsWith('#')) continue;
    if (blockIndent >= 0) {
      if (indent > blockIndent) continue;
      blockIndent = -1;
    }
    if (content.startsWith('---') || content.startsWith('...')) {
      stack.length = 0;
      opens = true;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined || indent > top.indent) {
      if (top !== undefined && !opens) return { line: i + 1, indent, expected: [top.indent] };
      stack.push({ indent, line: i + 1, count: 1 });
    } else if (indent < top.indent) {
      // The outermost level closed by this line.
      let popped = stack.pop()!;
      while (stack.length > 0 && stack[stack.length - 1]!.indent > indent) popped = stack.pop()!;
      const parent = stack[stack.length - 1];
      if (parent?.indent !== indent) {
        // A level holding one line that its next sibling does not line up with: that one line
        // (or the first key of the file) is the odd one out.
        if (popped.count === 1 && (parent === undefined || parent.indent < indent))
          return { line: popped.line, indent: popped.indent, expected: [indent] };
        return { line: i + 1, indent, expected: stack.map((l) => l.indent).reverse() };
      }
      parent.count++;
    } else top.count++;
    const code = content.replace(/\s+#.*$/, '');
    opens = /:$/.test(code) || /^-( |$)/.test(code) || /:\s*[|>][+-]?\d?$/.test(code);
    if (/[|>][+-]?\d?$/.test(code) && /:\s|^-\s/.test(code)) blockIndent = indent;
  }
  return undefined;
}
