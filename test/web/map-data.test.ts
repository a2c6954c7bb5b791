import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_STATUSES } from '../../src/core/link-lifecycle.js';
import type { MapData } from '../../src/web/map-data.js';
import { call, json, startTestApi, type TestApi } from '../api/api-harness.js';
import { DIALECTS } from '../support/databases.js';
import { placeLocalities } from './placed-localities.js';

const status = (name: (typeof LINK_STATUSES)[number]): number => LINK_STATUSES.indexOf(name);

for (const dialect of DIALECTS) {
  describe(`the map's data [${dialect}]`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(dialect);
    });
    afterAll(async () => api.close());

    it('holds only links whose two places have coordinates', async () => {
      const data = json<MapData>(await call(api.app, 'GET', '/map/data.json'));
      expect(data.links).toEqual([]);
      expect(data.places).toEqual([]);
    });

    it('gives each placed link its status through time, kind and sources, compactly and gzipped', async () => {
      await placeLocalities(api);
      const response = await call(api.app, 'GET', '/map/data.json', {
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(response.headers['content-encoding']).toBe('gzip');
      const data = JSON.parse(gunzipSync(response.rawPayload).toString('utf8')) as MapData;
      expect(data.today).toBe('2026-11-28');
      const keyOf = (index: number): string => data.places[index]![0];
      const pair = (a: string, b: string) =>
        data.links.find((l) => [keyOf(l[1]), keyOf(l[2])].sort().join() === [a, b].sort().join());
      expect(data.links).toHaveLength(4);
      expect(pair('coventry', 'volgograd')?.[5]).toEqual([
        836,
        status('not_formed'),
        1944,
        status('active'),
        2022,
        status('paused'),
      ]);
      expect(pair('coventry', 'belgrade')?.[5]).toEqual([836, status('not_formed'), 1957, status('active')]);
      const kiel = pair('coventry', 'kiel')!;
      expect(data.kinds[kiel[3]]).toBe('twin_town');
      expect(kiel[4].map((s) => data.sources[s])).toContain('seed');
      const coventry = data.places.find((p) => p[0] === 'coventry')!;
      expect(coventry.slice(1, 4)).toEqual(['Coventry', 52.4068, -1.5197]);
      expect(data.countries[coventry[4]]).toBe('GB');
      expect(data.continents[coventry[4]]).toBe('EU');
    });
  });
}
