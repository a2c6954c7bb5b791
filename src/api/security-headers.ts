import helmet from '@fastify/helmet';
import Fastify from 'fastify';

/** What helmet is told: the defaults, with images from data: URLs allowed (the documentation page uses some). */
const HELMET_OPTIONS = { contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'] } } };

/** The two tables of security headers: for pages (HTML, the documentation) and for the API's answers. */
export interface SecurityHeaders {
  pages: Readonly<Record<string, string>>;
  api: Readonly<Record<string, string>>;
}

/**
 * The security headers @fastify/helmet sets, computed once. The plugin rebuilds helmet's middleware on
 * every request (several per cent of the CPU under load), although the headers never change; so they are
 * read from it once, on a throwaway instance, and the app sets them from this table.
 *
 * Pages get helmet's whole set. The API's answers (JSON, or an export's file, never a page a browser renders)
 * get the four that OWASP's REST Security Cheat Sheet asks of every API response: no framing (a
 * `frame-ancestors 'none'` policy and `X-Frame-Options: DENY`), no MIME sniffing, and HTTPS only (helmet's
 * `Strict-Transport-Security`). The rest of helmet's set governs what a page may load or run; each header costs
 * every request Node's checks (session 10 counted the twelve at 42k of a cold detail's 528k instructions).
 */
export function securityHeaders(): Promise<SecurityHeaders> {
  computed ??= readHelmetHeaders().then((pages) =>
    Object.freeze({
      pages,
      api: Object.freeze({
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        'strict-transport-security': pages['strict-transport-security']!,
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
      }),
    }),
  );
  return computed;
}

let computed: Promise<SecurityHeaders> | undefined;

async function readHelmetHeaders(): Promise<Readonly<Record<string, string>>> {
  const probe = Fastify({ logger: false });
  await probe.register(helmet, HELMET_OPTIONS);
  probe.get('/', async () => '');
  const response = await probe.inject({ url: '/' });
  await probe.close();
  const bare = Fastify({ logger: false });
  bare.get('/', async () => '');
  const plain = await bare.inject({ url: '/' });
  await bare.close();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (!(name in plain.headers) && value !== undefined) headers[name] = String(value);
  }
  return Object.freeze(headers);
}
