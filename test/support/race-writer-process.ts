/**
 * Runs test/support/race-writer.ts in a process of its own (a second server's writes, as the race test and
 * bench/write-race.ts need them) and resolves with what it reports: every status and each accepted write's version.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createToken } from '../../src/api/auth.js';
import type { Database } from '../../src/store/database.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface RaceWriterReport {
  statuses: number[];
  versions: number[];
}

export function runRaceWriter(
  url: string,
  token: string,
  linkId: number,
  writes: number,
  label: string,
): Promise<RaceWriterReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/support/race-writer.ts', url, token, String(linkId), String(writes), label],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`race writer exited ${code}: ${err.slice(-2000)}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1)!) as RaceWriterReport);
    });
  });
}

/**
 * Two race writers, each making `writes` edits of the registry's first link at once, with an admin token made for
 * them: the link as it was before, and the two reports.
 */
export async function raceTwoWriters(
  database: Database,
  url: string,
  writes: number,
): Promise<{ link: { id: number; version: number }; reports: RaceWriterReport[] }> {
  const { token } = await createToken(database.db, { name: 'racer', role: 'admin', scopes: [] });
  const link = await database.db
    .selectFrom('links')
    .select(['id', 'version'])
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const reports = await Promise.all([
    runRaceWriter(url, token, link.id, writes, 'first'),
    runRaceWriter(url, token, link.id, writes, 'second'),
  ]);
  return { link, reports };
}
