import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/** The number of rows in one of the registry's tables. */
export async function countRows(db: Kysely<DB>, table: keyof DB & string): Promise<number> {
  const row = await db
    .selectFrom(table as 'links')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
