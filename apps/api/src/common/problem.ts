import { HttpException } from '@nestjs/common';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export const PROBLEM_BASE = 'https://jiyn.kz/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * An RFC 9457 problem with a stable code. Extra members (fileBy, alternatives, ...) travel in
 * `extensions` and are merged into the body.
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super({ code, title, detail }, status);
  }
}

export const problems = {
  validation: (errors: FieldError[], detail = 'The request has invalid or missing fields.') =>
    new ProblemException(400, 'validation_failed', 'Validation failed', detail, { errors }),
  badRequest: (code: string, detail: string) => new ProblemException(400, code, 'Bad request', detail),
  unauthorized: (detail = 'Sign in to use this resource.', code = 'unauthorized') =>
    new ProblemException(401, code, 'Unauthorized', detail),
  forbidden: (code: string, detail: string) => new ProblemException(403, code, 'Forbidden', detail),
  notFound: (what = 'resource') => new ProblemException(404, 'not_found', 'Not found', `No such ${what}.`),
  conflict: (code: string, detail: string, extensions: Record<string, unknown> = {}) =>
    new ProblemException(409, code, 'Conflict', detail, extensions),
  unprocessable: (code: string, detail: string, extensions: Record<string, unknown> = {}) =>
    new ProblemException(422, code, 'Unprocessable request', detail, extensions),
  tooManyRequests: (detail: string, retryAfterSeconds: number) =>
    new ProblemException(429, 'rate_limited', 'Too many requests', detail, { retryAfterSeconds }),
};

const DEFAULT_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  503: 'service_unavailable',
};

export function defaultCodeFor(status: number): string {
  return DEFAULT_CODES[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  instance?: string;
  correlationId: string;
  [extension: string]: unknown;
}

export function problemBody(
  status: number,
  code: string,
  title: string,
  detail: string | undefined,
  correlationId: string,
  extensions: Record<string, unknown> = {},
): ProblemBody {
  return { type: PROBLEM_BASE + code, title, status, detail, code, correlationId, ...extensions };
}
