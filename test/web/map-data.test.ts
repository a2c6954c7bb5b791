import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_STATUSES } from '../../src/core/link-lifecycle.js';
import { decodeMapData, type DecodedMapData } from '../../src/web/assets/map-format.js';
import { call, startTestApi, type TestApi } from '../api/api-harness.js';
import { DIALECTS } from '../support/databases.js';
import { placeLocalities } from './placed-localities.js';

const status = (name: (typeof LINK_STATUSES)[number]): number => LINK_STATUSES.indexOf(name);

/** The bytes as the browser's script reads them. */
function decode(bytes: Buffer): DecodedMapData {
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return decodeMapData(copy);
}

/** A link's status changes as `year, status` pairs. */
function changesOf(data: DecodedMapData, link: number): number[] {
  return [...data.changes.subarray(data.changeStart[link]! * 2, data.changeStart[link + 1]! * 2)];
}

for (const dialect of DIALECTS) {
  describe(`the map's data [${dialect}]`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(dialect);
    });
    afterAll(async () => api.close());

    it('holds only links whose two places have coordinates', async () => {
      const data = decode((await call(api.app, 'GET', '/map/data.bin')).rawPayload);
      expect(data.linkCount).toBe(0);
      expect(data.placeCount).toBe(0);
      expect(data.keys).toEqual([]);
    });

    it('gives each placed link its status through time, kind and sources, as typed arrays, gzipped', async () => {
      await placeLocalities(api);
      const response = await call(api.app, 'GET', '/map/data.bin', {
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(response.headers['content-type']).toBe('application/octet-stream');
      const data = decode(gunzipSync(response.rawPayload));
      expect(data.today).toBe('2026-11-28');
      const pair = (a: string, b: string) => {
        for (let i = 0; i < data.linkCount; i++) {
          const keys = [data.keys[data.a[i]!], data.keys[data.b[i]!]].sort().join();
          if (keys === [a, b].sort().join()) return i;
        }
        return -1;
      };
      expect(data.linkCount).toBe(4);
      expect(changesOf(data, pair('coventry', 'volgograd'))).toEqual([
        836,
        status('not_formed'),
        1944,
        status('active'),
        2022,
        status('paused'),
      ]);
      expect(changesOf(data, pair('coventry', 'belgrade'))).toEqual([
        836,
        status('not_formed'),
        1957,
        status('active'),
      ]);
      const kiel = pair('coventry', 'kiel');
      expect(data.kinds[data.kind[kiel]!]).toBe('twin_town');
      const kielSources = [...data.linkSources.subarray(data.sourceStart[kiel], data.sourceStart[kiel + 1])];
      expect(kielSources.map((s) => data.sources[s])).toContain('seed');
      const coventry = data.keys.indexOf('coventry');
      expect(data.names[coventry]).toBe('Coventry');
      expect(data.lat[coventry]).toBeCloseTo(52.4068, 4);
      expect(data.lon[coventry]).toBeCloseTo(-1.5197, 4);
      expect(data.countries[data.country[coventry]!]).toBe('GB');
      expect(data.continents[data.country[coventry]!]).toBe('EU');
    });

    it('refuses bytes that are not the map data, naming what it found', () => {
      expect(() => decodeMapData(new TextEncoder().encode('{"links":[]}').buffer)).toThrow(
        /starts with "\{"l/,
      );
    });
  });
}
