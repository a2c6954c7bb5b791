// What the gazetteer load and its SQLite writing thread say to each other, and the tables' layout they share.

/** The gazetteer place columns, in the order a place's values are sent. */
export const PLACE_COLUMNS = [
  'geoname_id',
  'name',
  'lat',
  'lon',
  'feature_code',
  'country',
  'admin1',
  'admin2',
  'population',
  'timezone',
  'other_names',
] as const;

/** The gazetteer name-key columns, in the order a key's values are sent. */
export const NAME_COLUMNS = ['geoname_id', 'key', 'skeleton', 'country', 'is_main'] as const;

/** The lookup indexes, dropped before a load and built once after its rows. */
export const DROP_INDEXES = [
  'drop index if exists gazetteer_names_key',
  'drop index if exists gazetteer_names_skeleton',
  'drop index if exists gazetteer_places_lat',
] as const;
export const CREATE_INDEXES = [
  'create index gazetteer_names_key on gazetteer_names (key)',
  'create index gazetteer_names_skeleton on gazetteer_names (country, skeleton)',
  'create index gazetteer_places_lat on gazetteer_places (lat, lon)',
] as const;

/**
 * The page cache of the loading connection, in KiB (SQLite's negative form): the gazetteer's tables take about
 * 95 MB, and with SQLite's default of 2 MB one transaction spills the pages it writes again and again; with 64
 * MiB the same rows were written in about two thirds of the time (measured on this 2-core machine).
 */
export const LOAD_CACHE_SIZE = -65_536;

/** Values sent for a name key: geoname_id, key, country, is_main (the writer adds the skeleton). */
export const SENT_NAME_WIDTH = 4;

/**
 * To the writer: a batch of rows (each table's values one row after another, flat: a place's in the order of
 * PLACE_COLUMNS, a name key's as SENT_NAME_WIDTH says), then finish or abort.
 */
export type ToWriter =
  | { kind: 'rows'; places: (string | number | null)[]; names: (string | number)[] }
  | { kind: 'finish' }
  | { kind: 'abort' };

/** From the writer: ready, a batch written, all committed (with the keys written), or a failure. */
export type FromWriter =
  | { kind: 'ready' }
  | { kind: 'ack' }
  | { kind: 'done'; names: number }
  | { kind: 'failed'; name: string; message: string; code?: string };
