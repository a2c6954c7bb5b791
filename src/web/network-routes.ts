import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../api/api-context.js';
import type { GrowthPoint } from '../analysis/time-series.js';
import { normalizeCountry } from '../core/country.js';
import { TwinningError } from '../core/errors.js';
import { findLocality } from '../registry/locality/find.js';
import { keptStudy, type StudyName } from '../registry/network/studies.js';
import { localitiesById } from '../store/locality.repository.js';
import type { WebAuth } from './editing.js';
import { chainPage } from './pages/chain.js';
import { countryPage } from './pages/country.js';
import { neighbourhoodPage } from './pages/neighbourhood.js';
import { networkPage, type NetworkStudies, type Pending } from './pages/network.js';

const HTML = 'text/html; charset=utf-8';
/** At most this many places in a neighbourhood drawing. */
const NEIGHBOURHOOD_NODES = 120;
const PAGE = { action: 'read' as const };
/** How long the network pages wait for their studies before they show the ones still running as being computed. */
const STUDY_WAIT_MS = 5_000;

const delay = (ms: number) =>
  new Promise<'late'>((resolve) => {
    setTimeout(() => resolve('late'), ms).unref();
  });

/**
 * A heavy job's result if it comes before the deadline; else why not (still running, or the server too busy),
 * for the page to say. A job left running keeps going: its result is cached for the next request.
 */
async function within<T>(job: Promise<T>, deadline: Promise<'late'>): Promise<T | Pending> {
  const settled = job.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const first = await Promise.race([settled, deadline]);
  if (first === 'late') return { pending: 'still being computed on the server; reload the page in a minute' };
  if ('value' in first) return first.value;
  if (first.error instanceof TwinningError && first.error.code === 'Overloaded') {
    return { pending: `not available now: ${first.error.message}` };
  }
  throw first.error;
}
const hide = { hide: true };

/**
 * The network views: the whole network (summary, rankings, growth), a country's links by partner country
 * and its growth, the chain between two places, a place's neighbourhood. Each reads the whole network, so
 * each runs on the API's heavy-work threads (studies come from their cache when the data has not changed).
 */
export function networkRoutes(
  app: FastifyInstance,
  context: ApiContext,
  auth: WebAuth,
  studyWaitMs = STUDY_WAIT_MS,
): void {
  const { db } = context;
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  // A study kept for today's data is read here (the stamp and one row); only one not kept goes to a thread.
  const study = async (name: StudyName, params: Record<string, number | string> = {}) =>
    (await keptStudy(db, name, {}, params, context.today())) ??
    context.runHeavy({ type: 'study', study: name, query: {}, params, today: context.today() });

  typed.get('/network', { config: PAGE, schema: hide }, async (request, reply) => {
    // Each study comes from its cache in a moment once computed; one not ready within the wait is shown as
    // being computed, and its job goes on (within the heavy-work budget) so that a reload finds it kept.
    const deadline = delay(studyWaitMs);
    const [summary, partners, betweenness, countries, time] = await Promise.all([
      within(study('summary'), deadline),
      within(study('partners', { limit: 20 }), deadline),
      within(study('betweenness', { limit: 20 }), deadline),
      within(study('countries', { limit: 20 }), deadline),
      within(study('time'), deadline),
    ]);
    const studies: NetworkStudies = { summary, partners, betweenness, countries, time };
    return reply.type(HTML).send(networkPage(studies, await auth.chrome(request)));
  });

  typed.get(
    '/countries/:code',
    { config: PAGE, schema: { ...hide, params: Type.Object({ code: Type.String({ maxLength: 8 }) }) } },
    async (request, reply) => {
      const code = normalizeCountry(request.params.code, 'params.code');
      if (code !== request.params.code)
        return reply.code(301).header('location', `/countries/${code}`).send();
      const today = context.today();
      const [matrix, time] = await Promise.all([
        context.runHeavy({ type: 'country-matrix', country: code, today }),
        within(study('time', { country: code }), delay(studyWaitMs)),
      ]);
      const growth = 'pending' in time ? time : ((time.result as { growth?: GrowthPoint[] }).growth ?? []);
      return reply.type(HTML).send(countryPage(matrix, growth, await auth.chrome(request)));
    },
  );

  typed.get(
    '/network/chain',
    {
      config: PAGE,
      schema: {
        ...hide,
        querystring: Type.Object({
          from: Type.Optional(Type.String({ maxLength: 200 })),
          to: Type.Optional(Type.String({ maxLength: 200 })),
        }),
      },
    },
    async (request, reply) => {
      const chrome = await auth.chrome(request);
      const query = { from: request.query.from?.trim(), to: request.query.to?.trim() };
      if (!query.from || !query.to) return reply.type(HTML).send(chainPage(query, undefined, chrome));
      try {
        const ids = [
          await findLocality(db, query.from).catch(named('from')),
          await findLocality(db, query.to).catch(named('to')),
        ];
        const places = await localitiesById(db, ids);
        const [from, to] = ids.map((id) => places.get(id)!.key) as [string, string];
        const chain = await context.runHeavy({ type: 'chain', from, to, today: context.today() });
        return reply.type(HTML).send(chainPage(query, { chain }, chrome));
      } catch (error) {
        if (!(error instanceof TwinningError) || !CHAIN_PROBLEMS.has(error.code)) throw error;
        const status = error.code === 'LocalityNotFound' ? 404 : 400;
        return reply
          .code(status)
          .type(HTML)
          .send(chainPage(query, { problem: error.message }, chrome));
      }
    },
  );

  typed.get(
    '/places/:key/network',
    {
      config: PAGE,
      schema: {
        ...hide,
        params: Type.Object({ key: Type.String({ minLength: 1, maxLength: 200 }) }),
        querystring: Type.Object({ steps: Type.Optional(Type.Integer({ minimum: 1, maximum: 3 })) }),
      },
    },
    async (request, reply) => {
      const steps = request.query.steps ?? 2;
      const drawing = await context.runHeavy({
        type: 'neighbourhood',
        key: request.params.key,
        steps,
        maxNodes: NEIGHBOURHOOD_NODES,
        today: context.today(),
      });
      const centre = drawing.nodes[0]!;
      const page = neighbourhoodPage(
        { key: centre.key, name: centre.label },
        steps,
        drawing,
        await auth.chrome(request),
      );
      return reply.type(HTML).send(page);
    },
  );
}

/** Errors of a chain's two places that the page explains next to its form. */
const CHAIN_PROBLEMS = new Set(['EmptyName', 'LocalityNotFound', 'AmbiguousLocality']);

/** Says which of the form's fields a lookup error is about ("From: …", "To: …"). */
function named(field: 'from' | 'to') {
  return (error: unknown): never => {
    if (error instanceof TwinningError) {
      const label = field === 'from' ? 'From' : 'To';
      throw new TwinningError(
        error.code,
        `${label}: ${error.message.replace(/; try `twinning search`$/, '').replace(/; give a key, --country.*$/, '; type its key instead')}`,
        {
          field: `query.${field}`,
        },
      );
    }
    throw error;
  };
}
