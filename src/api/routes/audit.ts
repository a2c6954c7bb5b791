import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { AUDIT_ENTITIES, type AuditEntity, type AuditRecord } from '../../core/audit.js';
import { auditTrail } from '../../store/audit.repository.js';
import type { DB } from '../../store/schema.js';
import type { ApiContext } from '../api-context.js';
import { cursorPage, decodeCursor } from '../input.js';
import { errorResponses, pageQuery, StringEnum } from '../schemas/common.js';
import { AuditPage } from '../schemas/reference.js';

/** One page of an entity's audit trail and the cursor to the next. */
export async function auditPage(
  db: Kysely<DB>,
  entityType: AuditEntity,
  entityId: number,
  query: { limit?: number; cursor?: string },
): Promise<{ items: AuditRecord[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const rows = await auditTrail(db, entityType, entityId, {
    afterId: decodeCursor(query.cursor),
    limit: limit + 1,
  });
  const items = rows.slice(0, limit);
  return cursorPage({ items, nextAfterId: rows.length > limit ? items.at(-1)!.id : null });
}

/** The audit trail of any entity by type and id, including one a merge has since removed. */
export const auditRoutes =
  (context: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/audit/:entityType/:id',
      {
        config: { action: 'readAudit' },
        schema: {
          summary: 'The audit trail of a locality or link by id, also after a merge removed it',
          tags: ['audit'],
          security: [{ bearer: [] }],
          params: Type.Object({
            entityType: StringEnum(AUDIT_ENTITIES),
            id: Type.Integer({ minimum: 1 }),
          }),
          querystring: Type.Object(pageQuery(context.config.maxPageSize), { additionalProperties: false }),
          response: { 200: AuditPage, ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request) => auditPage(context.db, request.params.entityType, request.params.id, request.query),
    );
  };
