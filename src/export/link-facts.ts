import type { LinkListItem } from '../registry/link/query.js';

/** What every export says of a link besides its two ends, in the order the exports list it. */
export function linkFacts(l: LinkListItem) {
  const { kind, status, since, formed, ended, exclusive, purposes, sources } = l;
  return { kind, status, since, formed, ended, exclusive, purposes, sources };
}
