/**
 * Benchmark for issue 10: how long `twinning serve` (what `npm start` runs after `npm run build`) takes
 * to listen on a new database that it fills with the world snapshot, and on the second start, beside a
 * baseline measured in the same run: the first start on the bundled dataset alone. With BENCH_BUILD=1 it
 * also times the alternative the snapshot replaces: building the world from data/sources (gazetteer and
 * four imports). Each start is also timed to its first answered read (a page of localities), since the server
 * compiles its route schemas on first use or once listening. Needs `npm run build` first (dist/).
 * Run: npx tsx bench/first-start.ts
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWorldInto } from '../src/ingest/world/build-world.js';
import { BUNDLED_DATA_DIR, openRegistry } from '../src/registry/open-registry.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const main = path.join(repoRoot, 'dist/src/cli/main.js');
if (!existsSync(main)) {
  console.log(`SKIPPED: ${main} is absent; run \`npm run build\` first.`);
  process.exit(0);
}

/**
 * The CPU seconds (user and system) a process has used so far, from /proc (Linux; undefined elsewhere): on a
 * machine shared with other work, what a start costs apart from the wait for a core.
 */
function cpuSecondsOf(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * A start's seconds from spawning `twinning serve`: to its "Twinning API on" line, and to its first answered read;
 * and its CPU seconds to that read (undefined where /proc does not tell).
 */
interface StartSeconds {
  listening: number;
  firstRead: number;
  cpu: number | undefined;
}

/**
 * Spawns `twinning serve`, waits for its "Twinning API on" line, then asks for one page of localities (what a
 * user's first request meets: route schemas are compiled on first use or once listening), and stops the server.
 */
function serveSeconds(db: string, dataset: 'world' | 'bundled', port: number): Promise<StartSeconds> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [main, '--db', db, 'serve', '--port', String(port), '--log-level', 'warn'],
      {
        env: { ...process.env, TWINNING_DATASET: dataset },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let err = '';
    let listening: number | undefined;
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (listening === undefined && err.includes('Twinning API on')) {
        const at = (performance.now() - started) / 1000;
        listening = at;
        fetch(`http://127.0.0.1:${port}/v1/localities?limit=2`)
          .then(async (response) => {
            if (response.status !== 200) throw new Error(`the first read answered ${response.status}`);
            await response.text();
            const firstRead = (performance.now() - started) / 1000;
            const cpu = cpuSecondsOf(child.pid);
            child.kill('SIGTERM');
            child.once('exit', () => resolve({ listening: at, firstRead, cpu }));
          })
          .catch((error: unknown) => {
            child.kill('SIGTERM');
            reject(error instanceof Error ? error : new Error(String(error)));
          });
      }
    });
    child.once('exit', (code) => {
      if (!err.includes('Twinning API on')) reject(new Error(`serve exited ${code}: ${err}`));
    });
  });
}

/** "1.2 s (first read 1.4 s), CPU 1.8 s". */
const shown = (s: StartSeconds): string =>
  `${s.listening.toFixed(1)} s (first read ${s.firstRead.toFixed(1)} s)${s.cpu === undefined ? '' : `, CPU ${s.cpu.toFixed(1)} s`}`;

const dir = mkdtempSync(path.join(tmpdir(), 'twinning-first-start-'));
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
try {
  console.log(`Load average at start: ${load()}`);
  const bundled = await serveSeconds(path.join(dir, 'bundled.sqlite'), 'bundled', 18_081);
  const first = await serveSeconds(path.join(dir, 'world.sqlite'), 'world', 18_082);
  const second = await serveSeconds(path.join(dir, 'world.sqlite'), 'world', 18_083);
  const bundledSecond = await serveSeconds(path.join(dir, 'bundled.sqlite'), 'bundled', 18_084);
  console.log('Each start: seconds to listening (to its first answered read), and its CPU to that read.');
  console.log(`First start, bundled dataset alone (baseline): ${shown(bundled)}`);
  console.log(
    `First start, world snapshot: ${shown(first)} (×${(first.listening / bundled.listening).toFixed(1)} the baseline)`,
  );
  console.log(`Second start, world: ${shown(second)} (bundled dataset: ${shown(bundledSecond)})`);
  if (process.env.BENCH_BUILD === '1') {
    const started = performance.now();
    const { database } = await openRegistry(path.join(dir, 'build.sqlite'));
    const summary = await buildWorldInto(database, path.join(BUNDLED_DATA_DIR, 'sources'));
    await database.close();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Building the world from data/sources instead: ${seconds.toFixed(1)} s (gazetteer ${summary.gazetteerSeconds} s; ×${(seconds / first.listening).toFixed(1)} the snapshot's first start)`,
    );
  }
  console.log(`Load average at end: ${load()}`);
  console.log(`Peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
