import type AjvCompiler from '@fastify/ajv-compiler';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';

/** The range of the integer columns both dialects share (PostgreSQL `integer` is 32-bit). */
export const INT32 = { min: -2_147_483_648, max: 2_147_483_647 } as const;

type Schema = Record<string, unknown>;

const hasType = (type: unknown, name: string): boolean =>
  type === name || (Array.isArray(type) && type.includes(name));

/**
 * A copy of a request schema in which every integer the schema leaves unbounded is bounded to INT32 (ids,
 * versions, seeds, populations: anything past it fails in PostgreSQL's `integer` columns) and no integer
 * bound lies beyond what a double holds exactly; every other number gets finite bounds, so that Infinity
 * (`limit=Infinity`, JSON's `1e309`) is refused. Bounds a schema sets itself are kept.
 */
export function boundIntegers<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((item: unknown) => boundIntegers(item)) as T;
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Schema = {};
  for (const [key, value] of Object.entries(schema as Schema)) {
    copy[key] = key === 'enum' || key === 'const' || key === 'default' ? value : boundIntegers(value);
  }
  const { minimum, maximum } = copy as { minimum?: number; maximum?: number };
  if (hasType(copy.type, 'integer')) {
    copy.minimum = Math.max(minimum ?? INT32.min, Number.MIN_SAFE_INTEGER);
    copy.maximum = Math.min(maximum ?? INT32.max, Number.MAX_SAFE_INTEGER);
  } else if (hasType(copy.type, 'number')) {
    copy.minimum = Math.max(minimum ?? -Number.MAX_VALUE, -Number.MAX_VALUE);
    copy.maximum = Math.min(maximum ?? Number.MAX_VALUE, Number.MAX_VALUE);
  }
  return copy as T;
}

const REQUEST_PARTS = ['params', 'querystring', 'body', 'headers'] as const;

/** Bounds the integers of every route's request schemas as the routes are added (register before them). */
export function boundRequestIntegers(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema as Partial<Record<(typeof REQUEST_PARTS)[number], unknown>> | undefined;
    if (!schema) return;
    for (const part of REQUEST_PARTS)
      if (schema[part] !== undefined) schema[part] = boundIntegers(schema[part]);
  });
}

type BuildValidator = ReturnType<typeof AjvCompiler>;

/**
 * Fastify's validator factory with one change: request bodies are JSON and typed already, so they are not
 * coerced (`"lat": null` would become 0, `"population": "12"` a number); the query string, the path and the
 * headers, which are text, still are. Made once per app: its two compiler pools keep one Ajv instance for each
 * set of shared schemas, as Fastify's own factory does, where a pool made on every call built new instances for
 * every plugin's context (about half a second of a server's start). Ajv is loaded on the factory's first call,
 * which a server that defers its compiling (deferred-compiles.ts) makes after it listens.
 */
export function validatorFactory(): BuildValidator {
  let pools: { coercing: BuildValidator; exact: BuildValidator } | undefined;
  return (externalSchemas, options = {}) => {
    if (pools === undefined) {
      const ajvCompiler = createRequire(import.meta.url)('@fastify/ajv-compiler') as typeof AjvCompiler;
      pools = { coercing: ajvCompiler(), exact: ajvCompiler() };
    }
    const ajv = options as { customOptions?: Record<string, unknown> };
    const coercing = pools.coercing(externalSchemas, options);
    const exact = pools.exact(externalSchemas, {
      ...options,
      customOptions: { ...ajv.customOptions, coerceTypes: false },
    } as typeof options);
    return (route) => (route.httpPart === 'body' ? exact : coercing)(route);
  };
}
