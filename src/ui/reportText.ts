/**
 * Turn reports in words, for the live region and the report panel: what the animation shows,
 * said plainly. Reads a TurnReport; computes nothing the engine did not already compute.
 */
import type { TurnReport } from '../engine/types';
import { formatCount, formatMonth, plural } from './dom';
import { bundleText } from './labels';
import { CAPITAL_STYLE, type CapitalId } from './theme';

export function describeTurnReport(
  report: TurnReport,
  sectorName: (id: string) => string = (id) => id,
): string {
  const lines: string[] = [`${formatMonth(report.date)}.`];
  for (const d of report.deliveries) {
    const from = CAPITAL_STYLE[d.from as CapitalId]?.name ?? d.from;
    const to = CAPITAL_STYLE[d.to as CapitalId]?.name ?? d.to;
    let s = `${from} delivered ${bundleText(d.moved)} to ${to}`;
    if (d.late) s += ', late';
    if (Object.values(d.short).some((n) => (n ?? 0) > 0)) s += `; short by ${bundleText(d.short)}`;
    lines.push(`${s}.`);
  }
  let nkKilled = 0;
  let nkWounded = 0;
  let nkCaptured = 0;
  for (const s of report.sectors) {
    const delta = Math.round(s.controlAfter) - Math.round(s.controlBefore);
    const change =
      delta === 0
        ? 'unchanged'
        : delta > 0
          ? `Russia gained ${plural(delta, 'point')}`
          : `Ukraine regained ${plural(-delta, 'point')}`;
    lines.push(`${sectorName(s.sector)}: ${Math.round(s.controlAfter)}% Russian-held, ${change}.`);
    nkKilled += s.northKorean.killed;
    nkWounded += s.northKorean.wounded;
    nkCaptured += s.northKorean.captured;
  }
  const ru = report.sectors.reduce(
    (a, s) => ({ k: a.k + s.russian.killed, w: a.w + s.russian.wounded }),
    { k: 0, w: 0 },
  );
  const ua = report.sectors.reduce(
    (a, s) => ({ k: a.k + s.ukrainian.killed, w: a.w + s.ukrainian.wounded }),
    { k: 0, w: 0 },
  );
  lines.push(
    `North Korean soldiers: ${formatCount(nkKilled)} killed, ${formatCount(nkWounded)} wounded, ${formatCount(nkCaptured)} captured.`,
    `Russian: ${formatCount(ru.k)} killed, ${formatCount(ru.w)} wounded. Ukrainian: ${formatCount(ua.k)} killed, ${formatCount(ua.w)} wounded.`,
  );
  return lines.join(' ');
}
