import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import { formatPartialDate, type PartialDate } from '../core/partial-date.js';
import { networkStamp } from '../store/network.repository.js';
import type { DB } from '../store/schema.js';
import { encodeMapData } from './map-binary.js';
import { mapData } from './map-data.js';

const gzipAsync = promisify(gzip);

/** The map's data as sent: the binary document (see map-binary.ts) and the same gzipped. */
export interface MapDocument {
  body: Uint8Array;
  gzipped: Uint8Array;
}

/** Builds the map's document for today: reads every link, so it runs on a heavy-work thread. */
export async function buildMapDocument(db: Kysely<DB>, today: PartialDate): Promise<MapDocument> {
  const body = encodeMapData(await mapData(db, today, formatPartialDate(today)));
  return { body, gzipped: await gzipAsync(body, { level: 6 }) };
}

/**
 * The map's data, built once per day and per state of the registry (its network stamp) and kept: building
 * it reads every link, which takes seconds for the whole world, so `build` runs it off the event loop.
 * Requests arriving during a build share it.
 */
export class MapDataCache {
  #entry: { key: string; document: Promise<MapDocument> } | undefined;

  constructor(private readonly build: (today: PartialDate) => Promise<MapDocument>) {}

  /** The document for today and the registry as it is now. */
  async get(db: Kysely<DB>, today: PartialDate): Promise<MapDocument> {
    const key = `${formatPartialDate(today)} ${await networkStamp(db)}`;
    if (this.#entry?.key !== key) {
      const document = this.build(today);
      this.#entry = { key, document };
      document.catch(() => {
        if (this.#entry?.document === document) this.#entry = undefined;
      });
    }
    return this.#entry.document;
  }
}
