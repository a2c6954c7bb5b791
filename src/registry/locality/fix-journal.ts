import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema.js';

/** The tables a merge touches, all with an `id` column. */
export type JournaledTable =
  | 'localities'
  | 'locality_names'
  | 'links'
  | 'link_events'
  | 'link_sources'
  | 'source_places'
  | 'citations'
  | 'memberships';

/** One change, with what the row was before, so that it can be undone. */
export type JournalEntry =
  | { op: 'update'; table: JournaledTable; id: number; before: Record<string, unknown> }
  | { op: 'delete'; table: JournaledTable; id: number; before: Record<string, unknown> };

type Row = Record<string, unknown> & { id: number };

/** Changes rows while keeping a log that undoes them. */
export class Journal {
  readonly entries: JournalEntry[] = [];

  constructor(private readonly db: Kysely<DB>) {}

  /** Rows of a table where a column has a value. */
  async rows(table: JournaledTable, column: string, value: number | string): Promise<Row[]> {
    return (await this.db
      .selectFrom(table)
      .selectAll()
      .where(column as never, '=', value as never)
      .orderBy('id')
      .execute()) as Row[];
  }

  /** Updates one row, logging the columns it changes. */
  async update(table: JournaledTable, row: Row, changes: Record<string, unknown>): Promise<void> {
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, row[k]]));
    await this.db
      .updateTable(table)
      .set(changes as never)
      .where('id', '=', row.id)
      .execute();
    this.entries.push({ op: 'update', table, id: row.id, before });
  }

  /** Deletes one row, logging all of it. */
  async delete(table: JournaledTable, row: Row): Promise<void> {
    await this.db.deleteFrom(table).where('id', '=', row.id).execute();
    this.entries.push({ op: 'delete', table, id: row.id, before: row });
  }
}

/** Undoes a journal's changes, last first. */
export async function undoJournal(db: Kysely<DB>, entries: readonly JournalEntry[]): Promise<void> {
  for (const entry of [...entries].reverse()) {
    if (entry.op === 'update')
      await db
        .updateTable(entry.table)
        .set(entry.before as never)
        .where('id', '=', entry.id)
        .execute();
    else
      await db
        .insertInto(entry.table)
        .values(entry.before as never)
        .execute();
  }
}
