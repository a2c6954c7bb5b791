import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeavyWorkPool, type StreamedExport } from '../../src/api/heavy/pool.js';
import type { ExportJob } from '../../src/api/heavy/jobs.js';
import { openRegistry } from '../../src/registry/open-registry.js';
import type { Database } from '../../src/store/database.js';
import { createTestDatabase, DIALECTS } from '../support/databases.js';
import { addGeneratedNetwork } from '../support/large-network.js';

const LINKS = 3000;
const job = (format: ExportJob['format'], pageSize: number): ExportJob => ({
  type: 'export',
  format,
  query: { filter: {}, afterId: 0, limit: pageSize },
  today: { year: 2026, month: 11, day: 28 },
  bounds: { pageSize, maxRows: 100_000 },
});

async function readAll({ body }: StreamedExport): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of body) chunks.push(String(chunk));
  return chunks;
}

const waitFor = async (condition: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 600 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(condition(), what).toBe(true);
};

for (const dialect of DIALECTS) {
  describe(`exports stream from a worker thread, a page at a time [${dialect}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let pool: HeavyWorkPool;
    let links: number;
    beforeAll(async () => {
      const created = await createTestDatabase(dialect);
      drop = created.drop;
      database = (await openRegistry(created.url)).database;
      await addGeneratedNetwork(database.db, { nodes: 1500, links: LINKS });
      links = Number(
        (
          await database.db
            .selectFrom('links')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      pool = new HeavyWorkPool(created.url, { threads: 1, queueLimit: 4, budgetMs: 60_000, heapMb: 256 });
    }, 120_000);
    afterAll(async () => {
      await pool?.close();
      await database?.close();
      await drop?.();
    });

    it('sends the whole document as chunks of a page each', async () => {
      const streamed = await pool.stream(job('geojson', 200));
      expect(streamed.truncated).toBe(false);
      const chunks = await readAll(streamed);
      // The opening, a chunk per page of 200, the closing.
      expect(chunks.length).toBe(Math.ceil(links / 200) + 2);
      const collection = JSON.parse(chunks.join('')) as { features: { id: number }[] };
      expect(collection.features).toHaveLength(links);
      const ids = collection.features.map((f) => f.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      const graphml = (await readAll(await pool.stream(job('graphml', 500)))).join('');
      expect(graphml.match(/<edge /g)).toHaveLength(links);
      expect(graphml.trimEnd().endsWith('</graphml>')).toBe(true);
    }, 120_000);

    it('reads the next page only when the client took the last, and stops when the client goes away', async () => {
      const streamed = await pool.stream(job('csv', 50));
      const first = await new Promise<string>((resolve) =>
        streamed.body.once('readable', () => resolve(String(streamed.body.read()))),
      );
      expect(first).toMatch(/^id,a_key,/);
      // A client that reads nothing more: the worker sends at most the chunk asked for, then waits.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const buffered = streamed.body.readableLength;
      expect(buffered).toBeLessThan(2 * 50 * 400);
      expect(pool.load.running).toBe(1);
      streamed.body.destroy();
      await waitFor(() => pool.load.running === 0, 'the abandoned export ended on its thread');
      // The same thread serves the next job.
      const next = await readAll(await pool.stream(job('csv', 1000)));
      expect(next.join('').trimEnd().split('\r\n')).toHaveLength(links + 1);
    }, 120_000);

    it('says before the first chunk that the export limit cuts it short', async () => {
      const cut = await pool.stream({ ...job('csv', 100), bounds: { pageSize: 100, maxRows: 250 } });
      expect(cut.truncated).toBe(true);
      expect((await readAll(cut)).join('').trimEnd().split('\r\n')).toHaveLength(251);
      const whole = await pool.stream({ ...job('csv', 100), bounds: { pageSize: 100, maxRows: links } });
      expect(whole.truncated).toBe(false);
      await readAll(whole);
      const byStatus = { ...job('csv', 100), bounds: { pageSize: 100, maxRows: 250 } };
      byStatus.query = { ...byStatus.query, statuses: ['active', 'unknown', 'ended', 'paused', 'suspended'] };
      const filtered = await pool.stream(byStatus);
      const rows = (await readAll(filtered)).join('').trimEnd().split('\r\n').length - 1;
      expect(filtered.truncated).toBe(rows === 250);
    }, 120_000);
  });
}
