import type { Kysely } from 'kysely';
import type { ChangeWatch } from '../store/change-watch.js';
import { searchNameIndex, type NameMatch, type NameQuery } from '../store/name-index.repository.js';
import { NameMemoryIndex } from '../store/name-memory-index.js';
import type { DB } from '../store/schema.js';

/**
 * The search's word index held in memory (store/name-memory-index.ts) and kept true to the database: every
 * change drops it (this instance's writes at once; another process's commits through the change watch, as for
 * the read cache) and a new copy is loaded in the background. Until it is loaded, and while the watch cannot
 * vouch for it (a lost PostgreSQL listener), searches read the database as before. A copy is kept only if
 * nothing changed while it was being read.
 */
export class LiveNameIndex {
  #index: NameMemoryIndex | undefined;
  #generation = 0;
  #loading: Promise<void> | undefined;
  #closed = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly watch: ChangeWatch,
  ) {}

  /** Whether searches are answered from memory now. */
  get ready(): boolean {
    return this.#index !== undefined && this.watch.reliable;
  }

  /** The data changed (or may have): drop the copy and load another. */
  invalidate(): void {
    this.#generation++;
    this.#index = undefined;
    void this.load();
  }

  /** Loads a copy unless one is being loaded (which, if the data changed meanwhile, starts another). */
  load(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#loading ??= this.#load().then((stale) => {
      this.#loading = undefined;
      if (stale) return this.load();
    });
    return this.#loading;
  }

  /** Reads a copy and keeps it if nothing changed meanwhile; true when it was dropped for a change. */
  async #load(): Promise<boolean> {
    const generation = this.#generation;
    let index: NameMemoryIndex;
    try {
      index = await NameMemoryIndex.load(this.db);
      await this.watch.check(true); // another process's commit during the read shows here (SQLite)
    } catch {
      return false; // the database answers the searches; the next change tries again
    }
    if (generation !== this.#generation) return true;
    if (this.watch.reliable) this.#index = index;
    return false;
  }

  /** Searches as `searchNameIndex` does: from memory when the copy is current, else from the database. */
  async search(query: NameQuery): Promise<NameMatch[]> {
    // Asked on every search (one small query on SQLite, nothing on PostgreSQL): a copy is only as true as this.
    await this.watch.check(true);
    const index = this.#index;
    if (index && this.watch.reliable) return index.search(query);
    return searchNameIndex(this.db, query);
  }

  /** Stops loading copies (the server is closing). */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#loading;
  }
}
