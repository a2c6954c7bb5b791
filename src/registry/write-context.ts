import { TwinningError } from '../core/errors.js';
import type { PartialDate } from '../core/partial-date.js';
import type { AuditActor } from '../store/audit.repository.js';

/** The places a write touches, as a permission rule sees them. */
export interface WriteSubject {
  localities: readonly { key: string; country: string | null }[];
}

/**
 * What every write operation is given: who writes (for the audit log), today (for statuses), and a check
 * the operation calls inside its transaction once it knows which places the write touches, so the rule
 * sees the data the write changes. The check throws (Forbidden) to refuse.
 */
export interface WriteContext {
  actor: AuditActor;
  today: PartialDate;
  authorize(subject: WriteSubject): void;
}

/** Throws Conflict unless the version the writer read is the stored one. */
export function assertVersion(what: string, stored: number, expected: number): void {
  if (stored !== expected) {
    throw new TwinningError(
      'Conflict',
      `${what} is at version ${stored}, not ${expected}: someone changed it since you read it; read it again and retry`,
      { field: 'version' },
    );
  }
}

/** Throws Conflict when a conditional update (`where version = expected`) touched no row. */
export function assertUpdated(what: string, updatedRows: bigint | number, expected: number): void {
  if (Number(updatedRows) === 0) {
    throw new TwinningError(
      'Conflict',
      `${what} is no longer at version ${expected}: someone changed it since you read it; read it again and retry`,
      { field: 'version' },
    );
  }
}

/** Throws InvalidInput naming the citation whose source is unknown, before anything is written. */
export function assertSourcesKnown(
  citations: readonly { sourceKey: string }[],
  sourceIds: ReadonlyMap<string, number>,
  field: string,
): void {
  citations.forEach((c, i) => {
    if (!sourceIds.has(c.sourceKey)) {
      throw new TwinningError('InvalidInput', `no source has the key "${c.sourceKey}"`, {
        field: `${field}[${i}].sourceKey`,
      });
    }
  });
}
