import { readCsvPairs } from './csv-pairs.js';
import type { ColumnMapping } from './column-mapping.js';
import type { ImportFormat, ImportRecord } from './records.js';
import { readWikidataDump } from './wikidata-dump-parser.js';
import { readWikidataLinks, readWikidataNodes } from './wikidata-nodes-parser.js';
import { readWikidataLabels, readWikidataRelations } from './wikidata-relations-parser.js';
import { readWikidataSparql } from './wikidata-sparql-parser.js';
import { readWikipediaList } from './wikipedia-list-parser.js';
import { TwinningError } from '../../core/errors.js';
import { assertReadableFile, checkedRecords } from './record-checks.js';

/** What to import: a format, its main file, and the files or options some formats need beside it. */
export interface ImportSpec {
  format: ImportFormat;
  path: string;
  /** wikidata-relations: the label file; wikidata-nodes: the node file. */
  companion?: string;
  /** csv: which columns hold what. */
  mapping?: ColumnMapping;
  delimiter?: string;
  directed?: boolean;
}

async function* concat(...parts: AsyncIterable<ImportRecord>[]): AsyncGenerator<ImportRecord> {
  for (const part of parts) yield* part;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new TwinningError('InvalidInput', `this format needs ${what}`);
  return value;
}

/**
 * The stream of records of an import, whatever its format (companion files first), checked by
 * checkedRecords; a missing file is InvalidInput at once.
 */
export function openSource(spec: ImportSpec): AsyncIterable<ImportRecord> {
  assertReadableFile(spec.path);
  if (spec.companion !== undefined) assertReadableFile(spec.companion, 'the companion file');
  return checkedRecords(openUnchecked(spec), spec.path);
}

function openUnchecked(spec: ImportSpec): AsyncIterable<ImportRecord> {
  const { path } = spec;
  switch (spec.format) {
    case 'wikipedia-list':
      return readWikipediaList(path, path);
    case 'wikidata-relations':
      return spec.companion
        ? concat(readWikidataLabels(spec.companion, spec.companion), readWikidataRelations(path, path))
        : readWikidataRelations(path, path);
    case 'wikidata-nodes': {
      const nodes = need(spec.companion, 'the node file (--nodes)');
      return concat(readWikidataNodes(nodes, nodes), readWikidataLinks(path, path));
    }
    case 'wikidata-sparql':
      return readWikidataSparql(path, path);
    case 'wikidata-dump':
      return readWikidataDump(path, path);
    case 'csv':
      return readCsvPairs(path, path, {
        mapping: need(spec.mapping, 'a column mapping (--map)'),
        delimiter: spec.delimiter,
        directed: spec.directed,
      });
  }
}
