import type { Readable } from 'node:stream';
import { openText } from './line-reader.js';
import { malformed } from './malformed.js';
import { positionAt, tryParseJson, type TextPosition } from './json-position.js';

/** One element of a streamed JSON array, parsed, with the position it starts at. */
export interface JsonElement {
  line: number;
  column: number;
  value: unknown;
}

class Scanner {
  depth = 0;
  inString = false;
  escape = false;
  lastString = '';
  stringStart = -1;
  keyAt: string[] = [];
  arrayDepth = -1;
  element: string[] = [];
  elementStart: TextPosition | undefined;
  line = 1;
  column = 1;
}

/** Advances the scanner over one character outside any captured element's strings; returns true when an element closes. */
function step(s: Scanner, c: string, key: string): boolean {
  if (s.inString) {
    if (s.escape) s.escape = false;
    else if (c === '\\') s.escape = true;
    else if (c === '"') s.inString = false;
    return false;
  }
  if (c === '"') s.inString = true;
  else if (c === ':' && s.depth >= 0) s.keyAt[s.depth] = s.lastString;
  else if (c === '{' || c === '[') {
    if (c === '[' && s.arrayDepth === -1 && s.keyAt[s.depth] === key) s.arrayDepth = s.depth + 1;
    s.depth++;
    s.keyAt[s.depth] = '';
  } else if (c === '}' || c === ']') {
    s.depth--;
    if (s.depth === s.arrayDepth && c === '}') return true;
    if (s.depth < s.arrayDepth) s.arrayDepth = -2;
  }
  return false;
}

/**
 * Streams the elements of the array held by `key` in a JSON document (SPARQL results' `bindings`)
 * without holding the document in memory. An element that is not valid JSON throws MalformedFile at
 * its file:line:column; so does a document that ends early.
 */
export async function* streamJsonArray(
  source: string | Readable,
  file: string,
  key: string,
): AsyncGenerator<JsonElement> {
  const s = new Scanner();
  let quoted = -1;
  let carry = '';
  for await (const chunk of openText(source) as AsyncIterable<string>) {
    let segment = s.elementStart !== undefined ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (s.elementStart === undefined && s.depth === s.arrayDepth && c === '{') {
        s.elementStart = { line: s.line, column: s.column };
        segment = i;
      }
      if (s.elementStart === undefined && !s.inString && c === '"') {
        quoted = i + 1;
        carry = '';
      } else if (s.elementStart === undefined && s.inString && c === '"' && !s.escape && quoted >= 0) {
        s.lastString = carry + chunk.slice(quoted, i);
      }
      const closed = step(s, c, key);
      if (c === '\n') {
        s.line++;
        s.column = 1;
      } else {
        s.column++;
      }
      if (closed) {
        s.element.push(chunk.slice(segment, i + 1));
        segment = -1;
        yield parseElement(s, file);
      }
    }
    if (segment >= 0) s.element.push(chunk.slice(segment));
    carry = s.inString && quoted >= 0 && s.elementStart === undefined ? carry + chunk.slice(quoted) : '';
    quoted = s.inString ? 0 : -1;
  }
  if (s.depth !== 0 || s.inString)
    throw malformed(
      file,
      s.line,
      s.column,
      'the JSON ends early; expected the closing brackets of the document',
    );
  if (s.arrayDepth === -1) throw malformed(file, 1, 1, `expected a JSON document with a "${key}" array`);
}

function parseElement(s: Scanner, file: string): JsonElement {
  const text = s.element.join('');
  const start = s.elementStart!;
  s.element = [];
  s.elementStart = undefined;
  const parsed = tryParseJson(text);
  if ('value' in parsed) return { ...start, value: parsed.value };
  const at = positionAt(text, parsed.offset, start);
  throw malformed(file, at.line, at.column, parsed.message);
}
