/**
 * Every rejection of a signature is a SignatureError with a stable `code` (callers map codes to
 * HTTP problems; do not match on `message`, which is for people and may change).
 */
export const SIGNATURE_ERROR_CODES = [
  /** the envelope's shape, its base64 or its DER/BER structure is wrong */
  'signature_malformed',
  /** the envelope's format is not among the configured providers */
  'signature_format_not_accepted',
  /** a digest or signature algorithm this server cannot verify (e.g. GOST without a GOST provider) */
  'signature_algorithm_unsupported',
  /** the signature value does not verify (signature or signed attributes altered, wrong key) */
  'signature_invalid',
  /** the digest carried by the signature (stub digest, CMS messageDigest, attached content) is not of these bytes */
  'digest_mismatch',
  /** the chain does not lead to a trusted CA (foreign CA, self-issued, broken CA constraints) */
  'certificate_untrusted',
  /** a certificate of the chain is expired or not yet valid at the verification instant */
  'certificate_expired',
  /** the certificate was revoked (reported by the configured RevocationChecker) */
  'certificate_revoked',
  /** the certificate lacks the key usage / extended key usage the purpose requires */
  'certificate_key_usage',
  /** the certificate subject carries neither SERIALNUMBER=IIN… nor OU=BIN… */
  'certificate_no_iin',
  /** stub only: the IIN fails the checksum or the date/century rules */
  'iin_invalid',
] as const;

export type SignatureErrorCode = (typeof SIGNATURE_ERROR_CODES)[number];

export class SignatureError extends Error {
  constructor(
    readonly code: SignatureErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SignatureError';
  }
}

export function isSignatureError(e: unknown): e is SignatureError {
  return e instanceof SignatureError;
}
