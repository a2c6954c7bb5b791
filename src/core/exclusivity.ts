import { TwinningError } from './errors.js';
import type { LinkStatus } from './link-lifecycle.js';

/** A link as the exclusivity rule sees it: its two ends, whether it is exclusive, and its status now. */
export interface LinkStanding {
  aKey: string;
  bKey: string;
  exclusive: boolean;
  status: LinkStatus;
}

const LIVE: ReadonlySet<LinkStatus> = new Set([
  'active',
  'paused',
  'suspended',
  'broken_unilaterally',
  'unknown',
]);

/** True while a link still binds its parties (formed and not ended). */
export function isLive(status: LinkStatus): boolean {
  return LIVE.has(status);
}

/**
 * Refuses a new or changed link that would break an exclusive twinning: a place holding a live exclusive
 * link may hold no other live link, and an exclusive link may not be made by a place that has others.
 */
export function assertExclusivityAllows(candidate: LinkStanding, others: readonly LinkStanding[]): void {
  if (!isLive(candidate.status)) return;
  for (const other of others) {
    if (!isLive(other.status)) continue;
    const shared = [candidate.aKey, candidate.bKey].find((k) => k === other.aKey || k === other.bKey);
    if (shared === undefined) continue;
    if (other.exclusive) {
      throw new TwinningError(
        'ExclusiveLink',
        `${shared} is twinned exclusively with ${other.aKey === shared ? other.bKey : other.aKey}; it may not take another partner while that exclusive link lasts`,
        { field: 'b' },
      );
    }
    if (candidate.exclusive) {
      throw new TwinningError(
        'ExclusiveLink',
        `an exclusive link needs both sides free, but ${shared} is already twinned with ${other.aKey === shared ? other.bKey : other.aKey}`,
        { field: 'exclusive' },
      );
    }
  }
}
