import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePartialDate } from '../../../src/core/partial-date.js';
import { FEATURES } from '../../../src/core/suggest/features.js';
import { heuristicModel, scoreRows, type SuggestModel } from '../../../src/core/suggest/model.js';
import { localityPartners } from '../../../src/registry/locality/partners.js';
import { openRegistry } from '../../../src/registry/open-registry.js';
import { readModel, writeModel } from '../../../src/registry/suggest/model-file.js';
import { loadSuggestNetwork } from '../../../src/registry/suggest/network.js';
import { suggestPartners } from '../../../src/registry/suggest/suggestions.js';
import type { Database } from '../../../src/store/database.js';
import { localityIdsByKey } from '../../../src/store/locality.repository.js';
import { suggestPlaceRows } from '../../../src/store/suggest.repository.js';
import { setGeonamesId } from '../../../src/store/writes/import.js';
import { insertLocality } from '../../../src/store/writes/locality.js';
import { createTestDatabase } from '../../support/databases.js';

const TODAY = parsePartialDate('2026-11-29');
const model = heuristicModel();

describe('suggested partners over the bundled registry', () => {
  let database: Database;
  let drop: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'twinning-model-'));

  beforeAll(async () => {
    const created = await createTestDatabase('sqlite');
    drop = created.drop;
    database = (await openRegistry(created.url)).database;
    // Hypothetical places, not claims about real towns: a Texan town and a Chinese one.
    for (const p of [
      { key: 'test-town-tx', country: 'US', subdivision: 'US-TX', lat: 30, lon: -97 },
      { key: 'test-town-cn', country: 'CN', lat: 31, lon: 121 },
    ])
      await insertLocality(
        database.db,
        { ...p, kind: 'town', names: [{ name: p.key, lang: 'en', primary: true }] },
        null,
      );
  });
  afterAll(async () => {
    await database.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ranks the same way twice, never a present partner, with true reasons', async () => {
    const one = await suggestPartners(database.db, 'coventry', { limit: 10 }, TODAY, model);
    const two = await suggestPartners(database.db, 'coventry', { limit: 10 }, TODAY, model);
    expect(two).toEqual(one);
    expect(one.suggestions.length).toBe(10);
    const id = (await localityIdsByKey(database.db, ['coventry'])).get('coventry')!;
    const partners = await localityPartners(database.db, id, undefined, TODAY);
    const partnerKeys = new Set([...partners.partners, ...partners.undated].map((p) => p.partner.key));
    expect(one.suggestions.some((s) => partnerKeys.has(s.key))).toBe(false);
    // "N of your partners are partners of X": count them from the registry.
    for (const s of one.suggestions) {
      const reason = s.reasons.find((r) => r.code === 'common_partners');
      if (!reason) continue;
      const theirs = await localityPartners(
        database.db,
        (await localityIdsByKey(database.db, [s.key])).get(s.key)!,
        undefined,
        TODAY,
      );
      const shared = [...theirs.partners, ...theirs.undated].filter((p) =>
        partnerKeys.has(p.partner.key),
      ).length;
      expect(reason.text.startsWith(`${shared} of your partners`)).toBe(true);
    }
  });

  it('reads each locality’s stored feature code, division and other names, with or without a gazetteer loaded', async () => {
    // A gazetteer of one place, Coventry's GeoNames place as the seat of a second-level division, with the 32 other
    // names cities500 gives it (Coventria, Koventri, Ковентри, 考文垂…: otherNamesCount of its row); the bundled
    // registry holds no GeoNames ids, so Coventry is matched to it as an import would (setGeonamesId).
    const geonamesId = 2_652_221;
    await database.db
      .insertInto('gazetteer_places')
      .values({
        geoname_id: geonamesId,
        name: 'Coventry',
        lat: 52.40656,
        lon: -1.51217,
        feature_code: 'PPLA2',
        country: 'GB',
        admin1: 'ENG',
        admin2: 'P5',
        population: 345_324,
        timezone: 'Europe/London',
        other_names: 32,
      })
      .execute();
    const coventry = (await localityIdsByKey(database.db, ['coventry'])).get('coventry')!;
    try {
      await setGeonamesId(database.db, coventry, geonamesId);
      // With the gazetteer loaded, the division of Coventry's place is known (its country and admin1 code).
      const loaded = await suggestPlaceRows(database.db);
      expect(loaded.find((r) => r.key === 'coventry')!.division).toBe('GB.ENG');
      expect(loaded.find((r) => r.key === 'volgograd')!.division).toBeNull();
      expect(loaded.length).toBe(new Set(loaded.map((r) => r.id)).size);
      // The gazetteer goes (a default install has none): the seat and the division stay known.
      await database.db.deleteFrom('gazetteer_places').execute();
      const rows = await suggestPlaceRows(database.db);
      expect(rows.find((r) => r.key === 'coventry')!.division).toBe('GB.ENG');
      expect(rows.find((r) => r.key === 'volgograd')!.division).toBeNull();
      expect(rows.find((r) => r.key === 'coventry')!.featureCode).toBe('PPLA2');
      expect(rows.find((r) => r.key === 'volgograd')!.featureCode).toBeNull();
      expect(rows.find((r) => r.key === 'coventry')!.otherNames).toBe(32);
      expect(rows.find((r) => r.key === 'volgograd')!.otherNames).toBeNull();
      expect(rows.length).toBe(new Set(rows.map((r) => r.id)).size);
      // Another day than the earlier tests', so that the network kept per process is read afresh (setting a
      // GeoNames id moves no version, so the data stamp alone would not tell).
      const { graph } = await loadSuggestNetwork(database.db, undefined, parsePartialDate('2026-11-30'));
      expect(graph.seatOf[graph.indexOf.get('coventry')!]).toBe(2);
      expect(graph.seatOf[graph.indexOf.get('volgograd')!]).toBe(-1);
      const division = graph.divisionOf[graph.indexOf.get('coventry')!]!;
      expect(graph.divisions[division]).toBe('GB.ENG');
      expect(graph.divisionOf[graph.indexOf.get('volgograd')!]).toBe(-1);
      expect(graph.logOtherNames[graph.indexOf.get('coventry')!]).toBeCloseTo(Math.log(33), 12);
      expect(graph.logOtherNames[graph.indexOf.get('volgograd')!]).toBeNaN();
    } finally {
      await database.db
        .updateTable('localities')
        .set({ geonames_id: null, feature_code: null, division: null, other_names: null })
        .where('id', '=', coventry)
        .execute();
      await database.db.deleteFrom('gazetteer_places').execute();
    }
  });

  it('keeps to the country asked and refuses a bad filter', async () => {
    const german = await suggestPartners(database.db, 'coventry', { country: 'de', limit: 5 }, TODAY, model);
    expect(german.suggestions.every((s) => s.country === 'DE')).toBe(true);
    await expect(suggestPartners(database.db, 'coventry', { continent: 'XX' }, TODAY, model)).rejects.toThrow(
      /not a continent/,
    );
    await expect(suggestPartners(database.db, 'nowhere-at-all', {}, TODAY, model)).rejects.toThrow(
      /no locality/,
    );
  });

  it('gives Paris, twinned exclusively with Rome, suggestions for partnerships only', async () => {
    const paris = await suggestPartners(database.db, 'paris', { limit: 5 }, TODAY, model);
    expect(paris.kind).toBe('partner_town');
    expect(paris.note).toMatch(/exclusively with Rome/);
    const twinning = await suggestPartners(database.db, 'paris', { kind: 'twin_town' }, TODAY, model);
    expect(twinning.suggestions).toEqual([]);
    expect(twinning.note).toMatch(/may take no other twin town/);
  });

  it('removes a candidate a law in force prohibits, naming the rule', async () => {
    const texas = await suggestPartners(
      database.db,
      'test-town-tx',
      { country: 'CN', limit: 5 },
      TODAY,
      model,
    );
    expect(texas.suggestions).toEqual([]);
    expect(texas.removed.length).toBeGreaterThan(0);
    expect(texas.removed.every((r) => r.rule === 'us-tx-hb-128')).toBe(true);
  });

  it('reads a model file, falls back to the heuristic without one, and names the file of a bad one', () => {
    expect(readModel(join(dir, 'absent.json')).kind).toBe('heuristic');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...heuristicModel(), kind: 'logistic', features: ['x'] }));
    expect(() => readModel(bad)).toThrow(/bad\.json: \/features/);
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ ...heuristicModel(), kind: 'logistic' }));
    expect(readModel(good).kind).toBe('logistic');
    // A linear model of the first features only (written before the others were added) weighs the rest zero.
    const older = join(dir, 'older.json');
    const h = heuristicModel();
    const cut = (xs: readonly unknown[]) => xs.slice(0, 3);
    writeFileSync(
      older,
      JSON.stringify({
        kind: 'logistic',
        features: cut(h.features),
        means: cut(h.means),
        scales: cut(h.scales),
        weights: cut(h.weights),
      }),
    );
    const padded = readModel(older);
    if (padded.kind === 'boosted') throw new Error('expected a linear model');
    expect(padded.features).toEqual(h.features);
    expect(padded.weights).toEqual([...h.weights.slice(0, 3), ...h.weights.slice(3).map(() => 0)]);
    expect(padded.scales.slice(3).every((x) => x === 1)).toBe(true);
  });

  it('writes boosted trees a tree a line and reads them back; a tree whose child points back is named', () => {
    const tree = {
      feature: [0, -1, -1],
      threshold: [0.5, 0, 0],
      left: [1, -1, -1],
      right: [2, -1, -1],
      value: [0, -1, 1],
    };
    const boosted: SuggestModel = { kind: 'boosted', features: [...FEATURES], trees: [tree, tree] };
    const file = join(dir, 'boosted.json');
    writeModel(boosted, file);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`    ${JSON.stringify(tree)},\n`);
    expect(readModel(file)).toEqual(boosted);
    // Trees written before later features were added read as they were, and score the same on today's rows.
    const older = join(dir, 'older-boosted.json');
    const first = { ...boosted, features: FEATURES.slice(0, 48) };
    writeModel(first, older);
    expect(readModel(older)).toEqual(first);
    const rows = new Float64Array(2 * FEATURES.length).fill(1);
    rows[FEATURES.length] = 0;
    expect(Array.from(scoreRows(readModel(older), rows))).toEqual([2, -2]);
    const beyond = join(dir, 'beyond.json');
    writeModel(
      { ...first, features: FEATURES.slice(0, 1), trees: [{ ...tree, feature: [1, -1, -1] }] },
      beyond,
    );
    expect(() => readModel(beyond)).toThrow(
      /beyond\.json: \/trees\/0\/feature\/0 splits on feature 1, the model has 1/,
    );
    const bad = join(dir, 'bad-tree.json');
    writeFileSync(bad, JSON.stringify({ ...boosted, trees: [{ ...tree, left: [0, -1, -1] }] }));
    expect(() => readModel(bad)).toThrow(/bad-tree\.json: \/trees\/0\/left\/0 must name a later node/);
    writeFileSync(bad, JSON.stringify({ ...boosted, trees: [{ ...tree, feature: [99, -1, -1] }] }));
    expect(() => readModel(bad)).toThrow(/bad-tree\.json: \/trees\/0\/feature\/0/);

    // Trees with a linear term read back as written; an older term is padded like a linear model, a short one named.
    const n = FEATURES.length;
    const linear = {
      means: new Array<number>(n).fill(0),
      scales: new Array<number>(n).fill(2),
      weights: new Array<number>(n).fill(0),
    };
    linear.weights[0] = 4;
    const blended: SuggestModel = { ...boosted, linear };
    writeModel(blended, file);
    expect(readModel(file)).toEqual(blended);
    // Row 0 has feature 0 at 1: trees 1 + 1, the term 4 · (1 − 0) / 2; row 1 at 0: −1 − 1 + 0.
    expect(Array.from(scoreRows(readModel(file), rows))).toEqual([4, -2]);
    const olderTerm = {
      means: linear.means.slice(0, 48),
      scales: linear.scales.slice(0, 48),
      weights: linear.weights.slice(0, 48),
    };
    writeModel({ ...first, linear: olderTerm }, older);
    // Later features weigh nothing, at scale 1.
    expect(readModel(older)).toEqual({
      ...first,
      linear: { ...linear, scales: linear.scales.map((x, j) => (j < 48 ? x : 1)) },
    });
    writeModel({ ...first, linear: { ...olderTerm, weights: olderTerm.weights.slice(0, 47) } }, older);
    expect(() => readModel(older)).toThrow(
      /older-boosted\.json: \/linear\/weights has 47 entries for 48 features/,
    );
    writeModel({ ...first, linear: { ...olderTerm, scales: olderTerm.scales.map(() => 0) } }, older);
    expect(() => readModel(older)).toThrow(/older-boosted\.json: \/linear\/scales\/0 must be positive/);
  });
});
