import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { FilingsModule } from '../filings/filings.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** The largest CSV an import accepts (the JSON body limit stays 1 MiB). */
export const IMPORT_BODY_LIMIT = 10 * 1_048_576;

@Module({ imports: [FilingsModule], controllers: [ImportsController], providers: [ImportsService] })
export class ImportsModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Fastify parses no text/csv by itself: take it as a UTF-8 string (before the server starts). */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify || fastify.hasContentTypeParser('text/csv')) return;
    fastify.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
  }
}
