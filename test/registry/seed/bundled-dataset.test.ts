import { describe, expect, it } from 'vitest';
import { contradictions } from '../../../src/core/link-lifecycle.js';
import { readBundledDataset } from '../../../src/registry/seed/read-bundled-dataset.js';
import { BUNDLED_DATA_DIR } from '../../../src/registry/open-registry.js';

const data = readBundledDataset(BUNDLED_DATA_DIR);
const keysOf = (aKey: string) =>
  data.links
    .filter((l) => l.aKey === aKey || l.bKey === aKey)
    .map((l) => (l.aKey === aKey ? l.bKey : l.aKey));

describe('the bundled dataset', () => {
  it('cites a source for every locality, link, event and term', () => {
    expect(data.localities.filter((l) => l.citations.length === 0).map((l) => l.key)).toEqual([]);
    expect(data.links.filter((l) => l.citations.length === 0).map((l) => `${l.aKey}-${l.bKey}`)).toEqual([]);
    const uncitedEvents = data.links.flatMap((l) =>
      l.events.filter((e) => e.citations.length === 0).map((e) => `${l.aKey}-${l.bKey} ${e.type}`),
    );
    expect(uncitedEvents).toEqual([]);
    expect(data.terms.filter((t) => t.citations.length === 0).map((t) => t.term)).toEqual([]);
  });

  it('holds no contradictory history', () => {
    expect(
      data.links.flatMap((l) => contradictions(l.events).map((c) => `${l.aKey}-${l.bKey}: ${c.message}`)),
    ).toEqual([]);
  });

  it("holds Coventry's five links and the seed's landmark twinnings", () => {
    expect(keysOf('coventry').sort()).toEqual(['belgrade', 'dresden', 'kiel', 'mariupol', 'volgograd']);
    expect(keysOf('rome')).toEqual(['paris']);
    expect(keysOf('toledo-es')).toEqual(['toledo-oh']);
    expect(keysOf('paderborn')).toEqual(['le-mans']);
    expect(keysOf('alberta')).toHaveLength(11);
    expect(keysOf('saint-petersburg').length).toBeGreaterThanOrEqual(5);
  });

  it('names fictional and virtual places without a country', () => {
    const ankh = data.localities.find((l) => l.key === 'ankh-morpork');
    expect(ankh).toMatchObject({ kind: 'fictional', country: undefined });
    expect(data.localities.find((l) => l.key === 'skylands')?.kind).toBe('virtual');
  });

  it('has the words for twinning in every language the seed names', () => {
    const langs = new Set(data.terms.map((t) => t.lang.split('-')[0]));
    for (const lang of ['de', 'pl', 'cs', 'fr', 'it', 'es', 'nl', 'el', 'is', 'ru', 'zh', 'en'])
      expect(langs).toContain(lang);
    expect(data.terms.map((t) => t.term)).toEqual(
      expect.arrayContaining(['Partnerstadt', 'stedenband', '友好城市', 'города-побратимы']),
    );
  });

  it('keeps the Douzelage and the city-diplomacy networks', () => {
    const names = data.associations.map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(['Douzelage']));
    expect(data.associations.find((a) => a.key === 'douzelage')?.founded).toEqual({ year: 1991 });
    expect(names.some((n) => /C40/.test(n))).toBe(true);
  });
});
