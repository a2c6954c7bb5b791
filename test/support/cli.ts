import { runCli } from '../../src/cli/program.js';

/** What one CLI run printed and returned. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process against a database URL and captures its output. */
export async function cli(dbUrl: string, ...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', dbUrl, ...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Runs the CLI with --json and parses what it printed. */
export async function cliJson<T>(
  dbUrl: string,
  ...args: string[]
): Promise<{ code: number; value: T; err: string }> {
  const run = await cli(dbUrl, '--json', ...args);
  return { code: run.code, value: (run.out ? JSON.parse(run.out) : undefined) as T, err: run.err };
}
