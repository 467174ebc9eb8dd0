import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { defaultCodeFor, PROBLEM_CONTENT_TYPE, ProblemException, problemBody } from './problem';

/** Turns every error into application/problem+json; a 5xx shows only its correlation id. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    sendProblem(exception, request, reply, this.logger);
  }
}

export function sendProblem(
  exception: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Logger,
): void {
  const correlationId = String(request.id);
  let body;
  if (exception instanceof ProblemException) {
    body = problemBody(
      exception.getStatus(),
      exception.code,
      exception.title,
      exception.detail,
      correlationId,
      exception.extensions,
    );
  } else if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray((response as any)?.message)
          ? (response as any).message.join('; ')
          : ((response as any)?.message ?? exception.message);
    body =
      status >= 500
        ? problemBody(
            status,
            defaultCodeFor(status),
            'Server error',
            `Quote this correlation id: ${correlationId}.`,
            correlationId,
          )
        : problemBody(
            status,
            defaultCodeFor(status),
            exception.name.replace(/Exception$/, ''),
            String(message),
            correlationId,
          );
  } else if (isClientError(exception)) {
    const status = (exception as any).statusCode as number;
    body = problemBody(
      status,
      clientErrorCode(exception),
      'Bad request',
      (exception as Error).message,
      correlationId,
    );
  } else {
    logger.error(
      { err: exception, correlationId, url: request.url, method: request.method },
      'unhandled error',
    );
    body = problemBody(
      500,
      'internal_error',
      'Server error',
      `Quote this correlation id: ${correlationId}.`,
      correlationId,
    );
  }
  if (body.status >= 500 && !(exception instanceof ProblemException && body.status === 503)) {
    logger.error({ err: exception, correlationId }, 'server error');
  }
  if (body.status === 429 && typeof body.retryAfterSeconds === 'number') {
    reply.header('retry-after', String(body.retryAfterSeconds));
  }
  reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** Errors Fastify raises itself for bad requests (unparseable JSON, wrong media type, too large). */
function isClientError(exception: unknown): boolean {
  const status = (exception as any)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function clientErrorCode(exception: unknown): string {
  const code = String((exception as any)?.code ?? '');
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'unsupported_media_type';
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'payload_too_large';
  if (code.startsWith('FST_ERR_CTP') || exception instanceof SyntaxError) return 'malformed_body';
  return defaultCodeFor((exception as any).statusCode);
}
