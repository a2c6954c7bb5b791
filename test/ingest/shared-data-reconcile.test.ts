import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importSources } from '../../bench/import-sources.js';
import { matchRates } from '../../bench/import-stats.js';
import { defaultGazetteerPath, loadGazetteer } from '../../src/ingest/gazetteer/load-gazetteer.js';
import { openSource } from '../../src/ingest/sources/open-source.js';
import { runImport } from '../../src/ingest/import/run-import.js';
import { openRegistry } from '../../src/registry/open-registry.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const data = path.resolve(repoRoot, '../shared/data');
const present = existsSync(data);
if (!present) console.warn(`\n*** ${data} is absent: reconciliation on the real data is SKIPPED ***\n`);

describe.skipIf(!present)('reconciliation of the real Wikipedia lists', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'twinning-reconcile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('matches at least 95% of their places to a gazetteer place or subdivision, 95% of those near the file’s point', async () => {
    const { database } = await openRegistry(path.join(dir, 'wikipedia.sqlite'));
    try {
      await loadGazetteer(database, defaultGazetteerPath());
      for (const s of importSources(data).slice(0, 2))
        await runImport(database, s.format, openSource(s), { key: s.key, title: s.key });
      const rates = await matchRates(database.db, ['wikipedia-lists-geocoded', 'wikipedia-lists']);
      expect(rates.places).toBe(35_450);
      expect(rates.matchedShare).toBeGreaterThanOrEqual(0.95);
      expect(rates.within25kmShare).toBeGreaterThanOrEqual(0.95);
    } finally {
      await database.close();
    }
  }, 180_000);
});
