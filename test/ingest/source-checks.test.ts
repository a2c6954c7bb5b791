import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedRecords } from '../../src/ingest/sources/record-checks.js';
import type { ImportRecord } from '../../src/ingest/sources/records.js';
import { openRegistry } from '../../src/registry/open-registry.js';
import { cli } from '../support/cli.js';
import { createTestDatabase } from '../support/databases.js';

const HEADER = 'city1,country1,city2,country2';

describe('importing bad files changes nothing and says where', () => {
  let dir: string;
  let url: string;
  let drop: () => Promise<void>;
  const sources = async () => {
    const { database } = await openRegistry(url);
    try {
      return (await database.db.selectFrom('sources').select('key').execute()).length;
    } finally {
      await database.close();
    }
  };
  const file = (name: string, content: string | Buffer) => {
    const at = path.join(dir, name);
    writeFileSync(at, content);
    return at;
  };
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'twinning-bad-files-'));
    ({ url, drop } = await createTestDatabase('sqlite'));
    await (await openRegistry(url)).database.close();
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await drop();
  });

  it.each([
    ['an empty file', () => file('empty.csv', ''), /no records/],
    ['a header only', () => file('header.csv', `${HEADER}\n`), /no records/],
    [
      'a 5 MB record',
      () => file('long.csv', `${HEADER}\n${'a-'.repeat(2_500_000)},Germany,Paris,France\n`),
      /long\.csv:2:.*longer than the 1048576 characters a record may hold/,
    ],
    [
      'a 5 kB field',
      () => file('field.csv', `${HEADER}\n${'a-'.repeat(2_500)},Germany,Paris,France\n`),
      /field\.csv:2:.*more than the 1000/,
    ],
    ['a NUL byte', () => file('nul.csv', `${HEADER}\nBo\u0000nn,Germany,Paris,France\n`), /nul\.csv:2:.*NUL/],
    [
      'Latin-1 text',
      () =>
        file(
          'latin1.csv',
          Buffer.concat([
            Buffer.from(`${HEADER}\n`),
            Buffer.from('Düsseldorf,Germany,Paris,France\n', 'latin1'),
          ]),
        ),
      /latin1\.csv:2:.*not valid UTF-8/,
    ],
  ])(
    'refuses %s with exit 2 and adds no source',
    async (_name, make, message) => {
      const before = await sources();
      const run = await cli(url, 'import', 'wikipedia-list', make());
      expect(run.code, run.err).toBe(2);
      expect(run.err).toMatch(message);
      expect(run.err).not.toMatch(/call stack|internal error/i);
      expect(await sources()).toBe(before);
    },
    60_000,
  );

  it('refuses a missing file with exit 2', async () => {
    const run = await cli(url, 'import', 'wikipedia-list', path.join(dir, 'nowhere.csv'));
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/does not exist/);
    expect(run.err).not.toMatch(/ENOENT|internal error/);
  });
});

describe('record checks', () => {
  async function* records(...list: ImportRecord[]): AsyncGenerator<ImportRecord> {
    yield* list;
  }
  const place = (extra: object) => ({ name: 'Bonn', ...extra });
  const statement = (subject: object): ImportRecord => ({
    kind: 'statement',
    file: 'x.tsv',
    line: 7,
    subject: place(subject),
    object: place({}),
    directed: false,
  });
  const drain = async (list: AsyncIterable<ImportRecord>) => {
    for await (const _ of list) void _;
  };

  it.each([
    [{ lat: 999, lon: 0 }, /x\.tsv:7:.*latitude 999/],
    [{ lat: 0, lon: 500 }, /longitude 500/],
    [{ lat: Number.NaN, lon: 0 }, /latitude NaN/],
  ])('refuses coordinates out of range %o at file:line', async (coordinates, message) => {
    const error = await drain(checkedRecords(records(statement(coordinates)), 'x.tsv')).catch(
      (e: Error & { describe?: () => string }) => e,
    );
    expect((error as { describe(): string }).describe()).toMatch(message);
  });

  it('passes records within range', async () => {
    await expect(
      drain(checkedRecords(records(statement({ lat: 50.7, lon: 7.1 })), 'x.tsv')),
    ).resolves.toBeUndefined();
  });
});
