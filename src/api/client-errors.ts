import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../core/errors.js';
import { handleError, statusOf } from './error-handler.js';

/** What Node's HTTP parser refused, as the app's error code and a message that quotes nothing sent. */
function parserError(code: string | undefined): { code: ErrorCode; message: string } {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return { code: 'HeadersTooLarge', message: 'the request headers are larger than this server accepts' };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { code: 'RequestTimeout', message: 'the request was not received in time' };
  }
  return { code: 'InvalidInput', message: 'the request is not valid HTTP' };
}

/**
 * Answers a request Node's HTTP parser refused (a header too large, a malformed request line), before
 * Fastify sees it, in the app's error format with a fresh request id; the connection is then closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { code, message } = parserError(error.code);
  const status = statusOf(code);
  const requestId = randomUUID();
  const body = JSON.stringify({ error: { code, message, requestId } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/** Fastify's routing errors (a bad percent-encoding, a path segment too long) through the one error handler. */
export function frameworkErrors(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  void reply.send(handleError(error, request, reply));
}
