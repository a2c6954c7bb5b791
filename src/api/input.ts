import { TwinningError } from '../core/errors.js';
import type { Link } from '../core/link.js';
import type { LifecycleEvent } from '../core/link-lifecycle.js';
import type { Locality, LocalityName } from '../core/locality.js';
import { parsePartialDate, type PartialDate } from '../core/partial-date.js';
import type { Citation } from '../core/source.js';
import type { EventInput, LinkCreate } from '../registry/link/write-shapes.js';
import type { IdPage } from '../registry/id-page.js';
import type { LocalityCreate, NameInput } from '../registry/locality/write-shapes.js';

/** A date from a request, or undefined when absent; InvalidDate naming the field when malformed. */
export function optionalDate(text: string | undefined, field: string): PartialDate | undefined {
  return text === undefined ? undefined : parsePartialDate(text, field);
}

/** An opaque page cursor: the id to continue after. */
export function encodeCursor(afterId: number | null): string | null {
  return afterId === null ? null : Buffer.from(`after:${afterId}`).toString('base64url');
}

/** A registry page as the API gives it: the id to continue after as an opaque cursor. */
export function cursorPage<T>(page: IdPage<T>): { items: T[]; nextCursor: string | null } {
  return { items: page.items, nextCursor: encodeCursor(page.nextAfterId) };
}

/** The id a cursor continues after (0 without one); InvalidInput for a cursor this API did not give. */
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^after:(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match)
    throw new TwinningError('InvalidInput', 'not a cursor this API gave', { field: 'query.cursor' });
  return Number(match[1]);
}

/** Names from a request body, dates parsed. */
export function namesFromInput(names: readonly NameInput[], field = 'names'): LocalityName[] {
  return names.map((n, i) => ({
    name: n.name,
    lang: n.lang,
    validFrom: optionalDate(n.validFrom, `${field}[${i}].validFrom`),
    validTo: optionalDate(n.validTo, `${field}[${i}].validTo`),
    primary: n.primary,
  }));
}

const citationsFromInput = (citations: readonly Citation[] | undefined): Citation[] =>
  (citations ?? []).map((c) => ({ sourceKey: c.sourceKey, locator: c.locator }));

/** The domain locality of a create request. */
export function localityFromInput(input: LocalityCreate): Locality {
  return { ...input, names: namesFromInput(input.names), citations: citationsFromInput(input.citations) };
}

/** The domain event of a request, its date parsed. */
export function eventFromInput(input: EventInput, field = 'date'): LifecycleEvent {
  return {
    ...input,
    date: optionalDate(input.date, field),
    citations: citationsFromInput(input.citations),
  };
}

/** The domain link of a create request. */
export function linkFromInput(input: LinkCreate): Link {
  return {
    aKey: input.a,
    bKey: input.b,
    kind: input.kind,
    purposes: input.purposes ?? [],
    exclusive: input.exclusive ?? false,
    unverified: input.unverified,
    notes: input.notes,
    citations: citationsFromInput(input.citations),
    events: (input.events ?? []).map((e, i) => eventFromInput(e, `events[${i}].date`)),
  };
}
