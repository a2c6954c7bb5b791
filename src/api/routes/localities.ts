import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { normalizeCountry } from '../../core/country.js';
import { createLocality } from '../../registry/locality/create.js';
import { listLocalities } from '../../registry/locality/list.js';
import { localityIdOfKey } from '../../registry/locality/view.js';
import { mergeLocalityInto } from '../../registry/locality/merge.js';
import { updateLocality } from '../../registry/locality/update.js';
import type { ApiContext } from '../api-context.js';
import { etagOf, versionFromIfMatch } from '../etag.js';
import { auditPage } from './audit.js';
import { cursorPage, decodeCursor, localityFromInput, namesFromInput, optionalDate } from '../input.js';
import { errorResponses, IfMatchHeaders, pageQuery, Shared } from '../schemas/common.js';
import {
  AsOfQuery,
  KeyParams,
  LocalityCreate,
  LocalityDetail,
  LocalityListQuery,
  LocalityPage,
  LocalityPatch,
  LocalityView,
  MergeBody,
  MergeResult,
} from '../schemas/localities.js';
import { AuditPage } from '../schemas/reference.js';

const bearer = [{ bearer: [] }];

/** Localities: search as you type, browse, read one with its partners at a date, its audit trail, create, update. */
export const localityRoutes =
  (context: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db, config } = context;

    app.get(
      '/localities',
      {
        config: { action: 'read', cache: true },
        schema: {
          summary: 'Search localities as you type, or browse them',
          description:
            'With q: localities one of whose names (any language, historical names too) has a word starting with q, case and accents ignored; whole-name matches first, then name starts, then later words, larger places first. Without q: every locality matching the filters, a page at a time.',
          tags: ['localities'],
          querystring: LocalityListQuery(config.maxPageSize),
          response: { 200: LocalityPage, ...errorResponses(400, 401, 429) },
        },
      },
      async (request) => {
        const { q, country, kind, limit, cursor } = request.query;
        const page = await listLocalities(
          db,
          {
            text: q,
            country: country === undefined ? undefined : normalizeCountry(country, 'query.country'),
            kind,
            afterId: decodeCursor(cursor),
            limit: limit ?? 20,
          },
          (query) => context.searchNames(query),
        );
        return cursorPage(page);
      },
    );

    app.get(
      '/localities/:key',
      {
        config: { action: 'read', cache: true },
        schema: {
          summary: 'One locality with its partners at a date',
          tags: ['localities'],
          params: KeyParams,
          querystring: AsOfQuery,
          response: { 200: LocalityDetail, ...errorResponses(400, 401, 404, 429) },
        },
      },
      // Not an async function: a detail the copy in memory answers at once is sent without a turn of the event loop
      // (a thrown error is Fastify's to send, as a rejected promise would be).
      (request, reply) => {
        const asOf = optionalDate(request.query.asOf, 'query.asOf');
        const send = (detail: LocalityDetail): LocalityDetail => {
          // Written by JSON.stringify, not the schema's serializer: the detail is built field by field to the
          // schema (test/api/detail-json.test.ts checks that both write the same text), and for its many names
          // JSON.stringify is the faster of the two.
          void reply
            .header('etag', etagOf(detail.locality.version))
            .type('application/json; charset=utf-8')
            .serializer(JSON.stringify);
          return detail;
        };
        const detail = context.localityDetail(request.params.key, asOf);
        return detail instanceof Promise ? detail.then(send) : send(detail);
      },
    );

    app.get(
      '/localities/:key/audit',
      {
        config: { action: 'readAudit' },
        schema: {
          summary: "A locality's audit trail: every write, who made it, when, before and after",
          tags: ['localities', 'audit'],
          security: bearer,
          params: KeyParams,
          querystring: Type.Object(pageQuery(config.maxPageSize), { additionalProperties: false }),
          response: { 200: AuditPage, ...errorResponses(400, 401, 403, 404, 429) },
        },
      },
      async (request) =>
        auditPage(db, 'locality', await localityIdOfKey(db, request.params.key), request.query),
    );

    app.post(
      '/localities',
      {
        config: { action: 'createLocality' },
        schema: {
          summary: 'Create a locality',
          description: 'Admins, and editors scoped to the country of the new locality.',
          tags: ['localities'],
          security: bearer,
          body: LocalityCreate,
          response: { 201: Shared(LocalityView), ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429) },
        },
      },
      async (request, reply) => {
        const created = await createLocality(
          db,
          localityFromInput(request.body),
          context.writeContext(request, 'createLocality'),
        );
        request.log.info({ write: 'createLocality', key: created.key, by: request.principal?.name }, 'write');
        void reply
          .code(201)
          .header('etag', etagOf(created.version))
          .header('location', `/v1/localities/${created.key}`);
        return created;
      },
    );

    app.patch(
      '/localities/:key',
      {
        config: { action: 'updateLocality' },
        schema: {
          summary: 'Update a locality at the version read (If-Match)',
          description:
            'Absent fields stay, null clears; names and citations are replaced whole. 409 when the locality changed since it was read; 428 without If-Match.',
          tags: ['localities'],
          security: bearer,
          params: KeyParams,
          headers: IfMatchHeaders,
          body: LocalityPatch,
          response: {
            200: Shared(LocalityView),
            ...errorResponses(400, 401, 403, 404, 409, 413, 415, 428, 429),
          },
        },
      },
      async (request, reply) => {
        const expected = versionFromIfMatch(request.headers['if-match']);
        const { names, ...rest } = request.body;
        const updated = await updateLocality(
          db,
          request.params.key,
          { ...rest, names: names && namesFromInput(names) },
          expected,
          context.writeContext(request, 'updateLocality'),
        );
        request.log.info({ write: 'updateLocality', key: updated.key, by: request.principal?.name }, 'write');
        void reply.header('etag', etagOf(updated.version));
        return updated;
      },
    );

    app.post(
      '/localities/:key/merge',
      {
        config: { action: 'mergeLocalities' },
        schema: {
          summary: 'Merge another locality (source) into this one (admins)',
          description:
            'Names, links, memberships and citations of the source move here; a link both had becomes one. If-Match is this locality’s ETag, sourceVersion the source’s version; 409 when either changed since it was read.',
          tags: ['localities'],
          security: bearer,
          params: KeyParams,
          headers: IfMatchHeaders,
          body: MergeBody,
          response: {
            200: MergeResult,
            ...errorResponses(400, 401, 403, 404, 409, 413, 415, 428, 429),
          },
        },
      },
      async (request, reply) => {
        const targetVersion = versionFromIfMatch(request.headers['if-match']);
        const result = await mergeLocalityInto(
          db,
          { targetKey: request.params.key, targetVersion, ...request.body, sourceKey: request.body.source },
          context.writeContext(request, 'mergeLocalities'),
        );
        request.log.info(
          {
            write: 'mergeLocalities',
            key: request.params.key,
            source: request.body.source,
            by: request.principal?.name,
          },
          'write',
        );
        void reply.header('etag', etagOf(result.locality.version));
        return result;
      },
    );
  };
