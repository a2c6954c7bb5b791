import { CompiledQuery, sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB } from './schema.js';

/** Whether a database numbers its bound parameters (PostgreSQL's `$1`) rather than writing `?` (SQLite's). */
function numbersParameters(db: Kysely<DB>): boolean {
  return sql`${0}`.compile(db).sql.startsWith('$');
}

const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Statement texts by their shape (a bulk write's batches share one), so that each is written once. */
const TEXTS = new Map<string, string>();
const MAX_TEXTS = 100;

function remember(shape: string, text: string): string {
  if (TEXTS.size >= MAX_TEXTS) TEXTS.clear();
  TEXTS.set(shape, text);
  return text;
}

/**
 * The statement: a placeholder per value given; where a row leaves a column undefined, `default` on
 * PostgreSQL and `null` on SQLite (which has no `default` there), as Kysely writes it.
 */
function statementText(
  table: string,
  columns: readonly string[],
  rows: readonly object[],
  numbered: boolean,
  returning: readonly string[],
): string {
  let n = 0;
  const tuples = rows.map((row) => {
    const values = row as Readonly<Record<string, unknown>>;
    const cells = columns.map((column) =>
      values[column] === undefined ? (numbered ? 'default' : 'null') : numbered ? `$${++n}` : '?',
    );
    return `(${cells.join(', ')})`;
  });
  return (
    `insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) values ${tuples.join(', ')}` +
    (returning.length > 0 ? ` returning ${returning.map(quoted).join(', ')}` : '')
  );
}

/**
 * Inserts rows of plain values (no SQL expressions) with one statement, as Kysely's
 * `insertInto(table).values(rows)` writes it (the columns some row gives a value, in the order first met;
 * a value left undefined is the column's default, null on SQLite), but written here as text: Kysely builds, freezes and
 * compiles a node for every value, which cost more than the database's own work for the tens of thousands
 * of rows an import writes. Keep `rows` within the dialect's limit on bound parameters (`chunks`).
 * Returns the `returning` columns of each row, in the order inserted.
 */
export async function insertRows<T extends keyof DB & string, K extends keyof Selectable<DB[T]> & string>(
  db: Kysely<DB>,
  table: T,
  rows: readonly Insertable<DB[T]>[],
  returning: readonly K[] = [],
): Promise<Pick<Selectable<DB[T]>, K>[]> {
  if (rows.length === 0) return [];
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const values = row as Readonly<Record<string, unknown>>;
    for (const column in values)
      if (values[column] !== undefined && !seen.has(column)) {
        seen.add(column);
        columns.push(column);
      }
  }
  const numbered = numbersParameters(db);
  const parameters: unknown[] = [];
  let defaults = false;
  for (const row of rows) {
    const values = row as Readonly<Record<string, unknown>>;
    for (const column of columns) {
      const value = values[column];
      if (value === undefined) defaults = true;
      else parameters.push(value);
    }
  }
  const shape = `${numbered}|${table}|${columns.join(',')}|${rows.length}|${returning.join(',')}`;
  const text = defaults
    ? statementText(table, columns, rows, numbered, returning)
    : (TEXTS.get(shape) ?? remember(shape, statementText(table, columns, rows, numbered, returning)));
  const result = await db.executeQuery<Pick<Selectable<DB[T]>, K>>(CompiledQuery.raw(text, parameters));
  return result.rows;
}
