export type SignatureFormat = 'stub' | 'cms';

/** 'sign' for filings and decisions (NCA SIGNATURE key), 'auth' for login (NCA AUTHENTICATION key). */
export type SignaturePurpose = 'sign' | 'auth';

export interface CertificateSummary {
  /** hex, lowercase, as the certificate encodes it (without a sign octet) */
  serialNumber: string;
  /** RFC 4514-like, in the certificate's order: `CN=…, SURNAME=…, SERIALNUMBER=IIN…, C=KZ` */
  issuer: string;
  subject: string;
  /** ISO 8601 instants */
  notBefore: string;
  notAfter: string;
  /** SHA-256 of the DER certificate, lowercase hex */
  fingerprintSha256: string;
}

export interface VerifiedSigner {
  format: SignatureFormat;
  /** the person's IIN (SERIALNUMBER=IIN… for cms; the envelope's IIN for stub) */
  iin?: string;
  /** a legal entity's BIN (OU=BIN…) */
  bin?: string;
  fullName: string;
  /** the legal entity's name (O=…) on a company certificate */
  organization?: string;
  certificate?: CertificateSummary;
  /** what to store as evidence of the signature (JSON-serializable) */
  evidence: object;
}

export interface VerifyOptions {
  /** overrides the verifier's default purpose for this call (e.g. 'auth' for login) */
  purpose?: SignaturePurpose;
}

export interface SignatureVerifier {
  readonly format: SignatureFormat;
  /**
   * Verifies `envelope` as a signature over exactly `bytes` at the instant `at`.
   * Resolves with the signer, or rejects with a SignatureError.
   */
  verify(envelope: unknown, bytes: Uint8Array, at: Date, options?: VerifyOptions): Promise<VerifiedSigner>;
}
