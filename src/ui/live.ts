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
let pending: number | null = null;

export function announce(text: string): void {
  const el = getRegion();
  el.textContent = '';
  if (pending !== null) cancelAnimationFrame(pending);
  pending = requestAnimationFrame(() => {
    pending = null;
    el.textContent = text;
  });
}

/**
 * Empties the region and drops an announcement still waiting for its frame. Hot-seat calls this
 * at every handoff: the next seat's screen reader must never read the previous seat's private
 * orders or offers.
 */
export function clearAnnouncements(): void {
  if (pending !== null) cancelAnimationFrame(pending);
  pending = null;
  getRegion().textContent = '';
}

/** The region's current text (tests read it). */
export function lastAnnouncement(): string {
  return getRegion().textContent ?? '';
}
