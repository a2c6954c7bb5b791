import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { TwinningError } from '../core/errors.js';
import { formatPartialDate, partialDateFromJsDate, type PartialDate } from '../core/partial-date.js';
import { localityDetail, localityDetailFromCopy } from '../registry/locality/detail.js';
import { watchChanges, type ChangeScope } from '../store/change-watch.js';
import type { Database } from '../store/database.js';
import { readCopy } from '../store/copies/read-in-worker.js';
import { LocalityMemoryModel } from '../store/locality-memory-model.js';
import { TokenResolver } from './auth.js';
import type { ApiConfig } from './config.js';
import { clientErrorHandler, frameworkErrors } from './client-errors.js';
import { handleError } from './error-handler.js';
import { DeferredCompiles } from './deferred-compiles.js';
import { boundIntegers, boundRequestIntegers, validatorFactory } from './input-bounds.js';
import { assertCan, roleAllows, type Action, type Principal } from './permissions.js';
import { HeavyWorkPool } from './heavy/pool.js';
import { LiveCopy } from './live-copy.js';
import { LiveNameIndex } from './live-name-index.js';
import { ReadCache } from './read-cache.js';
import { securityHeaders } from './security-headers.js';
import type { ApiContext } from './api-context.js';
import { analyticsRoutes } from './routes/analytics.js';
import { suggestionRoutes } from './routes/suggestions.js';
import { associationRoutes } from './routes/associations.js';
import { auditRoutes } from './routes/audit.js';
import { linkRoutes } from './routes/links.js';
import { localityRoutes } from './routes/localities.js';
import { metaRoutes } from './routes/meta.js';
import { webRoutes } from '../web/plugin.js';
import { ruleRoutes } from './routes/rules.js';
import { ErrorBody } from './schemas/common.js';
import { EventInput, LinkTimeline } from './schemas/links.js';
import { LocalityView } from './schemas/localities.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route does, for the permission gate; routes without one (docs, health) are open. */
    action?: Action;
    /** The route's responses depend only on the URL and the data, so they may be served from the read cache. */
    cache?: boolean;
  }
  interface FastifyInstance {
    /** Settles when the search's first in-memory copy is loaded (or could not be, and SQL answers meanwhile). */
    searchIndexLoaded: Promise<void>;
    /** Settles when every in-memory copy (the search's, the locality detail's) has had its first load. */
    memoryCopiesLoaded: Promise<void>;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
    /** Where to keep this response in the read cache, and the generation it was read at. */
    cacheSlot: { key: string; generation: number } | undefined;
  }
}

/** Options for tests and embedding. */
export interface AppOptions {
  /** The clock statuses are computed against; the real one by default. */
  now?: () => Date;
  /** How long the web's network views wait for a study before showing it as being computed (5 s by default). */
  studyWaitMs?: number;
  /**
   * `deferred` (the default): each route's schemas are compiled on first use, or once the server listens, one at a
   * time between requests; `eager`: all of them before the app is ready, as Fastify does by itself.
   */
  compileSchemas?: 'deferred' | 'eager';
}

const SAFE_REQUEST_ID = /^[\w.:-]{1,64}$/;
/** The methods that change the registry. */
const WRITES: ReadonlySet<string> = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
/** The headers that describe a cached body and are sent again with it. */
const CACHED_HEADERS = ['content-type', 'etag', 'content-disposition', 'x-export-truncated'] as const;

/** Refuses a request its caller may not make at all: 401 without a usable token, 403 for the wrong role. */
function gate(principal: Principal | undefined, action: Action, publicRead: boolean): void {
  if (action === 'read' && publicRead) return;
  if (!principal) {
    throw new TwinningError('Unauthorized', 'this needs an API token: send Authorization: Bearer <token>', {
      field: 'headers.authorization',
    });
  }
  if (!roleAllows(principal.role, action)) {
    throw new TwinningError('Forbidden', `a ${principal.role} token may not ${action}`);
  }
}

/** CORS (when origins are configured), the rate limit, and the OpenAPI document with its documentation page. */
async function registerPlugins(app: FastifyInstance, config: Readonly<ApiConfig>): Promise<void> {
  if (config.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: [...config.corsOrigins],
      methods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
      allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'X-Request-Id'],
      exposedHeaders: ['ETag', 'X-Request-Id', 'Retry-After'],
    });
  }
  await app.register(rateLimit, {
    max: config.rateLimit.max,
    timeWindow: config.rateLimit.windowMs,
    errorResponseBuilder: (_request, context) =>
      new TwinningError(
        'RateLimited',
        `more than ${context.max} requests in ${config.rateLimit.windowMs / 1000} s; retry in ${context.after}`,
      ),
  });
  for (const schema of [ErrorBody, LocalityView, LinkTimeline]) app.addSchema(schema);
  app.addSchema(boundIntegers(EventInput));
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Twinning registry API',
        version: '1',
        description:
          'Search, read, export and edit the open registry of town twinnings. Reads are open unless the server requires a token; writes need a bearer token of the right role and scope, and If-Match with the ETag read.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `schema${i}`) },
  });
  // No validator badge: it would load an image from validator.swagger.io; the page uses local assets only.
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    transformStaticCSP: (header) => header.replace(' validator.swagger.io', ''),
    uiConfig: { validatorUrl: null },
  });
}

/**
 * The request pipeline's own hooks, in order: security headers and request id (onRequest), then the rate
 * limit (its route-level onRequest), the token and the permission gate (preParsing, before any body is
 * read), the read cache (preValidation), and keeping or dropping cached reads (onSend).
 */
async function installHooks(
  app: FastifyInstance,
  config: Readonly<ApiConfig>,
  database: Database,
  now: () => Date,
): Promise<{ names: LiveNameIndex; localities: LiveCopy<LocalityMemoryModel> }> {
  const security = await securityHeaders();
  const resolver = new TokenResolver(database.db, config.auth.tokenCacheSeconds * 1000);
  const cache = new ReadCache(config.readCacheEntries, 1024 * 1024, config.readCacheBytes);
  // What a change drops: cached responses on any commit; the copies in memory (once they exist) when the
  // registry's own tables changed (not for a study's cached result or a session alone).
  const copies: { invalidate(): void }[] = [];
  const changed = (scope: ChangeScope = 'registry'): void => {
    cache.invalidate();
    if (scope === 'registry') copies.forEach((copy) => copy.invalidate());
  };
  const watch = await watchChanges(database, config.databaseUrl, changed);
  const names = new LiveNameIndex(database.db, config.databaseUrl, watch);
  const localities = new LiveCopy(
    async (signal) =>
      LocalityMemoryModel.fromData(await readCopy(database.db, config.databaseUrl, 'localities', signal)),
    watch,
  );
  copies.push(names, localities);
  app.addHook('onClose', async () => {
    await names.close();
    await localities.close();
    await watch.close();
  });
  app.decorateRequest('principal', undefined);
  app.decorateRequest('cacheSlot', undefined);
  // The hooks every request passes through take a callback rather than return a promise where they can
  // finish at once (no token to look up, nothing to cache): a promise per hook and request costs more.
  app.addHook('onRequest', (request, reply, done) => {
    void reply
      .headers(request.url.startsWith('/v1/') ? security.api : security.pages)
      .header('x-request-id', request.id);
    done();
  });
  app.addHook('preParsing', (request, _reply, payload, done) => {
    const authorize = (principal: Principal | undefined): void => {
      request.principal = principal;
      const { action } = request.routeOptions.config;
      if (action) gate(principal, action, config.auth.publicRead);
    };
    const header = request.headers.authorization;
    if (header !== undefined) {
      resolver
        .resolve(header)
        .then(authorize)
        .then(
          () => done(null, payload),
          (error: unknown) => done(error as Error),
        );
      return;
    }
    try {
      authorize(undefined);
    } catch (error) {
      return done(error as Error);
    }
    done(null, payload);
  });
  // With the read cache off (no entries), no request passes through it: the hook is left out.
  if (cache.maxEntries > 0)
    app.addHook('preValidation', async (request, reply) => {
      if (!request.routeOptions.config.cache || request.method !== 'GET') return;
      await watch.check();
      if (!watch.reliable) return;
      // Statuses are derived against today, so a cached read lasts until midnight (UTC) at most.
      const key = `${formatPartialDate(partialDateFromJsDate(now()))} ${request.url}`;
      const hit = cache.get(key);
      if (hit) return reply.headers(hit.headers).header('x-cache', 'hit').send(hit.body);
      void reply.header('x-cache', 'miss');
      request.cacheSlot = { key, generation: cache.generation };
    });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (WRITES.has(request.method) && reply.statusCode < 400) {
      changed(); // this instance's own write, before its client hears of it
    } else if (request.cacheSlot && reply.statusCode === 200 && typeof payload === 'string') {
      const headers: Record<string, string> = {};
      for (const name of CACHED_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      cache.set(request.cacheSlot.key, { generation: request.cacheSlot.generation, body: payload, headers });
    }
    done(null, payload);
  });
  return { names, localities };
}

/**
 * The HTTP API over an open registry database: validated by TypeBox schemas, documented by the OpenAPI
 * document built from them, with security headers, CORS, a rate limit, bearer tokens, a read cache and one
 * error handler.
 */
export async function buildApp(
  config: Readonly<ApiConfig>,
  database: Database,
  options: AppOptions = {},
): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  if (database.dialect === 'postgres' && !/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    throw new TwinningError(
      'InvalidInput',
      'the configured database URL is not the PostgreSQL database given',
      {
        field: 'databaseUrl',
      },
    );
  }
  const deferred = options.compileSchemas === 'eager' ? undefined : new DeferredCompiles();
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.authorization'] },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    clientErrorHandler,
    frameworkErrors,
    schemaController: {
      compilersFactory: {
        buildValidator: deferred ? deferred.validators(validatorFactory()) : validatorFactory(),
        ...(deferred && { buildSerializer: deferred.serializers() }),
      },
    },
    // strictNumbers off on purpose: with it on, Ajv 8 coerces "Infinity" or "1e309" to Infinity and then
    // skips minimum/maximum for non-finite values; off, the finite bounds input-bounds.ts gives every number
    // refuse them (and JSON's 1e309, which parses to Infinity).
    ajv: {
      customOptions: {
        allowUnionTypes: true,
        removeAdditional: false,
        coerceTypes: 'array',
        strictNumbers: false,
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Listening, the server compiles the schemas no request has needed yet, one at a time between requests.
  if (deferred)
    app.addHook('onListen', (done) => {
      void deferred.compileAll((error) => app.log.error({ err: error }, 'a route schema failed to compile'));
      done();
    });
  app.setErrorHandler((error, request, reply) => reply.send(handleError(error, request, reply)));
  app.setNotFoundHandler((request, reply) => {
    // The path is not quoted back: it may be kilobytes of anything.
    const error = new TwinningError('NotFound', `no ${request.method} route at this path`);
    return reply.send(handleError(error, request, reply));
  });
  boundRequestIntegers(app);
  await registerPlugins(app, config);
  const { names, localities } = await installHooks(app, config, database, now);
  // Loaded in the background: the server is ready at once, and reads go to the database until the copies are in.
  const searchIndexLoaded = names.load();
  app.decorate('searchIndexLoaded', searchIndexLoaded);
  app.decorate(
    'memoryCopiesLoaded',
    Promise.all([searchIndexLoaded, localities.load()]).then(() => undefined),
  );
  const today = (): PartialDate => partialDateFromJsDate(now());

  const heavy = new HeavyWorkPool(config.databaseUrl, config.heavyWork);
  const context: ApiContext = {
    runHeavy: (job) => heavy.run(job),
    streamExport: (job) => heavy.stream(job),
    db: database.db,
    config,
    today,
    searchNames: (query) => names.search(query),
    localityDetail: (key, asOf) => {
      const detailFrom = (copy: LocalityMemoryModel | undefined) =>
        copy
          ? localityDetailFromCopy(copy, key, asOf, today())
          : localityDetail(database.db, key, asOf, today());
      const copy = localities.current();
      return copy instanceof Promise ? copy.then(detailFrom) : detailFrom(copy);
    },
    writeContext: (request, action) => {
      const principal = request.principal!;
      return {
        actor: { tokenId: principal.tokenId, name: principal.name, role: principal.role },
        today: partialDateFromJsDate(now()),
        authorize: (subject) => assertCan(principal, action, subject),
      };
    },
  };
  app.addHook('onClose', async () => heavy.close());
  await app.register(metaRoutes(context));
  await app.register(webRoutes(context, { studyWaitMs: options.studyWaitMs }));
  for (const routes of [
    localityRoutes,
    linkRoutes,
    associationRoutes,
    auditRoutes,
    analyticsRoutes,
    ruleRoutes,
    suggestionRoutes,
  ]) {
    await app.register(routes(context), { prefix: '/v1' });
  }
  return app;
}
