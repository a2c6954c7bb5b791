import type { Kysely } from 'kysely';
import type { ChangeWatch } from '../store/change-watch.js';
import { searchNameIndex, type NameMatch, type NameQuery } from '../store/name-index.repository.js';
import { readCopy } from '../store/copies/read-in-worker.js';
import { NameMemoryIndex } from '../store/name-memory-index.js';
import type { DB } from '../store/schema.js';
import { LiveCopy } from './live-copy.js';

/**
 * The search's word index held in memory (store/name-memory-index.ts) and kept true to the database as every
 * live copy is (api/live-copy.ts); searches read the database until it is loaded. Each copy is read and built on
 * a worker thread (store/copies/read-in-worker.ts); this thread only receives its buffers.
 */
export class LiveNameIndex extends LiveCopy<NameMemoryIndex> {
  constructor(
    private readonly db: Kysely<DB>,
    databaseUrl: string,
    watch: ChangeWatch,
  ) {
    super(
      async (signal) => NameMemoryIndex.fromData(await readCopy(db, databaseUrl, 'names', signal)),
      watch,
    );
  }

  /** Searches as `searchNameIndex` does: from memory when the copy is current, else from the database. */
  async search(query: NameQuery): Promise<NameMatch[]> {
    const index = await this.current();
    return index ? index.search(query) : searchNameIndex(this.db, query);
  }
}
