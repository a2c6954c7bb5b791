import { parse, CsvError, type Parser } from 'csv-parse';
import type { Readable } from 'node:stream';
import { MAX_LINE_LENGTH, openText } from './line-reader.js';
import { malformed } from './malformed.js';

/** One CSV record: its fields and the line it starts on. */
export interface CsvRow {
  line: number;
  fields: string[];
  /** The record as written, for pointing at a column. */
  raw: string;
}

interface ParsedRecord {
  record: string[];
  raw: string;
}

/** Line breaks in raw text: CRLF, LF or a lone CR (csv-parse keeps only the CR of a CRLF record end). */
function countNewlines(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** The 1-based column where field `index` starts on the first line of a raw record, honouring quotes. */
function quotedFieldColumn(raw: string, index: number, delimiter: string): number {
  let field = 0;
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    if (field === index) return i + 1;
    const c = raw[i];
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) field++;
    else if (c === '\n' && !quoted) break;
  }
  return raw.length + 1;
}

/**
 * Where a quoted field opens on a record's first line and is still open at that line's end (a 1-based
 * column), or undefined when every quote on the first line is closed on it.
 */
function openQuoteOnFirstLine(raw: string, delimiter: string): number | undefined {
  let quoted = false;
  let opened = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\n' || c === '\r') break;
    if (c !== '"') continue;
    if (!quoted && (i === 0 || raw[i - 1] === delimiter)) opened = i + 1;
    quoted = !quoted;
  }
  return quoted ? opened : undefined;
}

/** Turns csv-parse's error into MalformedFile at file:line:column with what was expected. */
function translate(error: CsvError, file: string, startLine: number, delimiter: string): Error {
  const raw = typeof error.raw === 'string' ? error.raw : '';
  const line = startLine + countNewlines(raw.replace(/(\r\n|\r|\n)$/, ''));
  const lastLine = raw.slice(raw.lastIndexOf('\n') + 1);
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return malformed(
      file,
      startLine,
      quotedFieldColumn(raw, Number(error.index ?? 0), delimiter),
      'a quoted field is never closed; expected a closing double quote (")',
    );
  }
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return malformed(
      file,
      startLine,
      1,
      `a record is longer than the ${MAX_LINE_LENGTH} characters a record may hold (an unclosed quote?)`,
    );
  }
  const opened = line > startLine ? openQuoteOnFirstLine(raw, delimiter) : undefined;
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE' && opened !== undefined) {
    // The quote that went wrong is the one that opened the field, lines before the parser noticed.
    return malformed(
      file,
      startLine,
      opened,
      `a quoted field opens here and is not closed on this line; the next quote, on line ${line}, is not ` +
        `followed by "${delimiter}" or the end of the line: a stray quote?`,
    );
  }
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE') {
    return malformed(
      file,
      line,
      lastLine.length + 1,
      `expected "${delimiter}" or the end of the line after a closing quote`,
    );
  }
  return malformed(file, line, lastLine.length + 1, `expected CSV: ${error.message}`);
}

/**
 * Records from csv-parse in order, then its error if any. (A stream's own async iterator drops the
 * records parsed before an error in the same chunk, which would put the error on the wrong line.)
 */
async function* inOrder(parser: Parser, input: Readable): AsyncGenerator<ParsedRecord> {
  let queue: ParsedRecord[] = [];
  let failure: unknown;
  let done = false;
  let wake: (() => void) | undefined;
  const notify = (): void => wake?.();
  parser.on('data', (r: ParsedRecord) => {
    queue.push(r);
    if (queue.length > 10_000) input.pause();
    notify();
  });
  parser.on('error', (e) => ((failure = e), notify()));
  parser.on('end', () => ((done = true), notify()));
  input.on('error', (e) => ((failure = e), notify()));
  input.pipe(parser);
  for (;;) {
    if (queue.length > 0) {
      const batch = queue;
      queue = [];
      input.resume();
      yield* batch;
      continue;
    }
    if (failure !== undefined) throw failure;
    if (done) return;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  }
}

/**
 * Streams the records of a CSV file with the line each starts on. Handles a byte-order mark, CRLF,
 * quoted delimiters and line breaks; blank lines are skipped. Malformed quoting throws MalformedFile.
 */
export async function* readCsvRows(
  source: string | Readable,
  file: string,
  delimiter = ',',
): AsyncGenerator<CsvRow> {
  const parser = parse({
    bom: true,
    raw: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: MAX_LINE_LENGTH,
  });
  let line = 1;
  try {
    for await (const { record, raw } of inOrder(parser, openText(source))) {
      const start = line;
      line += countNewlines(raw);
      if (record.length === 1 && record[0]!.trim() === '') continue;
      yield { line: start, fields: record, raw };
    }
  } catch (error) {
    if (error instanceof CsvError) throw translate(error, file, line, delimiter);
    throw error;
  } finally {
    parser.destroy();
  }
}

/** The 1-based column where field `index` (0-based) of a row starts, quotes counted. */
export function rowFieldColumn(row: CsvRow, index: number, delimiter = ','): number {
  return quotedFieldColumn(row.raw, index, delimiter);
}

/** Checks a row has exactly the header's number of fields, else throws MalformedFile at its end. */
export function checkFieldCount(row: CsvRow, expected: number, file: string, delimiter = ','): void {
  if (row.fields.length === expected) return;
  const found = row.fields.length;
  const firstLine = row.raw.replace(/\r?\n?$/, '').replace(/\r$/, '');
  const column = found > expected ? quotedFieldColumn(row.raw, expected, delimiter) : firstLine.length + 1;
  throw malformed(file, row.line, column, `expected ${expected} fields, found ${found}`);
}
