import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../src/ingest/import/run-import.js';
import { createTestDatabase } from '../../support/databases.js';
import { cli, cliJson } from '../../support/cli.js';
import { fixture } from '../fixtures.js';

interface Replay {
  server: Server;
  endpoint: string;
  requests: { offset: number; limit: number; headers: IncomingHttpHeaders }[];
}

/** A SPARQL endpoint on 127.0.0.1 that replays the fixture's bindings page by page, failing the first request once. */
async function replayServer(): Promise<Replay> {
  const doc = JSON.parse(readFileSync(fixture('sparql-p190.json'), 'utf8')) as {
    head: unknown;
    results: { bindings: unknown[] };
  };
  const requests: Replay['requests'] = [];
  const server = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('query') ?? '';
    const limit = Number(/LIMIT (\d+)/.exec(query)?.[1]);
    const offset = Number(/OFFSET (\d+)/.exec(query)?.[1]);
    requests.push({ offset, limit, headers: req.headers });
    if (requests.length === 1) {
      res.writeHead(503, { 'Retry-After': '0' }).end('busy');
      return;
    }
    const page = {
      head: doc.head,
      results: { bindings: doc.results.bindings.slice(offset, offset + limit) },
    };
    res
      .writeHead(200, { 'Content-Type': 'application/sparql-results+json' })
      .end(JSON.stringify(page, null, 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sparql`, requests };
}

describe('twinning import wikidata --live', () => {
  let replay: Replay;
  let url: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    replay = await replayServer();
    ({ url, drop } = await createTestDatabase('sqlite'));
    expect((await cli(url, 'gazetteer', 'load', fixture('gazetteer.txt'))).code).toBe(0);
  });
  afterAll(async () => {
    await new Promise((resolve) => replay.server.close(resolve));
    await drop();
  });

  it('pages through every P190 statement politely, retrying a busy server, and imports them', async () => {
    const run = await cliJson<ImportSummary>(
      url,
      'import',
      'wikidata',
      '--live',
      '--endpoint',
      replay.endpoint,
      '--page-size',
      '2',
      '--pause-ms',
      '0',
    );
    expect(run.code).toBe(0);
    expect(run.value).toMatchObject({ rowsRead: 3, statements: 3, pairs: 2, oneSided: 1, eventsAdded: 3 });
    expect(replay.requests.map((r) => [r.offset, r.limit])).toEqual([
      [0, 2],
      [0, 2],
      [2, 2],
    ]);
    expect(replay.requests[0]!.headers['user-agent']).toMatch(/^twinning\/\d/);
  });

  it('fails without writing anything when the service keeps failing', async () => {
    const dead = `http://127.0.0.1:1/sparql`;
    const run = await cli(
      url,
      'import',
      'wikidata',
      '--live',
      '--endpoint',
      dead,
      '--page-size',
      '2',
      '--pause-ms',
      '0',
      '--retries',
      '1',
    );
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/did not answer/);
  }, 30_000);
});
