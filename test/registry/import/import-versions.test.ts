import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/store/database.js';
import { DIALECTS } from '../../support/databases.js';
import { cli } from '../../support/cli.js';
import { fixture } from '../../ingest/fixtures.js';
import { openWithGazetteer } from '../../ingest/import-support.js';

/** Each import format with a fixture of it and its options. */
const FORMATS: readonly [string, string[]][] = [
  ['wikipedia-list', [fixture('wikipedia-list.csv')]],
  ['wikidata-relations', [fixture('relations.tsv'), '--labels', fixture('names.tsv')]],
  ['wikidata-nodes', [fixture('links.tsv'), '--nodes', fixture('nodes.tsv')]],
  ['wikidata-sparql', [fixture('sparql-p190.json')]],
  [
    'csv',
    [fixture('wikipedia-list-raw.csv'), '--map', 'a=city1,a.country=country1,b=city2,b.country=country2'],
  ],
  ['wikidata-dump', [fixture('entity-dump.jsonl')]],
];

for (const dialect of DIALECTS) {
  describe(`imports go through the versioned-write step [${dialect}]`, () => {
    let url: string;
    let database: Database;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ url, database, close } = await openWithGazetteer(dialect));
    });
    afterAll(() => close());

    for (const [format, args] of FORMATS) {
      it(`${format}: a second source stating the same links bumps each one's version, audited with the import as actor`, async () => {
        const first = await cli(url, 'import', format, ...args, '--source', `${format}-1`);
        expect(first.code, first.err).toBe(0);
        const statedBy = async (source: string) =>
          database.db
            .selectFrom('link_sources')
            .innerJoin('sources', 'sources.id', 'link_sources.source_id')
            .innerJoin('links', 'links.id', 'link_sources.link_id')
            .select(['links.id', 'links.version'])
            .where('sources.key', '=', source)
            .orderBy('links.id')
            .execute();
        const before = await statedBy(`${format}-1`);
        expect(before.length).toBeGreaterThan(0);

        const second = await cli(url, 'import', format, ...args, '--source', `${format}-2`);
        expect(second.code, second.err).toBe(0);
        const after = new Map((await statedBy(`${format}-2`)).map((l) => [l.id, l.version]));
        for (const link of before) {
          expect(after.get(link.id)).toBe(link.version + 1);
          const audit = await database.db
            .selectFrom('audit_log')
            .selectAll()
            .where('entity_type', '=', 'link')
            .where('entity_id', '=', link.id)
            .orderBy('id', 'desc')
            .executeTakeFirstOrThrow();
          expect(audit).toMatchObject({
            action: 'import',
            actor_name: `${format}-2`,
            actor_role: 'import',
            actor_token_id: null,
            version: link.version + 1,
          });
        }
        const runs = await database.db
          .selectFrom('audit_log')
          .selectAll()
          .where('entity_type', '=', 'source')
          .where('entity_key', 'in', [`${format}-1`, `${format}-2`])
          .orderBy('id')
          .execute();
        expect(runs.map((r) => [r.entity_key, r.action, r.actor_role])).toEqual([
          [`${format}-1`, 'import', 'import'],
          [`${format}-2`, 'import', 'import'],
        ]);
        expect(JSON.parse(runs[1]!.after!)).toMatchObject({ linksCreated: 0, linksChanged: before.length });
      });
    }
  });
}
