import type { Readable } from 'node:stream';
import { fieldColumn, malformed, parseNumberField } from './malformed.js';
import type { ImportRecord } from './records.js';
import { qidAt, qidStatement, readTsvRows, type TsvRow } from './tsv-rows.js';

const NODE_HEADER = ['id', 'name', 'lng', 'lat', 'country', 'countrycd', 'continent'] as const;
const LINK_HEADER = ['source', 'target'] as const;

function numberAt(row: TsvRow, index: number, file: string, what: string): number {
  return parseNumberField(
    row.fields[index]!,
    { file, line: row.line, column: fieldColumn(row.fields, index) },
    what,
  );
}

/** Streams a node file (`id name lng lat country countrycd continent`, with header) as place records. */
export async function* readWikidataNodes(
  source: string | Readable,
  file: string,
): AsyncGenerator<ImportRecord> {
  for await (const row of readTsvRows(source, file, { columns: NODE_HEADER.length, header: NODE_HEADER })) {
    const wikidataId = qidAt(row, 0, file);
    const name = row.fields[1]!.trim();
    if (name === '')
      throw malformed(file, row.line, fieldColumn(row.fields, 1), 'expected a name, found nothing');
    const lon = numberAt(row, 2, file, 'a longitude');
    const lat = numberAt(row, 3, file, 'a latitude');
    const code = row.fields[5]!.trim().toUpperCase();
    const place = { wikidataId, name, lat, lon, lang: 'en', country: row.fields[4]!.trim() || undefined };
    yield {
      kind: 'place',
      file,
      line: row.line,
      place: /^[A-Z]{2}$/.test(code) ? { ...place, countryCode: code } : place,
    };
  }
}

/** Streams a link file (`source target`, with header) as undirected statements between Q-ids. */
export async function* readWikidataLinks(
  source: string | Readable,
  file: string,
): AsyncGenerator<ImportRecord> {
  for await (const row of readTsvRows(source, file, { columns: LINK_HEADER.length, header: LINK_HEADER })) {
    yield qidStatement(row, file, false);
  }
}
