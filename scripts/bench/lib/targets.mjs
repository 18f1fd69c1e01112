// Verdicts for the performance targets: "met" or "missed by X %" (how far the figure is from the
// target, relative to the target), so the report never rounds a miss into a pass.

/**
 * @param {number} measured
 * @param {number} target
 * @param {'at least' | 'at most'} kind
 * @returns {string}
 */
export function verdict(measured, target, kind) {
  if (!Number.isFinite(measured)) return 'not measured';
  const met = kind === 'at least' ? measured >= target : measured <= target;
  if (met) return 'met';
  const off = (Math.abs(measured - target) / target) * 100;
  return `missed by ${off < 10 ? off.toFixed(1) : off.toFixed(0)} %`;
}

/**
 * measured ÷ baseline, as "0.61×"; n/a when either is missing.
 * @param {number | undefined} measured
 * @param {number | undefined} baseline
 */
export function ratio(measured, baseline) {
  if (measured === undefined || baseline === undefined || !Number.isFinite(measured) || !Number.isFinite(baseline) || baseline === 0) return 'n/a';
  const r = measured / baseline;
  return `${r < 10 ? r.toFixed(2) : r.toFixed(1)}×`;
}
