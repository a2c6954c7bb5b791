import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_COLUMNS } from '../../src/export/link-csv.js';
import { call, startTestApi, type TestApi } from '../api/api-harness.js';
import { fixture } from '../ingest/fixtures.js';
import { DIALECTS } from '../support/databases.js';
import { cli } from '../support/cli.js';

/** The lines of a CSV text, either line end, without the empty one after the last. */
const linesOf = (csv: string): string[] => csv.split(/\r?\n/).filter((line) => line !== '');

for (const dialect of DIALECTS) {
  describe(`the CLI's and the API's link exports [${dialect}]`, () => {
    let api: TestApi;

    beforeAll(async () => {
      api = await startTestApi(dialect);
      expect((await cli(api.url, 'gazetteer', 'load', fixture('gazetteer.txt'))).code).toBe(0);
      const imported = await cli(
        api.url,
        'import',
        'wikidata-relations',
        fixture('relations.tsv'),
        '--labels',
        fixture('names.tsv'),
      );
      expect(imported.code).toBe(0);
    });
    afterAll(() => api?.close());

    it('have the same columns and the same rows, one-sided sources included', async () => {
      const fromCli = await cli(api.url, 'export', 'links');
      expect(fromCli.code).toBe(0);
      const response = await call(api.app, 'GET', '/v1/links?format=csv');
      expect(response.statusCode).toBe(200);
      const [cliHeader, ...cliRows] = linesOf(fromCli.out);
      const [apiHeader, ...apiRows] = linesOf(response.body);
      expect(cliHeader).toBe(LINK_COLUMNS.join(','));
      expect(apiHeader).toBe(cliHeader);
      expect(apiRows).toEqual(cliRows);
      expect(cliRows.length).toBeGreaterThan(10);
      const oneSided = cliRows.filter((row) => !row.endsWith(',')); // one_sided_in, the last column, filled
      expect(oneSided).toHaveLength(1);
    });

    it('give JSON lines with the same fields as the CSV columns', async () => {
      const fromCli = await cli(api.url, '--json', 'export', 'links');
      const first = JSON.parse(fromCli.out.split('\n')[0]!) as Record<string, unknown>;
      expect(Object.keys(first)).toEqual([...LINK_COLUMNS]);
    });
  });
}
