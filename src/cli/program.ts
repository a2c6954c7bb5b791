import { Command, CommanderError } from 'commander';
import { TwinningError, isInputError } from '../core/errors.js';
import type { CliIo } from './context.js';
import { registerInit } from './commands/init.js';
import { registerLink } from './commands/link.js';
import { registerLocality } from './commands/locality.js';
import { registerSearch } from './commands/search.js';
import { registerTerms } from './commands/terms.js';
import { registerGazetteer } from './commands/gazetteer.js';
import { registerImport } from './commands/import.js';
import { registerExport } from './commands/export.js';
import { registerReport } from './commands/report.js';
import { registerLocalityFixes } from './commands/locality-fixes.js';
import { registerServe } from './commands/serve.js';
import { registerToken } from './commands/token.js';
import { registerStats } from './commands/stats.js';
import { registerRules } from './commands/rules.js';
import { registerWorld } from './commands/world.js';
import { registerSuggest } from './commands/suggest.js';

/** Exit codes: 0 done, 1 not found, 2 bad input, 3 an internal failure. */
export const EXIT = { ok: 0, notFound: 1, badInput: 2, internal: 3 } as const;

/** Builds the `twinning` command tree, writing to `io`. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('twinning')
    .description('Twinning: the open registry of twin towns, sister cities and every link between places')
    .option(
      '--db <url>',
      'database: a SQLite file path, or postgres://… (default: $TWINNING_DATABASE_URL or twinning.sqlite)',
    )
    .option('--json', 'print JSON instead of text')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError(false);
  for (const register of [
    registerInit,
    registerLocality,
    registerLink,
    registerSearch,
    registerTerms,
    registerGazetteer,
    registerImport,
    registerExport,
    registerReport,
    registerLocalityFixes,
    registerServe,
    registerToken,
    registerStats,
    registerRules,
    registerSuggest,
    registerWorld,
  ]) {
    register(program, io);
  }
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Maps an error to its exit code, printing one line that names the problem (a JSON object with --json). */
export function reportError(error: unknown, io: CliIo, json = false): number {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.exitCode === 0
    )
      return EXIT.ok;
    return EXIT.badInput; // commander already printed its message
  }
  if (error instanceof TwinningError) {
    io.err(
      json
        ? JSON.stringify({ error: { code: error.code, message: error.message, ...error.location } })
        : `error: ${error.describe()}`,
    );
    return isInputError(error) ? EXIT.badInput : EXIT.notFound;
  }
  io.err(`internal error: ${error instanceof Error ? error.message : String(error)}`);
  return EXIT.internal;
}

/** Runs the CLI on arguments (without `node` and the script) and returns the exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync([...args], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return reportError(error, io, args.includes('--json'));
  }
}
