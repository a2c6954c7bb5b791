import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { DIALECTS } from '../support/databases.js';
import { fixture } from '../ingest/fixtures.js';
import { call, startTestApi, type TestApi } from './api-harness.js';

/** A list of 3,000 pairs of made-up places: an import that writes for a while. */
function writeList(dir: string): string {
  const lines = ['city1,country1,city2,country2'];
  for (let i = 0; i < 3000; i++) lines.push(`Nearplace ${i},Germany,Farplace ${i % 997},France`);
  const file = path.join(dir, 'beside.csv');
  writeFileSync(file, lines.join('\n'));
  return file;
}

for (const dialect of DIALECTS) {
  describe(`an import running beside the server [${dialect}]`, () => {
    let api: TestApi;
    let dir: string;
    beforeAll(async () => {
      api = await startTestApi(dialect, { readCacheEntries: 0, rateLimit: { max: 1e6, windowMs: 60_000 } });
      dir = mkdtempSync(path.join(tmpdir(), 'twinning-beside-'));
      expect((await cli(api.url, 'gazetteer', 'load', fixture('gazetteer.txt'))).code).toBe(0);
    }, 120_000);
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await api?.close();
    });

    it('loses no write and answers no 5xx while the import runs and commits', async () => {
      const link = await api.database.db
        .selectFrom('links')
        .select(['id', 'version'])
        .orderBy('id')
        .limit(1)
        .executeTakeFirstOrThrow();
      const statuses: number[] = [];
      const versions: number[] = [];
      let importing = true;
      const imported = cli(api.url, 'import', 'wikipedia-list', writeList(dir)).finally(
        () => (importing = false),
      );
      // Writes for as long as the import runs (its own course sets the length, not a clock), then a few more.
      for (let i = 0, after = 0; importing || after++ < 3; i++) {
        const read = await call(api.app, 'GET', `/v1/links/${link.id}`);
        statuses.push(read.statusCode);
        if (read.statusCode !== 200) continue;
        const write = await call(api.app, 'PATCH', `/v1/links/${link.id}`, {
          token: api.tokens.admin,
          headers: { 'if-match': String(read.headers.etag) },
          body: { notes: `beside ${i}` },
        });
        statuses.push(write.statusCode);
        if (write.statusCode === 200) versions.push((JSON.parse(write.body) as { version: number }).version);
      }
      const run = await imported;
      expect(run.code, run.err).toBe(0);
      expect(run.out).toMatch(/3000 statements/);
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      expect(versions.length).toBeGreaterThan(3);
      // No write lost: each returned the next version, and the link and its audit trail hold every one.
      expect(versions).toEqual(versions.map((_, i) => link.version + 1 + i));
      const stored = await api.database.db
        .selectFrom('links')
        .select('version')
        .where('id', '=', link.id)
        .executeTakeFirstOrThrow();
      expect(stored.version).toBe(link.version + versions.length);
      const audit = await api.database.db
        .selectFrom('audit_log')
        .select('version')
        .where('entity_type', '=', 'link')
        .where('entity_id', '=', link.id)
        .where('version', '>', link.version)
        .orderBy('version')
        .execute();
      expect(audit.map((a) => a.version)).toEqual(versions);
    }, 600_000);
  });
}
