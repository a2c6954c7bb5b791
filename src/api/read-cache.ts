/** A cached response: its body as sent, the headers that describe it, and the generation it was read at. */
export interface CachedResponse {
  generation: number;
  body: string;
  headers: Record<string, string>;
}

/** What an entry costs: its body and headers, two bytes a character (JavaScript strings), and its key. */
function sizeOf(key: string, entry: CachedResponse): number {
  let chars = key.length + entry.body.length;
  for (const [name, value] of Object.entries(entry.headers)) chars += name.length + value.length;
  return 2 * chars + 200;
}

/**
 * Responses to reads, kept until the registry changes. Every change (reported by the change watch, or
 * by this instance after its own writes) starts a new generation; an entry from an older generation is
 * never served. Least recently used entries go first once `maxEntries` or `maxBytes` is reached, so that
 * many distinct URLs cannot swell the server.
 */
export class ReadCache {
  #generation = 0;
  #bytes = 0;
  readonly #entries = new Map<string, CachedResponse & { size: number }>();

  constructor(
    readonly maxEntries: number,
    readonly maxEntryBytes: number,
    readonly maxBytes = Infinity,
  ) {}

  get generation(): number {
    return this.#generation;
  }

  /** The bytes the entries kept take, as sizeOf counts them. */
  get bytes(): number {
    return this.#bytes;
  }

  /** How many entries are kept. */
  get size(): number {
    return this.#entries.size;
  }

  /** Starts a new generation: nothing cached before is served again. */
  invalidate(): void {
    this.#generation++;
    this.#entries.clear();
    this.#bytes = 0;
  }

  /** The entry for a key if it was read in the current generation. */
  get(key: string): CachedResponse | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.generation !== this.#generation) {
      this.#bytes -= entry.size;
      return undefined;
    }
    this.#entries.set(key, entry);
    return entry;
  }

  /** Keeps a response read at `entry.generation`, unless the registry changed meanwhile or it is too big. */
  set(key: string, entry: CachedResponse): void {
    if (this.maxEntries === 0 || entry.generation !== this.#generation) return;
    const size = sizeOf(key, entry);
    if (entry.body.length > this.maxEntryBytes || size > this.maxBytes) return;
    this.#drop(key);
    this.#entries.set(key, { ...entry, size });
    this.#bytes += size;
    while (this.#entries.size > this.maxEntries || this.#bytes > this.maxBytes) {
      this.#drop(this.#entries.keys().next().value!);
    }
  }

  #drop(key: string): void {
    const old = this.#entries.get(key);
    if (!old) return;
    this.#entries.delete(key);
    this.#bytes -= old.size;
  }
}
