/**
 * Names a person reads (issue 10, item 8): counts the localities whose display name is a Wikidata 2016 label
 * that no other source gives and that is not the gazetteer's name of the place they were matched to (GeoNames'
 * main name, the English or ISO 3166-2 name of a subdivision, a country's English name): "Oblast Moskau",
 * "Kalifornien", "Kenia". They are grouped by how the label was matched; the bundled dataset's own localities
 * are left out. Reads a registry that bench/world-build.ts built.
 * Run: npx tsx bench/label-names.ts <registry.sqlite> [--list]
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { iso31662 } from 'iso-3166';
import { countryName } from '../src/core/country.js';
import { parseGazetteerId } from '../src/core/match-ref.js';
import { foldText } from '../src/core/text-fold.js';
import { parsePlaceName } from '../src/ingest/reconcile/place-name.js';
import { subdivisionIndex } from '../src/ingest/reconcile/subdivisions.js';
import { readBundledDataset } from '../src/registry/seed/read-bundled-dataset.js';
import { openDatabase } from '../src/store/database.js';

const LABELS = 'wikidata-2016';
const file = process.argv[2];
if (file === undefined || !existsSync(file))
  throw new Error('usage: npx tsx bench/label-names.ts <registry.sqlite> [--list]');
const list = process.argv.includes('--list');

const database = openDatabase(file);
const db = database.db;
const localities = await db.selectFrom('localities').select(['id', 'key', 'geonames_id']).execute();
const primary = new Map(
  (
    await db
      .selectFrom('locality_names')
      .select(['locality_id', 'name'])
      .where('is_primary', '=', 1)
      .execute()
  ).map((n) => [n.locality_id, n.name]),
);
const places = await db
  .selectFrom('source_places')
  .innerJoin('sources', 'sources.id', 'source_places.source_id')
  .select([
    'sources.key as source',
    'source_places.name',
    'source_places.locality_id',
    'source_places.matched_ref',
  ])
  .execute();
const gazetteer = new Map(
  (
    await db
      .selectFrom('gazetteer_places')
      .select(['geoname_id', 'name', 'country', 'lat', 'lon'])
      .where(
        'geoname_id',
        'in',
        db.selectFrom('localities').select('geonames_id').where('geonames_id', 'is not', null),
      )
      .execute()
  ).map((g) => [g.geoname_id, g.name]),
);
/** Supplement places (no GeoNames id), by `country:lat:lon` as their references write them. */
const supplement = new Map(
  (
    await db
      .selectFrom('gazetteer_places')
      .select(['name', 'country', 'lat', 'lon'])
      .where('geoname_id', '<', 0)
      .execute()
  ).map((g) => [`${g.country}:${g.lat}:${g.lon}`, g.name]),
);
await database.close();

const isoName = new Map(iso31662.map((e) => [e.code, e.name]));
const bundled = new Set(
  readBundledDataset(path.resolve(fileURLToPath(new URL('..', import.meta.url)), 'data')).localities.map(
    (l) => l.key,
  ),
);

/** The gazetteer's own names of the entry a reference names: what a display name may rightly be. */
function gazetteerNames(ref: string | null, geonamesId: number | null): string[] {
  const names = geonamesId === null ? [] : [gazetteer.get(geonamesId) ?? ''];
  if (ref === null || ref === '') return names;
  const [kind, rest] = [ref.slice(0, ref.indexOf(':')), ref.slice(ref.indexOf(':') + 1)];
  if (kind !== 'geonames' && kind !== 'geonames-point' && kind !== 'subdivision' && kind !== 'country')
    return names;
  const entry = parseGazetteerId(rest);
  switch (entry.kind) {
    case 'geonames':
      return [...names, gazetteer.get(entry.geonamesId) ?? ''];
    case 'geonames-point':
      return [...names, supplement.get(rest) ?? ''];
    case 'subdivision':
      return [...names, subdivisionIndex().all.get(entry.code)?.name ?? '', isoName.get(entry.code) ?? ''];
    case 'country':
      return [...names, countryName(entry.code)];
  }
}

const folded = (name: string): string[] => [foldText(name), foldText(parsePlaceName(name).base)];
const byLocality = new Map<number, typeof places>();
for (const p of places) byLocality.set(p.locality_id, [...(byLocality.get(p.locality_id) ?? []), p]);

const found: { key: string; name: string; how: string }[] = [];
for (const l of localities) {
  const name = primary.get(l.id);
  if (name === undefined || bundled.has(l.key)) continue;
  const shown = foldText(name);
  const own = byLocality.get(l.id) ?? [];
  const labels = own.filter((p) => p.source === LABELS && folded(p.name).includes(shown));
  if (labels.length === 0) continue;
  if (own.some((p) => p.source !== LABELS && folded(p.name).includes(shown))) continue;
  const rightful = own.flatMap((p) => gazetteerNames(p.matched_ref, l.geonames_id)).map(foldText);
  if (rightful.includes(shown)) continue;
  const ref = labels[0]!.matched_ref ?? '';
  found.push({ key: l.key, name, how: ref === '' ? 'q-id' : ref.slice(0, ref.indexOf(':')) });
}

const groups = new Map<string, typeof found>();
for (const f of found) groups.set(f.how, [...(groups.get(f.how) ?? []), f]);
console.log(
  `Localities whose display name is a Wikidata 2016 label alone, not the gazetteer's name of the place: ${found.length} of ${localities.length}`,
);
for (const [how, items] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`  matched as ${how}: ${items.length}`);
  for (const f of list ? items : items.slice(0, 8)) console.log(`    ${f.name} (${f.key})`);
}
