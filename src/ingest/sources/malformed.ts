import { TwinningError } from '../../core/errors.js';

/** A MalformedFile error at file:line:column, saying what was found and what was expected. */
export function malformed(file: string, line: number, column: number, problem: string): TwinningError {
  return new TwinningError('MalformedFile', problem, { file, line, column });
}

/** The 1-based column where field `index` (0-based) starts in a line split by `delimiter`. */
export function fieldColumn(fields: readonly string[], index: number, delimiter = '\t'): number {
  let column = 1;
  for (let i = 0; i < index && i < fields.length; i++) column += fields[i]!.length + delimiter.length;
  return column;
}

/** Parses a decimal number in a field, or throws MalformedFile pointing at it. */
export function parseNumberField(
  text: string,
  where: { file: string; line: number; column: number },
  what: string,
): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) {
    throw malformed(where.file, where.line, where.column, `expected ${what} (a number), found "${text}"`);
  }
  return value;
}

/** Parses an optional number: empty gives undefined, anything else must be a number. */
export function parseOptionalNumber(
  text: string | undefined,
  where: { file: string; line: number; column: number },
  what: string,
): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  return parseNumberField(text, where, what);
}
