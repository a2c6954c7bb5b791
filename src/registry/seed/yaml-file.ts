import { LineCounter, parseDocument, isNode } from 'yaml';
import { TwinningError } from '../../core/errors.js';

/** A parsed YAML file that can tell the line of any path inside it. */
export interface LocatedYaml {
  file: string;
  value: unknown;
  /** The line and column of the deepest node that exists along the path. */
  locate(path: readonly (string | number)[]): { line: number; column: number };
}

/** Parses YAML text; a syntax error becomes DataFileInvalid with file:line:column. */
export function parseLocatedYaml(text: string, file: string): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    throw new TwinningError('DataFileInvalid', first.message.split('\n')[0] ?? 'invalid YAML', {
      file,
      line: pos.line,
      column: pos.col,
    });
  }
  return {
    file,
    value: doc.toJS(),
    locate(path) {
      for (let depth = path.length; depth >= 0; depth--) {
        const node = doc.getIn(path.slice(0, depth), true);
        if (isNode(node) && node.range) {
          const pos = lineCounter.linePos(node.range[0]);
          return { line: pos.line, column: pos.col };
        }
      }
      return { line: 1, column: 1 };
    },
  };
}

/** Turns a JSON-pointer path (`/3/events/0/date`) into segments with numeric indexes. */
export function pointerSegments(pointer: string): (string | number)[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Formats segments as a field path: `[3].events[0].date`. */
export function fieldPath(segments: readonly (string | number)[]): string {
  return segments
    .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
    .join('')
    .replace(/^\./, '');
}
