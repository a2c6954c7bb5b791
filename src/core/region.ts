import { iso31662 } from 'iso-3166';

const NAMES = new Map(iso31662.map((e) => [e.code, e.name]));

/** The name of an ISO 3166-2 subdivision (`US-IL` → Illinois), or undefined for a code the list lacks. */
export function regionName(code: string | null | undefined): string | undefined {
  return code ? NAMES.get(code) : undefined;
}

/** Whether text is an ISO 3166-2 subdivision code (`US-IL`, `GB-ENG`) rather than a country's (`US`). */
export function isRegionCode(text: string): boolean {
  return /^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$/.test(text);
}

/** A place's name with its region where one is known, as namesakes are told apart: "Springfield, Illinois". */
export function nameWithRegion(name: string, subdivision: string | null | undefined): string {
  const region = regionName(subdivision);
  return region && region !== name ? `${name}, ${region}` : name;
}

/** A place as a list shows it: its name, its region where known, its country ("Springfield, Illinois (US)"). */
export function placeLabel(p: { name: string; region: string | null; country: string | null }): string {
  const region = p.region && p.region !== p.name ? `, ${p.region}` : '';
  return `${p.name}${region}${p.country ? ` (${p.country})` : ''}`;
}
