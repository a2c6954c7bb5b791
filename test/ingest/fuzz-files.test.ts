import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TwinningError } from '../../src/core/errors.js';
import { defaultSource } from '../../src/ingest/import/default-source.js';
import { runImport } from '../../src/ingest/import/run-import.js';
import { parseColumnMapping } from '../../src/ingest/sources/column-mapping.js';
import { openSource, type ImportSpec } from '../../src/ingest/sources/open-source.js';
import { dataStamp } from '../../src/store/data-stamp.repository.js';
import type { DB } from '../../src/store/schema.js';
import { DIALECTS } from '../support/databases.js';
import { REGISTRY_TABLES } from '../support/registry-snapshot.js';
import { openWithGazetteer } from './import-support.js';

/** Files per format and dialect; six formats make the campaign's floor of 1,000 files per run on each dialect. */
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

/** The tables of the registry, of the imports and of the audit trail: what an import may write. */
const TABLES = [
  ...REGISTRY_TABLES,
  'gazetteer_places',
  'gazetteer_names',
  'source_places',
  'link_sources',
  'locality_merges',
  'audit_log',
] as const satisfies readonly (keyof DB)[];

/**
 * What a rejected file must leave as it was: every table's row count and the data stamp (ids and versions), read in
 * one query (a round trip per file and dialect, not one per table).
 */
async function storeState(db: Kysely<DB>): Promise<{ counts: unknown; stamp: string }> {
  const counts = sql.join(TABLES.map((t) => sql`(select count(*) from ${sql.table(t)}) as ${sql.ref(t)}`));
  const { rows } = await sql<Record<string, unknown>>`select ${counts}`.execute(db);
  return { counts: rows[0], stamp: await dataStamp(db) };
}

/** The error codes of a file refused for what it holds. */
const REFUSALS = ['MalformedFile', 'InvalidInput', 'InvalidDate', 'InvalidCountry', 'DataFileInvalid'];

// Every mangled file goes through the whole import (read, check, match, write in one transaction) into one store
// per dialect, which keeps what the accepted files add: a refused file must be refused clearly (a domain error
// naming the file, and the line or the field) and leave that store exactly as it was.
describe.each(DIALECTS)('fuzzing every import format into the registry [%s]', (dialect) => {
  const dir = mkdtempSync(path.join(tmpdir(), `twinning-fuzz-files-${dialect}-`));
  let store: Awaited<ReturnType<typeof openWithGazetteer>>;
  beforeAll(async () => {
    store = await openWithGazetteer(dialect);
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(FORMATS)(
    'imports or refuses with file:line every mangled $name file, never crashing, a refusal writing nothing',
    async (format) => {
      const companion = path.join(dir, `${format.name}-companion.tsv`);
      const file = path.join(dir, `${format.name}.txt`);
      const source = defaultSource(format.spec(file, companion).format, file, {});
      let files = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(
          mutated(format.sample),
          mutated(format.name === 'wikidata-nodes' ? sample('nodes.tsv') : sample('names.tsv')),
          async (content, side) => {
            files++;
            writeFileSync(file, content);
            writeFileSync(companion, side);
            const spec = format.spec(file, companion);
            const before = await storeState(store.database.db);
            try {
              await runImport(store.database, spec.format, openSource(spec), source);
            } catch (error) {
              refused++;
              // A refusal is a domain error that names the file and the line or field; anything else is a crash.
              expect(error, String(error)).toBeInstanceOf(TwinningError);
              const { code, location } = error as TwinningError;
              const text = (error as TwinningError).describe();
              expect(REFUSALS, text).toContain(code);
              expect(location.file, text).toBeDefined();
              // A line or a field, unless the refusal is of the whole file (it holds no records at all).
              const wholeFile = code === 'MalformedFile' && /holds no records/.test((error as Error).message);
              expect(location.line !== undefined || location.field !== undefined || wholeFile, text).toBe(
                true,
              );
              expect(await storeState(store.database.db), text).toEqual(before);
            }
          },
        ),
        { seed: 12_005, numRuns: FILES_PER_FORMAT, endOnFailure: true },
      );
      expect(files).toBe(FILES_PER_FORMAT);
      // The campaign reaches both sides: files refused, and files imported.
      expect(refused).toBeGreaterThan(0);
      expect(refused).toBeLessThan(FILES_PER_FORMAT);
    },
    300_000,
  );
});
