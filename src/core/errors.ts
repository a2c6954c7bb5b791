/** Stable codes for every domain error; callers switch on these, never on messages. */
export type ErrorCode =
  | 'InvalidInput'
  | 'InvalidDate'
  | 'InvalidCountry'
  | 'EmptyName'
  | 'LocalityNotFound'
  | 'LinkNotFound'
  | 'AmbiguousLocality'
  | 'ExclusiveLink'
  | 'RuleProhibits'
  | 'SelfLink'
  | 'DuplicateLink'
  | 'LifecycleContradiction'
  | 'DataFileInvalid'
  | 'MalformedFile'
  | 'SourceUnavailable'
  | 'Conflict'
  | 'NotFound'
  | 'Unauthorized'
  | 'Forbidden'
  | 'PreconditionRequired'
  | 'PayloadTooLarge'
  | 'UnsupportedMediaType'
  | 'UriTooLong'
  | 'HeadersTooLarge'
  | 'RequestTimeout'
  | 'RateLimited'
  | 'Overloaded';

/** Where bad input came from: a field path, and a file position when it came from a file. */
export interface ErrorLocation {
  field?: string;
  file?: string;
  line?: number;
  column?: number;
}

/** The one domain error: a stable code, a message a person can act on, and where the problem is. */
export class TwinningError extends Error {
  override readonly name = 'TwinningError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly location: ErrorLocation = {},
  ) {
    super(message);
  }

  /** One line naming the problem and its place, e.g. `data/links.yaml:12: events[0].date: ...`. */
  describe(): string {
    const { file, line, column, field } = this.location;
    const place = file
      ? `${file}${line !== undefined ? `:${line}` : ''}${column !== undefined ? `:${column}` : ''}: `
      : '';
    const fieldPart = field ? `${field}: ` : '';
    return `${place}${fieldPart}${this.message}`;
  }
}

/** True when an error is bad input (as opposed to a missing record or a conflict). */
export function isInputError(error: TwinningError): boolean {
  switch (error.code) {
    case 'InvalidInput':
    case 'InvalidDate':
    case 'InvalidCountry':
    case 'EmptyName':
    case 'AmbiguousLocality':
    case 'ExclusiveLink':
    case 'RuleProhibits':
    case 'SelfLink':
    case 'DuplicateLink':
    case 'LifecycleContradiction':
    case 'DataFileInvalid':
    case 'MalformedFile':
    case 'PreconditionRequired':
    case 'PayloadTooLarge':
    case 'UnsupportedMediaType':
    case 'UriTooLong':
    case 'HeadersTooLarge':
      return true;
    case 'LocalityNotFound':
    case 'LinkNotFound':
    case 'NotFound':
    case 'Conflict':
    case 'SourceUnavailable':
    case 'Unauthorized':
    case 'Forbidden':
    case 'RateLimited':
    case 'RequestTimeout':
    case 'Overloaded':
      return false;
  }
}
