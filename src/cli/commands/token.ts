import type { Command } from 'commander';
import type { CliIo, GlobalOptions } from '../context.js';

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
      const { create } = await import('../actions/token.js');
      await create(io, command.optsWithGlobals<GlobalOptions>(), options);
    });
  token
    .command('list')
    .description('every token: id, name, role, scopes, and whether it is revoked')
    .action(async (_options: object, command: Command) => {
      const { list } = await import('../actions/token.js');
      await list(io, command.optsWithGlobals<GlobalOptions>());
    });
  token
    .command('revoke')
    .description('revoke a token by id')
    .argument('<id>', 'the token id (from `twinning token list`)')
    .action(async (id: string, _options: object, command: Command) => {
      const { revoke } = await import('../actions/token.js');
      await revoke(io, command.optsWithGlobals<GlobalOptions>(), id);
    });
}
