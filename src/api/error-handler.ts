import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { TwinningError, type ErrorCode } from '../core/errors.js';
import type { ErrorBody } from './schemas/common.js';

/** The code of an error response: a domain code, or Internal for anything unforeseen. */
export type ResponseCode = ErrorCode | 'Internal';

/** The HTTP status of each domain error code. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'InvalidInput':
    case 'InvalidDate':
    case 'InvalidCountry':
    case 'EmptyName':
    case 'AmbiguousLocality':
    case 'SelfLink':
    case 'LifecycleContradiction':
    case 'DataFileInvalid':
    case 'MalformedFile':
      return 400;
    case 'Unauthorized':
      return 401;
    case 'Forbidden':
      return 403;
    case 'LocalityNotFound':
    case 'LinkNotFound':
    case 'NotFound':
      return 404;
    case 'Conflict':
    case 'DuplicateLink':
    case 'ExclusiveLink':
      return 409;
    case 'PayloadTooLarge':
      return 413;
    case 'UnsupportedMediaType':
      return 415;
    case 'PreconditionRequired':
      return 428;
    case 'RateLimited':
      return 429;
    case 'SourceUnavailable':
      return 503;
  }
}

interface AjvError {
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** `/names/0/name` in the body → `names[0].name`; in the query → `query.asOf`. */
function fieldOf(context: string | undefined, error: AjvError): string {
  const extra = error.params.missingProperty ?? error.params.additionalProperty;
  const parts = error.instancePath.split('/').filter((p) => p !== '');
  if (typeof extra === 'string') parts.push(extra);
  const path = parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
  const where = context === 'querystring' ? 'query' : context;
  return where === 'body' || where === undefined ? path || 'body' : path ? `${where}.${path}` : where;
}

/** Fastify's own errors that are the client's doing, as domain errors. */
const FASTIFY_ERRORS: Readonly<Record<string, () => TwinningError>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () =>
    new TwinningError('PayloadTooLarge', 'the request body is larger than this server accepts'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    new TwinningError('UnsupportedMediaType', 'send the body as application/json'),
  FST_ERR_CTP_INVALID_JSON_BODY: () =>
    new TwinningError('InvalidInput', 'the body is not valid JSON', { field: 'body' }),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new TwinningError('InvalidInput', 'the body is empty; send a JSON object', { field: 'body' }),
};

/** Turns anything thrown while serving into a domain error, or undefined when it is an internal failure. */
export function toDomainError(error: unknown): TwinningError | undefined {
  if (error instanceof TwinningError) return error;
  const fastifyError = error as Partial<FastifyError> & { validation?: AjvError[] };
  if (fastifyError.validation && fastifyError.validation.length > 0) {
    const first = fastifyError.validation[0]!;
    const extra = first.params.additionalProperty;
    const reason = typeof extra === 'string' ? 'is not a known field' : (first.message ?? 'is invalid');
    const allowed = Array.isArray(first.params.allowedValues)
      ? ` (one of ${first.params.allowedValues.join(', ')})`
      : '';
    return new TwinningError('InvalidInput', `${reason}${allowed}`, {
      field: fieldOf(fastifyError.validationContext, first),
    });
  }
  const known = fastifyError.code === undefined ? undefined : FASTIFY_ERRORS[fastifyError.code];
  if (known) return known();
  if (fastifyError.statusCode === 429) {
    return new TwinningError('RateLimited', fastifyError.message ?? 'too many requests; slow down');
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return new TwinningError('InvalidInput', 'the body is not valid JSON', { field: 'body' });
  }
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500 && fastifyError.message) {
    // Fastify's own client errors (a bad URL, a bad content length) carry safe messages.
    return new TwinningError('InvalidInput', fastifyError.message);
  }
  return undefined;
}

/** The one error handler: domain errors to their statuses with field and reason; anything else a bare 500. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): ErrorBody {
  const domain = toDomainError(error);
  if (!domain) {
    request.log.error({ err: error }, 'internal error');
    void reply.code(500);
    return {
      error: {
        code: 'Internal',
        message: 'an internal error occurred; quote the request id when reporting it',
        requestId: request.id,
      },
    };
  }
  const status = statusOf(domain.code);
  if (status === 401) void reply.header('www-authenticate', 'Bearer realm="twinning"');
  if (status >= 500) request.log.error({ err: error }, domain.message);
  void reply.code(status);
  const { field } = domain.location;
  return {
    error: {
      code: domain.code,
      message: domain.message,
      ...(field !== undefined && { field }),
      requestId: request.id,
    },
  };
}
