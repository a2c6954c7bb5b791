import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TwinningError } from '../../src/core/errors.js';
import { parseColumnMapping } from '../../src/ingest/sources/column-mapping.js';
import { openSource, type ImportSpec } from '../../src/ingest/sources/open-source.js';

/** Files per format; six formats make the campaign's floor of 1,000 files per run. */
const FILES_PER_FORMAT = 180;
const fixtures = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));
const sample = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

/** Each format with a real sample to mutate and how to open a file of it. */
const FORMATS: Array<{ name: string; sample: string; spec(file: string, companion: string): ImportSpec }> = [
  {
    name: 'wikipedia-list',
    sample: sample('wikipedia-list.csv'),
    spec: (path) => ({ format: 'wikipedia-list', path }),
  },
  {
    name: 'wikidata-relations',
    sample: sample('relations.tsv'),
    spec: (path, companion) => ({ format: 'wikidata-relations', path, companion }),
  },
  {
    name: 'wikidata-nodes',
    sample: sample('links.tsv'),
    spec: (path, companion) => ({ format: 'wikidata-nodes', path, companion }),
  },
  {
    name: 'wikidata-sparql',
    sample: sample('sparql-p190.json'),
    spec: (path) => ({ format: 'wikidata-sparql', path }),
  },
  {
    name: 'wikidata-dump',
    sample: sample('entity-dump.jsonl'),
    spec: (path) => ({ format: 'wikidata-dump', path }),
  },
  {
    name: 'csv',
    sample: sample('wikipedia-list.csv'),
    spec: (path) => ({
      format: 'csv',
      path,
      mapping: parseColumnMapping('a=city1,a.country=country1,b=city2,b.country=country2'),
    }),
  },
];

/** A mutation of a sample: cut, duplicated, spliced with hostile text, or replaced by noise. */
const mutated = (text: string) =>
  fc.oneof(
    fc
      .tuple(fc.nat(text.length), fc.nat(text.length))
      .map(([a, b]) => text.slice(0, Math.min(a, b)) + text.slice(Math.max(a, b))),
    fc
      .tuple(
        fc.nat(text.length),
        fc.oneof(
          fc.constantFrom(
            '"',
            '""',
            '\t',
            ',',
            '\n',
            '\r\n',
            '\u0000',
            '{',
            '}',
            '[',
            ']',
            ':',
            'Q',
            'Q0',
            'Q99999999999999999999',
            '1e309',
            'NaN',
            '999',
            '-500',
            '\uFEFF',
            '\uFFFD',
            'é',
          ),
          fc.string({ maxLength: 30 }),
          fc.string({ unit: 'grapheme', maxLength: 10 }),
          fc.nat(3000).map((n) => 'x'.repeat(n)),
        ),
      )
      .map(([at, insert]) => text.slice(0, at) + insert + text.slice(at)),
    fc.array(fc.string({ maxLength: 40 }), { maxLength: 8 }).map((lines) => lines.join('\n')),
    fc.constant(''),
    fc.constant(text.split('\n')[0] ?? ''),
  );

const drain = async (records: AsyncIterable<unknown>) => {
  let n = 0;
  for await (const _ of records) n++;
  return n;
};

describe('fuzzing every import format', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'twinning-fuzz-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(FORMATS)(
    'reads or refuses with file:line every mangled $name file, never crashing',
    async (format) => {
      const companion = path.join(dir, `${format.name}-companion.tsv`);
      const file = path.join(dir, `${format.name}.txt`);
      let files = 0;
      await fc.assert(
        fc.asyncProperty(
          mutated(format.sample),
          mutated(format.name === 'wikidata-nodes' ? sample('nodes.tsv') : sample('names.tsv')),
          async (content, side) => {
            files++;
            writeFileSync(file, content);
            writeFileSync(companion, side);
            try {
              await drain(openSource(format.spec(file, companion)));
            } catch (error) {
              // A refusal is a domain error that names the file; anything else (TypeError, RangeError) is a crash.
              expect(error, String(error)).toBeInstanceOf(TwinningError);
              const { code, location } = error as TwinningError;
              expect([
                'MalformedFile',
                'InvalidInput',
                'InvalidDate',
                'InvalidCountry',
                'DataFileInvalid',
              ]).toContain(code);
              expect(location.file, (error as TwinningError).describe()).toBeDefined();
            }
          },
        ),
        { seed: 12_005, numRuns: FILES_PER_FORMAT, endOnFailure: true },
      );
      expect(files).toBe(FILES_PER_FORMAT);
    },
    300_000,
  );
});
