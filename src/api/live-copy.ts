import type { ChangeWatch } from '../store/change-watch.js';

/**
 * A copy in memory of some of the registry (the search's word index, what a locality's detail reads) kept true
 * to the database: every change drops it (this instance's writes at once; another process's commits through
 * the change watch, as for the read cache) and a new copy is loaded in the background. Until it is loaded, and
 * while the watch cannot vouch for it (a lost PostgreSQL listener), `current()` gives nothing and the caller
 * reads the database. A copy is kept only if nothing changed while it was being read.
 */
export class LiveCopy<Copy> {
  #copy: Copy | undefined;
  #generation = 0;
  #loading: Promise<void> | undefined;
  #closed = false;
  readonly #closing = new AbortController();

  constructor(
    /** Reads a copy; `signal` aborts when the copy is closed (a read on a worker thread stops at once). */
    private readonly read: (signal: AbortSignal) => Promise<Copy>,
    protected readonly watch: ChangeWatch,
  ) {}

  /** Whether reads are answered from memory now. */
  get ready(): boolean {
    return this.#copy !== undefined && this.watch.reliable;
  }

  /** The data changed (or may have): drop the copy and load another. */
  invalidate(): void {
    this.#generation++;
    this.#copy = undefined;
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
    let copy: Copy;
    try {
      copy = await this.read(this.#closing.signal);
      await this.watch.check(true); // another process's commit during the read shows here (SQLite)
    } catch {
      return false; // the database answers meanwhile; the next change tries again
    }
    if (generation !== this.#generation) return true;
    if (this.watch.reliable) this.#copy = copy;
    return false;
  }

  /**
   * The copy when it is current, else undefined (read the database). Asks the watch first, as the read cache
   * does (SQLite: at most every SQLITE_CHECK_MS, one small query; PostgreSQL: nothing), so a copy is as fresh
   * about another process's commit as a cached read. Answers at once when the watch had nothing to ask (most
   * requests: no turn of the event loop is spent), else with a promise.
   */
  current(): Copy | undefined | Promise<Copy | undefined> {
    const asking = this.watch.check();
    return asking ? asking.then(() => this.#current()) : this.#current();
  }

  #current(): Copy | undefined {
    return this.watch.reliable ? this.#copy : undefined;
  }

  /** Stops loading copies (the server is closing): a read under way is told to stop. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#closing.abort();
    await this.#loading;
  }
}
