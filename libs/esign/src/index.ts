// @jiyn/esign: e-signature verification behind one interface (stub for development; CMS/X.509
// CAdES-BES as produced by NCALayer), the canonical bytes that are signed, and a development PKI.

export { canonicalJson, signedJsonOf, signedUtf8Of } from './canonical-json';
export { signedBytesOf } from './signed-bytes';

export { SignatureError, SIGNATURE_ERROR_CODES, isSignatureError } from './errors';
export type { SignatureErrorCode } from './errors';
export type {
  CertificateSummary,
  SignatureFormat,
  SignaturePurpose,
  SignatureVerifier,
  VerifiedSigner,
  VerifyOptions,
} from './types';

export { StubVerifier, createStubEnvelope } from './stub-verifier';
export type { StubEvidence } from './stub-verifier';
export { CmsVerifier } from './cms-verifier';
export type { CmsEvidence, CmsVerifierOptions } from './cms-verifier';

export {
  AlgorithmRegistry,
  DIGEST_OIDS,
  GOST_OIDS,
  RSA_OIDS,
  rsaPkcs1v15,
  sha256,
  sha384,
  sha512,
} from './algorithms';
export type { DigestAlgorithm, SignatureAlgorithm, SignatureCheck } from './algorithms';
export { noRevocationCheck } from './revocation';
export type { RevocationChecker, RevocationQuery, RevocationStatus } from './revocation';
export type { ParsedCertificate } from './x509';

export {
  SIGNATURE_FORMATS,
  createVerifierRegistry,
  createVerifierRegistryFromEnv,
  parseProvidersSetting,
} from './registry';
export type { VerifierRegistry, VerifierRegistryOptions } from './registry';

export {
  createCmsEnvelope,
  createDevCa,
  createIntermediateCa,
  issuePersonalCertificate,
  signCms,
} from './dev-pki';
export type { CaOptions, DevKeyPair, PersonalCertificateOptions, SignCmsOptions } from './dev-pki';

// CMS structure, for callers that need to read what a signature covers (e.g. a login challenge).
export { parseCmsSignedData } from './cms';
export type { CmsSignedData, CmsSignerInfo, CmsAttribute } from './cms';
export { decodeOctets } from './der';
