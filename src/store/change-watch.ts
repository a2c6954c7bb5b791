import type pg from 'pg';
import { sql } from 'kysely';
import type { Database } from './database.js';
import { REGISTRY_CHANNEL } from './migrations/0003-api-access.js';
import { CHANGE_COUNT_TABLE, CHANGE_COUNTED_TABLES } from './migrations/0009-registry-change-count.js';

/** How stale a SQLite read cache may be about another process's commit, in milliseconds. */
export const SQLITE_CHECK_MS = 10;

/**
 * What a commit changed: `registry`, the tables the API shows (or it cannot be told); `other`, other tables only
 * (a study's cached result, a session, a token's use), which a copy of the registry need not be dropped for.
 */
export type ChangeScope = 'registry' | 'other';

/** Tells a cache when the registry may have changed, including changes made by other processes. */
export interface ChangeWatch {
  /**
   * Call before serving from a cache; it reports changes it can only learn by asking (SQLite: another
   * connection's commits and this connection's own changes), at most every SQLITE_CHECK_MS unless `force`.
   * Undefined when there was nothing to ask (most calls under load: the caller need not wait a turn), else a
   * promise that settles once the answer is in.
   */
  check(force?: boolean): Promise<void> | undefined;
  /** False while changes could go unnoticed (a lost PostgreSQL listener): do not serve from a cache then. */
  readonly reliable: boolean;
  close(): Promise<void>;
}

/**
 * Watches a registry (opened from `url`) for committed changes by anyone. SQLite: `PRAGMA data_version`,
 * which changes when another connection commits, asked at most every SQLITE_CHECK_MS (this process's own
 * writes must be reported by the caller); when it moves, the registry's tables are told from the others by the
 * 0009 change count and their row counts. PostgreSQL: a LISTEN connection on the channel the 0003 triggers
 * notify, on commit, for every statement that changes a watched table (always `registry`); if it drops, the
 * watch is unreliable until it has reconnected.
 */
export async function watchChanges(
  database: Database,
  url: string,
  onChange: (scope: ChangeScope) => void,
): Promise<ChangeWatch> {
  if (database.dialect === 'sqlite') {
    let version: string | undefined;
    let registry: string | undefined;
    let checkedAt = -Infinity;
    const ask = async (): Promise<void> => {
      // data_version moves when another connection commits; total_changes() counts this connection's own
      // changes (a write that did not come through the API's write routes, such as a test's or a CLI fix's).
      const { rows } = await sql<{ data_version: number; changes: number }>`
        select data_version, total_changes() as changes from pragma_data_version`.execute(database.db);
      const now = `${rows[0]?.data_version}:${rows[0]?.changes}`;
      if (now === version) return;
      const registryNow = await registryStamp(database);
      if (version !== undefined) onChange(registryNow === registry ? 'other' : 'registry');
      version = now;
      registry = registryNow;
    };
    const watch: ChangeWatch = {
      reliable: true,
      check(force = false) {
        // At most once per SQLITE_CHECK_MS: under load, asking on every request costs a tenth of the CPU.
        const at = performance.now();
        if (!force && at - checkedAt < SQLITE_CHECK_MS) return undefined;
        checkedAt = at;
        return ask();
      },
      close: async () => undefined,
    };
    await watch.check(); // the data as it is now: a change after this is reported
    return watch;
  }
  return PostgresWatch.start(url, onChange);
}

/** SQLite: the 0009 change count (updates, deletes) and the rows of each table it counts (inserts), as one text. */
async function registryStamp(database: Database): Promise<string> {
  const parts = [
    sql`(select changes from ${sql.table(CHANGE_COUNT_TABLE)} where id = 1)`,
    ...CHANGE_COUNTED_TABLES.map((t) => sql`(select count(*) from ${sql.table(t)})`),
  ];
  const { rows } = await sql<{ stamp: string }>`select ${sql.join(parts, sql` || ':' || `)} as stamp`.execute(
    database.db,
  );
  return String(rows[0]?.stamp);
}

class PostgresWatch implements ChangeWatch {
  reliable = false;
  #client: pg.Client | undefined;
  #closed = false;

  private constructor(
    private readonly url: string,
    private readonly onChange: (scope: ChangeScope) => void,
  ) {}

  static async start(url: string, onChange: (scope: ChangeScope) => void): Promise<PostgresWatch> {
    const watch = new PostgresWatch(url, onChange);
    await watch.#connect();
    return watch;
  }

  async #connect(): Promise<void> {
    // Loaded here, not with the module: a server on SQLite never needs the PostgreSQL client (about 0.1 s of a start).
    const { default: postgres } = await import('pg');
    const client = new postgres.Client({ connectionString: this.url });
    client.on('notification', () => this.onChange('registry'));
    client.on('error', () => this.#lost(client));
    client.on('end', () => this.#lost(client));
    await client.connect();
    await client.query(`listen ${REGISTRY_CHANNEL}`);
    this.#client = client;
    this.reliable = true;
    this.onChange('registry'); // whatever changed while nobody listened
  }

  #lost(client: pg.Client): void {
    if (this.#client !== client || this.#closed) return;
    this.reliable = false;
    this.#client = undefined;
    this.onChange('registry');
    const retry = (): void => {
      if (this.#closed) return;
      this.#connect().catch(() => setTimeout(retry, 1000).unref());
    };
    setTimeout(retry, 100).unref();
  }

  /** Nothing to ask: a commit is notified. */
  check(): undefined {
    return undefined;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#client?.end().catch(() => undefined);
  }
}
