import AjvCompiler from '@fastify/ajv-compiler';
import SerializerSelector from '@fastify/fast-json-stringify-compiler';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import { configWith } from '../../src/api/config.js';
import { DeferredCompiles } from '../../src/api/deferred-compiles.js';
import { openRegistry } from '../../src/registry/open-registry.js';
import { createTestDatabase } from '../support/databases.js';

const SCHEMA = {
  type: 'object',
  properties: { limit: { type: 'integer', minimum: 1 }, tags: { type: 'array', items: { type: 'string' } } },
  required: ['limit'],
};

/** A factory that counts how often it compiles (shared schemas set up, routes compiled). */
function countingValidators(): {
  build: ReturnType<typeof AjvCompiler>;
  counts: { setups: number; routes: number };
} {
  const counts = { setups: 0, routes: 0 };
  const ajv = AjvCompiler();
  const build: ReturnType<typeof AjvCompiler> = (external, options) => {
    counts.setups += 1;
    const compile = ajv(external, options);
    return (route) => {
      counts.routes += 1;
      return compile(route);
    };
  };
  return { build, counts };
}

const route = (httpPart: string) => ({ schema: SCHEMA, method: 'GET', url: '/x', httpPart });
const ajvOptions = { customOptions: { coerceTypes: 'array' as const } };

describe('schemas compiled on first use or after listening', () => {
  it('compiles no validator until one is used, then answers as Ajv does with its errors', () => {
    const deferred = new DeferredCompiles();
    const { build, counts } = countingValidators();
    const compiler = deferred.validators(build)({}, ajvOptions);
    const validate = compiler(route('querystring'));
    compiler(route('params'));
    expect(counts).toEqual({ setups: 0, routes: 0 });
    expect(deferred.size).toBe(3);

    expect(validate({ limit: 0 })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: '/limit', keyword: 'minimum' });
    expect(counts).toEqual({ setups: 1, routes: 1 });
    expect(validate({ limit: 3 })).toBe(true);
    expect(validate.errors).toBeNull();
    expect(counts).toEqual({ setups: 1, routes: 1 });
    expect(deferred.size).toBe(1);
  });

  it("coerces a query's root value in place, as Fastify asks of Ajv's validators through schemaEnv", () => {
    const { build } = countingValidators();
    const validate = new DeferredCompiles().validators(build)({}, ajvOptions)(route('querystring'));
    expect(validate.schemaEnv).toBeDefined();
    const request = { query: { limit: '4', tags: 'twin' } };
    const call = validate as unknown as (data: unknown, context: unknown) => boolean;
    expect(call(request.query, { parentData: request, parentDataProperty: 'query' })).toBe(true);
    expect(request.query).toEqual({ limit: 4, tags: ['twin'] });
  });

  it('compiles everything still deferred when asked, one at a time, and reports a schema that fails', async () => {
    const deferred = new DeferredCompiles();
    const { build, counts } = countingValidators();
    const compiler = deferred.validators(build)({}, ajvOptions);
    compiler(route('querystring'));
    compiler(route('body'));
    compiler({ ...route('params'), schema: { type: 'no-such-type' } });
    const serialize = deferred.serializers(SerializerSelector())({}, {})({
      schema: { type: 'object', properties: { name: { type: 'string' } } },
      method: 'GET',
      url: '/x',
      httpStatus: '200',
    });
    const failures: unknown[] = [];
    await deferred.compileAll((error) => failures.push(error));
    expect(counts).toEqual({ setups: 1, routes: 3 });
    expect(failures).toHaveLength(1);
    expect(String(failures[0])).toMatch(/schema is invalid: data\/type/);
    expect(deferred.size).toBe(0);
    expect(serialize({ name: 'Kiel', secret: 1 })).toBe('{"name":"Kiel"}');
  });

  it("compiles every one of the API's route schemas (Fastify's own check before listening, kept as a test)", async () => {
    const created = await createTestDatabase('sqlite');
    const { database } = await openRegistry(created.url);
    try {
      const app = await buildApp(configWith({ logLevel: 'silent', databaseUrl: created.url }), database, {
        compileSchemas: 'eager',
      });
      await expect(app.ready()).resolves.toBeDefined();
      await app.close();
    } finally {
      await database.close();
      await created.drop();
    }
  });
});
