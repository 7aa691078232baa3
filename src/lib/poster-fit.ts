export interface FitLimits {
  /** Smallest type scale allowed; below it the poster is declared too long. */
  min: number;
  /** Largest scale; short pieces may grow a little to fill the sheet. */
  max: number;
  /** Stop when the search interval is this narrow. */
  precision?: number;
}

export interface FitResult {
  scale: number;
  /** False when even `min` overflows: the page must warn before anyone prints. */
  fits: boolean;
}

/**
 * The largest type scale in [min, max] at which `fits(scale)` holds, by bisection. `fits` must be
 * monotonic (smaller type never overflows where larger type fits).
 */
export function findFitScale(fits: (scale: number) => boolean, limits: FitLimits): FitResult {
  const { min, max, precision = 0.01 } = limits;
  if (fits(max)) return { scale: max, fits: true };
  if (!fits(min)) return { scale: min, fits: false };
  let low = min;
  let high = max;
  while (high - low > precision) {
    const mid = (low + high) / 2;
    if (fits(mid)) low = mid;
    else high = mid;
  }
  return { scale: Math.floor(low * 1000) / 1000, fits: true };
}

/** Scale as a percentage for the on-screen note: 0.874 → 87%. */
export function scalePercent(scale: number): string {
  return `${Math.round(scale * 100)}%`;
}
