import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { createLogger, JiynConfig, PinoNestLogger } from '@jiyn/platform';
import { AppModule } from './app.module';
import { ProblemFilter } from './common/problem.filter';
import { createValidationPipe } from './common/validation';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Where the built web app lives: WEB_DIST, or dist/web beside the repository root. */
function webRoot(config: JiynConfig): string | undefined {
  const candidates = [config.webDist, resolve(process.cwd(), 'dist/web'), join(__dirname, '../../../web')];
  return candidates.find((dir) => dir && existsSync(join(dir, 'index.html')));
}

/**
 * Builds the HTTP application: Fastify, problem+json errors with correlation ids, global
 * validation, OpenAPI at /api/docs, the web app at /. Used by main.ts and by the tests.
 */
export async function createApiApp(
  config: JiynConfig,
  logger: Logger = createLogger('api', config.logLevel),
) {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1_048_576,
    // Client addresses (rate limits) come from X-Forwarded-For only behind known proxies.
    trustProxy: (config.trustedProxies > 0 ? config.trustedProxies : false) as unknown as boolean,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, logger), adapter, {
    logger: new PinoNestLogger(logger),
    bufferLogs: false,
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-correlation-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
  });

  app.setGlobalPrefix('api/v1', { exclude: ['api/docs', 'api/docs-json'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter(logger));
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Jiyn API')
      .setDescription(
        'Notifying and scheduling peaceful assemblies in Kazakhstan. Errors are application/problem+json.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  const root = webRoot(config);
  if (root) {
    app.useStaticAssets({ root, prefix: '/', wildcard: false });
  }
  return app;
}
