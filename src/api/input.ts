import { TwinningError } from '../core/errors.js';
import type { Link, LinkKind, LinkPurpose } from '../core/link.js';
import type { ActorSide, EventType, LifecycleEvent } from '../core/link-lifecycle.js';
import type { Locality, LocalityKind, LocalityName } from '../core/locality.js';
import { parsePartialDate, type PartialDate } from '../core/partial-date.js';
import type { Citation } from '../core/source.js';

/** A date from a request, or undefined when absent; InvalidDate naming the field when malformed. */
export function optionalDate(text: string | undefined, field: string): PartialDate | undefined {
  return text === undefined ? undefined : parsePartialDate(text, field);
}

/** An opaque page cursor: the id to continue after. */
export function encodeCursor(afterId: number | null): string | null {
  return afterId === null ? null : Buffer.from(`after:${afterId}`).toString('base64url');
}

/** The id a cursor continues after (0 without one); InvalidInput for a cursor this API did not give. */
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^after:(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  // Ids are 32-bit integers on both dialects: a larger one cannot be a cursor this API gave.
  if (!match || Number(match[1]) > 2_147_483_647)
    throw new TwinningError('InvalidInput', 'not a cursor this API gave', { field: 'query.cursor' });
  return Number(match[1]);
}

/** A name as a request gives it. */
export interface NameInput {
  name: string;
  lang: string;
  validFrom?: string;
  validTo?: string;
  primary?: boolean;
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

/** A citation as a request gives it. */
export interface CitationInput {
  sourceKey: string;
  locator?: string;
}

const citationsFromInput = (citations: readonly CitationInput[] | undefined): Citation[] =>
  (citations ?? []).map((c) => ({ sourceKey: c.sourceKey, locator: c.locator }));

/** A new locality as a request gives it. */
export interface LocalityInput {
  key: string;
  kind: LocalityKind;
  country?: string;
  parentKey?: string;
  coordinates?: { lat: number; lon: number };
  population?: number;
  populationYear?: number;
  wikidataId?: string;
  geonamesId?: number;
  unverified?: boolean;
  notes?: string;
  names: NameInput[];
  citations?: CitationInput[];
}

/** The domain locality of a create request. */
export function localityFromInput(input: LocalityInput): Locality {
  return { ...input, names: namesFromInput(input.names), citations: citationsFromInput(input.citations) };
}

/** An event as a request gives it. */
export interface EventInput {
  type: EventType;
  date?: string;
  actor?: ActorSide;
  actorName?: string;
  cause?: string;
  notes?: string;
  unverified?: boolean;
  citations?: CitationInput[];
}

/** The domain event of a request, its date parsed. */
export function eventFromInput(input: EventInput, field = 'date'): LifecycleEvent {
  return {
    ...input,
    date: optionalDate(input.date, field),
    citations: citationsFromInput(input.citations),
  };
}

/** A new link as a request gives it. */
export interface LinkInput {
  a: string;
  b: string;
  kind?: LinkKind;
  purposes?: LinkPurpose[];
  exclusive?: boolean;
  unverified?: boolean;
  notes?: string;
  citations?: CitationInput[];
  events?: EventInput[];
}

/** The domain link of a create request. */
export function linkFromInput(input: LinkInput): Link {
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
