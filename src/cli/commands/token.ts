import type { Command } from 'commander';
import { TwinningError } from '../../core/errors.js';
import { createToken } from '../../api/auth.js';
import { listTokens, revokeToken } from '../../store/token.repository.js';
import { printJson, withRegistry, type CliIo, type GlobalOptions } from '../context.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `twinning token create|list|revoke`: API tokens, stored hashed; a new token is printed once. */
export function registerToken(program: Command, io: CliIo): void {
  const token = program.command('token').description('API tokens for `twinning serve` (stored hashed)');
  token
    .command('create')
    .description('make a token; it is printed once and cannot be shown again')
    .requiredOption('--role <role>', 'admin, editor or reader')
    .option('--scope <scope>', 'for an editor: country:DE or locality:coventry, repeatable', collect, [])
    .option('--name <name>', 'who holds it, for the audit log (default: the role and scopes)')
    .action(async (options: { role: string; scope: string[]; name?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const made = await withRegistry(globals, ({ db }) =>
        createToken(db, { name: options.name, role: options.role, scopes: options.scope }),
      );
      if (globals.json) return printJson(io, made);
      io.out(made.token);
      io.err(
        `Token ${made.id} "${made.name}" (${made.role}${made.scopes.length ? `: ${made.scopes.join(', ')}` : ''}). Store it now: only its hash is kept.`,
      );
    });
  token
    .command('list')
    .description('every token: id, name, role, scopes, and whether it is revoked')
    .action(async (_options: object, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const tokens = await withRegistry(globals, ({ db }) => listTokens(db));
      if (globals.json) return printJson(io, tokens);
      if (tokens.length === 0) io.out('No tokens.');
      for (const t of tokens) {
        const scopes = t.scopes.length ? ` [${t.scopes.join(', ')}]` : '';
        io.out(
          `${t.id}  ${t.role}${scopes}  "${t.name}"  ${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}`,
        );
      }
    });
  token
    .command('revoke')
    .description('revoke a token by id')
    .argument('<id>', 'the token id (from `twinning token list`)')
    .action(async (id: string, _options: object, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      if (!/^\d+$/.test(id))
        throw new TwinningError('InvalidInput', `"${id}" is not a token id`, { field: 'id' });
      const revoked = await withRegistry(globals, ({ db }) => revokeToken(db, Number(id)));
      if (!revoked) throw new TwinningError('NotFound', `no active token has id ${id}`);
      if (globals.json) return printJson(io, { id: Number(id), revoked: true });
      io.out(`Token ${id} revoked.`);
    });
}
