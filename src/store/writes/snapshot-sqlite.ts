import BetterSqlite3 from 'better-sqlite3';
import { TwinningError } from '../../core/errors.js';
import type { DB } from '../schema.js';
import { wordRowsOf } from './name-index.js';

/** One table of a snapshot file, parsed: its columns and rows (values in column order). */
export interface ParsedTable {
  table: keyof DB;
  columns: string[];
  rows: unknown[][];
}

/** The word rows of the snapshot's names, each with its locality's population (the search ranking key). */
function wordRows(tables: readonly ParsedTable[]): ReturnType<typeof wordRowsOf> {
  const localities = tables.find((t) => t.table === 'localities')!;
  const names = tables.find((t) => t.table === 'locality_names')!;
  const [lid, lpop] = ['id', 'population'].map((c) => localities.columns.indexOf(c));
  const population = new Map(localities.rows.map((r) => [r[lid!] as number, r[lpop!] as number | null]));
  const [nid, nloc, nfolded] = ['id', 'locality_id', 'folded'].map((c) => names.columns.indexOf(c));
  return wordRowsOf(
    names.rows.map((r) => ({
      id: r[nid!] as number,
      folded: r[nfolded!] as string,
      population: population.get(r[nloc!] as number) ?? null,
    })),
  );
}

/**
 * SQLite: the whole snapshot in one better-sqlite3 transaction of prepared statements on a second
 * connection, the search word index included. Measured on the world snapshot (451,495 rows and about as
 * many words), Kysely's batched inserts took several times longer; like the gazetteer load, this hot
 * path bypasses Kysely on purpose. Foreign keys are off on this connection, so rows go in id order as they are.
 */
export function loadSnapshotSqlite(
  dbFile: string,
  snapshot: {
    tables: readonly ParsedTable[];
    /** Columns left out of the snapshot, per table, to fill with `now`. */
    stamps: Readonly<Partial<Record<keyof DB, readonly string[]>>>;
    skipped: ReadonlySet<string>;
    /** Meta rows to write; the first one's key marks a filled registry (refused when present). */
    meta: readonly { key: string; value: string }[];
  },
  now: string,
  onRows: (done: number) => void,
): void {
  const { tables, stamps, skipped, meta: metaRows } = snapshot;
  const raw = new BetterSqlite3(dbFile);
  raw.pragma('busy_timeout = 5000');
  let done = 0;
  try {
    raw.exec('begin immediate');
    if (raw.prepare('select 1 from meta where key = ?').get(metaRows[0]!.key) !== undefined)
      throw new TwinningError(
        'Conflict',
        `${dbFile} already holds a registry; load the world into a new one`,
      );
    for (const t of tables) {
      if (t.rows.length === 0) continue;
      const keep = t.columns.map((c, i) => [c, i] as const).filter(([c]) => !skipped.has(c));
      const tableStamps = stamps[t.table] ?? [];
      const columns = [...keep.map(([c]) => c), ...tableStamps];
      const insert = raw.prepare(
        `insert into ${t.table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      const stampValues = tableStamps.map(() => now);
      for (const r of t.rows) {
        insert.run([...keep.map(([, i]) => r[i]), ...stampValues]);
        if (++done % 20_000 === 0) onRows(done);
      }
    }
    const meta = raw.prepare('insert into meta (key, value) values (?, ?)');
    for (const m of metaRows) meta.run(m.key, m.value);
    const word = raw.prepare(
      'insert into locality_name_words (name_id, word, head1, head2, is_start, population) values (@name_id, @word, @head1, @head2, @is_start, @population)',
    );
    // Its four indexes are built once after the rows (sorted builds), not grown row by row.
    const indexes = raw
      .prepare(
        "select name, sql from sqlite_master where type = 'index' and tbl_name = 'locality_name_words' and sql is not null",
      )
      .all() as { name: string; sql: string }[];
    for (const index of indexes) raw.exec(`drop index "${index.name}"`);
    for (const w of wordRows(tables)) word.run(w);
    for (const index of indexes) raw.exec(index.sql);
    raw.exec('commit');
  } catch (error) {
    if (raw.inTransaction) raw.exec('rollback');
    throw error;
  } finally {
    raw.close();
  }
  onRows(done);
}
