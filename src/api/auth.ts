import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { TwinningError } from '../core/errors.js';
import { localityIdsByKey } from '../store/locality.repository.js';
import type { DB } from '../store/schema.js';
import { activeTokenByHash, insertToken, type TokenRecord } from '../store/token.repository.js';
import {
  formatScope,
  parseScope,
  validateGrant,
  type Principal,
  type Role,
  type Scope,
} from './permissions.js';

/** Every token starts so, which makes a leaked one easy to find in logs and code. */
export const TOKEN_PREFIX = 'twn_';

/** The SHA-256 of a token, hex: all the registry ever stores. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random token (256 bits) and its hash. */
export function mintToken(): { token: string; hash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

/**
 * Makes an API token for a role and scopes (`country:DE`, `locality:coventry`), named for the audit log
 * (by its role and scopes when no name is given); returns the token, shown once. Scoped localities must exist.
 */
export async function createToken(
  db: Kysely<DB>,
  grant: { name?: string; role: string; scopes: readonly string[] },
): Promise<{ id: number; token: string; name: string; role: Role; scopes: string[] }> {
  if (grant.name?.trim() === '')
    throw new TwinningError('InvalidInput', 'a token needs a name', { field: 'name' });
  const scopes = grant.scopes.map((s) => parseScope(s));
  const role = validateGrant(grant.role, scopes);
  const keys = scopes.flatMap((s) => (s.type === 'locality' ? [s.key] : []));
  const known = await localityIdsByKey(db, keys);
  const unknown = keys.find((k) => !known.has(k));
  if (unknown !== undefined) {
    throw new TwinningError('LocalityNotFound', `no locality has the key "${unknown}"`, { field: 'scope' });
  }
  const { token, hash } = mintToken();
  const formatted = scopes.map(formatScope);
  const name = grant.name?.trim() ?? [role, ...formatted].join(' ');
  const id = await insertToken(db, { name, hash, role, scopes: formatted });
  return { id, token, name, role, scopes: formatted };
}

/** Who a stored token speaks for: its id, name, role and parsed scopes. */
export function principalOf(record: TokenRecord): Principal {
  return {
    tokenId: record.id,
    name: record.name,
    role: record.role as Role,
    scopes: record.scopes.map((s): Scope => parseScope(s)),
  };
}

/** Reads bearer tokens into principals, remembering each lookup for a configured time. */
export class TokenResolver {
  readonly #cache = new Map<string, { principal: Principal | undefined; until: number }>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly cacheMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The principal an Authorization header names; undefined when there is none. Unauthorized for a header
   * that is not `Bearer <token>`, and for an unknown or revoked token.
   */
  async resolve(header: string | undefined): Promise<Principal | undefined> {
    if (header === undefined) return undefined;
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (!match) {
      throw new TwinningError('Unauthorized', 'send the token as "Authorization: Bearer <token>"', {
        field: 'headers.authorization',
      });
    }
    const hash = hashToken(match[1]!);
    const cached = this.#cache.get(hash);
    const principal = cached && cached.until > this.now() ? cached.principal : await this.#lookUp(hash);
    if (!principal) {
      throw new TwinningError('Unauthorized', 'the token is unknown or revoked', {
        field: 'headers.authorization',
      });
    }
    return principal;
  }

  async #lookUp(hash: string): Promise<Principal | undefined> {
    const record = await activeTokenByHash(this.db, hash);
    const principal: Principal | undefined = record && principalOf(record);
    if (this.cacheMs > 0) {
      if (this.#cache.size > 10_000) this.#cache.clear();
      this.#cache.set(hash, { principal, until: this.now() + this.cacheMs });
    }
    return principal;
  }
}
