import helmet from '@fastify/helmet';
import Fastify from 'fastify';

/** What helmet is told: the defaults, with images from data: URLs allowed (the documentation page uses some). */
const HELMET_OPTIONS = { contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'] } } };

/**
 * The security headers @fastify/helmet sets, computed once. The plugin rebuilds helmet's middleware on
 * every request (several per cent of the CPU under load), although the headers never change; so they are
 * read from it once, on a throwaway instance, and the app sets them from this table.
 */
export function securityHeaders(): Promise<Readonly<Record<string, string>>> {
  computed ??= readHelmetHeaders();
  return computed;
}

let computed: Promise<Readonly<Record<string, string>>> | undefined;

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
