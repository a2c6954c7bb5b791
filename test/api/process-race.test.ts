import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createToken } from '../../src/api/auth.js';
import { openRegistry } from '../../src/registry/open-registry.js';
import { createTestDatabase, DIALECTS } from '../support/databases.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const WRITES = 20;

/** Runs the race writer in a process of its own and resolves with what it reports. */
function writer(
  url: string,
  token: string,
  linkId: number,
  label: string,
): Promise<{ statuses: number[]; versions: number[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/support/race-writer.ts', url, token, String(linkId), String(WRITES), label],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`race writer exited ${code}: ${err.slice(-2000)}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1)!) as { statuses: number[]; versions: number[] });
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`two processes writing one registry [${dialect}]`, () => {
    it('loses no update, answers no 5xx, returns each write its own version and audits every one', async () => {
      const created = await createTestDatabase(dialect);
      const { database } = await openRegistry(created.url);
      try {
        const { token } = await createToken(database.db, { name: 'racer', role: 'admin', scopes: [] });
        const link = await database.db
          .selectFrom('links')
          .select(['id', 'version'])
          .orderBy('id')
          .limit(1)
          .executeTakeFirstOrThrow();
        const results = await Promise.all([
          writer(created.url, token, link.id, 'first'),
          writer(created.url, token, link.id, 'second'),
        ]);
        const statuses = results.flatMap((r) => r.statuses);
        expect(statuses.filter((s) => s >= 500)).toEqual([]);
        const versions = results.flatMap((r) => r.versions).sort((a, b) => a - b);
        expect(versions).toHaveLength(2 * WRITES);
        // Each accepted write returned the version it made: all distinct, one per write, none skipped.
        expect(versions).toEqual(Array.from({ length: 2 * WRITES }, (_, i) => link.version + 1 + i));
        const after = await database.db
          .selectFrom('links')
          .select('version')
          .where('id', '=', link.id)
          .executeTakeFirstOrThrow();
        expect(after.version).toBe(link.version + 2 * WRITES);
        const audit = await database.db
          .selectFrom('audit_log')
          .select(['version'])
          .where('entity_type', '=', 'link')
          .where('entity_id', '=', link.id)
          .orderBy('version')
          .execute();
        expect(audit.map((a) => a.version)).toEqual(versions);
      } finally {
        await database.close();
        await created.drop();
      }
    }, 180_000);
  });
}
