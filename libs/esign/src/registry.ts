import { readFileSync } from 'node:fs';
import type { AlgorithmRegistry } from './algorithms';
import { CmsVerifier } from './cms-verifier';
import { SignatureError } from './errors';
import type { RevocationChecker } from './revocation';
import { StubVerifier } from './stub-verifier';
import type {
  SignatureFormat,
  SignaturePurpose,
  SignatureVerifier,
  VerifiedSigner,
  VerifyOptions,
} from './types';

export const SIGNATURE_FORMATS: readonly SignatureFormat[] = ['stub', 'cms'];

export interface VerifierRegistryOptions {
  providers: readonly SignatureFormat[];
  /** PEM bundle text of the trusted CAs; required when 'cms' is among the providers */
  trustedCaPem?: string | string[];
  purpose?: SignaturePurpose;
  revocation?: RevocationChecker;
  algorithms?: AlgorithmRegistry;
}

export interface VerifierRegistry {
  readonly providers: readonly SignatureFormat[];
  /** Dispatches on `envelope.format`; signature_format_not_accepted for a format not configured. */
  verify(envelope: unknown, bytes: Uint8Array, at: Date, options?: VerifyOptions): Promise<VerifiedSigner>;
}

export function createVerifierRegistry(options: VerifierRegistryOptions): VerifierRegistry {
  const verifiers = new Map<string, SignatureVerifier>();
  for (const p of options.providers) {
    if (p === 'stub') verifiers.set(p, new StubVerifier());
    else if (p === 'cms') {
      if (
        !options.trustedCaPem ||
        (Array.isArray(options.trustedCaPem) && options.trustedCaPem.length === 0)
      ) {
        throw new Error('esign: the cms provider needs trusted CA certificates (ESIGN_TRUSTED_CA)');
      }
      verifiers.set(
        p,
        new CmsVerifier({
          trustedCaPem: options.trustedCaPem,
          purpose: options.purpose,
          revocation: options.revocation,
          algorithms: options.algorithms,
        }),
      );
    } else throw new Error(`esign: unknown signature provider "${String(p)}"`);
  }
  const providers = Object.freeze([...verifiers.keys()] as SignatureFormat[]);
  return {
    providers,
    async verify(envelope, bytes, at, verifyOptions) {
      if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope)) {
        throw new SignatureError('signature_malformed', 'the signature must be an object');
      }
      const format = (envelope as { format?: unknown }).format;
      if (typeof format !== 'string')
        throw new SignatureError('signature_malformed', 'the signature has no "format"');
      const verifier = verifiers.get(format);
      if (!verifier) {
        throw new SignatureError(
          'signature_format_not_accepted',
          `signature format "${format.slice(0, 40)}" is not accepted here (accepted: ${providers.join(', ')})`,
        );
      }
      return verifier.verify(envelope, bytes, at, verifyOptions);
    },
  };
}

/**
 * ESIGN_PROVIDERS: a comma list of accepted formats. Default `stub,cms` outside production and
 * `cms` in production; `stub` in production is refused (throws), as is an unknown name.
 */
export function parseProvidersSetting(
  value: string | undefined,
  nodeEnv: string | undefined,
): SignatureFormat[] {
  const production = nodeEnv === 'production';
  const names = (value ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0) return production ? ['cms'] : ['stub', 'cms'];
  const out: SignatureFormat[] = [];
  for (const n of names) {
    if (!(SIGNATURE_FORMATS as readonly string[]).includes(n)) {
      throw new Error(`ESIGN_PROVIDERS: unknown provider "${n}" (known: ${SIGNATURE_FORMATS.join(', ')})`);
    }
    if (!out.includes(n as SignatureFormat)) out.push(n as SignatureFormat);
  }
  if (production && out.includes('stub')) {
    throw new Error('ESIGN_PROVIDERS: the stub provider proves nothing and is refused in production');
  }
  return out;
}

/**
 * The registry from the environment: ESIGN_PROVIDERS, NODE_ENV and ESIGN_TRUSTED_CA (path of a
 * PEM bundle, read once). Throws at start-up on a bad configuration. One convenience: outside
 * production, when ESIGN_PROVIDERS is not set and neither is ESIGN_TRUSTED_CA, the default
 * `stub,cms` shrinks to `stub` (check `registry.providers`) instead of refusing to start.
 */
export function createVerifierRegistryFromEnv(
  env: Record<string, string | undefined> = process.env,
  extra: Omit<VerifierRegistryOptions, 'providers' | 'trustedCaPem'> = {},
): VerifierRegistry {
  let providers = parseProvidersSetting(env.ESIGN_PROVIDERS, env.NODE_ENV);
  const defaulted = !env.ESIGN_PROVIDERS?.trim();
  if (defaulted && env.NODE_ENV !== 'production' && !env.ESIGN_TRUSTED_CA)
    providers = providers.filter((p) => p !== 'cms');
  let trustedCaPem: string | undefined;
  if (providers.includes('cms')) {
    const path = env.ESIGN_TRUSTED_CA;
    if (!path)
      throw new Error(
        'ESIGN_TRUSTED_CA: the path of a PEM bundle of trusted CA certificates is required for cms',
      );
    try {
      trustedCaPem = readFileSync(path, 'utf8');
    } catch (e) {
      throw new Error(`ESIGN_TRUSTED_CA: cannot read ${path}: ${(e as Error).message}`, { cause: e });
    }
  }
  return createVerifierRegistry({ ...extra, providers, trustedCaPem });
}
