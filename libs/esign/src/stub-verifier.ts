import { createHash } from 'node:crypto';
import { SignatureError } from './errors';
import { isValidIin } from './iin';
import type { SignatureVerifier, VerifiedSigner } from './types';

export interface StubEvidence {
  format: 'stub';
  iin: string;
  fullName: string;
  digest: string;
  verifiedAt: string;
}

/**
 * Development stand-in for an e-signature: `{"format":"stub","iin","fullName","digest"}` where
 * digest is the SHA-256 hex of the signed bytes. It proves nothing about the person; it checks
 * that the IIN is valid and the digest is of these bytes. Never configure it in production.
 */
export class StubVerifier implements SignatureVerifier {
  readonly format = 'stub' as const;

  async verify(envelope: unknown, bytes: Uint8Array, at: Date): Promise<VerifiedSigner> {
    if (!(at instanceof Date) || Number.isNaN(at.getTime()))
      throw new TypeError('verify: `at` must be a valid Date');
    if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope)) {
      throw new SignatureError('signature_malformed', 'the signature must be an object');
    }
    const { format, iin, fullName, digest } = envelope as Record<string, unknown>;
    if (format !== 'stub')
      throw new SignatureError('signature_malformed', 'the signature format is not "stub"');
    if (typeof iin !== 'string' || !/^\d{12}$/.test(iin)) {
      throw new SignatureError('signature_malformed', '"iin" must be a string of 12 digits');
    }
    if (typeof fullName !== 'string' || fullName.trim() === '' || fullName.length > 300) {
      throw new SignatureError('signature_malformed', '"fullName" must be a non-empty string');
    }
    if (typeof digest !== 'string' || !/^[0-9a-fA-F]{64}$/.test(digest)) {
      throw new SignatureError('signature_malformed', '"digest" must be 64 hex digits (SHA-256)');
    }
    if (!isValidIin(iin)) throw new SignatureError('iin_invalid', `IIN ${iin} is not valid`);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== digest.toLowerCase()) {
      throw new SignatureError('digest_mismatch', 'the digest is not the SHA-256 of the submitted bytes');
    }
    const evidence: StubEvidence = {
      format: 'stub',
      iin,
      fullName: fullName.trim(),
      digest: actual,
      verifiedAt: at.toISOString(),
    };
    return { format: 'stub', iin, fullName: fullName.trim(), evidence };
  }
}

/** Builds a stub envelope over `bytes` (tests, the dev CLI). */
export function createStubEnvelope(bytes: Uint8Array, signer: { iin: string; fullName: string }) {
  return {
    format: 'stub' as const,
    iin: signer.iin,
    fullName: signer.fullName,
    digest: createHash('sha256').update(bytes).digest('hex'),
  };
}
