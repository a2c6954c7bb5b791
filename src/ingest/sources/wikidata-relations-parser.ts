import type { Readable } from 'node:stream';
import { fieldColumn, malformed } from './malformed.js';
import type { ImportRecord } from './records.js';
import { qidAt, qidStatement, readTsvRows } from './tsv-rows.js';

/** Streams a label file (`Q-id<TAB>label`, no header) as place records. Labels' language is unknown. */
export async function* readWikidataLabels(
  source: string | Readable,
  file: string,
): AsyncGenerator<ImportRecord> {
  for await (const row of readTsvRows(source, file, { columns: 2 })) {
    const wikidataId = qidAt(row, 0, file);
    const name = row.fields[1]!.trim();
    if (name === '')
      throw malformed(
        file,
        row.line,
        fieldColumn(row.fields, 1),
        'expected a label after the tab, found nothing',
      );
    yield { kind: 'place', file, line: row.line, place: { wikidataId, name, lang: 'und' } };
  }
}

/**
 * Streams a relations file (`subject<TAB>object`, no header), one directed P190 statement a line:
 * the subject lists the object. Names are the Q-ids until a label file supplies better.
 */
export async function* readWikidataRelations(
  source: string | Readable,
  file: string,
): AsyncGenerator<ImportRecord> {
  for await (const row of readTsvRows(source, file, { columns: 2 })) {
    yield qidStatement(row, file, true);
  }
}
