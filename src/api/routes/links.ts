import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import { normalizeCountry } from '../../core/country.js';
import { earliestDay, latestDay, type PartialDate } from '../../core/partial-date.js';
import { appendEvent } from '../../registry/link/append-event.js';
import { createLink } from '../../registry/link/create.js';
import { verdictsOnLink } from '../../registry/policies/new-link-check.js';
import { linkTimelineById } from '../../registry/link/timeline.js';
import { localityIdOfKey } from '../../registry/locality/view.js';
import { queryLinks, type LinkQuery } from '../../registry/link/query.js';
import { updateLink } from '../../registry/link/update.js';
import type { DayRange, LinkFilter } from '../../store/link-query.repository.js';
import type { ApiContext } from '../api-context.js';
import { etagOf, versionFromIfMatch } from '../etag.js';
import { auditPage } from './audit.js';
import { LINK_EXPORTS } from '../../export/link-export.js';
import { heavyRateLimit } from '../heavy/rate-cost.js';
import { cursorPage, decodeCursor, eventFromInput, linkFromInput, optionalDate } from '../input.js';
import { errorResponses, IfMatchHeaders, pageQuery, Shared } from '../schemas/common.js';
import {
  EventInput,
  LinkCreate,
  LinkIdParams,
  LinkListQuery,
  LinkPage,
  LinkPatch,
  LinkTimeline,
} from '../schemas/links.js';
import { AuditPage } from '../schemas/reference.js';

const bearer = [{ bearer: [] }];

function range(from: PartialDate | undefined, to: PartialDate | undefined): DayRange | undefined {
  if (from === undefined && to === undefined) return undefined;
  return { from: from && earliestDay(from), to: to && latestDay(to) };
}

/** The registry's link query for the parameters of GET /links; field-named errors for bad values. */
async function linkQueryOf(
  db: ApiContext['db'],
  q: Static<ReturnType<typeof LinkListQuery>>,
): Promise<LinkQuery> {
  const between = q.between?.split(',').map((c) => normalizeCountry(c, 'query.between'));
  const filter: LinkFilter = {
    localityId:
      q.locality === undefined ? undefined : await localityIdOfKey(db, q.locality, 'query.locality'),
    countries: q.country?.map((c) => normalizeCountry(c, 'query.country')),
    between: between && [between[0]!, between[1]!],
    kinds: q.kind,
    sourceKey: q.source,
    formed: range(optionalDate(q.formedFrom, 'query.formedFrom'), optionalDate(q.formedTo, 'query.formedTo')),
    ended: range(optionalDate(q.endedFrom, 'query.endedFrom'), optionalDate(q.endedTo, 'query.endedTo')),
  };
  return {
    filter,
    statuses: q.status,
    asOf: optionalDate(q.asOf, 'query.asOf'),
    afterId: decodeCursor(q.cursor),
    limit: q.limit ?? 50,
  };
}

/** An export rather than a page: any format but JSON. */
const isExport = (request: { query: unknown }): boolean => {
  const format = (request.query as { format?: unknown } | undefined)?.format;
  return format !== undefined && format !== 'json';
};

/** Lets a repeatable query parameter also take comma-separated values: `status=paused,suspended`. */
function splitLists(names: readonly string[]) {
  return async (request: { query: unknown }): Promise<void> => {
    const query = request.query as Record<string, string | string[] | undefined>;
    for (const name of names) {
      const value = query[name];
      if (value !== undefined) query[name] = [value].flat().flatMap((v) => v.split(','));
    }
  };
}

/** Links: query with filters (as JSON pages or whole exports), read one with its timeline, audit, create, update, append events. */
export const linkRoutes =
  (context: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db, config } = context;

    app.get(
      '/links',
      {
        config: { action: 'read', cache: true, rateLimit: heavyRateLimit(config, isExport) },
        preValidation: splitLists(['country', 'kind', 'status']),
        schema: {
          summary: 'Query links; export them as CSV, GeoJSON or GraphML',
          description:
            'Filters combine with AND. status is the status at asOf (today by default), derived from each link’s events. format=json pages with cursor; the other formats export every match from the cursor on (up to the server’s export limit; X-Export-Truncated says when it was reached).',
          tags: ['links'],
          querystring: LinkListQuery(config.maxPageSize),
          response: {
            200: {
              description: 'A page of links, or an export',
              content: {
                'application/json': { schema: LinkPage },
                'text/csv': { schema: Type.String() },
                'application/geo+json': { schema: Type.String() },
                'application/graphml+xml': { schema: Type.String() },
              },
            },
            ...errorResponses(400, 401, 404, 429, 503),
          },
        },
      },
      async (request, reply) => {
        const query = await linkQueryOf(db, request.query);
        const format = request.query.format ?? 'json';
        if (format === 'json') {
          const page = await queryLinks(db, query, context.today());
          return cursorPage(page);
        }
        const bounds = { pageSize: config.maxPageSize, maxRows: config.maxExportRows };
        const job = { type: 'export', format, query, today: context.today(), bounds } as const;
        const { body, truncated } = await context.streamExport(job);
        const out = LINK_EXPORTS[format];
        return reply
          .header('content-type', out.type)
          .header('content-disposition', `attachment; filename="${out.file}"`)
          .header('x-export-truncated', String(truncated))
          .send(body as unknown as string); // streamed: the text the schema describes, a page at a time
      },
    );

    app.get(
      '/links/:id',
      {
        config: { action: 'read', cache: true },
        schema: {
          summary: 'One link with its timeline and sources',
          tags: ['links'],
          params: LinkIdParams,
          response: { 200: Shared(LinkTimeline), ...errorResponses(400, 401, 404, 429) },
        },
      },
      async (request, reply) => {
        const timeline = await linkTimelineById(db, request.params.id, context.today());
        void reply.header('etag', etagOf(timeline.version));
        return timeline;
      },
    );

    app.get(
      '/links/:id/audit',
      {
        config: { action: 'readAudit' },
        schema: {
          summary: "A link's audit trail: every write, who made it, when, before and after",
          tags: ['links', 'audit'],
          security: bearer,
          params: LinkIdParams,
          querystring: Type.Object(pageQuery(config.maxPageSize), { additionalProperties: false }),
          response: { 200: AuditPage, ...errorResponses(400, 401, 403, 404, 429) },
        },
      },
      async (request) => {
        await linkTimelineById(db, request.params.id, context.today());
        return auditPage(db, 'link', request.params.id, request.query);
      },
    );

    app.post(
      '/links',
      {
        config: { action: 'createLink' },
        schema: {
          summary: 'Create a link between two localities, with its events',
          description: 'Admins, and editors scoped to either side (by country or by locality).',
          tags: ['links'],
          security: bearer,
          body: LinkCreate,
          response: { 201: Shared(LinkTimeline), ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429) },
        },
      },
      async (request, reply) => {
        const created = await createLink(
          db,
          linkFromInput(request.body),
          context.writeContext(request, 'createLink'),
        );
        request.log.info({ write: 'createLink', id: created.id, by: request.principal?.name }, 'write');
        const notices = await verdictsOnLink(db, created.id, context.today());
        const warned = notices.filter((v) => v.verdict !== 'allowed');
        if (warned.length > 0)
          void reply.header('twinning-rule-verdicts', warned.map((v) => `${v.rule}=${v.verdict}`).join(', '));
        void reply
          .code(201)
          .header('etag', etagOf(created.version))
          .header('location', `/v1/links/${created.id}`);
        return created;
      },
    );

    app.patch(
      '/links/:id',
      {
        config: { action: 'updateLink' },
        schema: {
          summary: 'Update a link at the version read (If-Match)',
          tags: ['links'],
          security: bearer,
          params: LinkIdParams,
          headers: IfMatchHeaders,
          body: LinkPatch,
          response: {
            200: Shared(LinkTimeline),
            ...errorResponses(400, 401, 403, 404, 409, 413, 415, 428, 429),
          },
        },
      },
      async (request, reply) => {
        const expected = versionFromIfMatch(request.headers['if-match']);
        const updated = await updateLink(
          db,
          request.params.id,
          request.body,
          expected,
          context.writeContext(request, 'updateLink'),
        );
        request.log.info({ write: 'updateLink', id: updated.id, by: request.principal?.name }, 'write');
        void reply.header('etag', etagOf(updated.version));
        return updated;
      },
    );

    app.post(
      '/links/:id/events',
      {
        config: { action: 'appendEvent' },
        schema: {
          summary: 'Append a lifecycle event to a link at the version read (If-Match)',
          description: 'Sides a and b are the link’s as read. 400 for an event the history contradicts.',
          tags: ['links'],
          security: bearer,
          params: LinkIdParams,
          headers: IfMatchHeaders,
          body: Shared(EventInput),
          response: {
            201: Shared(LinkTimeline),
            ...errorResponses(400, 401, 403, 404, 409, 413, 415, 428, 429),
          },
        },
      },
      async (request, reply) => {
        const expected = versionFromIfMatch(request.headers['if-match']);
        const updated = await appendEvent(
          db,
          request.params.id,
          eventFromInput(request.body),
          expected,
          context.writeContext(request, 'appendEvent'),
        );
        request.log.info({ write: 'appendEvent', id: updated.id, by: request.principal?.name }, 'write');
        void reply.code(201).header('etag', etagOf(updated.version));
        return updated;
      },
    );
  };
