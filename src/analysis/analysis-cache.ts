import type { TwinGraphInput } from './graph-input.js';

/**
 * Results computed for one version of the data. Asking with another version drops everything held,
 * so a result is recomputed exactly when the data it came from has changed.
 */
export class AnalysisCache {
  private version: string | undefined;
  private readonly results = new Map<string, unknown>();

  /** The cached result for `key` at this data version, computing and keeping it when absent. */
  get<T>(version: string, key: string, compute: () => T): T {
    if (version !== this.version) {
      this.results.clear();
      this.version = version;
    }
    if (this.results.has(key)) return this.results.get(key) as T;
    const value = compute();
    this.results.set(key, value);
    return value;
  }

  /** Number of results held. */
  get size(): number {
    return this.results.size;
  }
}

/** A version string for a network's content (FNV-1a over every node and edge field, in order). */
export function fingerprintInput(input: TwinGraphInput): string {
  let hash = 0x811c9dc5;
  let hash2 = 0x01000193;
  const feed = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
      hash2 = Math.imul(hash2 ^ text.charCodeAt(i), 0x5bd1e995);
    }
    hash = Math.imul(hash ^ 0x1f, 0x01000193);
    hash2 = Math.imul(hash2 ^ 0x1f, 0x5bd1e995);
  };
  for (const node of input.nodes) {
    for (const value of [node.key, node.label, node.country, node.continent, node.lat, node.lon])
      feed(String(value));
  }
  feed('\u0000edges');
  for (const edge of input.edges) {
    for (const value of [edge.a, edge.b, edge.kind, edge.formed, edge.ended, edge.endedType, edge.cause])
      feed(String(value));
    feed((edge.sources ?? []).join('\u0001'));
  }
  return `${input.nodes.length}-${input.edges.length}-${(hash >>> 0).toString(16)}${(hash2 >>> 0).toString(16)}`;
}
