import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { TwinningError } from '../core/errors.js';
import { DEFAULT_DATABASE_URL } from '../store/database.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Everything `twinning serve` can be told, validated once at start. */
export const ApiConfigSchema = Type.Object(
  {
    host: Type.String({ minLength: 1 }),
    port: Type.Integer({ minimum: 0, maximum: 65535 }),
    databaseUrl: Type.String({ minLength: 1 }),
    /** Origins allowed by CORS (`https://example.org`); none means no CORS headers. */
    corsOrigins: Type.Array(Type.String({ pattern: '^https?://[^/\\s]+$' })),
    bodyLimitBytes: Type.Integer({ minimum: 1024, maximum: 100 * 1024 * 1024 }),
    rateLimit: Type.Object({
      max: Type.Integer({ minimum: 1 }),
      windowMs: Type.Integer({ minimum: 1000 }),
    }),
    auth: Type.Object({
      /** Reads need no token when true; a token of any role otherwise. */
      publicRead: Type.Boolean(),
      /** How long an instance may trust a token lookup; a revocation takes up to this long to apply. */
      tokenCacheSeconds: Type.Integer({ minimum: 0, maximum: 3600 }),
    }),
    trustProxy: Type.Boolean(),
    logLevel: Type.Union(LOG_LEVELS.map((l) => Type.Literal(l))),
    maxPageSize: Type.Integer({ minimum: 1, maximum: 10_000 }),
    maxExportRows: Type.Integer({ minimum: 1, maximum: 10_000_000 }),
    /** Reads kept in memory until the registry changes (0: none). */
    readCacheEntries: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    /** Bytes of response bodies the read cache may hold in all. */
    readCacheBytes: Type.Integer({ minimum: 0, maximum: 4 * 1024 * 1024 * 1024 }),
    /** Studies and exports run on worker threads: how many, how many may wait, for how long, in how much heap. */
    heavyWork: Type.Object({
      threads: Type.Integer({ minimum: 1, maximum: 64 }),
      queueLimit: Type.Integer({ minimum: 0, maximum: 10_000 }),
      budgetMs: Type.Integer({ minimum: 100, maximum: 3_600_000 }),
      heapMb: Type.Integer({ minimum: 32, maximum: 65_536 }),
    }),
    /** How many requests to a heavy route (a study, an export) count for one client against the rate limit. */
    heavyRequestCost: Type.Integer({ minimum: 1, maximum: 10_000 }),
  },
  { additionalProperties: false },
);
export type ApiConfig = Static<typeof ApiConfigSchema>;

/** The settings `serve` takes as flags (strings, as commander gives them). */
export interface ServeFlags {
  host?: string;
  port?: string;
  db?: string;
  corsOrigin?: string[];
  bodyLimit?: string;
  rateLimitMax?: string;
  rateLimitWindowMs?: string;
  publicRead?: string;
  tokenCacheSeconds?: string;
  trustProxy?: string;
  logLevel?: string;
  maxPageSize?: string;
  maxExportRows?: string;
  readCacheEntries?: string;
  readCacheBytes?: string;
  heavyThreads?: string;
  heavyQueue?: string;
  heavyBudgetMs?: string;
  heavyHeapMb?: string;
  heavyRequestCost?: string;
}

type Kind = 'string' | 'int' | 'bool' | 'list';
interface Setting {
  path: readonly string[];
  env: string;
  flag: keyof ServeFlags;
  kind: Kind;
  fallback: unknown;
}

/** Each setting: where it lives in the config, its environment variable and flag, and its default. */
const SETTINGS: readonly Setting[] = [
  { path: ['host'], env: 'TWINNING_HOST', flag: 'host', kind: 'string', fallback: '127.0.0.1' },
  { path: ['port'], env: 'TWINNING_PORT', flag: 'port', kind: 'int', fallback: 8080 },
  {
    path: ['databaseUrl'],
    env: 'TWINNING_DATABASE_URL',
    flag: 'db',
    kind: 'string',
    fallback: DEFAULT_DATABASE_URL,
  },
  { path: ['corsOrigins'], env: 'TWINNING_CORS_ORIGINS', flag: 'corsOrigin', kind: 'list', fallback: [] },
  {
    path: ['bodyLimitBytes'],
    env: 'TWINNING_BODY_LIMIT',
    flag: 'bodyLimit',
    kind: 'int',
    fallback: 1_048_576,
  },
  {
    path: ['rateLimit', 'max'],
    env: 'TWINNING_RATE_LIMIT_MAX',
    flag: 'rateLimitMax',
    kind: 'int',
    fallback: 600,
  },
  {
    path: ['rateLimit', 'windowMs'],
    env: 'TWINNING_RATE_LIMIT_WINDOW_MS',
    flag: 'rateLimitWindowMs',
    kind: 'int',
    fallback: 60_000,
  },
  {
    path: ['auth', 'publicRead'],
    env: 'TWINNING_PUBLIC_READ',
    flag: 'publicRead',
    kind: 'bool',
    fallback: true,
  },
  {
    path: ['auth', 'tokenCacheSeconds'],
    env: 'TWINNING_TOKEN_CACHE_SECONDS',
    flag: 'tokenCacheSeconds',
    kind: 'int',
    fallback: 0,
  },
  { path: ['trustProxy'], env: 'TWINNING_TRUST_PROXY', flag: 'trustProxy', kind: 'bool', fallback: false },
  { path: ['logLevel'], env: 'TWINNING_LOG_LEVEL', flag: 'logLevel', kind: 'string', fallback: 'info' },
  { path: ['maxPageSize'], env: 'TWINNING_MAX_PAGE_SIZE', flag: 'maxPageSize', kind: 'int', fallback: 500 },
  {
    path: ['maxExportRows'],
    env: 'TWINNING_MAX_EXPORT_ROWS',
    flag: 'maxExportRows',
    kind: 'int',
    fallback: 100_000,
  },
  {
    path: ['readCacheEntries'],
    env: 'TWINNING_READ_CACHE_ENTRIES',
    flag: 'readCacheEntries',
    kind: 'int',
    fallback: 10_000,
  },
  {
    path: ['readCacheBytes'],
    env: 'TWINNING_READ_CACHE_BYTES',
    flag: 'readCacheBytes',
    kind: 'int',
    fallback: 64 * 1024 * 1024,
  },
  {
    path: ['heavyWork', 'threads'],
    env: 'TWINNING_HEAVY_THREADS',
    flag: 'heavyThreads',
    kind: 'int',
    fallback: 2,
  },
  {
    path: ['heavyWork', 'queueLimit'],
    env: 'TWINNING_HEAVY_QUEUE',
    flag: 'heavyQueue',
    kind: 'int',
    fallback: 16,
  },
  {
    path: ['heavyWork', 'budgetMs'],
    env: 'TWINNING_HEAVY_BUDGET_MS',
    flag: 'heavyBudgetMs',
    kind: 'int',
    fallback: 60_000,
  },
  {
    path: ['heavyWork', 'heapMb'],
    env: 'TWINNING_HEAVY_HEAP_MB',
    flag: 'heavyHeapMb',
    kind: 'int',
    fallback: 256,
  },
  {
    path: ['heavyRequestCost'],
    env: 'TWINNING_HEAVY_REQUEST_COST',
    flag: 'heavyRequestCost',
    kind: 'int',
    fallback: 10,
  },
];

/** Turns a flag or variable's text into the setting's type; leaves it as text when it does not parse. */
function parse(kind: Kind, text: string | string[]): unknown {
  if (Array.isArray(text)) return kind === 'list' ? text.flatMap((t) => splitList(t)) : text;
  switch (kind) {
    case 'string':
      return text;
    case 'int':
      return /^-?\d+$/.test(text.trim()) ? Number(text) : text;
    case 'bool': {
      const value = text.trim().toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(value)) return true;
      if (['false', '0', 'no', 'off'].includes(value)) return false;
      return text;
    }
    case 'list':
      return splitList(text);
  }
}

const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');

function freeze<T>(value: T): Readonly<T> {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) freeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Builds the configuration from flags, then environment variables, then defaults, and validates it once.
 * A bad value throws InvalidInput naming the flag or variable it came from, the value and the rule.
 */
export function loadConfig(
  flags: ServeFlags = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): Readonly<ApiConfig> {
  const raw: Record<string, unknown> = {};
  const origin = new Map<string, string>();
  for (const setting of SETTINGS) {
    const flag = flags[setting.flag];
    const fromEnv = env[setting.env];
    const [value, from] =
      flag !== undefined
        ? [parse(setting.kind, flag), `--${setting.flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`]
        : fromEnv !== undefined
          ? [parse(setting.kind, fromEnv), setting.env]
          : [setting.fallback, `the default ${setting.path.join('.')}`];
    let target = raw;
    for (const part of setting.path.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[setting.path.at(-1)!] = value;
    origin.set(`/${setting.path.join('/')}`, from);
  }
  return validateConfig(raw, (path) => origin.get(path) ?? path);
}

/** Validates a whole configuration object (for tests and embedding); throws as loadConfig does. */
export function validateConfig(
  raw: unknown,
  describe: (path: string) => string = (path) => path.slice(1).replace(/\//g, '.'),
): Readonly<ApiConfig> {
  const error = Value.Errors(ApiConfigSchema as TSchema, raw).First();
  if (error) {
    const path = error.path.replace(/\/\d+$/, '');
    throw new TwinningError(
      'InvalidInput',
      `invalid configuration: ${error.message.toLowerCase()} (got ${JSON.stringify(error.value)})`,
      { field: describe(path) },
    );
  }
  return freeze(structuredClone(raw as ApiConfig));
}

/** The default configuration with some settings replaced; validated like any other. */
export function configWith(overrides: Partial<ApiConfig>): Readonly<ApiConfig> {
  const base = loadConfig({}, {});
  return validateConfig({ ...structuredClone(base), ...overrides });
}
