/** Numbers as the charts print them (en-GB grouping, at most one decimal, a true minus sign). */

const ONE_DECIMAL = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** 12345 -> "12,345"; 12.46 -> "12.5"; not a number -> "–". */
export function formatNumber(n: number | undefined | null): string {
  if (n === undefined || n === null || !Number.isFinite(n)) return '–';
  return ONE_DECIMAL.format(n);
}

/** Compact axis numbers: 12,000 -> "12k", 2,500 -> "2.5k", 1,500,000 -> "1.5M". */
export function formatAxis(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e6) return `${trim(n / 1e6)}M`;
  if (a >= 1000) return `${trim(n / 1000)}k`;
  return formatNumber(n);
}

function trim(n: number): string {
  return n.toFixed(1).replace(/\.0$/, '');
}

/** A change with its sign: "+12", "−3.5", "0". */
export function signed(n: number): string {
  return n > 0 ? `+${formatNumber(n)}` : n < 0 ? `−${formatNumber(-n)}` : '0';
}
