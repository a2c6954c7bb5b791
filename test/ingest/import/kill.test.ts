import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/database.js';
import { DIALECTS, cloneTestDatabase, createTestDatabase } from '../../support/databases.js';
import { cli } from '../../support/cli.js';
import { fixture } from '../fixtures.js';
import { allCounts } from '../import-support.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Kill points: spread over the import's measured work before its write phase (reading, matching), plus some
 * anchored at the write phase's own line. Spread over the whole run instead, the points near its end fell after the
 * commit whenever the later runs were quicker than the measured one (a busy machine growing quieter), and too few
 * fell before it (7 of 16, at load 11).
 */
const SPREAD_POINTS = 16;
const WRITE_PHASE_POINTS = 4;
const WRITE_PHASE = 'import: writing links';
/**
 * How long an import may print nothing before the test calls it stuck. The import prints a progress line
 * at least every two seconds while it works, so a silence this long is a hang, not a slow machine; the test
 * as a whole has no time limit of its own (vitest's is only a backstop for a hang in the test itself).
 */
const SILENCE_MS = 120_000;
const BACKSTOP_MS = 60 * 60_000;

/** A digest of every row the import writes, to compare a database with itself exactly. */
async function snapshot(url: string): Promise<{ digest: string; counts: Record<string, number> }> {
  const database = openDatabase(url);
  try {
    const hash = createHash('sha256');
    const counts = await allCounts(database.db);
    hash.update(JSON.stringify(counts));
    for (const table of [
      'localities',
      'locality_names',
      'links',
      'link_events',
      'sources',
      'source_places',
      'link_sources',
    ] as const) {
      hash.update(JSON.stringify(await database.db.selectFrom(table).selectAll().orderBy('id').execute()));
    }
    return { digest: hash.digest('hex'), counts };
  } finally {
    await database.close();
  }
}

/** A list of 400 pairs of made-up places: an import that takes seconds, its places matched one by one. */
function writeBigList(dir: string): string {
  const lines = ['city1,country1,city2,country2'];
  for (let i = 0; i < 400; i++) lines.push(`Testplace ${i},Germany,Otherplace ${i % 997},France`);
  const file = path.join(dir, 'big.csv');
  writeFileSync(file, lines.join('\n'));
  return file;
}

interface ImportRun {
  signal: string | null;
  code: number | null;
  /** Milliseconds from the import's first line (it has started its work) to each later line, and to its exit. */
  lines: { at: number; text: string }[];
  exitAt: number;
}

/**
 * Runs the import in a child process. `killAt` says when to SIGKILL it: a number of milliseconds after its
 * first line, or after the first line containing a text. A child silent for SILENCE_MS is killed and fails.
 */
function runImport(url: string, file: string, killAt?: { after?: string; ms: number }): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', '--db', url, 'import', 'wikipedia-list', file],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let started: number | undefined;
    let silence: NodeJS.Timeout | undefined;
    let stuck = false;
    const lines: ImportRun['lines'] = [];
    const watch = () => {
      clearTimeout(silence);
      silence = setTimeout(() => {
        stuck = true;
        child.kill('SIGKILL');
      }, SILENCE_MS);
    };
    watch();
    const killer = (anchor: string) => {
      if (killAt && (killAt.after ?? lines[0]!.text) === anchor)
        setTimeout(() => child.kill('SIGKILL'), killAt.ms);
    };
    child.stderr.on('data', (chunk: Buffer) => {
      watch();
      for (const text of chunk
        .toString()
        .split('\n')
        .filter((t) => t !== '')) {
        started ??= performance.now();
        lines.push({ at: performance.now() - started, text });
        if (lines.length === 1) killer(text);
        else if (
          killAt?.after &&
          text.includes(killAt.after) &&
          !lines.slice(0, -1).some((l) => l.text.includes(killAt.after!))
        )
          killer(killAt.after);
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(silence);
      if (stuck)
        reject(new Error(`the import printed nothing for ${SILENCE_MS / 1000} s: ${lines.at(-1)?.text}`));
      else resolve({ code, signal, lines, exitAt: started === undefined ? 0 : performance.now() - started });
    });
  });
}

/** A database holding the gazetteer fixture and one small import: the state every kill point starts from. */
async function prepareBase(
  dialect: (typeof DIALECTS)[number],
): Promise<{ url: string; drop(): Promise<void> }> {
  const base = await createTestDatabase(dialect);
  expect((await cli(base.url, 'gazetteer', 'load', fixture('gazetteer.txt'))).code).toBe(0);
  expect((await cli(base.url, 'import', 'wikipedia-list', fixture('wikipedia-list.csv'))).code).toBe(0);
  return base;
}

for (const dialect of DIALECTS) {
  describe(`an import killed with SIGKILL [${dialect}]`, () => {
    // The start state is built once and copied for each run that needs it fresh.
    let base: { url: string; drop(): Promise<void> };
    const fresh = () => cloneTestDatabase(dialect, base.url);
    let url: string;
    let drop: () => Promise<void>;
    let dir: string;
    let big: string;

    beforeAll(async () => {
      base = await prepareBase(dialect);
      ({ url, drop } = await fresh());
      dir = mkdtempSync(path.join(tmpdir(), 'twinning-kill-'));
      big = writeBigList(dir);
    }, BACKSTOP_MS);
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await drop?.();
      await base?.drop();
    });

    it(
      `leaves the database as before or as after, killed at ${SPREAD_POINTS + WRITE_PHASE_POINTS} points`,
      async () => {
        // The import's own course, measured on a copy of the same start: when it writes, when it is done.
        const reference = await fresh();
        let after: Record<string, number>;
        let measured: ImportRun;
        try {
          measured = await runImport(reference.url, big);
          expect(measured.code).toBe(0);
          after = (await snapshot(reference.url)).counts;
        } finally {
          await reference.drop();
        }
        const writing = measured.lines.find((l) => l.text.includes(WRITE_PHASE));
        expect(writing, 'the import names its write phase').toBeDefined();
        const writeSpan = measured.exitAt - writing!.at;
        const points: { after?: string; ms: number }[] = [
          ...Array.from({ length: SPREAD_POINTS }, (_, i) => ({
            ms: ((i + 0.5) / SPREAD_POINTS) * writing!.at,
          })),
          ...Array.from({ length: WRITE_PHASE_POINTS }, (_, i) => ({
            after: WRITE_PHASE,
            ms: (i / WRITE_PHASE_POINTS) * writeSpan,
          })),
        ];
        const outcomes: string[] = [];
        for (const point of points) {
          const before = await snapshot(url);
          const run = await runImport(url, big, point);
          const state = await snapshot(url);
          const where = `killed ${point.after ? `after "${point.after}" + ` : ''}${Math.round(point.ms)} ms`;
          if (run.signal === 'SIGKILL' && state.digest === before.digest) {
            outcomes.push('before');
            continue;
          }
          // Not as before: the import must have committed whole (or have been run whole before).
          expect(state.counts, where).toEqual(after);
          expect(run.signal === 'SIGKILL' || run.code === 0, where).toBe(true);
          outcomes.push(run.signal === 'SIGKILL' ? 'after' : 'finished');
          // Start the next point from the same state: a fresh import, not a quicker re-import.
          await drop();
          ({ url, drop } = await fresh());
        }
        // The spread points aim before the write phase: most land before the commit unless a later run reaches it
        // in half the measured time.
        expect(outcomes.filter((o) => o === 'before').length).toBeGreaterThanOrEqual(SPREAD_POINTS / 2);
        // Left alone, the import completes.
        const whole = await cli(url, 'import', 'wikipedia-list', big);
        expect(whole.code).toBe(0);
        expect((await snapshot(url)).counts).toEqual(after);
      },
      BACKSTOP_MS,
    );
  });
}
