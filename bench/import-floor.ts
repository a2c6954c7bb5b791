import BetterSqlite3 from 'better-sqlite3';
import { readLines } from '../src/ingest/sources/line-reader.js';
import { openSource, type ImportSpec } from '../src/ingest/sources/open-source.js';

/**
 * The floor for the gazetteer: split each GeoNames line and insert its place and every alternate name,
 * unfolded and unindexed, with prepared statements in one transaction. No lookup keys, no indexes.
 */
export async function gazetteerFloor(
  file: string,
  dbFile: string,
): Promise<{ seconds: number; rows: number }> {
  const started = performance.now();
  const db = new BetterSqlite3(dbFile);
  db.exec(
    'create table p (id integer, name text, lat real, lon real, country text, population integer); create table n (id integer, name text)',
  );
  const place = db.prepare('insert into p values (?, ?, ?, ?, ?, ?)');
  const name = db.prepare('insert into n values (?, ?)');
  let rows = 0;
  db.exec('begin');
  for await (const { text } of readLines(file)) {
    const f = text.split('\t');
    const id = Number(f[0]);
    place.run(id, f[1], Number(f[4]), Number(f[5]), f[8], Number(f[14]));
    for (const alt of f[3] === '' ? [] : f[3]!.split(',')) name.run(id, alt);
    rows++;
  }
  db.exec('commit');
  db.close();
  return { seconds: (performance.now() - started) / 1000, rows };
}

/** The floor for imports: parse every source with the same parsers and insert the raw pairs, unmatched. */
export async function importFloor(
  specs: readonly ImportSpec[],
  dbFile: string,
): Promise<{ seconds: number; rows: number }> {
  const started = performance.now();
  const db = new BetterSqlite3(dbFile);
  db.exec('create table pairs (a text, b text, line integer)');
  const insert = db.prepare('insert into pairs values (?, ?, ?)');
  let rows = 0;
  db.exec('begin');
  for (const spec of specs) {
    for await (const r of openSource(spec)) {
      rows++;
      if (r.kind === 'statement') insert.run(r.subject.name, r.object.name, r.line);
    }
  }
  db.exec('commit');
  db.close();
  return { seconds: (performance.now() - started) / 1000, rows };
}
