import type { SelectQueryBuilder } from 'kysely';
import type { DB } from './schema.js';

/** Rows read a query at a time while loading, so that no read holds the event loop long. */
const PAGE = 5_000;

/**
 * Lets the event loop run (timers, I/O) before going on: better-sqlite3 answers at once, so awaiting its
 * promises alone never gives the loop a turn, and a long read in the main thread would hold it throughout.
 */
export const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Reads every row of a query ordered by id, a page of PAGE rows at a time, each page after the last row's `id`,
 * and hands each page to `each`; the event loop gets a turn between pages.
 */
export async function eachPage<Row extends { id: number }>(
  page: (after: number) => SelectQueryBuilder<DB, never, Row>,
  each: (rows: Row[]) => void,
): Promise<void> {
  for (let after = 0; ;) {
    await turn();
    const rows = await page(after).limit(PAGE).execute();
    each(rows);
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.id;
  }
}

/** Columns of numbers being filled row by row, one array a field. */
export type Columns<Field extends string> = Record<Field, number[]>;

/** Empty columns with these fields. */
export function columns<Field extends string>(...fields: Field[]): Columns<Field> {
  return Object.fromEntries(fields.map((f) => [f, []])) as unknown as Columns<Field>;
}

/**
 * Rows grouped by owner: group g's rows are order[start[g]] to order[start[g + 1] - 1], in the order they were
 * read; a row whose owner is -1 is left out.
 */
export function groupRows(
  owners: readonly number[],
  groups: number,
): { start: Uint32Array; order: Uint32Array } {
  const start = new Uint32Array(groups + 1);
  for (const owner of owners) if (owner >= 0) start[owner + 1] = start[owner + 1]! + 1;
  for (let g = 0; g < groups; g++) start[g + 1] = start[g + 1]! + start[g]!;
  const next = start.slice(0, groups);
  const order = new Uint32Array(start[groups]!);
  owners.forEach((owner, row) => {
    if (owner < 0) return;
    order[next[owner]!] = row;
    next[owner] = next[owner]! + 1;
  });
  return { start, order };
}

/** A typed-array constructor (Int32Array, Float64Array, …). */
interface TypedArrayOf<T> {
  new (length: number): T & { [i: number]: number };
}

/** The values of the rows `order` lists (all rows, in order, when absent), as a typed array. */
export function pick<T>(type: TypedArrayOf<T>, values: readonly number[], order?: Uint32Array): T {
  const length = order ? order.length : values.length;
  const picked = new type(length);
  for (let i = 0; i < length; i++) picked[i] = values[order ? order[i]! : i]!;
  return picked;
}
