import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parsePartialDate } from '../core/partial-date.js';
import type { ApiContext } from '../api/api-context.js';
import { handleError } from '../api/error-handler.js';
import { asset, sendBytes } from './assets.js';
import { html } from './html.js';
import { layout, type Chrome } from './layout.js';
import { homePage } from './pages/home.js';
import { linkPage } from './pages/link.js';
import { mapPage } from './pages/map.js';
import { MapDataCache } from './map-document.js';
import { localityPage } from './pages/locality.js';
import { localityDetail } from '../registry/locality/detail.js';
import { searchPage } from './pages/search.js';
import { suggestionsPage, suggestionsPanel } from './pages/suggestions-panel.js';
import { suggestPlaces } from './suggest.js';
import { editingRoutes, webAuth } from './editing.js';
import { linkCreateRoutes } from './link-create.js';
import { networkRoutes } from './network-routes.js';

const HTML = 'text/html; charset=utf-8';
/**
 * Pages read the registry like the API's reads, open unless the server requires a token. They are not kept
 * in the read cache: a signed-in editor's page differs from a reader's.
 */
const PAGE = { action: 'read' as const };

/** An error as a page: the same status and message the API gives, in the site's layout. */
function errorPage(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  chrome: Chrome,
): FastifyReply {
  const body = handleError(error, request, reply).error;
  const title =
    reply.statusCode === 404
      ? 'Not found'
      : reply.statusCode >= 500
        ? 'Something went wrong'
        : 'Cannot show this';
  const page = layout(
    { ...chrome, title },
    html`<h1>${title}</h1>
      <p>${body.message}</p>
      ${
        body.field ? html`<p>The problem is in <code>${body.field}</code>.</p>` : ''
      }${reply.statusCode >= 500 ? html`<p>Request id: <code>${body.requestId}</code></p>` : ''}
      <p><a href="/">Back to the home page</a></p>`,
  );
  return reply.type(HTML).send(page);
}

/** The web app at `/`: server-rendered pages over the registry's read functions, and their assets. */
export const webRoutes =
  (context: ApiContext, options: { studyWaitMs?: number } = {}): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db } = context;
    const auth = webAuth(context);
    const mapCache = new MapDataCache((today) => context.runHeavy({ type: 'map-data', today }));
    app.setErrorHandler(async (error, request, reply) =>
      errorPage(error, request, reply, await auth.chrome(request)),
    );
    editingRoutes(app, context, auth);
    linkCreateRoutes(app, context, auth);
    networkRoutes(app, context, auth, options.studyWaitMs);
    const hide = { hide: true };

    app.get('/', { config: PAGE, schema: hide }, async (_request, reply) =>
      reply.type(HTML).send(await homePage(db, await auth.chrome(_request))),
    );

    app.get(
      '/search',
      {
        config: PAGE,
        schema: { ...hide, querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })) }) },
      },
      async (request, reply) =>
        reply.type(HTML).send(await searchPage(db, request.query.q ?? '', await auth.chrome(request))),
    );

    app.get(
      '/suggest',
      {
        config: PAGE,
        schema: {
          ...hide,
          querystring: Type.Object({
            q: Type.String({ maxLength: 200 }),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
          }),
        },
      },
      async (request) => suggestPlaces(db, request.query.q, request.query.limit ?? 8),
    );

    app.get(
      '/places/:key',
      {
        config: PAGE,
        schema: {
          ...hide,
          params: Type.Object({ key: Type.String({ minLength: 1, maxLength: 200 }) }),
          querystring: Type.Object({ date: Type.Optional(Type.String({ maxLength: 10 })) }),
        },
      },
      async (request, reply) => {
        const date = request.query.date?.trim();
        const asOf = date ? parsePartialDate(date, 'query.date') : undefined;
        return reply
          .type(HTML)
          .send(
            await localityPage(db, request.params.key, asOf, context.today(), await auth.chrome(request)),
          );
      },
    );

    const panelsInFlight = new Map<string, Promise<string>>();
    const SuggestionsQuery = Type.Object({ date: Type.Optional(Type.String({ maxLength: 10 })) });
    const KeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 200 }) });
    const suggestionsOf = (key: string, date: string | undefined) => {
      const asOf = date ? parsePartialDate(date, 'query.date') : undefined;
      const today = context.today();
      return {
        asOf,
        today,
        source: () => context.runHeavy({ type: 'suggestions', key, query: { asOf }, today }),
      };
    };

    // The panel alone, for the locality page's script: the same for every reader, so kept in the read cache
    // (until the registry changes or the day ends) like the API's own suggestions.
    app.get(
      '/places/:key/suggestions/panel',
      {
        config: { ...PAGE, cache: true },
        schema: { ...hide, params: KeyParams, querystring: SuggestionsQuery },
      },
      async (request, reply) => {
        // Readers opening the same place at once share one ranking rather than each queueing their own.
        const flight = `${request.params.key}\n${request.query.date?.trim() ?? ''}`;
        let panel = panelsInFlight.get(flight);
        if (!panel) {
          const { source } = suggestionsOf(request.params.key, request.query.date?.trim());
          panel = suggestionsPanel(source).then(String);
          panelsInFlight.set(flight, panel);
          void panel.finally(() => panelsInFlight.delete(flight)).catch(() => undefined);
        }
        return reply.type(HTML).send(await panel);
      },
    );

    app.get(
      '/places/:key/suggestions',
      { config: PAGE, schema: { ...hide, params: KeyParams, querystring: SuggestionsQuery } },
      async (request, reply) => {
        const { key } = request.params;
        const date = request.query.date?.trim();
        const { asOf, today, source } = suggestionsOf(key, date);
        const detail = await localityDetail(db, key, asOf, today);
        const chrome = await auth.chrome(request);
        const page = await suggestionsPage(
          { key, name: detail.atDate.name, date: date ?? null },
          source,
          chrome,
        );
        return reply.type(HTML).send(page);
      },
    );

    app.get(
      '/links/:id',
      { config: PAGE, schema: { ...hide, params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) } },
      async (request, reply) =>
        reply
          .type(HTML)
          .send(await linkPage(db, request.params.id, context.today(), await auth.chrome(request))),
    );

    const MapQuery = Type.Object(
      Object.fromEntries(
        ['date', 'kind', 'status', 'country', 'continent', 'source', 'x', 'y', 'z'].map((name) => [
          name,
          Type.Optional(Type.String({ maxLength: 100 })),
        ]),
      ),
    );
    app.get('/map', { config: PAGE, schema: { ...hide, querystring: MapQuery } }, async (request, reply) =>
      reply.type(HTML).send(mapPage(request.query, context.today(), await auth.chrome(request))),
    );

    app.get('/map/data.bin', { config: { action: 'read' }, schema: hide }, async (request, reply) => {
      const { body, gzipped } = await mapCache.get(db, context.today());
      void reply.header('cache-control', 'no-cache');
      return sendBytes(request, reply, 'application/octet-stream', body, gzipped);
    });

    app.get(
      '/assets/:name',
      { schema: { ...hide, params: Type.Object({ name: Type.String({ maxLength: 64 }) }) } },
      async (request, reply) => {
        const found = await asset(request.params.name);
        if (!found) return reply.code(404).type('text/plain; charset=utf-8').send('no such asset');
        void reply.header('cache-control', 'public, max-age=3600');
        return sendBytes(request, reply, found.type, found.body, found.gzipped);
      },
    );
  };
