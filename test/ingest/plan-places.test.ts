import { describe, expect, it } from 'vitest';
import { needsMatching, planPlace } from '../../src/ingest/import/plan-places.js';
import { preparePlace } from '../../src/ingest/reconcile/prepare-query.js';

// Planning a place is pure: what the database said (a locality with the Q-id, another source's match) and what
// the matcher found come in as evidence; no database is opened here.
describe('planning a new place of an import', () => {
  it('sends a gazetteer match to its GeoNames target, with names to adopt a bundled locality by and a locality to create', () => {
    const prepared = preparePlace({ name: 'Kiev', country: 'Ukraine' });
    expect(needsMatching(prepared, {})).toBe(true);
    const planned = planPlace('kiev|ukraine', prepared, {
      match: {
        method: 'alternate-name',
        confidence: 0.95,
        doubtful: false,
        candidate: {
          kind: 'geonames',
          id: '703448',
          name: 'Kyiv',
          country: 'UA',
          population: 2_797_553,
          via: 'alternate',
        },
      },
    });
    expect(planned).toMatchObject({
      key: 'kiev|ukraine',
      name: 'Kiev',
      countryText: 'Ukraine',
      match: { method: 'alternate-name', confidence: 0.95 },
      target: {
        kind: 'geonames',
        ref: 'geonames:703448',
        geonamesId: 703448,
        adopt: { country: 'UA', folded: ['kyiv', 'kiev'] },
        create: { keyName: 'Kyiv', country: 'UA', geonamesId: 703448, kind: 'city', unverified: false },
      },
    });
  });

  it("reuses another source's match for the same spelling, and takes a locality with the place's Q-id as it", () => {
    const written = preparePlace({ name: 'Smallville', country: 'United States' });
    const other = {
      locality_id: 7,
      method: 'manual',
      confidence: 1,
      doubtful: 0,
      distance_km: null,
      matched_ref: 'geonames:1',
    };
    expect(needsMatching(written, { elsewhere: other })).toBe(false);
    expect(planPlace('smallville|united states', written, { elsewhere: other })).toMatchObject({
      match: { method: 'manual', confidence: 1, doubtful: false },
      target: { kind: 'locality', localityId: 7, matchedRef: 'geonames:1' },
    });
    const byQid = preparePlace({ name: 'Berlin', wikidataId: 'Q64' });
    // A place with a Q-id never borrows a match made for a spelling.
    expect(needsMatching(byQid, { elsewhere: other })).toBe(true);
    expect(planPlace('Q64', byQid, { localityOfQid: 3 })).toMatchObject({
      match: { method: 'wikidata-id', confidence: 1 },
      target: { kind: 'locality', localityId: 3, matchedRef: null },
    });
  });

  it('keeps a place nothing matched as a locality of its own, shared under its place key', () => {
    const prepared = preparePlace({ name: 'Nowhere Town', country: 'Atlantis' });
    const planned = planPlace('nowhere town|atlantis', prepared, {
      match: { method: 'unresolved', confidence: 0, doubtful: false },
    });
    expect(planned.target).toMatchObject({
      kind: 'shared',
      ref: 'unresolved:nowhere town|atlantis',
      create: { keyName: 'Nowhere Town', unverified: true, notes: 'not matched to the gazetteer' },
    });
  });
});
