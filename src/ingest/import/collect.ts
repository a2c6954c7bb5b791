import type { PlannedStatement } from '../../registry/import/import-plan.js';
import { matchKey } from '../../core/name-keys.js';
import type { ImportRecord, SourcePlace } from '../sources/records.js';
import type { Progress } from '../progress.js';

/** A statement between two places of one import, by their place keys. */
export type CollectedStatement = PlannedStatement;

/** Everything one import read: distinct places by key, and the statements between them. */
export interface Collected {
  places: Map<string, SourcePlace>;
  statements: CollectedStatement[];
  rowsRead: number;
}

/**
 * A place's identity within a source: its Wikidata id, else its folded name and country. `countryKeys`
 * keeps the keys of the country names met so far (a source names a few hundred countries, many thousand times).
 */
export function placeKey(place: SourcePlace, countryKeys = new Map<string, string>()): string {
  if (place.wikidataId) return place.wikidataId;
  const country = place.country ?? place.countryCode ?? '';
  let countryKey = countryKeys.get(country);
  if (countryKey === undefined) {
    countryKey = matchKey(country);
    countryKeys.set(country, countryKey);
  }
  return `${matchKey(place.name)}|${countryKey}`;
}

/** Adds facts about a place, never replacing a real name by a bare Q-id nor a known fact by nothing. */
function merge(into: SourcePlace | undefined, facts: SourcePlace): SourcePlace {
  if (into === undefined) return { ...facts };
  const placeholder = (p: SourcePlace): boolean => p.wikidataId !== undefined && p.name === p.wikidataId;
  const merged: SourcePlace = { ...into };
  if (placeholder(into) && !placeholder(facts)) Object.assign(merged, { name: facts.name, lang: facts.lang });
  for (const field of ['country', 'countryCode', 'lat', 'lon'] as const) {
    if (merged[field] === undefined && facts[field] !== undefined)
      Object.assign(merged, { [field]: facts[field] });
  }
  return merged;
}

/** Reads every record of an import into memory-light form: places once each, statements by key. */
export async function collectRecords(
  records: AsyncIterable<ImportRecord>,
  progress?: Progress,
): Promise<Collected> {
  const places = new Map<string, SourcePlace>();
  const statements: CollectedStatement[] = [];
  let rowsRead = 0;
  const countryKeys = new Map<string, string>();
  for await (const record of records) {
    rowsRead++;
    if (rowsRead % 5000 === 0) progress?.tick(rowsRead);
    if (record.kind === 'place') {
      const key = placeKey(record.place, countryKeys);
      places.set(key, merge(places.get(key), record.place));
      continue;
    }
    const subject = placeKey(record.subject, countryKeys);
    const object = placeKey(record.object, countryKeys);
    places.set(subject, merge(places.get(subject), record.subject));
    places.set(object, merge(places.get(object), record.object));
    statements.push({
      subject,
      object,
      directed: record.directed,
      line: record.line,
      ...(record.start ? { start: record.start } : {}),
      ...(record.end ? { end: record.end } : {}),
    });
  }
  progress?.done(rowsRead);
  return { places, statements, rowsRead };
}
