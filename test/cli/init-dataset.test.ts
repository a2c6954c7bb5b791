import { afterEach, describe, expect, it } from 'vitest';
import { cli, cliJson } from '../support/cli.js';
import { createTestDatabase, DIALECTS } from '../support/databases.js';

for (const dialect of DIALECTS) {
  describe(`what a new database is filled with [${dialect}]`, () => {
    const saved = process.env.TWINNING_DATASET;
    afterEach(() => {
      process.env.TWINNING_DATASET = saved;
    });

    it('init --bundled-only loads the bundled dataset even where the world is the default', async () => {
      const { url, drop } = await createTestDatabase(dialect);
      try {
        process.env.TWINNING_DATASET = 'world';
        const run = await cliJson<{ loaded: { localities: number } | null; world: unknown }>(
          url,
          'init',
          '--bundled-only',
        );
        expect(run.code, run.err).toBe(0);
        expect(run.value.world).toBeNull();
        expect(run.value.loaded?.localities).toBeLessThan(1000);
        const again = await cli(url, 'init');
        expect(again.out).toMatch(/is ready; it was already filled/);
      } finally {
        await drop();
      }
    });

    it('refuses a TWINNING_DATASET it does not know, naming it', async () => {
      const { url, drop } = await createTestDatabase(dialect);
      try {
        process.env.TWINNING_DATASET = 'everything';
        const run = await cli(url, 'init');
        expect(run.code).toBe(2);
        expect(run.err).toMatch(/TWINNING_DATASET: "everything" is not a dataset; use world or bundled/);
      } finally {
        await drop();
      }
    });
  });
}
