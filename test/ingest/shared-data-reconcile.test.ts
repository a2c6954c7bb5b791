import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  identityFaults,
  linked,
  namesakePairs,
  readRegistry,
  resolvedShares,
  wikidata2016Placement,
  type Registry,
} from '../../bench/identity-stats.js';
import { matchRates } from '../../bench/import-stats.js';
import { sampleLinkAccuracy } from '../../bench/link-accuracy-check.js';
import { readSourceFacts, type SourceFacts } from '../../bench/source-facts.js';
import { buildWorld } from '../../bench/world-build.js';
import { openDatabase } from '../../src/store/database.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const data = path.resolve(repoRoot, '../shared/data');
const present = existsSync(data);
if (!present) console.warn(`\n*** ${data} is absent: reconciliation on the real data is SKIPPED ***\n`);

describe.skipIf(!present)('identity and reconciliation on a registry built from every shared source', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'twinning-reconcile-'));
  const file = path.join(dir, 'world.sqlite');
  let reg: Registry;
  let facts: SourceFacts;
  let rates: Awaited<ReturnType<typeof matchRates>>;
  /** Each locality's names, the display name first. */
  let namesOf: Map<number, string[]>;

  beforeAll(async () => {
    await buildWorld(file, data);
    const database = openDatabase(file);
    try {
      reg = await readRegistry(database.db);
      rates = await matchRates(database.db, ['wikipedia-lists-geocoded', 'wikipedia-lists']);
      const names = await database.db
        .selectFrom('locality_names')
        .select(['locality_id', 'name'])
        .orderBy('locality_id')
        .orderBy('is_primary', 'desc')
        .orderBy('id')
        .execute();
      namesOf = new Map();
      for (const n of names) namesOf.set(n.locality_id, [...(namesOf.get(n.locality_id) ?? []), n.name]);
    } finally {
      await database.close();
    }
    facts = await readSourceFacts(data);
  }, 900_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const localityOfQid = (qid: string): number => {
    const id = reg.localityOf.get(`wikidata-2026|${qid}`) ?? reg.localityOf.get(`wikidata-2016|${qid}`);
    expect(id, qid).toBeDefined();
    return id!;
  };

  it('places at most 0.5% of the Wikidata 2016 labels more than 25 km from Wikidata 2026’s point for their Q-id', () => {
    const placed = wikidata2016Placement(reg, facts);
    expect(placed.checked).toBe(4180);
    expect(placed.farShare).toBeLessThanOrEqual(0.005);
  });

  it('gives a Q-id one locality and a locality one Q-id, and never makes a town and a unit one locality', () => {
    const faults = identityFaults(reg, facts);
    expect(faults.apartExamples).toEqual([]);
    expect(faults.severalQids).toBe(0);
    expect(faults.splitExamples).toEqual([]);
    expect(faults.cityAndUnitExamples).toEqual([]);
  });

  it('keeps every namesake pair of the sources as a link between two localities', () => {
    const pairs = namesakePairs(reg, facts);
    expect(pairs.length).toBeGreaterThan(400);
    expect(pairs.filter((p) => !p.linked)).toEqual([]);
  });

  it.each([
    ['Cleveland, England – Cleveland, Ohio', 'Q24550', 'Q37320', 'not US', 'US'],
    ['Portsmouth, England – Portsmouth, Virginia', 'Q72259', 'Q342803', 'GB', 'US'],
    ['Naples, Italy – Naples, Florida', 'Q2634', 'Q257830', 'IT', 'US'],
    ['Valencia, Spain – Valencia, Venezuela', 'Q8818', 'Q54880', 'ES', 'VE'],
  ])('links the namesakes %s', (_, x, y, countryX, countryY) => {
    const [a, b] = [localityOfQid(x), localityOfQid(y)];
    expect(a).not.toBe(b);
    expect(linked(reg, a, b)).toBe(true);
    if (countryX !== 'not US') expect(reg.localities.get(a)!.country).toBe(countryX);
    else {
      // Wikidata 2016 gives Cleveland, England a bare label, and the gazetteer has no Cleveland in England (the
      // county ended in 1996): the place twinned with its namesake Cleveland, Ohio is no US Cleveland, and
      // where it lands instead (a namesake elsewhere) is flagged doubtful.
      expect(reg.localities.get(a)!.country).not.toBe('US');
      const place = reg.places.find((p) => p.source === 'wikidata-2016' && p.wikidata_id === x)!;
      expect(place.method === 'unresolved' || place.doubtful === 1).toBe(true);
    }
    expect(reg.localities.get(b)!.country).toBe(countryY);
  });

  it('resolves at least 96% of the sources’ places, 97% of checkable list matches within 25 km of the list’s point', () => {
    const shares = Object.values(resolvedShares(reg));
    const resolved = shares.reduce((n, s) => n + s.resolved, 0) / shares.reduce((n, s) => n + s.places, 0);
    expect(rates.places).toBe(35_450);
    expect(resolved).toBeGreaterThanOrEqual(0.96);
    expect(rates.within25kmShare).toBeGreaterThanOrEqual(0.97);
  });

  it('has one Rome with one link to Paris, and bundled localities take the places the sources name', () => {
    const byKey = new Map([...reg.localities.values()].map((l) => [l.key, l]));
    const placesOf = (key: string): number =>
      reg.places.filter((p) => p.locality_id === byKey.get(key)!.id).length;
    for (const key of ['rome', 'paris', 'odesa', 'guangdong', 'nerima', 'dull', 'boring-or', 'jalisco'])
      expect(placesOf(key), key).toBeGreaterThan(0);
    // The lists' "Jalisco, Mexico" is the bundled state, not a village of that name in Chiapas.
    const jalisco = reg.places.filter(
      (p) => p.source === 'wikipedia-lists' && p.place_key.startsWith('jalisco|'),
    );
    expect(jalisco.map((p) => reg.localities.get(p.locality_id)!.key)).toEqual(['jalisco']);
    expect(localityOfQid('Q220')).toBe(byKey.get('rome')!.id);
    expect(localityOfQid('Q1874')).toBe(byKey.get('odesa')!.id);
    const romes = [...reg.localities.values()].filter(
      (l) => l.country === 'IT' && ['rome', 'rom', 'roma'].includes(l.key.replace(/-it(-\d+)?$/, '')),
    );
    expect(romes.map((l) => l.key)).toEqual(['rome']);
    const parisLinks = [...reg.links.keys()].filter((k) =>
      k.split('|').map(Number).includes(byKey.get('paris')!.id),
    );
    const toRome = parisLinks.filter((k) => k.split('|').map(Number).includes(byKey.get('rome')!.id));
    expect(toRome).toHaveLength(1);
  });

  it('shows a unit that Wikidata 2016 labels in German by its English name', () => {
    // The German names are iso3166-2-db's, the English ones CLDR's; Saragossa is one of GeoNames' names of
    // Zaragoza, and ISO 3166-2 lists the province of Zaragoza (ES-Z) under its seat's name.
    // A label that makes a locality stays as its other name; one that joins a locality another source made adds none.
    const shown = (qid: string): string[] => namesOf.get(localityOfQid(qid)) ?? [];
    expect(shown('Q99')[0]).toBe('California');
    expect(shown('Q1697')[0]).toBe('Moscow Province');
    expect(shown('Q1210')[0]).toBe('Lombardy');
    expect(shown('Q55180')).toEqual(['Zaragoza', 'Provinz Saragossa']);
    expect(shown('Q114')).toEqual(['Kenya', 'Kenia']);
    const province = reg.localities.get(localityOfQid('Q55180'))!;
    expect(province).toMatchObject({ kind: 'province', country: 'ES' });
    expect(localityOfQid('Q55180')).not.toBe(localityOfQid('Q10305')); // Zaragoza, the city
  });

  it('has both ends right for at least 99% of the checkable links of a seeded sample of 200, none wrong unflagged', () => {
    // Issue 10 asks for 99% of a seeded sample. By the bench's check (session 13: a list point at the middle of
    // the unit its one seat of the name heads, a qualified place's other spellings and a place's partners across
    // a border add references beside the list's geocoded point) this seed's sample measures 100% (166 of 166),
    // seeds 1, 2, 3: 100%, 100%, 98.26%; all the links 99.15% (28,785 of 29,031 checkable, `npx tsx
    // bench/link-accuracy.ts <file> --size 40000`). 242 of the 250 links with a wrong end have every wrong end
    // flagged doubtful by the import; seed 3's three are places GeoNames' towns of 500 lack (Ulieș, Canyelles)
    // and Ángel Albino Corzo: docs/benchmarks.md, "Session 13: link ends". The floor holds the figure on
    // its seed; the second check holds the rule that a thin match is flagged, not silently taken.
    const sample = sampleLinkAccuracy(reg, facts, 20261129, 200);
    expect(sample.bothRight / sample.checkable).toBeGreaterThanOrEqual(0.99);
    expect(sample.noSilentError / sample.checkable).toBeGreaterThanOrEqual(0.99);
  });
});
