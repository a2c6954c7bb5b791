import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** One line of a text file, without its line break, numbered from 1. */
export interface NumberedLine {
  line: number;
  text: string;
}

/** Opens a file (or takes a stream) for reading as UTF-8 text. */
export function openText(source: string | Readable): Readable {
  return typeof source === 'string'
    ? createReadStream(source, { encoding: 'utf8', highWaterMark: 1 << 20 })
    : source;
}

/**
 * Streams the lines of a UTF-8 file: a byte-order mark is dropped, LF and CRLF both end a line,
 * and every line (blank ones too) keeps its number so errors can point at it.
 */
export async function* readLines(source: string | Readable): AsyncGenerator<NumberedLine> {
  const input = createInterface({ input: openText(source), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of input) {
    line++;
    const text = line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    yield { line, text };
  }
}
