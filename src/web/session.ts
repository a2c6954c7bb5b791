import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { principalOf } from '../api/auth.js';
import type { Principal } from '../api/permissions.js';
import { TwinningError } from '../core/errors.js';
import type { DB } from '../store/schema.js';
import {
  deleteEndedWebSessions,
  deleteWebSession,
  insertWebSession,
  liveWebSession,
} from '../store/web-session.repository.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'twinning_session';
/** The cookie of a sign-in form (before any session): a random value the form's CSRF token is derived from. */
export const SIGN_IN_COOKIE = 'twinning_sign_in';
const LIFETIME_MS = 8 * 60 * 60 * 1000;
const SIGN_IN_LIFETIME_S = 60 * 60;
/** A session id as made here: 32 random bytes, base64url. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** A signed-in editor's session: its id (the cookie's value), the CSRF token of its forms, when it ends. */
export interface Session {
  id: string;
  /** Derived from the id (an HMAC of it), so it is never stored and every server process computes the same. */
  csrf: string;
  /** ISO 8601 UTC instant. */
  expires: string;
}

/** The SHA-256 of a session id, hex: all the database holds of it. */
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** A session's CSRF token: an HMAC of its id, keyed by a fixed label (the id is the secret). */
function csrfOf(id: string): string {
  return createHmac('sha256', id).update('twinning csrf').digest('base64url');
}

/**
 * Sessions in the database (migration 0007), so that a restart signs no one out and several processes
 * behind one address share them: the cookie carries a random 256-bit id, the table only its SHA-256 with the
 * API token it was opened with. Each request reads the session with its token again, so a revoked token
 * ends its sessions at once.
 */
export class SessionStore {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Opens a session for a token that has been checked (ended sessions are swept first). */
  async open(tokenId: number): Promise<Session> {
    const now = new Date(this.now());
    await deleteEndedWebSessions(this.db, now.toISOString());
    const id = randomBytes(32).toString('base64url');
    const expires = new Date(now.getTime() + LIFETIME_MS).toISOString();
    await insertWebSession(this.db, {
      idHash: hashSessionId(id),
      tokenId,
      createdAt: now.toISOString(),
      expiresAt: expires,
    });
    return { id, csrf: csrfOf(id), expires };
  }

  /** The live session a request's cookie names, with its token's principal; none when ended or revoked. */
  async of(request: FastifyRequest): Promise<{ session: Session; principal: Principal } | undefined> {
    const id = cookieValue(request.headers.cookie, SESSION_COOKIE);
    if (id === undefined || !SESSION_ID.test(id)) return undefined;
    const found = await liveWebSession(this.db, hashSessionId(id), new Date(this.now()).toISOString());
    if (!found) return undefined;
    return {
      session: { id, csrf: csrfOf(id), expires: found.expiresAt },
      principal: principalOf(found.token),
    };
  }

  /** Ends a session. */
  async close(session: Session): Promise<void> {
    await deleteWebSession(this.db, hashSessionId(session.id));
  }

  /**
   * The CSRF token of a sign-in form (login CSRF: another site must not sign a browser in under its own token).
   * No session exists yet, so the token is an HMAC keyed by a random value kept in an HTTP-only cookie of its own
   * (set here when the request has none), as a session's token is keyed by its id: a site that can neither read
   * nor set that cookie cannot forge the field, and no server key is held, so a form served by one process (or
   * before a restart) signs in on another.
   */
  signInCsrf(request: FastifyRequest, reply: FastifyReply): string {
    let nonce = cookieValue(request.headers.cookie, SIGN_IN_COOKIE);
    if (nonce === undefined || !/^[A-Za-z0-9_-]{43}$/.test(nonce)) {
      nonce = randomBytes(32).toString('base64url');
      void reply.header(
        'set-cookie',
        `${SIGN_IN_COOKIE}=${nonce}; Path=/sign-in; HttpOnly; Secure; SameSite=Strict; Max-Age=${SIGN_IN_LIFETIME_S}`,
      );
    }
    return signInToken(nonce);
  }

  /** Refuses a sign-in post whose CSRF field does not match its cookie (or that came from another site). */
  checkSignIn(request: FastifyRequest, given: unknown): void {
    checkOrigin(request);
    const nonce = cookieValue(request.headers.cookie, SIGN_IN_COOKIE);
    if (nonce === undefined || !sameText(signInToken(nonce), given)) {
      throw new TwinningError(
        'Forbidden',
        'the sign-in form has expired or did not come from this site; reload the page and try again',
        { field: 'body.csrf' },
      );
    }
  }
}

/** A sign-in form's CSRF token: an HMAC of a fixed label keyed by the form's cookie (the cookie is the secret). */
function signInToken(nonce: string): string {
  return createHmac('sha256', nonce).update('twinning sign-in csrf').digest('base64url');
}

/** A cookie's value from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** Sets the session cookie: Secure, HTTP-only, SameSite=Strict, for the whole site. */
export function setSessionCookie(reply: FastifyReply, session: Session): void {
  void reply.header(
    'set-cookie',
    `${SESSION_COOKIE}=${session.id}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${LIFETIME_MS / 1000}`,
  );
}

/** Clears the session cookie. */
export function clearSessionCookie(reply: FastifyReply): void {
  void reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`);
}

/**
 * Refuses a form post without the session's CSRF token, or sent from another origin (when the browser says
 * where it comes from): Forbidden, naming the field.
 */
export function checkCsrf(request: FastifyRequest, session: Session | undefined, given: unknown): void {
  checkOrigin(request);
  if (!session || !sameText(session.csrf, given)) {
    throw new TwinningError(
      'Forbidden',
      'the form has expired or did not come from this site; reload the page and try again',
      {
        field: 'body.csrf',
      },
    );
  }
}

/** Refuses a post the browser says was sent from another origin: Forbidden, naming the header. */
export function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  if (host !== request.headers.host) {
    throw new TwinningError('Forbidden', 'this form was sent from another site', { field: 'headers.origin' });
  }
}

/** Compares a secret with a form's field in constant time. */
function sameText(expected: string, given: unknown): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(typeof given === 'string' ? given : '');
  return a.length === b.length && timingSafeEqual(a, b);
}
