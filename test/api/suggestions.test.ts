import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Suggestions } from '../../src/registry/suggest/suggestions.js';
import { call, errorOf, json, startTestApi, type TestApi } from './api-harness.js';

describe('suggestions route [sqlite]', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
  });
  afterAll(async () => api.close());

  it('serves a locality’s suggested partners with reasons, off the event loop', async () => {
    const response = await call(api.app, 'GET', '/v1/localities/coventry/suggestions?limit=3&continent=EU');
    expect(response.statusCode).toBe(200);
    const body = json<Suggestions>(response);
    expect(body.locality.key).toBe('coventry');
    expect(body.suggestions).toHaveLength(3);
    expect(body.suggestions.map((s) => s.rank)).toEqual([1, 2, 3]);
    expect(body.suggestions.every((s) => s.reasons.length > 0)).toBe(true);
  });

  it('gives Paris partnerships only, and refuses bad input naming the field', async () => {
    const paris = json<Suggestions>(await call(api.app, 'GET', '/v1/localities/paris/suggestions?limit=2'));
    expect(paris.kind).toBe('partner_town');
    const bad = await call(api.app, 'GET', '/v1/localities/coventry/suggestions?limit=0');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).field).toBe('query.limit');
    expect((await call(api.app, 'GET', '/v1/localities/nowhere-at-all/suggestions')).statusCode).toBe(404);
  });
});
