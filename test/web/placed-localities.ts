import type { TestApi } from '../api/api-harness.js';
import { call } from '../api/api-harness.js';

/**
 * Coordinates of bundled localities (the bundled dataset leaves them out), for tests of the map: the
 * places' usual positions, to four decimals.
 */
export const COORDINATES: Readonly<Record<string, { lat: number; lon: number }>> = {
  coventry: { lat: 52.4068, lon: -1.5197 },
  volgograd: { lat: 48.708, lon: 44.5133 },
  kiel: { lat: 54.3233, lon: 10.1228 },
  dresden: { lat: 51.0504, lon: 13.7373 },
  belgrade: { lat: 44.7866, lon: 20.4489 },
};

/** Gives the localities of COORDINATES their positions through the API, as an admin. */
export async function placeLocalities(api: TestApi): Promise<void> {
  for (const [key, coordinates] of Object.entries(COORDINATES)) {
    const read = await call(api.app, 'GET', `/v1/localities/${key}`);
    const response = await call(api.app, 'PATCH', `/v1/localities/${key}`, {
      token: api.tokens.admin,
      ifMatch: String(read.headers.etag),
      body: { coordinates },
    });
    if (response.statusCode !== 200)
      throw new Error(`placing ${key}: ${response.statusCode} ${response.body}`);
  }
}
