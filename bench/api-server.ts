/**
 * One server for the API load benchmark, run as a child process so the load generator has its own core:
 * `hello` (a bare Fastify hello-world, the baseline) or `api` (twinning serve's app on a database).
 * Usage: node --import tsx bench/api-server.ts <hello|api> <port> [database-url] [read-cache-entries]
 * Prints `ready` once listening.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
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
  // Cold reads are measured from the copies in memory (the search's, the locality detail's), as a server that
  // has been up a while serves them; the memory they take is printed once they are in (they load in the
  // background from the moment the app is built).
  const loading = performance.now();
  const app = await buildApp(config, database);
  await app.memoryCopiesLoaded;
  global.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  console.error(
    `api ${port}: app built and copies in memory loaded in ${((performance.now() - loading) / 1000).toFixed(1)} s; RSS ${mb(rss)} MB, heap used ${mb(heapUsed)} MB`,
  );
  await app.listen({ host: config.host, port: config.port });
} else {
  console.error('usage: api-server.ts <hello|api> <port> [database-url] [read-cache-entries]');
  process.exit(2);
}
// BENCH_PROFILE=<file>: a CPU profile of the serving alone (started once listening, written on SIGINT), for
// bench/api-profile.ts; start-up (module loading, schema compilation) is left out.
const profileFile = process.env.BENCH_PROFILE;
if (profileFile) {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  process.once('SIGINT', () => {
    void post('Profiler.stop').then((result) => {
      writeFileSync(profileFile, JSON.stringify((result as { profile: unknown }).profile));
      process.exit(0);
    });
  });
}
process.stdout.write('ready\n');
