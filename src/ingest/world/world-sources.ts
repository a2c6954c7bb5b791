import path from 'node:path';
import type { Source } from '../../core/source.js';
import type { ImportSpec } from '../sources/open-source.js';

/** One file set of data/sources: how to import it and the source its links cite. */
export interface WorldSource extends ImportSpec {
  source: Source & { key: string; title: string };
}

/**
 * The public data sets the world registry is built from, in import order (data/sources/README.md holds
 * their attribution and licences): Wikidata 2026, with coordinates, places its Q-ids before 2016's bare labels. `retrieved` is when each was published or crawled: a source that lists
 * a link is evidence that the link stood then.
 */
export function worldSources(sourcesDir: string): WorldSource[] {
  const file = (...parts: string[]): string => path.join(sourcesDir, ...parts);
  const wikipedia = {
    url: 'https://en.wikipedia.org/wiki/Lists_of_twin_towns_and_sister_cities',
    publisher: 'Wikipedia contributors (CC BY-SA 4.0), compiled by github.com/Hekman/twincities',
    retrieved: '2026-02',
  };
  return [
    {
      format: 'wikipedia-list',
      path: file('wikipedia-lists', 'twin_cities.csv'),
      source: {
        key: 'wikipedia-lists-geocoded',
        title: "English Wikipedia's lists of twin towns and sister cities, geocoded",
        dataset: 'data/sources/wikipedia-lists/twin_cities.csv',
        ...wikipedia,
      },
    },
    {
      format: 'wikipedia-list',
      path: file('wikipedia-lists', 'twin_cities_raw.csv'),
      source: {
        key: 'wikipedia-lists',
        title: "English Wikipedia's lists of twin towns and sister cities",
        dataset: 'data/sources/wikipedia-lists/twin_cities_raw.csv',
        ...wikipedia,
      },
    },
    {
      format: 'wikidata-nodes',
      path: file('wikidata-2026', 'links.tsv'),
      companion: file('wikidata-2026', 'nodes.tsv'),
      source: {
        key: 'wikidata-2026',
        title: 'Wikidata P190 links between cities, May 2026',
        url: 'https://github.com/bothness/twin-cities',
        dataset: 'data/sources/wikidata-2026/links.tsv',
        publisher: 'Wikidata (CC0), published by github.com/bothness/twin-cities',
        retrieved: '2026-05',
      },
    },
    {
      format: 'wikidata-relations',
      path: file('wikidata-2016', 'relations.tsv'),
      companion: file('wikidata-2016', 'names.tsv'),
      source: {
        key: 'wikidata-2016',
        title: 'Wikidata P190 (twinned administrative body), crawled from Weimar in September 2016',
        url: 'https://github.com/L3viathan/sister-cities',
        dataset: 'data/sources/wikidata-2016/relations.tsv',
        publisher: 'Wikidata (CC0), crawled by github.com/L3viathan/sister-cities',
        retrieved: '2016-09',
      },
    },
  ];
}
