import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TwinningError } from '../core/errors.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'twinning_session';
/** The cookie of a sign-in form (before any session): a random value the form's CSRF token is derived from. */
export const SIGN_IN_COOKIE = 'twinning_sign_in';
const LIFETIME_MS = 8 * 60 * 60 * 1000;
const SIGN_IN_LIFETIME_S = 60 * 60;

/** A signed-in editor's session: the API token it was opened with, and the CSRF token of its forms. */
export interface Session {
  id: string;
  /** The API token, kept on the server only; each request resolves it again, so a revoked token ends the session. */
  token: string;
  csrf: string;
  expires: number;
}

/**
 * Sessions of this process, in memory: the cookie carries only a random id. A restart signs everyone out,
 * and several processes behind one address would each need their own sign-in (sticky routing).
 */
export class SessionStore {
  readonly #sessions = new Map<string, Session>();
  /** The key sign-in forms' CSRF tokens are made with; a restart makes open sign-in forms stale. */
  readonly #signInKey = randomBytes(32);

  constructor(private readonly now: () => number = Date.now) {}

  /** Opens a session for a token that has been checked. */
  open(token: string): Session {
    this.#sweep();
    const session = {
      id: randomBytes(32).toString('base64url'),
      token,
      csrf: randomBytes(32).toString('base64url'),
      expires: this.now() + LIFETIME_MS,
    };
    this.#sessions.set(session.id, session);
    return session;
  }

  /** The live session a request's cookie names, if any. */
  of(request: FastifyRequest): Session | undefined {
    const id = cookieValue(request.headers.cookie, SESSION_COOKIE);
    const session = id === undefined ? undefined : this.#sessions.get(id);
    if (!session) return undefined;
    if (session.expires <= this.now()) {
      this.#sessions.delete(session.id);
      return undefined;
    }
    return session;
  }

  /** Ends a session. */
  close(session: Session): void {
    this.#sessions.delete(session.id);
  }

  /**
   * The CSRF token of a sign-in form (login CSRF: another site must not sign a browser in under its own token).
   * No session exists yet, so the token is an HMAC of a random value kept in a cookie of its own (set here when
   * the request has none): a site that can neither read nor set that cookie cannot forge the field.
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
    return this.#signInToken(nonce);
  }

  /** Refuses a sign-in post whose CSRF field does not match its cookie (or that came from another site). */
  checkSignIn(request: FastifyRequest, given: unknown): void {
    checkOrigin(request);
    const nonce = cookieValue(request.headers.cookie, SIGN_IN_COOKIE);
    if (nonce === undefined || !sameText(this.#signInToken(nonce), given)) {
      throw new TwinningError(
        'Forbidden',
        'the sign-in form has expired or did not come from this site; reload the page and try again',
        { field: 'body.csrf' },
      );
    }
  }

  #signInToken(nonce: string): string {
    return createHmac('sha256', this.#signInKey).update(`sign-in:${nonce}`).digest('base64url');
  }

  #sweep(): void {
    const now = this.now();
    for (const [id, s] of this.#sessions) if (s.expires <= now) this.#sessions.delete(id);
  }
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
