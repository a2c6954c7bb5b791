// The names of every migration, in order, apart from the migrations themselves: opening a registry that is up to
// date compares these with the applied ones and loads no migration code. index.ts checks it holds the same names.

/** Every migration's name, in order. Add a new one here and in index.ts. */
export const MIGRATION_NAMES = [
  '0001-registry',
  '0002-import',
  '0003-api-access',
  '0004-analysis-cache',
  '0005-locality-subdivision',
  '0006-matched-ref-index',
  '0007-web-sessions',
  '0008-name-words-notify',
  '0009-registry-change-count',
  '0010-locality-feature-code',
  '0011-locality-division',
  '0012-name-words-population',
  '0013-other-names',
] as const;
