import type { FastifyRequest } from 'fastify';
import type { ApiConfig } from '../config.js';

/** The rate limit of a route, as @fastify/rate-limit takes it in a route's config. */
export interface RouteRateLimit {
  max: (request: FastifyRequest, key: string) => number;
  keyGenerator: (request: FastifyRequest) => string;
  timeWindow: number;
}

/**
 * The rate limit of a route whose requests may be heavy: a heavy one (`isHeavy`, every one by default)
 * counts `heavyRequestCost` times against the client's allowance, in a bucket of its own, so that a client
 * gets the configured number of cheap reads but that number divided by the cost of studies or exports.
 */
export function heavyRateLimit(
  config: Readonly<Pick<ApiConfig, 'rateLimit' | 'heavyRequestCost'>>,
  isHeavy: (request: FastifyRequest) => boolean = () => true,
): RouteRateLimit {
  const heavyMax = Math.max(1, Math.floor(config.rateLimit.max / config.heavyRequestCost));
  return {
    max: (request) => (isHeavy(request) ? heavyMax : config.rateLimit.max),
    keyGenerator: (request) => (isHeavy(request) ? `heavy:${request.ip}` : request.ip),
    timeWindow: config.rateLimit.windowMs,
  };
}
