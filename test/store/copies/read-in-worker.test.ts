import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegistry } from '../../../src/registry/open-registry.js';
import { privateToThread, readCopy, readCopyInWorker } from '../../../src/store/copies/read-in-worker.js';
import type { Database } from '../../../src/store/database.js';
import { readNameIndexData } from '../../../src/store/name-index-data.js';
import { NameMemoryIndex } from '../../../src/store/name-memory-index.js';
import { createTestDatabase, DIALECTS } from '../../support/databases.js';

for (const dialect of DIALECTS) {
  describe(`a copy built on a worker thread [${dialect}]`, () => {
    let database: Database;
    let url: string;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      const created = await createTestDatabase(dialect);
      ({ url, drop } = created);
      database = (await openRegistry(url)).database;
    });
    afterAll(async () => {
      await database.close();
      await drop();
    });

    it('is the data the same builder gives on this thread', async () => {
      const [moved, here] = await Promise.all([
        readCopyInWorker(url, 'names'),
        readNameIndexData(database.db).then((built) => built.data),
      ]);
      expect(moved.rowWord.length).toBeGreaterThan(100);
      expect(moved).toEqual(here);
      const index = NameMemoryIndex.fromData(moved);
      expect(index.search({ text: 'kie', limit: 3 })).toEqual(
        NameMemoryIndex.fromData(here).search({ text: 'kie', limit: 3 }),
      );
    });

    it('moves every buffer of the name index, none copied', async () => {
      const { data, transfer } = await readNameIndexData(database.db);
      const buffers = new Set<ArrayBufferLike>();
      const walk = (value: unknown): void => {
        if (ArrayBuffer.isView(value)) buffers.add(value.buffer);
        else if (value && typeof value === 'object') Object.values(value).forEach(walk);
      };
      walk(data);
      expect(buffers.size).toBeGreaterThan(15);
      expect(new Set(transfer)).toEqual(buffers);
      expect(transfer.length).toBe(buffers.size);
    });

    it('stops when it is no longer wanted', async () => {
      const wanted = new AbortController();
      const reading = readCopyInWorker(url, 'names', wanted.signal);
      wanted.abort();
      await expect(reading).rejects.toThrow(/no longer wanted/);
      await expect(readCopyInWorker(url, 'names', wanted.signal)).rejects.toThrow(/no longer wanted/);
    });

    it('rejects with the error that stopped the build', async () => {
      const broken =
        dialect === 'sqlite' ? `${url}.missing-dir/none/x.sqlite` : url.replace(/\/[^/]*$/, '/no_such_db_x');
      await expect(readCopyInWorker(broken, 'names')).rejects.toThrow(/building the names copy failed/);
    });
  });
}

describe('a database private to its thread', () => {
  it("is SQLite's :memory:, however it is written", () => {
    expect(privateToThread(':memory:')).toBe(true);
    expect(privateToThread('sqlite::memory:')).toBe(true);
    expect(privateToThread('/tmp/x.sqlite')).toBe(false);
    expect(privateToThread('postgres://u@h/db')).toBe(false);
  });

  it('has its copy built on its own thread, from its own rows', async () => {
    const { database } = await openRegistry(':memory:', undefined, { dataset: 'bundled' });
    try {
      const data = await readCopy(database.db, ':memory:', 'names');
      expect(data.rowWord.length).toBeGreaterThan(100);
      expect(data).toEqual((await readNameIndexData(database.db)).data);
    } finally {
      await database.close();
    }
  });
});
