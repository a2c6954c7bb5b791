import type { ImportSpec } from '../src/ingest/sources/open-source.js';

/**
 * The four files in `../shared/data` the import benchmarks read, in import order: the Wikipedia lists, then
 * Wikidata 2026 before Wikidata 2016, so that the 2016 labels (no country, no point) find their Q-ids
 * already placed by the 2026 file's coordinates and countries.
 */
export function importSources(data: string): (ImportSpec & { key: string })[] {
  return [
    {
      key: 'wikipedia-lists-geocoded',
      format: 'wikipedia-list',
      path: `${data}/wikipedia-lists/twin_cities.csv`,
    },
    { key: 'wikipedia-lists', format: 'wikipedia-list', path: `${data}/wikipedia-lists/twin_cities_raw.csv` },
    {
      key: 'wikidata-2026',
      format: 'wikidata-nodes',
      path: `${data}/wikidata-2026/links.tsv`,
      companion: `${data}/wikidata-2026/nodes.tsv`,
    },
    {
      key: 'wikidata-2016',
      format: 'wikidata-relations',
      path: `${data}/wikidata-2016/relations.tsv`,
      companion: `${data}/wikidata-2016/names.tsv`,
    },
  ];
}
