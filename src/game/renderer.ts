/** Renderer choice from the page URL. No Phaser import here: the menu reads it before Phaser loads. */

export type RendererChoice = 'auto' | 'canvas' | 'webgl';

/** `?renderer=canvas` → Phaser.CANVAS (steadier in headless browsers), `?renderer=webgl`, else AUTO. */
export function rendererFromQuery(search: string): RendererChoice {
  const r = new URLSearchParams(search).get('renderer');
  return r === 'canvas' || r === 'webgl' ? r : 'auto';
}
