import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectRecords } from '../../src/ingest/import/collect.js';
import { openSource } from '../../src/ingest/sources/open-source.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const data = path.resolve(repoRoot, '../shared/data');
const present = existsSync(data);
if (!present) console.warn(`\n*** ${data} is absent: the parser tests on the real data are SKIPPED ***\n`);

describe.skipIf(!present)('parsers on the real data in ../shared/data', () => {
  it('read both Wikipedia-list files whole: every pair, places with their qualifiers', async () => {
    const raw = await collectRecords(
      openSource({ format: 'wikipedia-list', path: `${data}/wikipedia-lists/twin_cities_raw.csv` }),
    );
    expect(raw.statements).toHaveLength(26_114);
    const geocoded = await collectRecords(
      openSource({ format: 'wikipedia-list', path: `${data}/wikipedia-lists/twin_cities.csv` }),
    );
    expect(geocoded.statements).toHaveLength(25_917);
    expect(raw.places.size).toBeGreaterThan(17_000);
  });

  it('read the Wikidata 2016 relations with their labels, and the 2026 nodes and links', async () => {
    const y2016 = await collectRecords(
      openSource({
        format: 'wikidata-relations',
        path: `${data}/wikidata-2016/relations.tsv`,
        companion: `${data}/wikidata-2016/names.tsv`,
      }),
    );
    expect(y2016.statements).toHaveLength(34_182);
    expect(y2016.places.size).toBe(10_055);
    expect([...y2016.places.values()].every((p) => p.name !== p.wikidataId)).toBe(true);
    const y2026 = await collectRecords(
      openSource({
        format: 'wikidata-nodes',
        path: `${data}/wikidata-2026/links.tsv`,
        companion: `${data}/wikidata-2026/nodes.tsv`,
      }),
    );
    expect(y2026.statements).toHaveLength(10_596);
    expect(y2026.places.size).toBe(5_470);
  });
});
