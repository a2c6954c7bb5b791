/** A value with the mean and 95% band of the same measure under a null model. */
export interface AgainstNull {
  observed: number;
  nullMean: number;
  /** 2.5th percentile of the null values. */
  nullLow: number;
  /** 97.5th percentile of the null values. */
  nullHigh: number;
}

/** Arithmetic mean (NaN for no values). */
export function mean(values: readonly number[] | Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** The q-quantile (0 ≤ q ≤ 1) with linear interpolation between order statistics (R's type 7). */
export function quantile(values: readonly number[] | Float64Array, q: number): number {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/** Compares an observed value with the values the null model gave. */
export function againstNull(observed: number, nullValues: readonly number[]): AgainstNull {
  return {
    observed,
    nullMean: mean(nullValues),
    nullLow: quantile(nullValues, 0.025),
    nullHigh: quantile(nullValues, 0.975),
  };
}
