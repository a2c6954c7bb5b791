import { hurwitzZeta } from './hurwitz-zeta.js';

/**
 * A discrete power law P(k) = k^−α / ζ(α, xmin) for k ≥ xmin, fitted as Clauset, Shalizi and
 * Newman (SIAM Review 2009) describe: α by maximum likelihood for each candidate xmin, and the
 * xmin whose fit has the smallest Kolmogorov–Smirnov distance to the data.
 */
export interface PowerLawFit {
  alpha: number;
  xmin: number;
  /** Values at or above xmin, the ones the fit describes. */
  tail: number;
  /** Kolmogorov–Smirnov distance between the tail and the fitted law. */
  ks: number;
}

const ALPHA_LOW = 1 + 1e-6;
const ALPHA_HIGH = 50;
const BISECTIONS = 100;

/**
 * Fits a discrete power law to positive integers (e.g. degrees ≥ 1), trying every distinct value
 * but the largest as xmin; the smallest xmin wins a tie. NaN exponent with fewer than two distinct values.
 */
export function fitDiscretePowerLaw(values: ArrayLike<number>): PowerLawFit {
  const sorted = Float64Array.from(values)
    .filter((x) => x >= 1)
    .sort();
  const distinct = [...new Set(sorted)];
  let best: PowerLawFit = { alpha: NaN, xmin: distinct[0] ?? NaN, tail: sorted.length, ks: NaN };
  let start = 0;
  for (let c = 0; c + 1 < distinct.length; c++) {
    const xmin = distinct[c]!;
    while (sorted[start]! < xmin) start++;
    const tail = sorted.subarray(start);
    const alpha = powerLawMle(tail, xmin);
    const ks = ksDistance(tail, xmin, alpha);
    if (!(ks >= best.ks)) best = { alpha, xmin, tail: tail.length, ks };
  }
  return best;
}

/** The maximum-likelihood exponent for sorted values ≥ xmin: the root of E_α[ln k] = mean ln k, by bisection. */
export function powerLawMle(tail: ArrayLike<number>, xmin: number): number {
  let logSum = 0;
  for (let i = 0; i < tail.length; i++) logSum += Math.log(tail[i]!);
  const meanLog = logSum / tail.length;
  const excess = (alpha: number): number => {
    const { zeta, logZeta } = hurwitzZeta(alpha, xmin);
    return logZeta / zeta - meanLog;
  };
  let low = ALPHA_LOW;
  let high = ALPHA_HIGH;
  if (excess(high) >= 0) return high;
  for (let i = 0; i < BISECTIONS; i++) {
    const mid = (low + high) / 2;
    if (excess(mid) > 0) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** Largest gap between the empirical and fitted distribution functions, at every integer of the tail's range. */
export function ksDistance(tail: ArrayLike<number>, xmin: number, alpha: number): number {
  const norm = hurwitzZeta(alpha, xmin).zeta;
  const count = tail.length;
  let fitted = 0;
  let below = 0;
  let worst = 0;
  for (let k = xmin; k <= tail[count - 1]!; k++) {
    fitted += Math.pow(k, -alpha) / norm;
    while (below < count && tail[below]! <= k) below++;
    worst = Math.max(worst, Math.abs(below / count - fitted));
  }
  return worst;
}
