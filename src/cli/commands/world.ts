import type { Command } from 'commander';
import type { CliIo, GlobalOptions } from '../context.js';

/** `twinning world build`: rebuilds data/world/registry.jsonl.gz from the bundled dataset and data/sources. */
export function registerWorld(program: Command, io: CliIo): void {
  program
    .command('world')
    .description('the world registry a new database starts from (data/world, built from data/sources)')
    .command('build')
    .description(
      'build the world in a temporary database (gazetteer, then each source of data/sources) and write its snapshot',
    )
    .option('--sources <dir>', 'the folder of source files (default data/sources)')
    .option('--out <file>', 'the snapshot file to write (default data/world/registry.jsonl.gz)')
    .action(async (flags: { sources?: string; out?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const path = await import('node:path');
      const { BUNDLED_DATA_DIR, WORLD_SNAPSHOT_FILE } = await import('../../registry/open-registry.js');
      const { buildWorldSnapshot } = await import('../../ingest/world/build-world.js');
      const { createProgress, SILENT } = await import('../../ingest/progress.js');
      const { printJson } = await import('../context.js');
      const quiet = globals.json === true;
      const summary = await buildWorldSnapshot(
        flags.sources ?? path.join(BUNDLED_DATA_DIR, 'sources'),
        flags.out ?? WORLD_SNAPSHOT_FILE,
        {
          progress: (label, total) => (quiet ? SILENT : createProgress(label, process.stderr, total)),
          log: (line) => (quiet ? undefined : io.err(line)),
        },
      );
      if (globals.json) return printJson(io, summary);
      io.out(
        `Built the world in ${summary.seconds} s (gazetteer ${summary.gazetteerSeconds} s): ${summary.localities} localities, ${summary.links} links; wrote ${summary.file} (${(summary.bytes / 1e6).toFixed(1)} MB).`,
      );
    });
}
