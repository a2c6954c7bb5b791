/** The requests the API benchmarks send: search as you type and locality detail, drawn with a fixed seed. */
import { openDatabase } from '../src/store/database.js';

/** A reproducible pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The requests of each workload, as URL paths. */
export interface Workloads {
  /** Distinct texts typed letter by letter: the first one to ten characters of names drawn from every name. */
  search: string[];
  /** Every locality equally likely, each once. */
  detail: string[];
}

/**
 * Names typed letter by letter (the first 1 to 10 characters of each) from a seeded sample of every name a
 * locality bears (any language, historical names), each text once; and localities drawn uniformly from all
 * of them, each once. `names` and `localities` bound how many are drawn.
 */
export async function workloads(url: string, names: number, localities: number): Promise<Workloads> {
  const database = openDatabase(url);
  try {
    const allNames = await database.db.selectFrom('locality_names').select('name').orderBy('id').execute();
    const keys = await database.db.selectFrom('localities').select('key').orderBy('id').execute();
    const next = random(2026);
    const search = new Set<string>();
    for (let drawn = 0; drawn < names; drawn++) {
      const chars = [...allNames[Math.floor(next() * allNames.length)]!.name];
      for (let i = 1; i <= Math.min(chars.length, 10); i++) {
        const text = chars.slice(0, i).join('');
        if (text.trim() !== '') search.add(`/v1/localities?q=${encodeURIComponent(text)}&limit=10`);
      }
    }
    // A shuffle of every key (Fisher-Yates), cut to the number wanted: uniform, without repeats.
    const order = keys.map((k) => k.key);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const detail = order.slice(0, localities).map((key) => `/v1/localities/${encodeURIComponent(key)}`);
    return { search: [...search], detail };
  } finally {
    await database.close();
  }
}
