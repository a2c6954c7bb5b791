import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { malformed } from './malformed.js';

/** One line of a text file, without its line break, numbered from 1. */
export interface NumberedLine {
  line: number;
  text: string;
}

/**
 * The longest line a text source may have, in characters, unless its reader says otherwise: far above any
 * GeoNames row or TSV record, and low enough that a file without line breaks cannot fill the memory.
 */
export const MAX_LINE_LENGTH = 1 << 20;

/** Opens a file (or takes a stream) for reading as UTF-8 text. */
export function openText(source: string | Readable): Readable {
  return typeof source === 'string'
    ? createReadStream(source, { encoding: 'utf8', highWaterMark: 1 << 20 })
    : source;
}

const LINE_BREAK = /\r\n|\n|\r/g;

/**
 * Streams the lines of a UTF-8 file: a byte-order mark is dropped, LF, CRLF and a lone CR each end a line,
 * and every line (blank ones too) keeps its number so errors can point at it. A line longer than `maxLength`
 * characters is MalformedFile at file:line, found as soon as that many characters have been read without a
 * line break (the line is never held whole).
 */
export async function* readLines(
  source: string | Readable,
  options: { file?: string; maxLength?: number } = {},
): AsyncGenerator<NumberedLine> {
  for await (const batch of readLineBatches(source, options)) yield* batch;
}

/**
 * The lines of `readLines`, each chunk read's complete lines at once (a few thousand lines of a large file), for
 * a reader that handles many lines without awaiting each.
 */
export async function* readLineBatches(
  source: string | Readable,
  options: { file?: string; maxLength?: number } = {},
): AsyncGenerator<NumberedLine[]> {
  const maxLength = options.maxLength ?? MAX_LINE_LENGTH;
  const file = options.file ?? (typeof source === 'string' ? source : '(input)');
  const tooLong = (line: number) =>
    malformed(
      file,
      line,
      maxLength + 1,
      `the line is longer than the ${maxLength} characters a line may hold (is this a text file of lines?)`,
    );
  let line = 0;
  let carry = '';
  const emit = (text: string): NumberedLine => {
    line++;
    return { line, text: line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  };
  for await (const chunk of openText(source)) {
    const text = carry + String(chunk);
    const batch: NumberedLine[] = [];
    let start = 0;
    LINE_BREAK.lastIndex = 0;
    for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
      // A CR at the end of a chunk may be the first half of a CRLF: wait for the next chunk.
      if (m[0] === '\r' && m.index === text.length - 1) break;
      if (m.index - start > maxLength) {
        // The lines before it are read first, as a reader of one line at a time would.
        if (batch.length > 0) yield batch;
        throw tooLong(line + 1);
      }
      batch.push(emit(text.slice(start, m.index)));
      start = m.index + m[0].length;
    }
    if (batch.length > 0) yield batch;
    carry = text.slice(start);
    if (carry.length > maxLength + 1) throw tooLong(line + 1);
  }
  if (carry.endsWith('\r')) carry = carry.slice(0, -1);
  if (carry.length > maxLength) throw tooLong(line + 1);
  if (carry !== '') yield [emit(carry)];
}
