import { ApiError, api, uuid } from '../api';
import { signedJsonOf } from './canonical-json';
import { signBytes } from './index';
import type { Signed } from './types';

export type Stage = 'signing' | 'sending';

/**
 * Signed POSTs that are safe to repeat (filings, decisions). The same body keeps its
 * Idempotency-Key and its signature, so a double click or a retry after a network failure or a
 * 5xx is answered with the first response rather than a duplicate; a definite refusal (4xx) or
 * a changed body starts a new attempt. What is signed is the RFC 8785 form of the body without
 * its `signature` member.
 */
export class SignedRequest {
  private attempt: { canonical: string; key: string; signed?: Signed } | null = null;
  private busy = false;

  constructor(
    private readonly path: () => string,
    private readonly signer: () => { iin: string; fullName: string } | undefined,
  ) {}

  get inFlight(): boolean {
    return this.busy;
  }

  /** Signs (unless this body was signed already) and posts; resolves with the answer and how it was signed. */
  async send<T>(
    body: object,
    options: { signal?: AbortSignal; onStage?: (stage: Stage) => void } = {},
  ): Promise<{ result: T; signed: Signed } | null> {
    if (this.busy) return null; // a double click sends once
    const canonical = signedJsonOf(body);
    if (!this.attempt || this.attempt.canonical !== canonical) this.attempt = { canonical, key: uuid() };
    const current = this.attempt;
    this.busy = true;
    try {
      if (!current.signed) {
        options.onStage?.('signing');
        current.signed = await signBytes(new TextEncoder().encode(canonical), 'sign', this.signer());
      }
      options.onStage?.('sending');
      const result = await api.post<T>(
        this.path(),
        { ...body, signature: current.signed.envelope },
        { idempotencyKey: current.key, signal: options.signal },
      );
      return { result, signed: current.signed };
    } catch (error) {
      if (error instanceof ApiError) {
        const definite =
          error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
        if (definite) this.attempt = null;
      } else if ((error as Error)?.name !== 'AbortError') {
        current.signed = undefined; // signing was cancelled or failed: ask again next time
      }
      throw error;
    } finally {
      this.busy = false;
    }
  }
}
