import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { TwinningError } from '../../core/errors.js';
import { FEATURE_COUNT, FEATURES } from '../../core/suggest/features.js';
import { heuristicModel, type SuggestModel } from '../../core/suggest/model.js';
import { BUNDLED_DATA_DIR } from '../open-registry.js';

/** Where `twinning suggest --train` writes the model and the finder reads it. */
export const MODEL_FILE = join(BUNDLED_DATA_DIR, 'suggest', 'model.json');

const Weights = Type.Array(Type.Number(), { minItems: FEATURE_COUNT, maxItems: FEATURE_COUNT });

/** The model file's shape. */
export const ModelFile = Type.Object({
  kind: Type.Literal('logistic'),
  features: Type.Array(Type.String(), { minItems: FEATURE_COUNT, maxItems: FEATURE_COUNT }),
  means: Weights,
  scales: Weights,
  weights: Weights,
  training: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
});
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
  const problem = Value.Errors(ModelFile, value).First();
  if (problem)
    throw new TwinningError('DataFileInvalid', `${path}: ${problem.path || '/'} ${problem.message}`, {
      file: path,
      field: problem.path || 'model',
    });
  const model = value as ModelFile;
  const mismatch = FEATURES.findIndex((f, j) => model.features[j] !== f);
  if (mismatch >= 0)
    throw new TwinningError(
      'DataFileInvalid',
      `${path}: feature ${mismatch} is "${model.features[mismatch]}", this version computes "${FEATURES[mismatch]}"; retrain with \`twinning suggest --train\``,
      { file: path, field: `/features/${mismatch}` },
    );
  const zero = model.scales.findIndex((s) => !(s > 0));
  if (zero >= 0)
    throw new TwinningError('DataFileInvalid', `${path}: scale ${zero} must be positive`, {
      file: path,
      field: `/scales/${zero}`,
    });
  return model;
}

/** Writes a model as pretty JSON, through a temporary file renamed over the old one. */
export function writeModel(model: SuggestModel, path = MODEL_FILE): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(model, null, 2)}\n`);
  renameSync(temporary, path);
}
