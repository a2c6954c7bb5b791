import { placeLabel } from '../../core/region.js';
import { searchLocalities } from '../../registry/locality/find.js';
import { printJson, withRegistry, type CliIo, type GlobalOptions } from '../context.js';

/** Prints the localities a name matches (`twinning search <text>`). */
export async function search(io: CliIo, globals: GlobalOptions, text: string, limit: string): Promise<void> {
  const results = await withRegistry(globals, ({ db }) => searchLocalities(db, text, Number(limit) || 20), {
    search: true,
  });
  if (globals.json) return printJson(io, results);
  if (results.length === 0) io.out(`No locality matches "${text}".`);
  for (const r of results) {
    const via = r.matched !== r.name ? ` (matched "${r.matched}")` : '';
    io.out(`${placeLabel(r)} [${r.key}] ${r.kind}${via}`);
  }
}
