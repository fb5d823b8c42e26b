import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { FIGURES_DOC_PATH, renderDocsFile } from '../../src/ledger/render-docs';

describe('docs/figures.md', () => {
  it('matches the page rendered from seeds/figures.yaml (run: npx tsx src/ledger/render-docs.ts > docs/figures.md)', async () => {
    const rendered = await renderDocsFile();
    expect(rendered.ok ? '' : rendered.errors.join('\n')).toBe('');
    if (!rendered.ok) return;
    expect(readFileSync(FIGURES_DOC_PATH, 'utf8')).toBe(rendered.text);
  });
});
