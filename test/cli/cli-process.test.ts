import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/databases.js';

const run = promisify(execFile);
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** Runs `twinning` as a real process and returns its exit code and output. */
async function twinning(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', MAIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('twinning as a process', () => {
  let url = '';
  let drop: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase('sqlite'));
    expect((await twinning('--db', url, 'init')).code).toBe(0);
  });
  afterAll(async () => drop());

  it('exits 0, 1 and 2 for done, not found and bad input', async () => {
    const done = await twinning('--db', url, 'locality', 'Coventry', '--as-of', '1950');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Stalingrad');
    const missing = await twinning('--db', url, 'locality', 'Atlantis');
    expect(missing.code).toBe(1);
    const bad = await twinning('--db', url, 'locality', 'Coventry', '--as-of', '2022-13-40');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reports an error as one JSON line with --json', async () => {
    const bad = await twinning('--db', url, '--json', 'locality', 'Coventry', '--as-of', '1950-02-30');
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stderr)).toEqual({
      error: {
        code: 'InvalidDate',
        message: '"1950-02-30" has day 30; that month has days 1 to 28',
        field: '--as-of',
      },
    });
  });
});
