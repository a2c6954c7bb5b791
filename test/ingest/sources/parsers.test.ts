import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCsvRows } from '../../../src/ingest/sources/csv-rows.js';
import { MAX_LINE_LENGTH, readLines } from '../../../src/ingest/sources/line-reader.js';
import { readTsvRows } from '../../../src/ingest/sources/tsv-rows.js';
import { readCsvPairs } from '../../../src/ingest/sources/csv-pairs.js';
import { parseColumnMapping } from '../../../src/ingest/sources/column-mapping.js';
import { readGeoNames } from '../../../src/ingest/gazetteer/geonames-parser.js';
import { readWikidataDump } from '../../../src/ingest/sources/wikidata-dump-parser.js';
import { readWikidataLinks, readWikidataNodes } from '../../../src/ingest/sources/wikidata-nodes-parser.js';
import {
  readWikidataLabels,
  readWikidataRelations,
} from '../../../src/ingest/sources/wikidata-relations-parser.js';
import { readWikidataSparql } from '../../../src/ingest/sources/wikidata-sparql-parser.js';
import { readWikipediaList } from '../../../src/ingest/sources/wikipedia-list-parser.js';
import { wikidataDate } from '../../../src/ingest/sources/wikidata-date.js';
import type { StatementRecord } from '../../../src/ingest/sources/records.js';
import { all, failure, fixture } from '../fixtures.js';

describe('CSV rows', () => {
  it('keeps line numbers across a byte-order mark, CRLF, quoted line breaks and blank lines', async () => {
    const rows = await all(
      readCsvRows(Readable.from(['\ufeffa,b\r\n1,"x\r\ny"\r\n\r\n"p,q",4\r\n']), 'mem.csv'),
    );
    expect(rows.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'x\r\ny']],
      [5, ['p,q', '4']],
    ]);
  });

  it('reports an unclosed quote where it opens, even when earlier rows share its chunk', async () => {
    expect(
      await failure(() => all(readCsvRows(fixture('malformed-quote.csv'), fixture('malformed-quote.csv')))),
    ).toMatchObject({
      code: 'MalformedFile',
      where: 'malformed-quote.csv:3:1',
    });
  });
});

describe('line and record limits', () => {
  it('numbers lines ended by LF, CRLF or a lone CR, also when a CRLF is split between chunks', async () => {
    const lines = await all(readLines(Readable.from(['\ufeffa\r', '\nb\rc\n\nd\r\n', 'e'])));
    expect(lines).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'b' },
      { line: 3, text: 'c' },
      { line: 4, text: '' },
      { line: 5, text: 'd' },
      { line: 6, text: 'e' },
    ]);
  });

  it('refuses a line past the limit at file:line, without reading it whole', async () => {
    const huge = Readable.from(['ok\n', 'x'.repeat(600), 'x'.repeat(600), 'never read']);
    expect(await failure(() => all(readLines(huge, { file: 'mem.tsv', maxLength: 1000 })))).toMatchObject({
      code: 'MalformedFile',
      where: 'mem.tsv:2:1001',
      message: expect.stringMatching(/longer than the 1000 characters/),
    });
    const tsv = Readable.from([`a\tb\n${'y'.repeat(MAX_LINE_LENGTH + 5)}\n`]);
    expect(await failure(() => all(readTsvRows(tsv, 'big.tsv', { columns: 2 })))).toMatchObject({
      where: `big.tsv:2:${MAX_LINE_LENGTH + 1}`,
    });
  });

  it('refuses a CSV record past the limit where it starts', async () => {
    const csv = Readable.from([`a,b\n1,2\n"${'z'.repeat(MAX_LINE_LENGTH + 5)}\n`]);
    expect(await failure(() => all(readCsvRows(csv, 'big.csv')))).toMatchObject({
      code: 'MalformedFile',
      where: 'big.csv:3:1',
    });
  });

  it('reports a stray quote on its own line, not where the parser noticed it lines later', async () => {
    const rows = ['a,b,c', ...Array.from({ length: 60 }, (_, i) => `town${i},city${i},DE`)];
    rows[11] = '"Lyon,Turin,IT';
    rows[50] = 'x,"Foo",y';
    const csv = Readable.from([rows.join('\n') + '\n']);
    expect(await failure(() => all(readCsvRows(csv, 'stray.csv')))).toMatchObject({
      code: 'MalformedFile',
      where: 'stray.csv:12:1',
      message: expect.stringMatching(/line 51.*stray quote/),
    });
  });
});

describe('Wikipedia-list CSV', () => {
  it('reads pairs with coordinates, quoted commas, non-Latin names and a BOM, skipping blank lines', async () => {
    const records = await all(readWikipediaList(fixture('wikipedia-list.csv'), 'wikipedia-list.csv'));
    expect(records.map((r) => r.line)).toEqual([2, 3, 5, 6, 7, 8, 9]);
    expect(records[0]!.subject).toEqual({ name: 'Kiev', country: 'Ukraine', lat: 50.45, lon: 30.52 });
    expect(records[2]!.subject.country).toBe('Ohio, United States');
    expect(records[4]!.subject.name).toBe('Москва');
    expect(records[5]!.subject).toMatchObject({ name: 'Rome, Italy' });
    expect(records[5]!.subject.country).toBeUndefined();
    expect(records[6]!.subject.lat).toBeUndefined();
    expect(records.every((r) => r.directed === false)).toBe(true);
  });

  it('reads the file without coordinates', async () => {
    const records = await all(readWikipediaList(fixture('wikipedia-list-raw.csv'), 'raw.csv'));
    expect(records).toHaveLength(4);
    expect(records[1]!.subject).toEqual({ name: 'St. Petersburg', country: 'Russia' });
  });

  it('rejects a row with too many fields, and a coordinate that is not a number, at file:line:column', async () => {
    expect(
      await failure(() =>
        all(readWikipediaList(fixture('malformed-fields.csv'), fixture('malformed-fields.csv'))),
      ),
    ).toMatchObject({
      where: 'malformed-fields.csv:3:25',
      message: 'expected 4 fields, found 5',
    });
    const bad = await failure(() =>
      all(readWikipediaList(fixture('malformed-coordinate.csv'), fixture('malformed-coordinate.csv'))),
    );
    expect(bad.where).toBe('malformed-coordinate.csv:2:38');
    expect(bad.message).toContain('latitude');
  });
});

describe('generic CSV', () => {
  it('maps columns given on the command line, with dates', async () => {
    const csv = 'from;to;since\nParis;Rome;1956\nKyiv;Kyoto;1971-07-15\n';
    const mapping = parseColumnMapping('a=from,b=to,start=since');
    const records = await all(readCsvPairs(Readable.from([csv]), 'pairs.csv', { mapping, delimiter: ';' }));
    expect(records.map((r) => [r.subject.name, r.object.name, r.start])).toEqual([
      ['Paris', 'Rome', { year: 1956 }],
      ['Kyiv', 'Kyoto', { year: 1971, month: 7, day: 15 }],
    ]);
  });

  it('names the missing column of a header', async () => {
    const run = failure(() =>
      all(
        readCsvPairs(Readable.from(['x,y\n1,2\n']), 'p.csv', { mapping: parseColumnMapping('a=from,b=to') }),
      ),
    );
    expect((await run).message).toContain('"from", "to"');
  });
});

describe('Wikidata files', () => {
  it('reads labels and directed relations', async () => {
    const labels = await all(readWikidataLabels(fixture('names.tsv'), 'names.tsv'));
    expect(labels[0]).toMatchObject({ kind: 'place', line: 1, place: { wikidataId: 'Q1899', name: 'Kiew' } });
    const relations = await all(readWikidataRelations(fixture('relations.tsv'), 'relations.tsv'));
    expect(relations.map((r) => r.line)).toEqual([1, 2, 3, 5, 6]);
    expect(relations[0]).toMatchObject({
      directed: true,
      subject: { wikidataId: 'Q1899' },
      object: { wikidataId: 'Q34370' },
    });
  });

  it('rejects a relation that is not a Q-id', async () => {
    expect(
      await failure(() =>
        all(readWikidataRelations(fixture('malformed-relations.tsv'), fixture('malformed-relations.tsv'))),
      ),
    ).toMatchObject({
      where: 'malformed-relations.tsv:2:6',
    });
  });

  it('reads nodes with coordinates and codes, and undirected links', async () => {
    const nodes = await all(readWikidataNodes(fixture('nodes.tsv'), 'nodes.tsv'));
    expect(nodes[0]).toMatchObject({
      line: 2,
      place: { wikidataId: 'Q1899', name: 'Kyiv', lat: 50.45, lon: 30.52, countryCode: 'UA' },
    });
    const links = (await all(readWikidataLinks(fixture('links.tsv'), 'links.tsv'))) as StatementRecord[];
    expect(links.map((l) => [l.subject.wikidataId, l.object.wikidataId, l.directed])).toEqual([
      ['Q1899', 'Q64', false],
      ['Q64', 'Q90', false],
    ]);
  });

  it('reads SPARQL results with start and end qualifiers, a year such as 836 included', async () => {
    const records = await all(readWikidataSparql(fixture('sparql-p190.json'), 'sparql.json'));
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({
      line: 5,
      start: { year: 836 },
      subject: { name: 'Paderborn', countryCode: 'DE', lat: 51.72, lon: 8.75 },
    });
    expect(records[2]).toMatchObject({
      subject: { name: 'Київ', lang: 'uk' },
      start: { year: 1997, month: 5 },
      end: { year: 2022, month: 3, day: 25 },
    });
  });

  it('rejects broken SPARQL JSON at the offending character', async () => {
    expect(
      await failure(() =>
        all(readWikidataSparql(fixture('malformed-sparql.json'), fixture('malformed-sparql.json'))),
      ),
    ).toMatchObject({
      where: 'malformed-sparql.json:4:70',
    });
  });

  it('reads an entity dump: places, P190 claims with P580, deprecated claims skipped, countries from P297', async () => {
    const records = await all(readWikidataDump(fixture('entity-dump.jsonl'), 'dump.jsonl'));
    const statements = records.filter((r): r is StatementRecord => r.kind === 'statement');
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({
      line: 3,
      start: { year: 836 },
      subject: { name: 'Paderborn', countryCode: 'DE' },
      object: { wikidataId: 'Q1476' },
    });
    const leMans = records.filter((r) => r.kind === 'place' && r.place.wikidataId === 'Q1476');
    expect(leMans.some((r) => r.kind === 'place' && r.place.countryCode === 'FR')).toBe(true);
  });

  it('rejects a broken dump line at file:line:column', async () => {
    expect(
      await failure(() =>
        all(readWikidataDump(fixture('malformed-dump.jsonl'), fixture('malformed-dump.jsonl'))),
      ),
    ).toMatchObject({
      where: 'malformed-dump.jsonl:3:44',
    });
  });

  it('turns Wikidata times into partial dates', () => {
    expect(wikidataDate('+1956-04-09T00:00:00Z', 11)).toEqual({ year: 1956, month: 4, day: 9 });
    expect(wikidataDate('+1956-00-00T00:00:00Z', 9)).toEqual({ year: 1956 });
    expect(wikidataDate('1956-01-01T00:00:00Z')).toEqual({ year: 1956 });
    expect(wikidataDate('+1956-00-00T00:00:00Z', 7)).toBeUndefined();
  });
});

describe('GeoNames', () => {
  it('reads the 19 columns', async () => {
    const places = await all(readGeoNames(fixture('gazetteer.txt'), 'gazetteer.txt'));
    expect(places).toHaveLength(14);
    expect(places[0]).toMatchObject({
      geonameId: 703448,
      name: 'Kyiv',
      country: 'UA',
      population: 2797553,
      featureCode: 'PPLC',
    });
    expect(places[0]!.alternateNames).toContain('Київ');
  });

  it('rejects a latitude that is not a number', async () => {
    const bad = await failure(() =>
      all(readGeoNames(fixture('malformed-gazetteer.txt'), fixture('malformed-gazetteer.txt'))),
    );
    expect(bad.where).toBe('malformed-gazetteer.txt:3:23');
    expect(bad.message).toContain('latitude');
  });
});
