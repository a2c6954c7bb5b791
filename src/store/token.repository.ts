import type { Kysely } from 'kysely';
import { nowIso } from './booleans.js';
import type { DB } from './schema.js';

/** A stored API token: never the token itself, only its SHA-256 hash. */
export interface TokenRecord {
  id: number;
  name: string;
  role: string;
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
}

/** A row of api_tokens as a record (its scopes parsed). */
export function toTokenRecord(r: {
  id: number;
  name: string;
  role: string;
  scopes: string;
  created_at: string;
  revoked_at: string | null;
}): TokenRecord {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    scopes: JSON.parse(r.scopes) as string[],
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}

/** Stores a token's hash with its name, role and scopes; returns its id. */
export async function insertToken(
  db: Kysely<DB>,
  token: { name: string; hash: string; role: string; scopes: readonly string[] },
): Promise<number> {
  const { id } = await db
    .insertInto('api_tokens')
    .values({
      name: token.name,
      token_hash: token.hash,
      role: token.role,
      scopes: JSON.stringify(token.scopes),
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The unrevoked token with this hash, if any. */
export async function activeTokenByHash(db: Kysely<DB>, hash: string): Promise<TokenRecord | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role', 'scopes', 'created_at', 'revoked_at'])
    .where('token_hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? toTokenRecord(row) : undefined;
}

/** Every token, newest last. */
export async function listTokens(db: Kysely<DB>): Promise<TokenRecord[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role', 'scopes', 'created_at', 'revoked_at'])
    .orderBy('id')
    .execute();
  return rows.map(toTokenRecord);
}

/** Revokes a token; false when no unrevoked token has the id. */
export async function revokeToken(db: Kysely<DB>, id: number): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: nowIso() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
