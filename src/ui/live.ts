/**
 * The polite live region: turn reports and other status changes are read out by screen readers
 * without moving focus. One region for the whole app (index.html: #live).
 */

let region: HTMLElement | null = null;

function getRegion(): HTMLElement {
  if (region && region.isConnected) return region;
  region = document.getElementById('live');
  if (!region) {
    region = document.createElement('div');
    region.id = 'live';
    region.className = 'visually-hidden';
    document.body.appendChild(region);
  }
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  return region;
}

/**
 * Says `text` to screen-reader users. Repeating the same text is announced again (the region is
 * cleared first, then filled on the next frame).
 */
export function announce(text: string): void {
  const el = getRegion();
  el.textContent = '';
  requestAnimationFrame(() => {
    el.textContent = text;
  });
}

/** The region's current text (tests read it). */
export function lastAnnouncement(): string {
  return getRegion().textContent ?? '';
}
