import { sql, type Kysely } from 'kysely';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { TwinningError } from '../../core/errors.js';
import type { Database } from '../../store/database.js';
import { indexUnindexedNames } from '../../store/writes/name-index.js';
import { loadSnapshotSqlite, type ParsedTable } from '../../store/writes/snapshot-sqlite.js';
import type { DB } from '../../store/schema.js';
import { BUNDLED_META_KEY } from '../seed/seeded.js';
import {
  SNAPSHOT_FORMAT,
  SNAPSHOT_TABLES,
  TIMESTAMP_COLUMNS,
  WORLD_META_KEY,
  type LoadProgress,
  type SnapshotTable,
} from './snapshot-tables.js';

/** Counts of what a snapshot load wrote. */
export interface SnapshotLoadSummary {
  file: string;
  rows: Record<string, number>;
  localities: number;
  links: number;
  seconds: number;
}

/** The timestamp columns each table has (filled with the load time). */
const STAMPS: Readonly<Record<SnapshotTable, readonly string[]>> = {
  sources: [],
  localities: ['created_at', 'updated_at'],
  locality_names: [],
  links: ['created_at', 'updated_at'],
  link_events: ['created_at'],
  citations: [],
  associations: [],
  memberships: [],
  terms: [],
  source_places: [],
  link_sources: ['created_at'],
  locality_merges: [],
};

/** Reads and checks a snapshot file: its format line, then each table's column line and rows. */
export function readSnapshotFile(file: string): {
  counts: Record<string, number>;
  tables: (ParsedTable & { table: SnapshotTable })[];
} {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  const fail = (line: number, message: string): never => {
    throw new TwinningError('DataFileInvalid', message, { file, line });
  };
  const header = JSON.parse(lines[0] ?? '{}') as { format?: string; rows?: Record<string, number> };
  if (header.format !== SNAPSHOT_FORMAT || header.rows === undefined)
    fail(1, `not a ${SNAPSHOT_FORMAT} file`);
  const tables: (ParsedTable & { table: SnapshotTable })[] = [];
  let i = 1;
  for (const table of SNAPSHOT_TABLES) {
    const head = JSON.parse(lines[i] ?? '{}') as { table?: string; columns?: string[] };
    if (head.table !== table || !Array.isArray(head.columns))
      fail(i + 1, `expected the columns of table ${table}`);
    const count = header.rows![table] ?? 0;
    const rows = lines.slice(i + 1, i + 1 + count).map((l) => JSON.parse(l) as unknown[]);
    if (rows.length !== count) fail(i + 1, `table ${table} should have ${count} rows`);
    tables.push({ table, columns: head.columns!, rows });
    i += 1 + count;
  }
  return { counts: header.rows!, tables };
}

/** Inserts one table's rows in batches that stay under both dialects' limit on bound parameters. */
async function insertTable(
  trx: Kysely<DB>,
  t: ParsedTable & { table: SnapshotTable },
  now: string,
  onRows: (n: number) => void,
): Promise<void> {
  if (t.rows.length === 0) return;
  const stamps = STAMPS[t.table];
  const parentAt = t.table === 'localities' ? t.columns.indexOf('parent_id') : -1;
  const batch = Math.max(1, Math.floor(30_000 / (t.columns.length + stamps.length)));
  for (let start = 0; start < t.rows.length; start += batch) {
    const values = t.rows.slice(start, start + batch).map((r) => {
      const row: Record<string, unknown> = {};
      t.columns.forEach((c, k) => {
        if (!TIMESTAMP_COLUMNS.has(c)) row[c] = k === parentAt ? null : r[k];
      });
      for (const s of stamps) row[s] = now;
      return row;
    });
    await trx
      .insertInto(t.table)
      .values(values as never)
      .execute();
    onRows(values.length);
  }
  if (parentAt >= 0) {
    const idAt = t.columns.indexOf('id');
    for (const r of t.rows.filter((row) => row[parentAt] !== null))
      await trx
        .updateTable('localities')
        .set({ parent_id: r[parentAt] as number })
        .where('id', '=', r[idAt] as number)
        .execute();
  }
}

/** PostgreSQL: moves each id sequence past the ids the snapshot brought. */
async function resetSequences(trx: Kysely<DB>): Promise<void> {
  for (const table of SNAPSHOT_TABLES)
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
      trx,
    );
}

/**
 * Loads a world snapshot into a migrated registry that holds nothing yet, in one transaction (on SQLite
 * through loadSnapshotSqlite, on PostgreSQL in batched inserts): every
 * table's rows with their ids, the markers that the bundled dataset and the world are loaded, and the
 * search index of names. Refuses a registry that already holds the bundled dataset.
 */
export async function loadSnapshot(
  database: Database,
  file: string,
  progressFor: (totalRows: number) => LoadProgress | Promise<LoadProgress> = () => ({
    tick: () => undefined,
    done: () => undefined,
  }),
): Promise<SnapshotLoadSummary> {
  const started = performance.now();
  const { counts, tables } = readSnapshotFile(file);
  const progress = await progressFor(Object.values(counts).reduce((a, b) => a + b, 0));
  const now = new Date().toISOString();
  let done = 0;
  if (database.dialect === 'sqlite') {
    const meta = [BUNDLED_META_KEY, WORLD_META_KEY].map((key) => ({ key, value: now }));
    loadSnapshotSqlite(
      database.location,
      { tables, stamps: STAMPS, skipped: TIMESTAMP_COLUMNS, meta },
      now,
      (n) => progress.tick(n),
    );
    progress.done(Object.values(counts).reduce((a, b) => a + b, 0));
    return summaryOf(file, counts, started);
  }
  await database.db.transaction().execute(async (trx) => {
    const seeded = await trx.selectFrom('meta').select('key').where('key', '=', BUNDLED_META_KEY).execute();
    if (seeded.length > 0)
      throw new TwinningError(
        'Conflict',
        `${database.location} already holds a registry; load the world into a new one`,
      );
    for (const t of tables)
      await insertTable(trx, t, now, (n) => {
        done += n;
        progress.tick(done);
      });
    await trx
      .insertInto('meta')
      .values([
        { key: BUNDLED_META_KEY, value: now },
        { key: WORLD_META_KEY, value: now },
      ])
      .execute();
    await resetSequences(trx);
    await indexUnindexedNames(trx);
  });
  await sql`analyze`.execute(database.db);
  progress.done(done);
  return summaryOf(file, counts, started);
}

function summaryOf(file: string, counts: Record<string, number>, started: number): SnapshotLoadSummary {
  return {
    file,
    rows: counts,
    localities: counts.localities ?? 0,
    links: counts.links ?? 0,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
