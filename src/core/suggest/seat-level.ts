/** Seat levels by GeoNames feature code: a capital, then the seat of a first- to fifth-level division. */
const SEAT_LEVELS: Readonly<Record<string, number>> = {
  PPLC: 0,
  PPLA: 1,
  PPLA2: 2,
  PPLA3: 3,
  PPLA4: 4,
  PPLA5: 5,
};

/** A place that is no seat of government (any other populated place). */
export const NO_SEAT = 6;

/**
 * How high a seat of government a GeoNames feature code marks: 0 a national capital (PPLC), 1 the seat of a
 * first-level division (PPLA) … 5 of a fifth-level one (PPLA5), NO_SEAT for any other code; undefined
 * without a code (the place is not in the gazetteer).
 */
export function seatLevel(featureCode: string | null | undefined): number | undefined {
  if (!featureCode) return undefined;
  return SEAT_LEVELS[featureCode] ?? NO_SEAT;
}
