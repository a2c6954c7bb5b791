import type { Kysely } from 'kysely';
import type { ChangeWatch } from '../store/change-watch.js';
import { searchNameIndex, type NameMatch, type NameQuery } from '../store/name-index.repository.js';
import { NameMemoryIndex } from '../store/name-memory-index.js';
import type { DB } from '../store/schema.js';
import { LiveCopy } from './live-copy.js';

/**
 * The search's word index held in memory (store/name-memory-index.ts) and kept true to the database as every
 * live copy is (api/live-copy.ts); searches read the database until it is loaded.
 */
export class LiveNameIndex extends LiveCopy<NameMemoryIndex> {
  constructor(
    private readonly db: Kysely<DB>,
    watch: ChangeWatch,
  ) {
    super(() => NameMemoryIndex.load(db), watch);
  }

  /** Searches as `searchNameIndex` does: from memory when the copy is current, else from the database. */
  async search(query: NameQuery): Promise<NameMatch[]> {
    const index = await this.current();
    return index ? index.search(query) : searchNameIndex(this.db, query);
  }
}
