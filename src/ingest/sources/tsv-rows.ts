import type { Readable } from 'node:stream';
import { readLines } from './line-reader.js';
import { fieldColumn, malformed } from './malformed.js';
import { isQid, type ImportRecord } from './records.js';

/** One tab-separated row and its line number. */
export interface TsvRow {
  line: number;
  fields: string[];
}

/** How a TSV file should look: its column count and, when it has one, its header's names. */
export interface TsvShape {
  columns: number;
  header?: readonly string[];
}

function checkHeader(row: TsvRow, header: readonly string[], file: string): void {
  header.forEach((name, i) => {
    if (row.fields[i]?.trim() !== name) {
      throw malformed(
        file,
        row.line,
        fieldColumn(row.fields, i),
        `expected the header column "${name}", found "${row.fields[i] ?? ''}"`,
      );
    }
  });
}

/**
 * Streams a tab-separated file: blank lines skipped, a header checked when the shape names one,
 * and every row must have the expected number of fields (MalformedFile at file:line:column otherwise).
 */
export async function* readTsvRows(
  source: string | Readable,
  file: string,
  shape: TsvShape,
): AsyncGenerator<TsvRow> {
  let headerSeen = shape.header === undefined;
  for await (const { line, text } of readLines(source, { file })) {
    if (text.trim() === '') continue;
    const fields = text.split('\t');
    const row = { line, fields };
    if (!headerSeen) {
      checkHeader(row, shape.header!, file);
      headerSeen = true;
      continue;
    }
    if (fields.length !== shape.columns) {
      const column = fields.length > shape.columns ? fieldColumn(fields, shape.columns) : text.length + 1;
      const what = fields.length > shape.columns ? 'found more' : `found ${fields.length}`;
      throw malformed(file, line, column, `expected ${shape.columns} tab-separated fields, ${what}`);
    }
    yield row;
  }
}

/** The Wikidata id in field `index` of a row, or MalformedFile pointing at it. */
export function qidAt(row: TsvRow, index: number, file: string): string {
  const text = row.fields[index]!.trim();
  if (!isQid(text)) {
    throw malformed(
      file,
      row.line,
      fieldColumn(row.fields, index),
      `expected a Wikidata id such as Q64, found "${text}"`,
    );
  }
  return text;
}

/** A statement between the Wikidata ids in a row's first two columns, named by their ids until labelled. */
export function qidStatement(row: TsvRow, file: string, directed: boolean): ImportRecord {
  const subject = qidAt(row, 0, file);
  const object = qidAt(row, 1, file);
  return {
    kind: 'statement',
    file,
    line: row.line,
    directed,
    subject: { name: subject, wikidataId: subject },
    object: { name: object, wikidataId: object },
  };
}
