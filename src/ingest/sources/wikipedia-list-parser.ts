import type { Readable } from 'node:stream';
import { WIKIPEDIA_LIST_MAPPING } from './column-mapping.js';
import { readCsvPairs } from './csv-pairs.js';
import type { StatementRecord } from './records.js';

/**
 * Streams a Wikipedia-list CSV (`city1,country1,city2,country2`, or with `lat1,lng1,…,lat2,lng2`)
 * as undirected statements; the coordinate columns are used when the header has them.
 */
export function readWikipediaList(source: string | Readable, file: string): AsyncGenerator<StatementRecord> {
  return readCsvPairs(source, file, {
    mapping: WIKIPEDIA_LIST_MAPPING,
    optionalColumns: ['lat1', 'lng1', 'lat2', 'lng2'],
  });
}
