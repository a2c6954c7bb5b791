import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ApiContext } from '../api/api-context.js';
import { TokenResolver } from '../api/auth.js';
import { eventFromInput } from '../api/input.js';
import type { Principal } from '../api/permissions.js';
import { TwinningError } from '../core/errors.js';
import type { EventType } from '../core/link-lifecycle.js';
import type { LinkKind } from '../core/link.js';
import { appendEvent } from '../registry/link/append-event.js';
import { linkTimelineById } from '../registry/link/timeline.js';
import { updateLink } from '../registry/link/update.js';
import { auditTrail } from '../store/audit.repository.js';
import type { Chrome } from './layout.js';
import { auditTrailPage, conflictPage, signInPage } from './pages/editing.js';
import { checkCsrf, clearSessionCookie, SessionStore, setSessionCookie, type Session } from './session.js';

const HTML = 'text/html; charset=utf-8';
const Form = Type.Record(Type.String(), Type.String({ maxLength: 10_000 }));
const LinkParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** Who a request comes from through its session cookie, and what the layout shows of them. */
export interface WebAuth {
  sessions: SessionStore;
  /** The session and the principal of its token; none when signed out or the token was revoked since. */
  who(request: FastifyRequest): Promise<{ session: Session; principal: Principal } | undefined>;
  chrome(request: FastifyRequest): Promise<Chrome>;
}

/** Sessions over the API's tokens, in the database: each request reads the session and its token again. */
export function webAuth(context: ApiContext): WebAuth {
  const sessions = new SessionStore(context.db);
  const who: WebAuth['who'] = (request) => sessions.of(request);
  return {
    sessions,
    who,
    async chrome(request) {
      const found = await who(request);
      return found
        ? { viewer: { name: found.principal.name, role: found.principal.role, csrf: found.session.csrf } }
        : {};
    },
  };
}

const optional = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

function versionOf(form: Record<string, string>): number {
  const version = Number(form.version);
  if (!Number.isInteger(version) || version < 1) {
    throw new TwinningError('InvalidInput', 'the form lacks the version it was read at; reload the page', {
      field: 'body.version',
    });
  }
  return version;
}

/** Sign-in and sign-out, the link edit forms' targets (with CSRF checks and 409s explained), and audit trails. */
export function editingRoutes(app: FastifyInstance, context: ApiContext, auth: WebAuth): void {
  const { db } = context;
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const hide = { hide: true };

  /** The signed-in caller of a form post, after its CSRF token is checked; Unauthorized when signed out. */
  const signedIn = async (request: FastifyRequest, form: Record<string, string>) => {
    const found = await auth.who(request);
    checkCsrf(request, found?.session, form.csrf);
    if (!found) throw new TwinningError('Unauthorized', 'sign in first', { field: 'cookie' });
    request.principal = found.principal;
    return found;
  };

  typed.get(
    '/sign-in',
    { schema: { ...hide, querystring: Type.Object({ next: Type.Optional(Type.String()) }) } },
    async (request, reply) => {
      const csrf = auth.sessions.signInCsrf(request, reply);
      const page = signInPage(await auth.chrome(request), csrf, undefined, safeNext(request.query.next));
      return reply.type(HTML).send(page);
    },
  );

  typed.post('/sign-in', { schema: { ...hide, body: Form } }, async (request, reply) => {
    auth.sessions.checkSignIn(request, request.body.csrf);
    const token = (request.body.token ?? '').trim();
    const next = safeNext(request.body.next);
    let principal: Principal | undefined;
    try {
      principal = token === '' ? undefined : await new TokenResolver(db, 0).resolve(`Bearer ${token}`);
    } catch {
      principal = undefined;
    }
    if (!principal) {
      return reply
        .code(401)
        .type(HTML)
        .send(
          signInPage({}, auth.sessions.signInCsrf(request, reply), 'That token is unknown or revoked.', next),
        );
    }
    setSessionCookie(reply, await auth.sessions.open(principal.tokenId));
    return reply.code(303).header('location', next).send();
  });

  typed.post('/sign-out', { schema: { ...hide, body: Form } }, async (request, reply) => {
    const { session } = await signedIn(request, request.body);
    await auth.sessions.close(session);
    clearSessionCookie(reply);
    return reply.code(303).header('location', '/').send();
  });

  typed.post(
    '/links/:id/edit',
    { schema: { ...hide, params: LinkParams, body: Form } },
    async (request, reply) => {
      const form = request.body;
      await signedIn(request, form);
      const version = versionOf(form);
      const patch = {
        kind: (optional(form.kind) ?? null) as LinkKind | null,
        notes: optional(form.notes) ?? null,
      };
      try {
        await updateLink(db, request.params.id, patch, version, context.writeContext(request, 'updateLink'));
      } catch (error) {
        return conflictOr(error, request, reply, request.params.id, version);
      }
      return reply.code(303).header('location', `/links/${request.params.id}`).send();
    },
  );

  typed.post(
    '/links/:id/events',
    { schema: { ...hide, params: LinkParams, body: Form } },
    async (request, reply) => {
      const form = request.body;
      await signedIn(request, form);
      const version = versionOf(form);
      const source = optional(form.source);
      if (!source)
        throw new TwinningError('InvalidInput', 'an event needs its source', { field: 'body.source' });
      const event = eventFromInput(
        {
          type: form.type as EventType,
          date: optional(form.date),
          actor: optional(form.actor) as 'a' | 'b' | 'both' | 'third_party' | undefined,
          cause: optional(form.cause),
          citations: [{ sourceKey: source, locator: optional(form.locator) }],
        },
        'body.date',
      );
      try {
        await appendEvent(
          db,
          request.params.id,
          event,
          version,
          context.writeContext(request, 'appendEvent'),
        );
      } catch (error) {
        return conflictOr(error, request, reply, request.params.id, version);
      }
      return reply.code(303).header('location', `/links/${request.params.id}`).send();
    },
  );

  typed.get('/links/:id/audit', { schema: { ...hide, params: LinkParams } }, async (request, reply) => {
    const chrome = await auth.chrome(request);
    if (!chrome.viewer) {
      return reply
        .code(303)
        .header('location', `/sign-in?next=${encodeURIComponent(request.url)}`)
        .send();
    }
    const link = await linkTimelineById(db, request.params.id, context.today());
    const rows = await auditTrail(db, 'link', link.id, { afterId: 0, limit: 500 });
    return reply.type(HTML).send(auditTrailPage(chrome, link, rows));
  });

  /** A version conflict as a page that explains it; any other error goes on to the error page. */
  async function conflictOr(
    error: unknown,
    request: FastifyRequest,
    reply: FastifyReply,
    linkId: number,
    version: number,
  ) {
    if (!(error instanceof TwinningError) || error.code !== 'Conflict') throw error;
    const link = await linkTimelineById(db, linkId, context.today());
    return reply
      .code(409)
      .type(HTML)
      .send(conflictPage(await auth.chrome(request), link, version, error.message));
  }
}

/** Where to go after signing in: a path on this site only. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
