import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { buildLocality, call, startTestApi, type TestApi } from './api-harness.js';

/** Hypothetical gazetteer places (ids and codes made up for the test, not GeoNames' facts). */
const SEAT = { geoname_id: 910_001, feature_code: 'PPLA', admin1: '05', other_names: 7 };
const CAPITAL = { geoname_id: 910_002, feature_code: 'PPLC', admin1: '16', other_names: 40 };

for (const dialect of DIALECTS) {
  describe(`a locality's feature code, division and other names follow the GeoNames id an editor gives it [${dialect}]`, () => {
    let api: TestApi;
    const key = 'feature-code-town';
    const row = () =>
      api.database.db
        .selectFrom('localities')
        .select(['feature_code', 'division', 'other_names'])
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
    const code = async () => (await row()).feature_code;
    const division = async () => (await row()).division;
    const otherNames = async () => (await row()).other_names;
    const patch = async (geonamesId: number | null) => {
      const read = await call(api.app, 'GET', `/v1/localities/${key}`);
      const response = await call(api.app, 'PATCH', `/v1/localities/${key}`, {
        token: api.tokens.admin,
        ifMatch: read.headers.etag as string,
        body: { geonamesId },
      });
      expect(response.statusCode, response.body).toBe(200);
    };

    beforeAll(async () => {
      api = await startTestApi(dialect);
      await api.database.db
        .insertInto('gazetteer_places')
        .values(
          [SEAT, CAPITAL].map((p) => ({
            ...p,
            name: `place ${p.geoname_id}`,
            lat: 0,
            lon: 0,
            country: 'DE',
            admin2: '',
            population: 0,
            timezone: '',
          })),
        )
        .execute();
    });
    afterAll(async () => api?.close());

    it('takes its place’s code and division when created, a new place’s when changed, none when the id goes', async () => {
      const body = buildLocality({ key, geonamesId: SEAT.geoname_id });
      expect(
        (await call(api.app, 'POST', '/v1/localities', { token: api.tokens.admin, body })).statusCode,
      ).toBe(201);
      expect(await code()).toBe('PPLA');
      expect(await division()).toBe('DE.05');
      expect(await otherNames()).toBe(7);
      await patch(CAPITAL.geoname_id);
      expect(await code()).toBe('PPLC');
      expect(await division()).toBe('DE.16');
      expect(await otherNames()).toBe(40);
      await patch(910_999); // a place the gazetteer lacks: the old code, division and count must not stay
      expect(await code()).toBeNull();
      expect(await division()).toBeNull();
      expect(await otherNames()).toBeNull();
      await patch(SEAT.geoname_id);
      expect(await division()).toBe('DE.05');
      expect(await otherNames()).toBe(7);
      await patch(null);
      expect(await code()).toBeNull();
      expect(await division()).toBeNull();
      expect(await otherNames()).toBeNull();
    });
  });
}
