import { TwinningError } from '../../core/errors.js';
import { createToken } from '../../api/auth.js';
import { listTokens, revokeToken } from '../../store/token.repository.js';
import { printJson, withRegistry, type CliIo, type GlobalOptions } from '../context.js';

/** Makes an API token and prints it once (`twinning token create`). */
export async function create(
  io: CliIo,
  globals: GlobalOptions,
  options: { role: string; scope: string[]; name?: string },
): Promise<void> {
  const made = await withRegistry(globals, ({ db }) =>
    createToken(db, { name: options.name, role: options.role, scopes: options.scope }),
  );
  if (globals.json) return printJson(io, made);
  io.out(made.token);
  io.err(
    `Token ${made.id} "${made.name}" (${made.role}${made.scopes.length ? `: ${made.scopes.join(', ')}` : ''}). Store it now: only its hash is kept.`,
  );
}

/** Prints every token with its role, scopes and state (`twinning token list`). */
export async function list(io: CliIo, globals: GlobalOptions): Promise<void> {
  const tokens = await withRegistry(globals, ({ db }) => listTokens(db));
  if (globals.json) return printJson(io, tokens);
  if (tokens.length === 0) io.out('No tokens.');
  for (const t of tokens) {
    const scopes = t.scopes.length ? ` [${t.scopes.join(', ')}]` : '';
    io.out(`${t.id}  ${t.role}${scopes}  "${t.name}"  ${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}`);
  }
}

/** Revokes a token by id (`twinning token revoke`). */
export async function revoke(io: CliIo, globals: GlobalOptions, id: string): Promise<void> {
  if (!/^\d+$/.test(id))
    throw new TwinningError('InvalidInput', `"${id}" is not a token id`, { field: 'id' });
  const revoked = await withRegistry(globals, ({ db }) => revokeToken(db, Number(id)));
  if (!revoked) throw new TwinningError('NotFound', `no active token has id ${id}`);
  if (globals.json) return printJson(io, { id: Number(id), revoked: true });
  io.out(`Token ${id} revoked.`);
}
