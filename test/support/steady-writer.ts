/**
 * A server process under writes: it edits one link through the API again and again (read, PATCH with
 * If-Match, retry on 409 or 503), and prints a line `ok <version> <i>` as each write is answered 200, and
 * `status <code>` for every other answer to a write. Runs until it has made <n> writes or is killed. With `wait`,
 * it starts and prints `ready`, then waits for a line on standard input before it writes (so that a test can start
 * the next writer while the last one runs), and exits if standard input ends first.
 * Usage: steady-writer.ts <db> <token> <link> <n> <label> [wait]
 */
import { buildApp } from '../../src/api/app.js';
import { configWith } from '../../src/api/config.js';
import { openDatabase } from '../../src/store/database.js';

const [url, token, linkText, countText, label, wait] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string | undefined,
];
const database = openDatabase(url);
const app = await buildApp(
  configWith({
    logLevel: 'silent',
    databaseUrl: url,
    readCacheEntries: 0,
    rateLimit: { max: 1e6, windowMs: 60_000 },
  }),
  database,
);
const headers = { authorization: `Bearer ${token}` };
process.stdout.write('ready\n');
if (wait === 'wait')
  await new Promise<void>((resolve) => {
    process.stdin.once('data', () => resolve());
    process.stdin.once('end', () => process.exit(0));
  });
for (let i = 0; i < Number(countText); i++) {
  for (;;) {
    const read = await app.inject({ method: 'GET', url: `/v1/links/${linkText}`, headers });
    if (read.statusCode !== 200) {
      process.stdout.write(`status ${read.statusCode}\n`);
      continue;
    }
    const response = await app.inject({
      method: 'PATCH',
      url: `/v1/links/${linkText}`,
      headers: { ...headers, 'if-match': String(read.headers.etag) },
      payload: { notes: `${label} ${i}` },
    });
    if (response.statusCode === 200) {
      process.stdout.write(`ok ${(JSON.parse(response.body) as { version: number }).version} ${i}\n`);
      break;
    }
    process.stdout.write(`status ${response.statusCode}\n`);
    if (response.statusCode !== 409 && response.statusCode !== 503) break;
  }
}
await app.close();
await database.close();
