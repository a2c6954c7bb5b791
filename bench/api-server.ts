/**
 * One server for the API load benchmark, run as a child process so the load generator has its own core:
 * `hello` (a bare Fastify hello-world, the baseline) or `api` (twinning serve's app on a database).
 * Usage: node --import tsx bench/api-server.ts <hello|api> <port> [database-url] [read-cache-entries]
 * Prints `ready` once listening.
 */
import Fastify from 'fastify';
import { buildApp } from '../src/api/app.js';
import { loadConfig } from '../src/api/config.js';
import { openRegistry } from '../src/registry/open-registry.js';

const [kind, port, url, cacheEntries] = process.argv.slice(2);
if (kind === 'hello') {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ host: '127.0.0.1', port: Number(port) });
} else if (kind === 'api' && url) {
  // Requests are not logged (warn), as in the baseline; the rate limit is on but never reached.
  const config = loadConfig(
    {
      port,
      db: url,
      logLevel: 'warn',
      rateLimitMax: '1000000000',
      readCacheEntries: cacheEntries ?? '10000',
    },
    {},
  );
  const { database } = await openRegistry(config.databaseUrl);
  const app = await buildApp(config, database);
  await app.listen({ host: config.host, port: config.port });
} else {
  console.error('usage: api-server.ts <hello|api> <port> [database-url] [read-cache-entries]');
  process.exit(2);
}
process.stdout.write('ready\n');
