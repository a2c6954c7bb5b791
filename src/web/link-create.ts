import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiContext } from '../api/api-context.js';
import { eventFromInput } from '../api/input.js';
import { roleAllows } from '../api/permissions.js';
import { TwinningError } from '../core/errors.js';
import type { EventType } from '../core/link-lifecycle.js';
import { FORMING_EVENTS } from '../core/link-lifecycle.js';
import { LINK_KINDS, type LinkKind } from '../core/link.js';
import { createLink } from '../registry/link/create.js';
import { findLocality } from '../registry/locality/find.js';
import { linkBetween } from '../store/link.repository.js';
import { localitiesById } from '../store/locality.repository.js';
import { sourceIdsByKey } from '../store/source.repository.js';
import type { WebAuth } from './editing.js';
import type { Chrome, Viewer } from './layout.js';
import { linkRefusedPage, newLinkPage, type NewLinkValues } from './pages/new-link.js';
import { checkCsrf } from './session.js';

const HTML = 'text/html; charset=utf-8';
const Form = Type.Record(Type.String(), Type.String({ maxLength: 10_000 }));

/** Errors in what the editor typed: the form comes back with the message, filled in. */
const FORM_PROBLEMS = new Set([
  'InvalidInput',
  'InvalidDate',
  'EmptyName',
  'LocalityNotFound',
  'AmbiguousLocality',
  'SelfLink',
  'InvalidCountry',
  'LifecycleContradiction',
]);
/** Refusals of a well-formed link (409): explained on a page of their own. */
const REFUSALS = new Set(['DuplicateLink', 'ExclusiveLink', 'RuleProhibits', 'Conflict'] as const);
type Refusal = typeof REFUSALS extends Set<infer T> ? T : never;

const optional = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

function valuesOf(form: Record<string, string>): NewLinkValues {
  const { a, b, bCountry, kind, type, date, source, locator, notes } = form;
  return { a, b, bCountry, kind, type, date, source, locator, notes };
}

/** The new link a form describes, with its places' keys resolved from keys or names. */
async function linkOfForm(context: ApiContext, form: Record<string, string>) {
  const { db } = context;
  const [aId, bId] = [
    await findLocality(db, form.a ?? '').catch(rename('body.a')),
    await findLocality(db, form.b ?? '', optional(form.bCountry)).catch(rename('body.b')),
  ];
  const places = await localitiesById(db, [aId, bId]);
  const kind = optional(form.kind);
  if (kind !== undefined && !(LINK_KINDS as readonly string[]).includes(kind)) {
    throw new TwinningError('InvalidInput', 'unknown link kind', { field: 'body.kind' });
  }
  const type = form.type ?? 'formalised';
  if (!(FORMING_EVENTS as readonly string[]).includes(type)) {
    throw new TwinningError('InvalidInput', `the forming event is one of ${FORMING_EVENTS.join(', ')}`, {
      field: 'body.type',
    });
  }
  const source = optional(form.source);
  if (!source)
    throw new TwinningError('InvalidInput', 'a new link needs its source', { field: 'body.source' });
  const citations = [{ sourceKey: source, locator: optional(form.locator) }];
  const event = eventFromInput(
    { type: type as EventType, date: optional(form.date), citations },
    'body.date',
  );
  return {
    aKey: places.get(aId)!.key,
    bKey: places.get(bId)!.key,
    ids: [aId, bId] as const,
    link: {
      aKey: places.get(aId)!.key,
      bKey: places.get(bId)!.key,
      kind: kind as LinkKind | undefined,
      purposes: [],
      exclusive: false,
      notes: optional(form.notes),
      citations: citationsOf(citations),
      events: [event],
    },
    names: [places.get(aId)!, places.get(bId)!].map((p) => p.names.find((n) => n.primary)?.name ?? p.key),
  };
}

function citationsOf(list: { sourceKey: string; locator?: string }[]) {
  return list.map((c) => ({ sourceKey: c.sourceKey, ...(c.locator ? { locator: c.locator } : {}) }));
}

/** Names the form field an error of a place lookup is about. */
function rename(field: string) {
  return (error: unknown): never => {
    if (error instanceof TwinningError) throw new TwinningError(error.code, error.message, { field });
    throw error;
  };
}

/** The new-link form and its target, for signed-in editors; readers and signed-out visitors never see it. */
export function linkCreateRoutes(app: FastifyInstance, context: ApiContext, auth: WebAuth): void {
  const { db } = context;
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const hide = { hide: true };
  const sourceKeys = async () => [...(await sourceIdsByKey(db)).keys()].sort();

  /** The signed-in editor, or a redirect to sign in, or Forbidden for a reader. */
  const editorOf = async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<(Chrome & { viewer: Viewer }) | undefined> => {
    const chrome = await auth.chrome(request);
    if (!chrome.viewer) {
      await reply
        .code(303)
        .header('location', `/sign-in?next=${encodeURIComponent(request.url)}`)
        .send();
      return undefined;
    }
    if (!roleAllows(chrome.viewer.role as 'reader', 'createLink')) {
      throw new TwinningError('Forbidden', 'only editors and administrators add links');
    }
    return chrome as Chrome & { viewer: Viewer };
  };

  typed.get(
    '/links/new',
    { schema: { ...hide, querystring: Type.Object({ a: Type.Optional(Type.String({ maxLength: 200 })) }) } },
    async (request, reply) => {
      const chrome = await editorOf(request, reply);
      if (!chrome) return reply;
      return reply.type(HTML).send(newLinkPage(chrome, await sourceKeys(), { a: request.query.a }));
    },
  );

  typed.post('/links', { schema: { ...hide, body: Form } }, async (request, reply) => {
    const form = request.body;
    const found = await auth.who(request);
    checkCsrf(request, found?.session, form.csrf);
    if (!found) throw new TwinningError('Unauthorized', 'sign in first', { field: 'cookie' });
    request.principal = found.principal;
    const chrome = await editorOf(request, reply);
    if (!chrome) return reply;
    let planned: Awaited<ReturnType<typeof linkOfForm>> | undefined;
    try {
      planned = await linkOfForm(context, form);
      const created = await createLink(db, planned.link, context.writeContext(request, 'createLink'));
      return reply.code(303).header('location', `/links/${created.id}`).send();
    } catch (error) {
      if (!(error instanceof TwinningError)) throw error;
      if (FORM_PROBLEMS.has(error.code)) {
        const problem = { message: error.message, field: error.location.field };
        return reply
          .code(error.code === 'LocalityNotFound' ? 404 : 400)
          .type(HTML)
          .send(newLinkPage(chrome, await sourceKeys(), valuesOf(form), problem));
      }
      if (!REFUSALS.has(error.code as Refusal)) throw error;
      const existing =
        error.code === 'DuplicateLink' && planned
          ? await linkBetween(db, planned.ids[0], planned.ids[1])
          : undefined;
      const page = linkRefusedPage(
        chrome,
        error.code as Refusal,
        error.message,
        existing && planned ? { id: existing.id, title: planned.names.join(' and ') } : undefined,
      );
      return reply.code(409).type(HTML).send(page);
    }
  });
}
