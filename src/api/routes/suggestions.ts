import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Suggestions } from '../../registry/suggest/suggestions.js';
import type { ApiContext } from '../api-context.js';
import { heavyRateLimit } from '../heavy/rate-cost.js';
import { optionalDate } from '../input.js';
import { CountryCode, DateText, errorResponses } from '../schemas/common.js';
import { KeyParams } from '../schemas/localities.js';

const SuggestionsQuery = Type.Object({
  asOf: Type.Optional(DateText),
  country: Type.Optional(CountryCode),
  continent: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$', description: 'AF AN AS EU NA OC SA' })),
  kind: Type.Optional(
    Type.String({ maxLength: 100, description: 'the kind of link sought (twin_town, partner_town…)' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
});

/** A locality's suggested partners (`twinning suggest`), ranked and explained, computed on a worker thread. */
export const suggestionRoutes =
  ({ today, runHeavy, config }: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/localities/:key/suggestions',
      {
        config: { action: 'read', cache: true, rateLimit: heavyRateLimit(config) },
        schema: {
          summary: 'New partners for a locality, ranked, with scores and reasons',
          description:
            'Places not yet its partners at asOf (today by default), ranked by the trained model (or the heuristic ' +
            'fallback), filtered by country and continent; candidates a rule in force would refuse are listed under ' +
            '`removed` with the rule, and an exclusive twinning gets suggestions for partnerships only.',
          tags: ['localities'],
          params: KeyParams,
          querystring: SuggestionsQuery,
          response: { 200: Suggestions, ...errorResponses(400, 401, 404, 429, 503) },
        },
      },
      async (request) => {
        const { asOf, ...rest } = request.query;
        return runHeavy({
          type: 'suggestions',
          key: request.params.key,
          query: { ...rest, asOf: optionalDate(asOf, 'asOf') },
          today: today(),
        });
      },
    );
  };
