import { TwinningError } from '../../core/errors.js';
import { parsePartialDate } from '../../core/partial-date.js';
import { findLocality } from '../../registry/locality/find.js';
import { localitiesById } from '../../store/locality.repository.js';
import { MODEL_FILE, readModel } from '../../registry/suggest/model-file.js';
import { suggestPartners } from '../../registry/suggest/suggestions.js';
import { trainFromRegistry } from '../../registry/suggest/train.js';
import { printJson, today, withRegistry, type CliIo, type GlobalOptions } from '../context.js';

/** The options of `twinning suggest`. */
export interface SuggestOptions {
  asOf?: string;
  country?: string;
  continent?: string;
  kind?: string;
  limit: string;
  train?: boolean;
  seed: string;
  model?: string;
}

function wholeNumber(text: string, field: string): number {
  if (!/^\d+$/.test(text))
    throw new TwinningError('InvalidInput', `${field} must be a whole number, not "${text}"`, { field });
  return Number(text);
}

/** Prints the suggestions for a locality, or trains the model (`--train`). */
export async function suggest(
  io: CliIo,
  globals: GlobalOptions,
  name: string | undefined,
  options: SuggestOptions,
): Promise<void> {
  if (options.train) {
    const seed = wholeNumber(options.seed, '--seed');
    const result = await withRegistry(globals, ({ db }) =>
      trainFromRegistry(db, today(), seed, options.model ?? MODEL_FILE),
    );
    if (globals.json) return printJson(io, result.model);
    io.out(
      `Trained on ${result.queries} places, ${result.examples} hidden links (seed ${seed}); written to ${result.path}`,
    );
    const model = result.model;
    if (model.kind === 'boosted') {
      const splits = model.features.map(() => 0);
      for (const tree of model.trees) for (const f of tree.feature) if (f >= 0) splits[f]!++;
      const linear = model.linear;
      io.out(
        `  ${model.trees.length} trees${linear ? ' and a linear term' : ''}; splits per feature${linear ? ', linear weight' : ''}:`,
      );
      model.features.forEach((f, j) =>
        io.out(
          `  ${f.padEnd(28)} ${splits[j]}${linear ? `  ${linear.weights[j]!.toFixed(3).padStart(8)}` : ''}`,
        ),
      );
    } else model.features.forEach((f, j) => io.out(`  ${f.padEnd(28)} ${model.weights[j]!.toFixed(3)}`));
    return;
  }
  if (name === undefined)
    throw new TwinningError('InvalidInput', 'name a locality, or give --train to train the model', {
      field: 'locality',
    });
  const asOf = options.asOf === undefined ? undefined : parsePartialDate(options.asOf, '--as-of');
  const limit = wholeNumber(options.limit, '--limit');
  const model = readModel(options.model ?? MODEL_FILE);
  const view = await withRegistry(globals, async ({ db }) => {
    const id = await findLocality(db, name);
    const key = (await localitiesById(db, [id])).get(id)!.key;
    return suggestPartners(
      db,
      key,
      { asOf, country: options.country, continent: options.continent, kind: options.kind, limit },
      today(),
      model,
    );
  });
  if (globals.json) return printJson(io, view);
  const where = view.locality.country ? ` (${view.locality.country})` : '';
  io.out(
    `New partners for ${view.locality.name}${where}${view.asOf ? ` as of ${view.asOf}` : ''} — ${view.model === 'heuristic' ? 'heuristic (no trained model)' : 'trained model'}`,
  );
  if (view.note) io.out(view.note);
  if (view.suggestions.length === 0) io.out('No suggestions.');
  for (const s of view.suggestions) {
    io.out(
      `${String(s.rank).padStart(3)}. ${s.name}${s.country ? ` (${s.country})` : ''}  score ${s.score.toFixed(2)}  [${s.key}]`,
    );
    for (const r of s.reasons) io.out(`       - ${r.text}`);
    for (const r of s.rules) io.out(`       ! ${r.title} (${r.citation}): ${r.verdict.replace(/_/g, ' ')}`);
  }
  if (view.removed.length > 0) {
    io.out(`Left out (${view.removed.length}):`);
    for (const r of view.removed) io.out(`  ${r.name}${r.country ? ` (${r.country})` : ''}: ${r.reason}`);
  }
}
