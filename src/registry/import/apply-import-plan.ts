import type { Kysely } from 'kysely';
import type { AuditActor } from '../../store/audit.repository.js';
import { indexUnindexedNames } from '../../store/writes/name-index.js';
import type { DB } from '../../store/schema.js';
import { upsertSources } from '../../store/writes/source.js';
import { importActor, recordWrite, versionedBulkWrite } from '../versioned-write.js';
import type { ImportPlan } from './import-plan.js';
import { importLinks, type LinkSummary } from './import-links.js';
import { placeLocalities } from './place-localities.js';
import { flagExclusiveConflicts } from './exclusive-conflicts.js';
import { partialDateFromJsDate, type PartialDate } from '../../core/partial-date.js';

/** What applying an import plan wrote. */
export interface AppliedImport {
  sourceId: number;
  localitiesCreated: number;
  /** Existing localities the import changed (a GeoNames or Wikidata id found), each bumped and audited. */
  localitiesChanged: number;
  /** Existing links the import changed (its statement, sides or events added), each bumped and audited. */
  linksChanged: number;
  /** New links flagged as clashing with an exclusive twinning (kept, unverified, with a note). */
  conflicts: number;
  links: LinkSummary;
}

/**
 * Applies an import plan in the caller's transaction: records the source, gives every place a locality
 * (creating what is new), writes links, provenance and the events the source states, indexes new names, and
 * goes through the versioned-write step: every existing locality and link it changed gets a new version and
 * an audit row, and the run gets one audit row on its source. Created ones start at version 1, counted there.
 */
export async function applyImportPlan(
  trx: Kysely<DB>,
  plan: ImportPlan,
  options: { actor?: AuditActor; log?: (phase: string) => void; today?: PartialDate } = {},
): Promise<AppliedImport> {
  const { source } = plan;
  const actor = options.actor ?? importActor(source.key);
  const log = options.log ?? (() => undefined);
  const ids = await upsertSources(trx, [
    {
      key: source.key,
      title: source.title,
      url: source.url,
      dataset: source.dataset,
      publisher: source.publisher,
      retrieved: source.retrieved,
    },
  ]);
  const sourceId = ids.get(source.key)!;
  const placed = await placeLocalities(trx, sourceId, plan);
  log(`writing links for ${plan.statements.length} statements`);
  const links = await importLinks(trx, { id: sourceId, key: source.key }, plan.statements, placed.localityOf);
  const conflicts = await flagExclusiveConflicts(
    trx,
    links.created,
    source.key,
    options.today ?? partialDateFromJsDate(new Date()),
  );
  // New localities' names become searchable (the search-as-you-type index) in the same transaction.
  await indexUnindexedNames(trx);
  const change = { source: source.key };
  const localitiesChanged = await versionedBulkWrite(trx, 'locality', placed.changed, {
    action: 'import',
    actor,
    change: { ...change, identified: true },
  });
  const linksChanged = await versionedBulkWrite(trx, 'link', links.changed, {
    action: 'import',
    actor,
    change: { ...change, stated: true },
  });
  const applied = {
    sourceId,
    localitiesCreated: placed.created.size,
    localitiesChanged,
    linksChanged,
    conflicts,
    links: links.summary,
  };
  await recordWrite(
    trx,
    { entity: 'source', id: sourceId, key: source.key },
    {
      action: 'import',
      actor,
      version: null,
      before: null,
      after: {
        placesNew: plan.places.length,
        localitiesCreated: applied.localitiesCreated,
        localitiesChanged,
        linksCreated: links.summary.linksCreated,
        linksChanged,
        conflicts,
        eventsAdded: links.summary.eventsAdded,
      },
    },
  );
  return applied;
}
