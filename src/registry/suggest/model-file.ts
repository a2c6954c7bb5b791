import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { TwinningError } from '../../core/errors.js';
import { FEATURE_COUNT, FEATURES } from '../../core/suggest/features.js';
import { heuristicModel, type LinearTerm, type SuggestModel } from '../../core/suggest/model.js';
import { BUNDLED_DATA_DIR } from '../open-registry.js';

/** Where `twinning suggest --train` writes the model and the finder reads it. */
export const MODEL_FILE = join(BUNDLED_DATA_DIR, 'suggest', 'model.json');

const Weights = Type.Array(Type.Number(), { minItems: 1, maxItems: FEATURE_COUNT });

const Features = Type.Array(Type.String(), { minItems: 1, maxItems: FEATURE_COUNT });
const Training = Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])));
const Tree = Type.Object({
  feature: Type.Array(Type.Integer({ minimum: -1, maximum: FEATURE_COUNT - 1 }), { minItems: 1 }),
  threshold: Type.Array(Type.Number()),
  left: Type.Array(Type.Integer({ minimum: -1 })),
  right: Type.Array(Type.Integer({ minimum: -1 })),
  value: Type.Array(Type.Number()),
});

/** The model file's shape: a linear model, or boosted trees. */
export const ModelFile = Type.Union([
  Type.Object({
    kind: Type.Literal('logistic'),
    features: Features,
    means: Weights,
    scales: Weights,
    weights: Weights,
    training: Training,
  }),
  Type.Object({
    kind: Type.Literal('boosted'),
    features: Features,
    trees: Type.Array(Tree, { minItems: 1 }),
    linear: Type.Optional(Type.Object({ means: Weights, scales: Weights, weights: Weights })),
    training: Training,
  }),
]);
export type ModelFile = Static<typeof ModelFile>;

/**
 * The trained model at `path`, or the heuristic fallback when there is no file. A file that does not fit
 * (a field missing, features not those of this version, a scale of zero) is an error naming the file and field.
 */
export function readModel(path = MODEL_FILE): SuggestModel {
  if (!existsSync(path)) return heuristicModel();
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new TwinningError('DataFileInvalid', `${path}: not JSON (${(error as Error).message})`, {
      file: path,
      field: 'model',
    });
  }
  const kind = (value as { kind?: unknown } | null)?.kind;
  const shape = ModelFile.anyOf.find((m) => m.properties.kind.const === kind) ?? ModelFile;
  const problem = Value.Errors(shape, value).First();
  if (problem)
    throw new TwinningError('DataFileInvalid', `${path}: ${problem.path || '/'} ${problem.message}`, {
      file: path,
      field: problem.path || 'model',
    });
  const model = value as ModelFile;
  // A model of the first features only (written before later ones were added) scores as it did: its trees never
  // split on the later features, its linear weights are padded with zeros below.
  const mismatch = model.features.findIndex((f, j) => FEATURES[j] !== f);
  if (mismatch >= 0)
    throw new TwinningError(
      'DataFileInvalid',
      `${path}: /features/${mismatch} is "${model.features[mismatch] ?? '(none)'}", this version computes "${FEATURES[mismatch]}"; retrain with \`twinning suggest --train\``,
      { file: path, field: `/features/${mismatch}` },
    );
  if (model.kind === 'boosted') {
    model.trees.forEach((tree, t) => checkTree(tree, t, path, model.features.length));
    if (!model.linear) return model;
    return { ...model, linear: checkedLinear(model.linear, model.features.length, path, '/linear') };
  }
  return { ...model, features: [...FEATURES], ...checkedLinear(model, model.features.length, path, '') };
}

/**
 * A linear model's or term's means, scales and weights: one of each per feature, every scale positive; padded
 * for the features added after the model was written (they weigh nothing, so it scores as it did).
 */
function checkedLinear(term: LinearTerm, features: number, path: string, at: string): LinearTerm {
  const zero = term.scales.findIndex((s) => !(s > 0));
  if (zero >= 0)
    throw new TwinningError('DataFileInvalid', `${path}: ${at}/scales/${zero} must be positive`, {
      file: path,
      field: `${at}/scales/${zero}`,
    });
  for (const field of ['means', 'scales', 'weights'] as const)
    if (term[field].length !== features)
      throw new TwinningError(
        'DataFileInvalid',
        `${path}: ${at}/${field} has ${term[field].length} entries for ${features} features`,
        { file: path, field: `${at}/${field}` },
      );
  const pad = (values: readonly number[], fill: number): number[] => [
    ...values,
    ...new Array<number>(FEATURE_COUNT - values.length).fill(fill),
  ];
  return { means: pad(term.means, 0), scales: pad(term.scales, 1), weights: pad(term.weights, 0) };
}

/**
 * A tree's arrays are of one length, it splits on the model's features alone, and every split's children are
 * later nodes of the same tree.
 */
function checkTree(tree: Static<typeof Tree>, t: number, path: string, features: number): void {
  const n = tree.feature.length;
  const fail = (field: string, message: string): never => {
    throw new TwinningError('DataFileInvalid', `${path}: /trees/${t}/${field} ${message}`, {
      file: path,
      field: `/trees/${t}/${field}`,
    });
  };
  for (const field of ['threshold', 'left', 'right', 'value'] as const)
    if (tree[field].length !== n) fail(field, `has ${tree[field].length} entries, feature has ${n}`);
  for (let k = 0; k < n; k++) {
    if (tree.feature[k]! >= features)
      fail(`feature/${k}`, `splits on feature ${tree.feature[k]}, the model has ${features}`);
    if (tree.feature[k]! < 0) continue;
    for (const side of ['left', 'right'] as const) {
      const child = tree[side][k]!;
      if (!(child > k && child < n)) fail(`${side}/${k}`, `must name a later node of the tree, not ${child}`);
    }
  }
}

/**
 * Writes a model as pretty JSON (a tree on one line, so that a few hundred trees stay readable), through a
 * temporary file renamed over the old one.
 */
export function writeModel(model: SuggestModel, path = MODEL_FILE): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp`;
  let text = JSON.stringify(model, null, 2);
  if (model.kind === 'boosted') {
    const { trees, ...rest } = model;
    const head = JSON.stringify({ ...rest, trees: [] }, null, 2);
    const lines = trees.map((tree) => `    ${JSON.stringify(tree)}`).join(',\n');
    text = head.replace(/"trees": \[\]/, `"trees": [\n${lines}\n  ]`);
  }
  writeFileSync(temporary, `${text}\n`);
  renameSync(temporary, path);
}
