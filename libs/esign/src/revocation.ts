import type { ParsedCertificate } from './x509';

// The OCSP/CRL seam. CmsVerifier asks the checker about every certificate of the built chain
// below the trust anchor, after the chain and the validity periods have been checked.
// An NCA implementation would query http://ocsp.pki.gov.kz (OCSP) or the CRLs named in the
// certificate's cRLDistributionPoints, and cache the answers.

export interface RevocationQuery {
  certificate: ParsedCertificate;
  issuer: ParsedCertificate;
  /** the verification instant */
  at: Date;
}

export interface RevocationStatus {
  /** 'unchecked': no checker configured; 'unknown': the responder did not know (policy is the checker's) */
  status: 'good' | 'revoked' | 'unknown' | 'unchecked';
  revokedAt?: string;
  reason?: string;
  /** e.g. 'ocsp:http://ocsp.pki.gov.kz' or 'crl:…'; stored with the evidence */
  source?: string;
}

export interface RevocationChecker {
  /**
   * Resolves with the status of `certificate`. A 'revoked' status is rejected as
   * certificate_revoked; a checker that cannot reach its source and must fail closed should
   * throw a SignatureError itself (or resolve 'unknown' to fail open).
   */
  check(query: RevocationQuery): Promise<RevocationStatus>;
}

/** The default: no revocation checking (development; NCA OCSP/CRL is not wired in yet). */
export const noRevocationCheck: RevocationChecker = {
  async check() {
    return { status: 'unchecked' };
  },
};
