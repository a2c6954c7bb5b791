import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { TwinningError } from '../../core/errors.js';
import type { ApiContext } from '../api-context.js';
import { formatScope } from '../permissions.js';
import { errorResponses } from '../schemas/common.js';
import { Me } from '../schemas/reference.js';

/** The OpenAPI document, a health check, and who the caller's token is. */
export const metaRoutes =
  (context: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

    app.get(
      '/health',
      {
        schema: {
          summary: 'Liveness and database reachability',
          tags: ['meta'],
          response: { 200: Type.Object({ status: Type.Literal('ok') }), ...errorResponses(503) },
        },
      },
      async () => {
        try {
          await sql`select 1`.execute(context.db);
        } catch {
          throw new TwinningError('SourceUnavailable', 'the database does not answer');
        }
        return { status: 'ok' as const };
      },
    );

    app.get(
      '/v1/me',
      {
        schema: {
          summary: 'The role and scopes of the token sent (none without one)',
          tags: ['meta'],
          security: [{ bearer: [] }],
          response: { 200: Me, ...errorResponses(401, 429) },
        },
      },
      async (request) => {
        const p = request.principal;
        return {
          authenticated: p !== undefined,
          name: p?.name ?? null,
          role: p?.role ?? null,
          scopes: p ? p.scopes.map(formatScope) : [],
        };
      },
    );
  };
