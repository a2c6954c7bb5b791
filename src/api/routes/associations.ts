import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { TwinningError } from '../../core/errors.js';
import { termsInLanguage } from '../../core/terminology.js';
import { associationViews } from '../../registry/association/view.js';
import { localityIdOfKey } from '../../registry/locality/view.js';
import { registrySummary } from '../../registry/summary.js';
import { listTerms } from '../../store/term.repository.js';
import type { ApiContext } from '../api-context.js';
import { errorResponses } from '../schemas/common.js';
import {
  AssociationKeyParams,
  AssociationQuery,
  AssociationView,
  RegistrySummary,
  TermQuery,
  TermView,
} from '../schemas/reference.js';

/** Reference data: associations and their memberships, the terminology of twinning, and a summary of counts. */
export const associationRoutes =
  (context: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db } = context;

    app.get(
      '/associations',
      {
        config: { action: 'read', cache: true },
        schema: {
          summary: 'Associations with their memberships; those of one locality with ?locality=key',
          tags: ['associations'],
          querystring: AssociationQuery,
          response: { 200: Type.Array(AssociationView), ...errorResponses(400, 401, 404, 429) },
        },
      },
      async (request) => {
        const { locality } = request.query;
        const memberId =
          locality === undefined ? undefined : await localityIdOfKey(db, locality, 'query.locality');
        return associationViews(db, { memberId });
      },
    );

    app.get(
      '/associations/:key',
      {
        config: { action: 'read', cache: true },
        schema: {
          summary: 'One association with its members',
          tags: ['associations'],
          params: AssociationKeyParams,
          response: { 200: AssociationView, ...errorResponses(400, 401, 404, 429) },
        },
      },
      async (request) => {
        const found = (await associationViews(db)).find((a) => a.key === request.params.key);
        if (!found) {
          throw new TwinningError('NotFound', `no association has the key "${request.params.key}"`, {
            field: 'params.key',
          });
        }
        return found;
      },
    );

    app.get(
      '/terms',
      {
        config: { action: 'read', cache: true },
        schema: {
          summary: 'The words for a twinning, by language and country',
          tags: ['terminology'],
          querystring: TermQuery,
          response: { 200: Type.Array(TermView), ...errorResponses(400, 401, 429) },
        },
      },
      async (request) => {
        const all = await listTerms(db);
        return termsInLanguage(
          all.map((t) => ({ ...t, citations: [] })),
          request.query.lang,
        ).map((t) => ({
          id: t.id!,
          term: t.term,
          lang: t.lang,
          romanized: t.romanized ?? null,
          country: t.country ?? null,
          meaning: t.meaning,
          linkKind: t.linkKind ?? null,
          notes: t.notes ?? null,
        }));
      },
    );

    app.get(
      '/summary',
      {
        config: { action: 'read', cache: true },
        schema: {
          summary: 'Counts of what the registry holds',
          tags: ['summary'],
          response: { 200: RegistrySummary, ...errorResponses(401, 429) },
        },
      },
      async () => registrySummary(db),
    );
  };
