import { TwinningError } from '../core/errors.js';

/** The weak ETag of an entity version: `W/"3"`. */
export function etagOf(version: number): string {
  return `W/"${version}"`;
}

/**
 * The version an If-Match header names (`W/"3"` or `"3"`). PreconditionRequired when it is absent or `*`,
 * so that no write goes through without the writer saying which version it read.
 */
export function versionFromIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '' || header.trim() === '*') {
    throw new TwinningError(
      'PreconditionRequired',
      'send If-Match with the ETag you read (e.g. If-Match: W/"3"), so a stale write cannot overwrite a newer one',
      { field: 'headers.if-match' },
    );
  }
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!match) {
    throw new TwinningError('InvalidInput', `"${header}" is not one ETag such as W/"3"`, {
      field: 'headers.if-match',
    });
  }
  return Number(match[1]);
}
