import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePartialDate } from '../../src/core/partial-date.js';
import { LocalityDetail, localityDetailFromCopy } from '../../src/registry/locality/detail.js';
import { LocalityView } from '../../src/registry/locality/view.js';
import { openRegistry } from '../../src/registry/open-registry.js';
import type { Database } from '../../src/store/database.js';
import { LocalityMemoryModel } from '../../src/store/locality-memory-model.js';
import { createTestDatabase } from '../support/databases.js';

const TODAY = parsePartialDate('2026-11-28');

// GET /v1/localities/:key writes its body with JSON.stringify rather than the serializer Fastify compiles from
// the response schema (the faster of the two for this body): both must write the same text, so that the body
// holds exactly what the schema (and the OpenAPI document) says, no field more, none in another form.
describe('the locality detail as JSON.stringify writes it is what its response schema writes', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const created = await createTestDatabase('sqlite');
    drop = created.drop;
    database = (await openRegistry(created.url)).database;
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  it('for every locality, today and at other dates', async () => {
    const copy = await LocalityMemoryModel.load(database.db);
    const details: LocalityDetail[] = [];
    const keys = await database.db.selectFrom('localities').select('key').orderBy('id').execute();
    for (const { key } of keys) {
      for (const asOf of [undefined, parsePartialDate('1950'), parsePartialDate('1991-12-26')]) {
        details.push(localityDetailFromCopy(copy, key, asOf, TODAY));
      }
    }
    const app = Fastify({ logger: false });
    app.addSchema(LocalityView);
    app.get<{ Params: { i: string } }>(
      '/:i',
      { schema: { response: { 200: LocalityDetail } } },
      async (request) => details[Number(request.params.i)],
    );
    let withPartners = 0;
    for (const [i, detail] of details.entries()) {
      const schemaWritten = (await app.inject({ url: `/${i}` })).body;
      expect(JSON.stringify(detail)).toBe(schemaWritten);
      if (detail.partners.length > 0) withPartners++;
    }
    expect(withPartners).toBeGreaterThan(10);
    await app.close();
  });
});
