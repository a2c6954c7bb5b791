import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/database.js';
import { DIALECTS, createTestDatabase } from '../../support/databases.js';
import { cli } from '../../support/cli.js';
import { fixture } from '../fixtures.js';
import { allCounts } from '../import-support.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A digest of every row the import writes, to compare a database with itself exactly. */
async function snapshot(url: string): Promise<string> {
  const database = openDatabase(url);
  try {
    const hash = createHash('sha256');
    hash.update(JSON.stringify(await allCounts(database.db)));
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
    return hash.digest('hex');
  } finally {
    await database.close();
  }
}

/** A list of 6,000 pairs of made-up places: slow enough to kill part-way. */
function writeBigList(dir: string): string {
  const lines = ['city1,country1,city2,country2'];
  for (let i = 0; i < 6000; i++) lines.push(`Testplace ${i},Germany,Otherplace ${i % 997},France`);
  const file = path.join(dir, 'big.csv');
  writeFileSync(file, lines.join('\n'));
  return file;
}

/** Runs the import in a child process and SIGKILLs it when it reports `phase` (after `delayMs`). */
function importKilledAt(
  url: string,
  file: string,
  phase: string,
  delayMs: number,
): Promise<{ signal: string | null; seen: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', '--db', url, 'import', 'wikipedia-list', file],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let seen = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const before = seen;
      seen += chunk.toString();
      if (!before.includes(phase) && seen.includes(phase)) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ signal, seen }));
  });
}

for (const dialect of DIALECTS) {
  describe(`an import killed with SIGKILL [${dialect}]`, () => {
    let url: string;
    let drop: () => Promise<void>;
    let dir: string;
    let big: string;

    beforeAll(async () => {
      ({ url, drop } = await createTestDatabase(dialect));
      dir = mkdtempSync(path.join(tmpdir(), 'twinning-kill-'));
      big = writeBigList(dir);
      expect((await cli(url, 'gazetteer', 'load', fixture('gazetteer.txt'))).code).toBe(0);
      expect((await cli(url, 'import', 'wikipedia-list', fixture('wikipedia-list.csv'))).code).toBe(0);
    });
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await drop();
    });

    it.each([
      ['import: reading', 0],
      ['import: matching', 50],
      ['import: matching', 600],
      ['import: writing links', 0],
    ])(
      'leaves the database exactly as before when killed at "%s" + %i ms',
      async (phase, delay) => {
        const before = await snapshot(url);
        const run = await importKilledAt(url, big, phase, delay);
        expect(run.seen).toContain(phase);
        expect(run.signal).toBe('SIGKILL');
        expect(await snapshot(url)).toBe(before);
      },
      60_000,
    );

    it('and the same import, left alone, then completes', async () => {
      const run = await cli(url, 'import', 'wikipedia-list', big);
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/6000 statements/);
    }, 60_000);
  });
}
