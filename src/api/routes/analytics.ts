import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import { normalizeCountry } from '../../core/country.js';
import { TwinningError } from '../../core/errors.js';
import { PlaceStep } from '../../registry/network/paths.js';
import { parseNetworkQuery, type NetworkQueryText } from '../../registry/network/query-text.js';
import { STUDY_NAMES, StudyResult } from '../../registry/network/study-result.js';
import { heavyRateLimit } from '../heavy/rate-cost.js';
import { localityIdOfKey } from '../../registry/locality/view.js';
import type { ApiContext } from '../api-context.js';
import { DateText, errorResponses, Key, StringEnum } from '../schemas/common.js';

const Selection = {
  asOf: Type.Optional(DateText),
  kind: Type.Optional(Type.String({ maxLength: 500, description: 'link kinds, comma-separated' })),
  country: Type.Optional(Type.String({ maxLength: 500, description: 'ISO 3166-1 codes, comma-separated' })),
  source: Type.Optional(Type.String({ maxLength: 500, description: 'source keys, comma-separated' })),
};
const StudyQuery = Type.Object({
  ...Selection,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  runs: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 500, description: 'null-model randomisations (geography)' }),
  ),
  seed: Type.Optional(Type.Integer({ minimum: 1 })),
  of: Type.Optional(
    Type.String({ pattern: '^[A-Za-z]{2}$', description: 'a country whose growth to follow (time)' }),
  ),
});
const StudyPathParams = Type.Object({ study: StudyEnum() });
const PathQuery = Type.Object({ ...Selection, from: Key, to: Key });
const WithinQuery = Type.Object({
  ...Selection,
  place: Key,
  steps: Type.Integer({ minimum: 1, maximum: 10, default: 2 }),
});

function StudyEnum() {
  return StringEnum(STUDY_NAMES, { description: 'which study' });
}

const selection = (query: NetworkQueryText) =>
  parseNetworkQuery(query, (name) => `query.${name}`, normalizeCountry);

/** The network measured: the studies of `twinning stats`, and chains between places. */
export const analyticsRoutes =
  ({ db, today, runHeavy, config }: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/analytics/:study',
      {
        config: { action: 'read', cache: true, rateLimit: heavyRateLimit(config) },
        schema: {
          summary:
            'A study of the network (summary, partners, betweenness, countries, geography, time, communities)',
          description:
            'Computed on the links in force at asOf (today by default), filtered by kind, country and source; kept per data version.',
          tags: ['analytics'],
          params: StudyPathParams,
          querystring: StudyQuery,
          response: { 200: StudyResult, ...errorResponses(400, 401, 429, 503) },
        },
      },
      async (request) => {
        const { limit, runs, seed, of, ...text } = request.query as Static<typeof StudyQuery>;
        const params = { limit, repetitions: runs, seed, country: of?.toUpperCase() };
        const defined = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
        const job = { study: request.params.study, query: selection(text), params: defined, today: today() };
        return runHeavy({ type: 'study', ...job });
      },
    );

    app.get(
      '/analytics/path',
      {
        config: { action: 'read', cache: true, rateLimit: heavyRateLimit(config) },
        schema: {
          summary: 'The shortest chain of twinnings between two localities',
          tags: ['analytics'],
          querystring: PathQuery,
          response: { 200: Type.Array(PlaceStep), ...errorResponses(400, 401, 404, 429, 503) },
        },
      },
      async (request) => {
        const { from, to, ...text } = request.query;
        await localityIdOfKey(db, from, 'query.from');
        await localityIdOfKey(db, to, 'query.to');
        const query = selection(text);
        const chain = await runHeavy({ type: 'path', from, to, query, today: today() });
        if (!chain) throw new TwinningError('NotFound', `no chain of twinnings links ${from} and ${to}`);
        return chain;
      },
    );

    app.get(
      '/analytics/within',
      {
        config: { action: 'read', cache: true, rateLimit: heavyRateLimit(config) },
        schema: {
          summary: 'Every locality within k twinnings of one',
          tags: ['analytics'],
          querystring: WithinQuery,
          response: { 200: Type.Array(PlaceStep), ...errorResponses(400, 401, 404, 429, 503) },
        },
      },
      async (request) => {
        const { place, steps, ...text } = request.query;
        await localityIdOfKey(db, place, 'query.place');
        return runHeavy({ type: 'within', place, steps, query: selection(text), today: today() });
      },
    );
  };
