import type { Readable } from 'node:stream';
import { parsePartialDate, type PartialDate } from '../../core/partial-date.js';
import { TwinningError } from '../../core/errors.js';
import { checkFieldCount, readCsvRows, rowFieldColumn, type CsvRow } from './csv-rows.js';
import { mappedColumns, type ColumnMapping, type SideField } from './column-mapping.js';
import { malformed, parseOptionalNumber } from './malformed.js';
import { isQid, type SourcePlace, type StatementRecord } from './records.js';

/** Options for a pair CSV: its column mapping, delimiter, and whether rows are directed (a lists b). */
export interface CsvPairOptions {
  mapping: ColumnMapping;
  delimiter?: string;
  directed?: boolean;
  /** Leave out mapped columns the header lacks (coordinates in a file without them). */
  optionalColumns?: readonly string[];
}

type Cell = (row: CsvRow, column: string | undefined) => { text: string | undefined; column: number };

function cellReader(header: string[], delimiter: string): Cell {
  const index = new Map(header.map((name, i) => [name.trim(), i]));
  return (row, column) => {
    const i = column === undefined ? undefined : index.get(column);
    if (i === undefined) return { text: undefined, column: 1 };
    return { text: row.fields[i], column: rowFieldColumn(row, i, delimiter) };
  };
}

function readSide(row: CsvRow, cols: ColumnMapping['a'], cell: Cell, file: string): SourcePlace {
  const at = (f: SideField): { text: string | undefined; column: number } => cell(row, cols[f]);
  const name = at('name');
  if (name.text === undefined || name.text.trim() === '') {
    throw malformed(
      file,
      row.line,
      name.column,
      `expected a place name in column "${cols.name}", found nothing`,
    );
  }
  const place: SourcePlace = { name: name.text.trim() };
  const text = (f: SideField): string | undefined => at(f).text?.trim() || undefined;
  const country = text('country');
  const code = text('code');
  const qid = text('qid');
  if (country) place.country = country;
  if (code) place.countryCode = code.toUpperCase();
  if (qid) {
    if (!isQid(qid))
      throw malformed(file, row.line, at('qid').column, `expected a Wikidata id such as Q64, found "${qid}"`);
    place.wikidataId = qid;
  }
  const lat = parseOptionalNumber(
    at('lat').text,
    { file, line: row.line, column: at('lat').column },
    'a latitude',
  );
  const lon = parseOptionalNumber(
    at('lon').text,
    { file, line: row.line, column: at('lon').column },
    'a longitude',
  );
  if (lat !== undefined && lon !== undefined) Object.assign(place, { lat, lon });
  return place;
}

function readDate(
  row: CsvRow,
  column: string | undefined,
  cell: Cell,
  file: string,
): PartialDate | undefined {
  const { text, column: col } = cell(row, column);
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return parsePartialDate(text, column);
  } catch (error) {
    if (error instanceof TwinningError)
      throw malformed(file, row.line, col, `expected YYYY, YYYY-MM or YYYY-MM-DD, found "${text}"`);
    throw error;
  }
}

function checkHeader(header: CsvRow, options: CsvPairOptions, file: string): ColumnMapping {
  const names = header.fields.map((f) => f.trim());
  const optional = new Set(options.optionalColumns ?? []);
  const missing = mappedColumns(options.mapping).filter((c) => !names.includes(c) && !optional.has(c));
  if (missing.length > 0) {
    throw malformed(
      file,
      header.line,
      1,
      `expected a header with column(s) ${missing.map((m) => `"${m}"`).join(', ')}; found ${names.join(', ')}`,
    );
  }
  return options.mapping;
}

/** Streams a CSV of pairs (one pair a row) as statements, by a column mapping; errors point at file:line:column. */
export async function* readCsvPairs(
  source: string | Readable,
  file: string,
  options: CsvPairOptions,
): AsyncGenerator<StatementRecord> {
  const delimiter = options.delimiter ?? ',';
  let header: CsvRow | undefined;
  let cell: Cell | undefined;
  let mapping = options.mapping;
  for await (const row of readCsvRows(source, file, delimiter)) {
    if (header === undefined || cell === undefined) {
      header = row;
      mapping = checkHeader(row, options, file);
      cell = cellReader(row.fields, delimiter);
      continue;
    }
    checkFieldCount(row, header.fields.length, file, delimiter);
    const record: StatementRecord = {
      kind: 'statement',
      file,
      line: row.line,
      directed: options.directed ?? false,
      subject: readSide(row, mapping.a, cell, file),
      object: readSide(row, mapping.b, cell, file),
    };
    const start = readDate(row, mapping.start, cell, file);
    const end = readDate(row, mapping.end, cell, file);
    if (start) record.start = start;
    if (end) record.end = end;
    yield record;
  }
}
