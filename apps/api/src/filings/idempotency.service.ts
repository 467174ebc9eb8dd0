import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { canonicalJson } from '@jiyn/esign';
import { CLOCK, Clock } from '@jiyn/platform';
import { returningRows } from '@jiyn/persistence';
import { ProblemException, problems } from '../common/problem';

export const IDEMPOTENCY_TTL_MS = 48 * 3_600_000;
const KEY = /^[A-Za-z0-9._:-]{1,200}$/;

export interface StoredResponse {
  status: number;
  body: unknown;
  replayed?: boolean;
}

/**
 * Idempotency-Key for creating POSTs, scoped per user: the same key and body answer the first
 * response again; the same key with another body is a 422; a request still in flight is a 409.
 * Records are kept 48 hours. Only final answers (2xx and 4xx) are remembered; after a 5xx the
 * key is released so that the retry can succeed.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(
    principal: string,
    key: string | undefined,
    scope: string,
    body: unknown,
    work: () => Promise<StoredResponse>,
  ): Promise<StoredResponse> {
    if (key === undefined) return work();
    if (!KEY.test(key)) {
      throw problems.validation([
        {
          field: 'Idempotency-Key',
          code: 'invalid',
          message: 'Idempotency-Key must be 1-200 characters of A-Z a-z 0-9 . _ : -',
        },
      ]);
    }
    const requestHash = createHash('sha256')
      .update(scope)
      .update('\n')
      .update(canonicalJson(body ?? null))
      .digest('hex');
    const claimed = await this.claim(principal, key, requestHash);
    if (!claimed) return this.replay(principal, key, requestHash);
    let response: StoredResponse;
    try {
      response = await work();
    } catch (error) {
      if (error instanceof ProblemException && error.getStatus() < 500) {
        const body = {
          code: error.code,
          title: error.title,
          detail: error.detail,
          status: error.getStatus(),
          ...error.extensions,
        };
        await this.complete(principal, key, error.getStatus(), { problem: body });
      } else {
        await this.dataSource.query(`DELETE FROM idempotency_record WHERE principal = $1 AND key = $2`, [
          principal,
          key,
        ]);
      }
      throw error;
    }
    await this.complete(principal, key, response.status, { response: response.body });
    return response;
  }

  private async claim(principal: string, key: string, requestHash: string): Promise<boolean> {
    const now = this.clock.now();
    await this.dataSource.query(
      `DELETE FROM idempotency_record WHERE principal = $1 AND key = $2 AND expires_at < $3`,
      [principal, key, now],
    );
    const inserted = await this.dataSource.query(
      `INSERT INTO idempotency_record (principal, key, request_hash, state, created_at, expires_at)
       VALUES ($1, $2, $3, 'in_flight', $4, $5) ON CONFLICT DO NOTHING RETURNING key`,
      [principal, key, requestHash, now, new Date(now.getTime() + IDEMPOTENCY_TTL_MS)],
    );
    return returningRows(inserted).length === 1;
  }

  private async complete(principal: string, key: string, status: number, stored: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_record SET state = 'done', response_status = $3, response_body = $4 WHERE principal = $1 AND key = $2`,
      [principal, key, status, JSON.stringify(stored)],
    );
  }

  private async replay(principal: string, key: string, requestHash: string): Promise<StoredResponse> {
    const [record] = await this.dataSource.query(
      `SELECT request_hash, state, response_status, response_body FROM idempotency_record WHERE principal = $1 AND key = $2`,
      [principal, key],
    );
    if (!record)
      throw problems.conflict(
        'idempotency_in_flight',
        'A request with this Idempotency-Key just finished; retry.',
      );
    if (record.request_hash !== requestHash) {
      throw problems.unprocessable(
        'idempotency_key_reused',
        'This Idempotency-Key was used with a different request body.',
      );
    }
    if (record.state !== 'done') {
      throw problems.conflict(
        'idempotency_in_flight',
        'A request with this Idempotency-Key is still being processed.',
      );
    }
    const stored = record.response_body as { response?: unknown; problem?: any };
    if (stored.problem) {
      const { code, title, detail, status, ...extensions } = stored.problem;
      throw new ProblemException(status, code, title, detail, extensions);
    }
    return { status: record.response_status, body: stored.response, replayed: true };
  }
}
