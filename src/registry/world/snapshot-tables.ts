import type { DB } from '../../store/schema.js';

/**
 * The tables a world snapshot holds, in an order that satisfies their foreign keys (a locality's parent
 * is set in a second pass). The gazetteer, the search word index (rebuilt on load), tokens, the audit log
 * and the analysis cache are not part of it; neither is `meta`, whose markers the loader writes.
 */
export const SNAPSHOT_TABLES = [
  'sources',
  'localities',
  'locality_names',
  'links',
  'link_events',
  'citations',
  'associations',
  'memberships',
  'terms',
  'source_places',
  'link_sources',
  'locality_merges',
] as const satisfies readonly (keyof DB)[];

/** A table of the snapshot. */
export type SnapshotTable = (typeof SNAPSHOT_TABLES)[number];

/** Columns that record when a row was written: left out of a snapshot, set to the load time when loaded. */
export const TIMESTAMP_COLUMNS: ReadonlySet<string> = new Set(['created_at', 'updated_at']);

/** The first line of a snapshot file, naming its format. */
export const SNAPSHOT_FORMAT = 'twinning-world-snapshot/1';

/** The meta key recording that the registry was loaded from the world snapshot, and when. */
export const WORLD_META_KEY = 'world_snapshot_loaded_at';

/** How a snapshot load reports the rows it has written (an ingest Progress fits). */
export interface LoadProgress {
  tick(count: number): void;
  done(count: number): void;
}
