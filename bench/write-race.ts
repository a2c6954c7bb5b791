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
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createToken } from '../src/api/auth.js';
import { openRegistry } from '../src/registry/open-registry.js';
import { createTestDatabase } from '../test/support/databases.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const WRITES = Number(process.env.BENCH_RACE_WRITES ?? 150);
const RUNS = Number(process.env.BENCH_RACE_RUNS ?? 3);
const DIALECT = process.env.BENCH_RACE_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

interface WriterReport {
  statuses: number[];
  versions: number[];
}

function writer(url: string, token: string, linkId: number, label: string): Promise<WriterReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/support/race-writer.ts', url, token, String(linkId), String(WRITES), label],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as WriterReport)
        : reject(new Error(`race writer exited ${code}`)),
    );
  });
}

console.log(`write race on ${DIALECT}: 2 processes × ${WRITES} writes, ${RUNS} runs`);
for (let run = 1; run <= RUNS; run++) {
  const created = await createTestDatabase(DIALECT);
  const { database } = await openRegistry(created.url);
  try {
    const { token } = await createToken(database.db, { name: 'racer', role: 'admin', scopes: [] });
    const link = await database.db
      .selectFrom('links')
      .select(['id', 'version'])
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const reports = await Promise.all([
      writer(created.url, token, link.id, 'first'),
      writer(created.url, token, link.id, 'second'),
    ]);
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
