/**
 * Splits items into runs of at most `size`, so that a bulk statement stays within the number of bound
 * parameters a dialect allows (SQLite 32,766, PostgreSQL 65,535) and a reasonable statement length.
 */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`chunk size must be a positive integer, not ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
