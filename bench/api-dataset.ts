/**
 * The data the API benchmark runs on: the bundled dataset plus every source in ../shared/data, loaded with
 * the import pipeline (`twinning import`: gazetteer, then each file) once per database and reused after.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { defaultGazetteerPath, loadGazetteer } from '../src/ingest/gazetteer/load-gazetteer.js';
import { openSource, type ImportSpec } from '../src/ingest/sources/open-source.js';
import { runImport } from '../src/ingest/import/run-import.js';
import { openRegistry } from '../src/registry/open-registry.js';
import { indexUnindexedNames } from '../src/store/writes/name-index.js';
import { countRows } from '../src/store/row-count.repository.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** The shared real data sets, beside the project. */
export const SHARED_DATA = path.resolve(repoRoot, '../shared/data');

const LOADED_KEY = 'bench_api_shared_data_loaded_at';

/** The shared data files, as `twinning import` takes them. */
export function sharedSources(): (ImportSpec & { key: string })[] {
  const d = SHARED_DATA;
  return [
    {
      key: 'wikipedia-lists-geocoded',
      format: 'wikipedia-list',
      path: `${d}/wikipedia-lists/twin_cities.csv`,
    },
    { key: 'wikipedia-lists', format: 'wikipedia-list', path: `${d}/wikipedia-lists/twin_cities_raw.csv` },
    {
      key: 'wikidata-2016',
      format: 'wikidata-relations',
      path: `${d}/wikidata-2016/relations.tsv`,
      companion: `${d}/wikidata-2016/names.tsv`,
    },
    {
      key: 'wikidata-2026',
      format: 'wikidata-nodes',
      path: `${d}/wikidata-2026/links.tsv`,
      companion: `${d}/wikidata-2026/nodes.tsv`,
    },
  ];
}

/** Creates a PostgreSQL database if it is absent (the URL's path names it). */
export async function ensurePostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

/** What is in the benchmark database. */
export interface BenchData {
  description: string;
  localities: number;
  names: number;
  links: number;
}

/**
 * Opens (creating and loading when new) the benchmark registry at a URL: the bundled dataset, and when
 * ../shared/data is present the gazetteer and every shared source through the import pipeline.
 */
export async function prepareBenchData(url: string, log: (line: string) => void): Promise<BenchData> {
  const { database } = await openRegistry(url);
  try {
    const shared = existsSync(SHARED_DATA);
    const loaded = await database.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', LOADED_KEY)
      .executeTakeFirst();
    if (shared && !loaded) {
      const started = performance.now();
      log(`loading the gazetteer and ../shared/data into ${database.location} with the import pipeline …`);
      await loadGazetteer(database, defaultGazetteerPath());
      for (const s of sharedSources()) {
        const summary = await runImport(database, s.format, openSource(s), { key: s.key, title: s.key });
        log(
          `  ${s.key}: ${summary.linksCreated} new links, ${summary.localitiesCreated} new localities in ${summary.seconds} s`,
        );
      }
      await indexUnindexedNames(database.db);
      // Fresh statistics, as autovacuum (PostgreSQL) would gather soon after a load this size.
      await sql`analyze`.execute(database.db);
      await database.db
        .insertInto('meta')
        .values({ key: LOADED_KEY, value: new Date().toISOString() })
        .execute();
      log(`  loaded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    const count = (table: 'localities' | 'locality_names' | 'links') => countRows(database.db, table);
    return {
      description: shared
        ? 'bundled dataset + ../shared/data (Wikipedia lists, Wikidata 2016 and 2026) imported with the import pipeline'
        : 'bundled dataset only (../shared/data absent)',
      localities: await count('localities'),
      names: await count('locality_names'),
      links: await count('links'),
    };
  } finally {
    await database.close();
  }
}

/**
 * Opens (creating when new) a registry filled as a fresh start fills it: the world snapshot
 * (data/world/registry.jsonl.gz), its name index, and fresh planner statistics.
 */
export async function prepareWorldData(url: string, log: (line: string) => void): Promise<BenchData> {
  const started = performance.now();
  const { database, world } = await openRegistry(url, undefined, { dataset: 'world' });
  try {
    if (world) {
      await sql`analyze`.execute(database.db);
      log(
        `  loaded the world snapshot into ${database.location} in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
    }
    const count = (table: 'localities' | 'locality_names' | 'links') => countRows(database.db, table);
    return {
      description: 'the world snapshot (data/world/registry.jsonl.gz), as a fresh start loads it',
      localities: await count('localities'),
      names: await count('locality_names'),
      links: await count('links'),
    };
  } finally {
    await database.close();
  }
}
