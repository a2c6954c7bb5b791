/**
 * Write race: two processes edit one link through the API at once (test/support/race-writer.ts: read, PATCH with
 * If-Match, retry on 409), as test/api/process-race.test.ts does with 20 writes each, here with many more so that a
 * rare interleaving shows. Prints, per run: accepted writes, how many returned a version another write also
 * returned (a write answering with a later writer's version), 5xx answers, and the link's final version against
 * the one expected (lost updates). Figures, never pass/fail.
 *
 * Run: npx tsx bench/write-race.ts   (BENCH_RACE_WRITES=150 a process; BENCH_RACE_RUNS=3; BENCH_RACE_DIALECT=sqlite
 * or postgres, PostgreSQL at 127.0.0.1:5432 as the tests use it)
 */
import { openRegistry } from '../src/registry/open-registry.js';
import { createTestDatabase } from '../test/support/databases.js';
import { raceTwoWriters } from '../test/support/race-writer-process.js';

const WRITES = Number(process.env.BENCH_RACE_WRITES ?? 150);
const RUNS = Number(process.env.BENCH_RACE_RUNS ?? 3);
const DIALECT = process.env.BENCH_RACE_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

console.log(`write race on ${DIALECT}: 2 processes × ${WRITES} writes, ${RUNS} runs`);
for (let run = 1; run <= RUNS; run++) {
  const created = await createTestDatabase(DIALECT);
  const { database } = await openRegistry(created.url);
  try {
    const { link, reports } = await raceTwoWriters(database, created.url, WRITES);
    const versions = reports.flatMap((r) => r.versions).sort((a, b) => a - b);
    const repeated = versions.filter((v, i) => i > 0 && versions[i - 1] === v).length;
    const serverErrors = reports.flatMap((r) => r.statuses).filter((s) => s >= 500).length;
    const after = await database.db
      .selectFrom('links')
      .select('version')
      .where('id', '=', link.id)
      .executeTakeFirstOrThrow();
    console.log(
      `run ${run}: ${versions.length} writes accepted, ${repeated} returned a version another write returned, ` +
        `${serverErrors} 5xx, final version ${after.version} (expected ${link.version + 2 * WRITES})`,
    );
  } finally {
    await database.close();
    await created.drop();
  }
}
