import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachingStatements } from '../../../src/store/dialects/sqlite.js';

describe("SQLite's kept prepared statements", () => {
  it('hands the same statement back for the same SQL, and drops the least recently used past the size', () => {
    const raw = new Database(':memory:');
    const db = cachingStatements(raw, 2);
    const one = db.prepare('select 1 as n');
    expect(db.prepare('select 1 as n')).toBe(one);
    const two = db.prepare('select 2 as n');
    db.prepare('select 1 as n'); // used again: `select 2` is now the least recently used
    db.prepare('select 3 as n');
    expect(db.prepare('select 1 as n')).toBe(one);
    expect(db.prepare('select 2 as n')).not.toBe(two);
    db.close();
  });

  it('prepares a fresh statement while the kept one is still iterating, and answers the same', () => {
    const raw = new Database(':memory:');
    const db = cachingStatements(raw);
    raw.exec('create table t (n integer); insert into t values (1), (2), (3)');
    const kept = db.prepare('select n from t order by n');
    const rows = kept.iterate() as IterableIterator<{ n: number }>;
    expect(rows.next().value).toEqual({ n: 1 });
    const other = db.prepare('select n from t order by n');
    expect(other).not.toBe(kept);
    expect(other.all()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    rows.return?.();
    expect(db.prepare('select n from t order by n')).toBe(kept);
    db.close();
  });

  it('sees a schema change through a kept statement', () => {
    const raw = new Database(':memory:');
    const db = cachingStatements(raw);
    raw.exec('create table t (a integer); insert into t values (1)');
    expect(db.prepare('select * from t').all()).toEqual([{ a: 1 }]);
    raw.exec('alter table t add column b text');
    expect(db.prepare('select * from t').all()).toEqual([{ a: 1, b: null }]);
    db.close();
  });
});
