/** Renderer choice from the page URL. No Phaser import here: the menu reads it before Phaser loads. */

export type RendererChoice = 'auto' | 'canvas' | 'webgl';

/** `?renderer=canvas` → Phaser.CANVAS (steadier in headless browsers), `?renderer=webgl`, else AUTO. */
export function rendererFromQuery(search: string): RendererChoice {
  const r = new URLSearchParams(search).get('renderer');
  return r === 'canvas' || r === 'webgl' ? r : 'auto';
}

/**
 * What 'auto' should mean on this machine. Without a GPU, browsers emulate WebGL in software
 * (SwiftShader, llvmpipe): Phaser's WebGL renderer then draws a frame in hundreds of
 * milliseconds, while its canvas renderer keeps close to 60 fps. School laptops without GPU
 * acceleration get the canvas renderer; everyone else keeps Phaser's own choice.
 */
export function resolveRenderer(choice: RendererChoice, doc: Document = document): RendererChoice {
  if (choice !== 'auto') return choice;
  try {
    const gl = doc.createElement('canvas').getContext('webgl');
    if (!gl) return 'canvas';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name) ? 'canvas' : 'auto';
  } catch {
    return 'canvas';
  }
}
