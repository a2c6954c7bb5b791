import type { Kysely } from 'kysely';
import { gzipSync } from 'node:zlib';
import type { DB } from '../../store/schema.js';
import {
  SNAPSHOT_FORMAT,
  SNAPSHOT_TABLES,
  TIMESTAMP_COLUMNS,
  type SnapshotTable,
} from './snapshot-tables.js';

type Row = Record<string, unknown>;
const PAGE = 20_000;

/** Every row of a table in id order, read a page at a time. */
async function rowsOf(db: Kysely<DB>, table: SnapshotTable): Promise<Row[]> {
  const rows: Row[] = [];
  let after = 0;
  for (;;) {
    const page = (await db
      .selectFrom(table)
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute()) as Row[];
    rows.push(...page);
    if (page.length < PAGE) return rows;
    after = Number(page.at(-1)!.id);
  }
}

/**
 * The registry's snapshot tables as text: a header line (format and row counts), then per table a line
 * naming its columns (sorted, timestamps left out) and one JSON array per row in id order. Two registries
 * with the same content give the same text, whatever their dialect and whenever they were written.
 */
export async function snapshotText(db: Kysely<DB>): Promise<string> {
  const tables: { table: SnapshotTable; columns: string[]; rows: Row[] }[] = [];
  for (const table of SNAPSHOT_TABLES) {
    const rows = await rowsOf(db, table);
    const columns = rows.length === 0 ? [] : Object.keys(rows[0]!).filter((c) => !TIMESTAMP_COLUMNS.has(c));
    tables.push({ table, columns: columns.sort(), rows });
  }
  const counts = Object.fromEntries(tables.map((t) => [t.table, t.rows.length]));
  const lines = [JSON.stringify({ format: SNAPSHOT_FORMAT, rows: counts })];
  for (const { table, columns, rows } of tables) {
    lines.push(JSON.stringify({ table, columns }));
    for (const row of rows) lines.push(JSON.stringify(columns.map((c) => row[c] ?? null)));
  }
  return `${lines.join('\n')}\n`;
}

/** The snapshot text gzipped (level 9; deterministic for the same text). */
export function gzipSnapshot(text: string): Buffer {
  return gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
}
