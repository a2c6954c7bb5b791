import path from 'node:path';
import type { ImportFormat } from '../sources/records.js';
import type { ImportSource } from './run-import.js';

const TITLES: Readonly<Record<ImportFormat, string>> = {
  'wikipedia-list': "English Wikipedia's lists of twin towns and sister cities",
  'wikidata-relations': 'Wikidata P190 (twinned administrative body) statements',
  'wikidata-nodes': 'Wikidata P190 links between cities',
  'wikidata-sparql': 'Wikidata Query Service: P190 with start and end qualifiers',
  'wikidata-dump': 'Wikidata entity dump: P190 claims',
  csv: 'A CSV of twinned pairs',
};

/** The source an import is recorded under: given on the command line, or named after the format and file. */
export function defaultSource(
  format: ImportFormat,
  location: string,
  given: { source?: string; title?: string },
): ImportSource {
  const stem = location.startsWith('http')
    ? new URL(location).hostname
    : path.basename(location).replace(/\.[^.]+$/, '');
  const key = given.source ?? `${format}-${stem.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return {
    key,
    title: given.title ?? `${TITLES[format]} (${path.basename(location)})`,
    dataset: location.startsWith('http') ? location : path.basename(location),
    ...(format.startsWith('wikidata') ? { url: 'https://www.wikidata.org/wiki/Property:P190' } : {}),
  };
}
