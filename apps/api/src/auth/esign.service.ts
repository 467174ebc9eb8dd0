import { Inject, Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import {
  createVerifierRegistry,
  parseProvidersSetting,
  SignatureError,
  SignatureFormat,
  SignaturePurpose,
  VerifiedSigner,
  VerifierRegistry,
} from '@jiyn/esign';
import { JIYN_CONFIG, JiynConfig, LOGGER } from '@jiyn/platform';
import { ProblemException } from '../common/problem';

/**
 * Verifies signature envelopes with the providers ESIGN_PROVIDERS allows. Outside production,
 * cms without ESIGN_TRUSTED_CA is left out (with a warning) so that development runs on stub
 * alone; in production a missing trust store stops the start.
 */
@Injectable()
export class EsignService {
  private readonly registry: VerifierRegistry;
  readonly providers: SignatureFormat[];

  constructor(@Inject(JIYN_CONFIG) config: JiynConfig, @Inject(LOGGER) logger: Logger) {
    let providers = parseProvidersSetting(config.esignProviders, config.nodeEnv);
    const trustedCaPem = config.esignTrustedCa ? readFileSync(config.esignTrustedCa, 'utf8') : undefined;
    if (providers.includes('cms') && !trustedCaPem && !config.isProduction) {
      logger.warn('ESIGN_TRUSTED_CA is not set: cms signatures are not accepted, only stub');
      providers = providers.filter((p) => p !== 'cms');
    }
    this.providers = providers;
    this.registry = createVerifierRegistry({ providers, trustedCaPem });
  }

  /** Verifies; a failure becomes a problem with the signature error's own code. */
  async verify(
    envelope: unknown,
    bytes: Buffer,
    at: Date,
    status = 403,
    purpose: SignaturePurpose = 'sign',
  ): Promise<VerifiedSigner> {
    try {
      return await this.registry.verify(envelope, bytes, at, { purpose });
    } catch (error) {
      if (error instanceof SignatureError) {
        throw new ProblemException(status, error.code, 'Signature refused', error.message);
      }
      throw error;
    }
  }
}
