/**
 * How many other names GeoNames gives a place: its distinct alternate names (other languages, scripts and
 * spellings), its main and ASCII names left out. A measure of how widely a place is known beyond its size: in
 * cities500, Weimar, of 65,000 people, has 36; Wolfsburg, of 123,000, has 33.
 */
export function otherNamesCount(name: string, asciiName: string, alternateNames: readonly string[]): number {
  const others = new Set(alternateNames.filter((n) => n !== '' && n !== name && n !== asciiName));
  return others.size;
}
