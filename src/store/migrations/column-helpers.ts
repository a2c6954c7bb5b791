import type { CreateTableBuilder } from 'kysely';
import type { DialectName } from '../dialect-name.js';

/** Adds an auto-incrementing integer primary key named `id`, in each dialect's own way. */
export function withId<T extends string>(
  table: CreateTableBuilder<T, never>,
  dialect: DialectName,
): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** The floating-point column type of each dialect. */
export function floatType(dialect: DialectName): 'real' | 'double precision' {
  return dialect === 'postgres' ? 'double precision' : 'real';
}
