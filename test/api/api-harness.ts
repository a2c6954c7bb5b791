import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createToken } from '../../src/api/auth.js';
import { buildApp } from '../../src/api/app.js';
import { configWith, type ApiConfig } from '../../src/api/config.js';
import { openRegistry } from '../../src/registry/open-registry.js';
import type { Database } from '../../src/store/database.js';
import type { DialectName } from '../../src/store/dialect-name.js';
import { createTestDatabase } from '../support/databases.js';

/** The clock every API test runs at, so statuses do not drift with the calendar. */
export const TEST_NOW = new Date('2026-11-28T12:00:00Z');

/** Tokens of every role and scope the tests use. */
export interface TestTokens {
  admin: string;
  reader: string;
  /** Editor for Germany. */
  editorDE: string;
  /** Editor for Coventry only (a city's office). */
  editorCoventry: string;
  /** Editor for Japan, out of scope for everything the tests touch in Europe. */
  editorJP: string;
  revoked: string;
}

/** An app on a fresh seeded database of one dialect. */
export interface TestApi {
  app: FastifyInstance;
  database: Database;
  /** The database URL, for a second connection. */
  url: string;
  tokens: TestTokens;
  close(): Promise<void>;
}

/** Builds the app on a new database of the dialect with the bundled dataset and one token of each kind. */
export async function startTestApi(
  dialect: DialectName,
  overrides: Partial<ApiConfig> = {},
): Promise<TestApi> {
  const created = await createTestDatabase(dialect);
  const { database } = await openRegistry(created.url);
  const make = async (role: string, scopes: string[] = [], name?: string) =>
    (await createToken(database.db, { name, role, scopes })).token;
  const revoked = await createToken(database.db, { name: 'revoked admin', role: 'admin', scopes: [] });
  await database.db
    .updateTable('api_tokens')
    .set({ revoked_at: TEST_NOW.toISOString() })
    .where('id', '=', revoked.id)
    .execute();
  const tokens: TestTokens = {
    admin: await make('admin', [], 'registry admin'),
    reader: await make('reader', [], 'a reader'),
    editorDE: await make('editor', ['country:DE'], 'German editor'),
    editorCoventry: await make('editor', ['locality:coventry'], 'Coventry city office'),
    editorJP: await make('editor', ['country:JP'], 'Japanese editor'),
    revoked: revoked.token,
  };
  const app = await buildApp(
    configWith({ logLevel: 'silent', databaseUrl: created.url, ...overrides }),
    database,
    { now: () => TEST_NOW },
  );
  return {
    app,
    database,
    url: created.url,
    tokens,
    close: async () => {
      await app.close();
      await database.close();
      await created.drop();
    },
  };
}

/** What one request sends. */
export interface Call {
  token?: string;
  body?: unknown;
  ifMatch?: string;
  headers?: Record<string, string>;
}

/** Sends one request through app.inject. */
export function call(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  options: Call = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.ifMatch !== undefined) headers['if-match'] = options.ifMatch;
  return app.inject({
    method,
    url,
    headers,
    ...(options.body !== undefined && { payload: options.body as object }),
  });
}

/** The parsed JSON body of a response. */
export function json<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return JSON.parse(response.body) as T;
}

/** The error code and field of an error response. */
export function errorOf(response: LightMyRequestResponse): { code: string; field?: string; message: string } {
  return json<{ error: { code: string; field?: string; message: string } }>(response).error;
}

/** A new locality body with overrides. */
export function buildLocality(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    key: `test-${Math.random().toString(36).slice(2, 10)}`,
    kind: 'town',
    country: 'DE',
    names: [{ name: 'Teststadt', lang: 'de', primary: true }],
    ...overrides,
  };
}
