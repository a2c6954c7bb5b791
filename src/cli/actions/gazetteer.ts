import { defaultGazetteerPath, loadGazetteer } from '../../ingest/gazetteer/load-gazetteer.js';
import { createProgress, SILENT } from '../../ingest/progress.js';
import { printJson, withRegistry, type CliIo, type GlobalOptions } from '../context.js';

/** Loads a GeoNames dump, by default cities500 with the supplement (`twinning gazetteer load`). */
export async function loadGazetteerFile(
  io: CliIo,
  globals: GlobalOptions,
  file: string | undefined,
  options: { supplement?: boolean },
): Promise<void> {
  const path = file ?? defaultGazetteerPath();
  const supplement = options.supplement ?? file === undefined;
  const progress = globals.json
    ? SILENT
    : createProgress('gazetteer', process.stderr, file ? undefined : 230_000);
  const summary = await withRegistry(globals, (database) =>
    loadGazetteer(database, path, progress, supplement),
  );
  if (globals.json) return printJson(io, summary);
  io.out(
    `Loaded ${summary.places.toLocaleString('en')} places under ${summary.names.toLocaleString('en')} name keys from ${summary.file}${summary.supplement ? ' and the supplement' : ''} in ${summary.seconds} s.`,
  );
}
