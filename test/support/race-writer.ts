/**
 * A process that edits one link many times through the API, as a second server would: each write reads
 * the link, PATCHes it with If-Match, and on 409 reads again and retries. Prints one JSON line with every
 * status it got and the version each accepted write returned. Usage: race-writer.ts <db> <token> <link> <n> <label>
 */
import { buildApp } from '../../src/api/app.js';
import { configWith } from '../../src/api/config.js';
import { openDatabase } from '../../src/store/database.js';

const [url, token, linkText, countText, label] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const database = openDatabase(url);
const app = await buildApp(
  configWith({ logLevel: 'silent', databaseUrl: url, readCacheEntries: 0 }),
  database,
);
const headers = { authorization: `Bearer ${token}` };
const statuses: number[] = [];
const versions: number[] = [];
for (let i = 0; i < Number(countText); i++) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const read = await app.inject({ method: 'GET', url: `/v1/links/${linkText}`, headers });
    statuses.push(read.statusCode);
    if (read.statusCode !== 200) continue;
    const response = await app.inject({
      method: 'PATCH',
      url: `/v1/links/${linkText}`,
      headers: { ...headers, 'if-match': String(read.headers.etag) },
      payload: { notes: `${label} ${i}` },
    });
    statuses.push(response.statusCode);
    if (response.statusCode === 200) {
      versions.push((JSON.parse(response.body) as { version: number }).version);
      break;
    }
    if (response.statusCode !== 409 && response.statusCode !== 503) break;
  }
}
await app.close();
await database.close();
process.stdout.write(`${JSON.stringify({ statuses, versions })}\n`);
