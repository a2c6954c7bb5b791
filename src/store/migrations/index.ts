import type { Migration } from 'kysely';
import type { DialectName } from '../dialect-name.js';
import { registryMigration } from './0001-registry.js';
import { importMigration } from './0002-import.js';
import { apiAccessMigration } from './0003-api-access.js';
import { analysisCacheMigration } from './0004-analysis-cache.js';
import { localitySubdivisionMigration } from './0005-locality-subdivision.js';
import { matchedRefIndexMigration } from './0006-matched-ref-index.js';
import { webSessionsMigration } from './0007-web-sessions.js';
import { nameWordsNotifyMigration } from './0008-name-words-notify.js';
import { registryChangeCountMigration } from './0009-registry-change-count.js';
import { localityFeatureCodeMigration } from './0010-locality-feature-code.js';
import { localityDivisionMigration } from './0011-locality-division.js';
import { nameWordsPopulationMigration } from './0012-name-words-population.js';
import { otherNamesMigration } from './0013-other-names.js';
import type { MIGRATION_NAMES } from './names.js';

/**
 * Every migration in order, by name. Add a new one with the next number (and its name in names.ts, which the
 * type checks); never edit an applied one.
 */
export function allMigrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0001-registry': registryMigration(dialect),
    '0002-import': importMigration(dialect),
    '0003-api-access': apiAccessMigration(dialect),
    '0004-analysis-cache': analysisCacheMigration(),
    '0005-locality-subdivision': localitySubdivisionMigration(),
    '0006-matched-ref-index': matchedRefIndexMigration(),
    '0007-web-sessions': webSessionsMigration(dialect),
    '0008-name-words-notify': nameWordsNotifyMigration(dialect),
    '0009-registry-change-count': registryChangeCountMigration(dialect),
    '0010-locality-feature-code': localityFeatureCodeMigration(),
    '0011-locality-division': localityDivisionMigration(),
    '0012-name-words-population': nameWordsPopulationMigration(dialect),
    '0013-other-names': otherNamesMigration(),
  } satisfies Record<(typeof MIGRATION_NAMES)[number], Migration>;
}
