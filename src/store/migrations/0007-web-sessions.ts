import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../dialect-name.js';
import { withId } from './column-helpers.js';

/**
 * The web app's sessions, kept in the database so that a restart signs no one out and several server
 * processes share them. A row holds the SHA-256 of the session id (the cookie's value never is stored), the
 * API token the editor signed in with (a revoked token ends its sessions; a deleted one removes them), and
 * when the session ends.
 */
export function webSessionsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withId(db.schema.createTable('web_sessions'), dialect)
        .addColumn('id_hash', 'text', (c) => c.notNull().unique())
        .addColumn('token_id', 'integer', (c) => c.notNull().references('api_tokens.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('web_sessions_expires_at')
        .on('web_sessions')
        .column('expires_at')
        .execute();
      await db.schema.createIndex('web_sessions_token_id').on('web_sessions').column('token_id').execute();
    },
  };
}
