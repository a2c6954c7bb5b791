import type AjvCompiler from '@fastify/ajv-compiler';
import type SerializerSelector from '@fastify/fast-json-stringify-compiler';
import { createRequire } from 'node:module';

type BuildValidator = ReturnType<typeof AjvCompiler>;
type Validator = ReturnType<ReturnType<BuildValidator>>;
type BuildSerializer = ReturnType<typeof SerializerSelector>;
type Serializer = ReturnType<ReturnType<BuildSerializer>>;

/** Fastify's own serializer factory, loaded when first needed (with fast-json-stringify and its Ajv). */
function defaultSerializers(): BuildSerializer {
  const selector = createRequire(import.meta.url)(
    '@fastify/fast-json-stringify-compiler',
  ) as typeof SerializerSelector;
  return selector();
}

/**
 * The compiling of the routes' schemas (Ajv validators, fast-json-stringify serializers), deferred: a server
 * that compiled all of them before listening spent about 0.7 s of each start on it (Ajv's shared schemas and
 * every route's validators, and every response's serializer). Each is compiled on its first use, or when the
 * listening server calls `compileAll`, one a turn of the event loop so that requests go between them.
 */
export class DeferredCompiles {
  private readonly pending = new Set<() => unknown>();

  /** A function built on first use (or by compileAll): `build` runs once. */
  private defer<F>(build: () => F): () => F {
    let built: F | undefined;
    const get = (): F => {
      if (built === undefined) {
        built = build();
        this.pending.delete(get);
      }
      return built;
    };
    this.pending.add(get);
    return get;
  }

  /**
   * Ajv's validator factory, made lazy: the compiler for the shared schemas (a new Ajv instance that checks and
   * adds each of them) and each route's validator are made on first use. The validator Fastify holds reads its
   * `errors` and `schemaEnv` from the compiled one, as Fastify reads them from Ajv's.
   */
  validators(build: BuildValidator): BuildValidator {
    return (externalSchemas, options) => {
      const compiler = this.defer(() => build(externalSchemas, options));
      return (route) => {
        const compiled = this.defer(() => compiler()(route));
        const validator = ((data: unknown, context?: unknown) =>
          (compiled() as (data: unknown, context?: unknown) => unknown)(data, context)) as Validator;
        for (const property of ['errors', 'schemaEnv'])
          Object.defineProperty(validator, property, {
            get: () => (compiled() as unknown as Record<string, unknown>)[property],
          });
        return validator;
      };
    };
  }

  /**
   * fast-json-stringify's serializer factory (by default Fastify's own, loaded on first use), made lazy: each
   * response's serializer is built on first use.
   */
  serializers(build?: BuildSerializer): BuildSerializer {
    return (externalSchemas, options) => {
      const compiler = this.defer(() => (build ?? defaultSerializers())(externalSchemas, options));
      return (route) => {
        const compiled = this.defer<Serializer>(() => compiler()(route));
        return (doc: unknown) => compiled()(doc);
      };
    };
  }

  /** How many compilings are still deferred. */
  get size(): number {
    return this.pending.size;
  }

  /** Compiles every deferred schema, one a turn of the event loop; a schema that fails is reported and left. */
  async compileAll(onError: (error: unknown) => void): Promise<void> {
    for (const get of [...this.pending]) {
      await new Promise((resolve) => setImmediate(resolve));
      try {
        get();
      } catch (error) {
        this.pending.delete(get);
        onError(error);
      }
    }
  }
}
