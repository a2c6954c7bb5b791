import type { Kysely } from 'kysely';
import type { DB } from './schema.js';
import { toTokenRecord, type TokenRecord } from './token.repository.js';

/** Stores a session by the hash of its id, for a token, until an instant (ISO 8601 UTC). */
export async function insertWebSession(
  db: Kysely<DB>,
  session: { idHash: string; tokenId: number; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('web_sessions')
    .values({
      id_hash: session.idHash,
      token_id: session.tokenId,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The session with this id hash that has not ended at `now`, with its token when that is not revoked. */
export async function liveWebSession(
  db: Kysely<DB>,
  idHash: string,
  now: string,
): Promise<{ expiresAt: string; token: TokenRecord } | undefined> {
  const row = await db
    .selectFrom('web_sessions')
    .innerJoin('api_tokens', 'api_tokens.id', 'web_sessions.token_id')
    .select([
      'web_sessions.expires_at',
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.role',
      'api_tokens.scopes',
      'api_tokens.created_at',
      'api_tokens.revoked_at',
    ])
    .where('web_sessions.id_hash', '=', idHash)
    .where('web_sessions.expires_at', '>', now)
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? { expiresAt: row.expires_at, token: toTokenRecord(row) } : undefined;
}

/** Ends the session with this id hash. */
export async function deleteWebSession(db: Kysely<DB>, idHash: string): Promise<void> {
  await db.deleteFrom('web_sessions').where('id_hash', '=', idHash).execute();
}

/** Removes the sessions that have ended by `now`; returns how many. */
export async function deleteEndedWebSessions(db: Kysely<DB>, now: string): Promise<number> {
  const result = await db.deleteFrom('web_sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
