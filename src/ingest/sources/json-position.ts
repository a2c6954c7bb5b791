/** A 1-based line and column in a text. */
export interface TextPosition {
  line: number;
  column: number;
}

function isViablePrefix(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    if (!(error instanceof SyntaxError)) return false;
    if (/Unexpected end of JSON input|Unterminated string/.test(error.message)) return true;
    const at = /at position (\d+)/.exec(error.message);
    return at !== null && Number(at[1]) >= prefix.length;
  }
}

/**
 * The offset of the first character that makes a JSON text invalid (V8's messages do not always give
 * one): the longest prefix that could still begin a valid document ends there.
 */
export function jsonErrorOffset(text: string): number {
  let lo = 0;
  let hi = text.length;
  if (isViablePrefix(text)) return text.length;
  while (lo < hi - 1) {
    const mid = (lo + hi) >>> 1;
    if (isViablePrefix(text.slice(0, mid))) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The line and column of an offset, counting from a starting position. */
export function positionAt(
  text: string,
  offset: number,
  start: TextPosition = { line: 1, column: 1 },
): TextPosition {
  let { line, column } = start;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
  return { line, column };
}

/** Parses JSON, or returns the position of its first error and a short description. */
export function tryParseJson(text: string): { value: unknown } | { offset: number; message: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const offset = jsonErrorOffset(text);
    const found = offset < text.length ? `"${text[offset]}"` : 'the end of the text';
    return { offset, message: `expected valid JSON, found ${found}` };
  }
}
