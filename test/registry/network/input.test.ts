import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LifecycleEvent } from '../../../src/core/link-lifecycle.js';
import { parsePartialDate } from '../../../src/core/partial-date.js';
import { addLink } from '../../../src/registry/link/insert-checked.js';
import { loadNetworkInput, type NetworkQuery } from '../../../src/registry/network/input.js';
import { openRegistry } from '../../../src/registry/open-registry.js';
import type { Database } from '../../../src/store/database.js';
import { localityIdsByKey } from '../../../src/store/locality.repository.js';
import { sourceIdsByKey } from '../../../src/store/source.repository.js';
import { insertLinkSources } from '../../../src/store/writes/link-source.js';
import { upsertSources } from '../../../src/store/writes/source.js';
import { DIALECTS, createTestDatabase } from '../../support/databases.js';

const TODAY = parsePartialDate('2026-11-30');
const formalised: LifecycleEvent = { type: 'formalised', citations: [] };

/**
 * Links added over the bundled dataset, each with what lists it (link_sources) and what cites it (a citation of the
 * link), so that the date a link is known to stand by comes from different sources: two of them retrieved on the same
 * first day at different precisions, one after today, one never.
 */
const SOURCES = [
  { key: 'test-2016-09', title: 'A list read in September 2016', retrieved: '2016-09' },
  { key: 'test-2016-09-01', title: 'A list read on 1 September 2016', retrieved: '2016-09-01' },
  { key: 'test-2010-05', title: 'A list read in May 2010', retrieved: '2010-05' },
  { key: 'test-2020', title: 'A list read in 2020', retrieved: '2020' },
  { key: 'test-never', title: 'A list never dated' },
  { key: 'test-later', title: 'A list dated after today', retrieved: '2030-01' },
];
const LINKS: { a: string; b: string; events: LifecycleEvent[]; listed: string[]; cited: string[] }[] = [
  // Known by 1 September 2016 (either list says so).
  {
    a: 'crailsheim',
    b: 'tulcea',
    events: [formalised],
    listed: ['test-2016-09', 'test-2016-09-01'],
    cited: [],
  },
  // Listed in 2020, but a citation from May 2010 dates it earlier.
  {
    a: 'viernheim',
    b: 'worthington-mn',
    events: [formalised],
    listed: ['test-2020'],
    cited: ['test-2010-05'],
  },
  // Only today's knowledge: an undated list, a list dated in the future.
  { a: 'hokkaido', b: 'jalisco', events: [formalised], listed: ['test-never'], cited: [] },
  { a: 'hainan', b: 'nevada', events: [formalised], listed: ['test-later'], cited: [] },
  // Cited, not listed.
  { a: 'gangwon', b: 'missouri', events: [formalised], listed: [], cited: ['test-2016-09-01'] },
  // Signed in 2012, ended at a date no source gives before 2020.
  {
    a: 'keighley',
    b: 'rovigo',
    events: [
      { type: 'agreement_signed', date: parsePartialDate('2012'), citations: [] },
      { type: 'terminated', citations: [] },
    ],
    listed: ['test-2020'],
    cited: [],
  },
];

/** The links added here in force at a date: known to be (active) and counted although undated. */
const EXPECTED: [string, { active: number; undated: number }][] = [
  ['2010-04', { active: 0, undated: 5 }],
  ['2010-05', { active: 1, undated: 4 }],
  ['2016-08', { active: 1, undated: 5 }],
  ['2016-09', { active: 3, undated: 3 }],
  ['2020', { active: 3, undated: 2 }],
  ['today', { active: 5, undated: 0 }],
];

const queryAt = (asOf: string): NetworkQuery => (asOf === 'today' ? {} : { asOf: parsePartialDate(asOf) });
/** An edge's two keys, sorted. */
const pair = (edge: { a: string; b: string }): string => [edge.a, edge.b].sort().join('|');

for (const dialect of DIALECTS) {
  describe(`the network's links at a date, dated by their sources [${dialect}]`, () => {
    let database: Database;
    let drop: () => Promise<void> = async () => undefined;
    const before = new Map<string, { active: number; undated: number }>();

    beforeAll(async () => {
      const created = await createTestDatabase(dialect);
      drop = created.drop;
      database = (await openRegistry(created.url)).database;
      for (const [asOf] of EXPECTED)
        before.set(asOf, await loadNetworkInput(database.db, queryAt(asOf), TODAY));
      await database.db.transaction().execute(async (trx) => {
        const sourceIds = await upsertSources(trx, SOURCES);
        const ids = await localityIdsByKey(
          trx,
          LINKS.flatMap((l) => [l.a, l.b]),
        );
        for (const link of LINKS) {
          const id = await addLink(
            trx,
            {
              aKey: link.a,
              bKey: link.b,
              purposes: [],
              exclusive: false,
              citations: link.cited.map((sourceKey) => ({ sourceKey })),
              events: link.events,
            },
            { aId: ids.get(link.a)!, bId: ids.get(link.b)! },
            await sourceIdsByKey(trx),
            TODAY,
          );
          await insertLinkSources(
            trx,
            link.listed.map((key) => ({
              link_id: id,
              source_id: sourceIds.get(key)!,
              a_lists_b: 1,
              b_lists_a: 1,
              undirected: 1,
              first_line: null,
            })),
          );
        }
      });
    });
    afterAll(async () => {
      await database.close();
      await drop();
    });

    it.each(EXPECTED)('counts the links in force at %s as the sources date them', async (asOf, expected) => {
      const after = await loadNetworkInput(database.db, queryAt(asOf), TODAY, {
        dates: false,
        labels: false,
        sources: false,
        attributes: false,
      });
      const base = before.get(asOf)!;
      expect({ active: after.active - base.active, undated: after.undated - base.undated }).toEqual(expected);
      const full = await loadNetworkInput(database.db, queryAt(asOf), TODAY);
      expect([full.active, full.undated]).toEqual([after.active, after.undated]);
      expect(full.input.edges.map(pair)).toEqual(after.input.edges.map(pair));
      expect(full.input.nodes.map((n) => n.key)).toEqual(after.input.nodes.map((n) => n.key));
      expect(after.input.nodes.every((n) => n.country === undefined && n.lat === undefined)).toBe(true);
    });

    it("gives each edge its sources' keys unless asked not to, and filters by source either way", async () => {
      const edgeOf = (input: { input: { edges: { a: string; b: string; sources?: string[] }[] } }) =>
        input.input.edges.find((e) => pair(e) === 'viernheim|worthington-mn');
      expect(edgeOf(await loadNetworkInput(database.db, {}, TODAY))?.sources).toEqual([
        'test-2020',
        'test-2010-05',
      ]);
      expect(edgeOf(await loadNetworkInput(database.db, {}, TODAY, { sources: false }))).not.toHaveProperty(
        'sources',
      );
      const cited = await loadNetworkInput(database.db, { sources: ['test-2010-05'] }, TODAY, {
        sources: false,
      });
      expect(cited.input.edges.map(pair)).toEqual(['viernheim|worthington-mn']);
    });
  });
}
