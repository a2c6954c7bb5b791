/** Whether text is an ISO 3166-2 subdivision code (`US-IL`, `GB-ENG`) rather than a country's (`US`). */
export function isRegionCode(text: string): boolean {
  return /^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$/.test(text);
}

/** The key CLDR gives an ISO 3166-2 subdivision code (`US-IL` → `usil`). */
export function cldrSubdivisionKey(code: string): string {
  return code.replace('-', '').toLowerCase();
}

/** A place as a list shows it: its name, its region where known, its country ("Springfield, Illinois (US)"). */
export function placeLabel(p: { name: string; region: string | null; country: string | null }): string {
  const region = p.region && p.region !== p.name ? `, ${p.region}` : '';
  return `${p.name}${region}${p.country ? ` (${p.country})` : ''}`;
}

/**
 * A GeoNames place's first-level division as the partner finder names it: its country and admin1 code (`FR.27`),
 * null when it has no admin1 code. The same value as migration 0011's backfill writes.
 */
export function firstLevelDivision(
  country: string | null | undefined,
  admin1: string | null | undefined,
): string | null {
  return country && admin1 ? `${country}.${admin1}` : null;
}
