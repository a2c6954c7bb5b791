/** A cached response: its body as sent, the headers that describe it, and the generation it was read at. */
export interface CachedResponse {
  generation: number;
  body: string;
  headers: Record<string, string>;
}

/**
 * Responses to reads, kept until the registry changes. Every change (reported by the change watch, or
 * by this instance after its own writes) starts a new generation; an entry from an older generation is
 * never served. Least recently used entries go first once `maxEntries` is reached.
 */
export class ReadCache {
  #generation = 0;
  readonly #entries = new Map<string, CachedResponse>();

  constructor(
    readonly maxEntries: number,
    readonly maxEntryBytes: number,
  ) {}

  get generation(): number {
    return this.#generation;
  }

  /** Starts a new generation: nothing cached before is served again. */
  invalidate(): void {
    this.#generation++;
    this.#entries.clear();
  }

  /** The entry for a key if it was read in the current generation. */
  get(key: string): CachedResponse | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.generation !== this.#generation) return undefined;
    this.#entries.set(key, entry);
    return entry;
  }

  /** Keeps a response read at `entry.generation`, unless the registry changed meanwhile or it is too big. */
  set(key: string, entry: CachedResponse): void {
    if (this.maxEntries === 0 || entry.generation !== this.#generation) return;
    if (entry.body.length > this.maxEntryBytes) return;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
  }
}
