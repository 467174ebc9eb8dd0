import { createHash } from 'node:crypto';
import { AlgorithmRegistry, describeOid, sha256 } from './algorithms';
import { CMS_OIDS, CmsSignedData, CmsSignerInfo, parseCmsSignedData } from './cms';
import { Asn1Error, Tag, decodeIntegerHex, decodeOctets, decodeOid, decodeTime, expectSequence } from './der';
import { SignatureError } from './errors';
import { RevocationChecker, RevocationStatus, noRevocationCheck } from './revocation';
import type {
  CertificateSummary,
  SignaturePurpose,
  SignatureVerifier,
  VerifiedSigner,
  VerifyOptions,
} from './types';
import {
  OID,
  ParsedCertificate,
  formatName,
  nameValues,
  parseCertificate,
  pemCertificates,
  summarize,
  toPem,
} from './x509';

export interface CmsVerifierOptions {
  /** PEM text (one or more CERTIFICATE blocks each) of the trusted CAs: NCA roots and/or intermediates */
  trustedCaPem: string | string[];
  /** the default purpose ('sign'); a call may override it with verify(..., { purpose }) */
  purpose?: SignaturePurpose;
  /** OCSP/CRL seam; default: no revocation check */
  revocation?: RevocationChecker;
  /** digest and signature algorithms by OID; default: SHA-2 + RSA PKCS#1 v1.5 (the GOST seam) */
  algorithms?: AlgorithmRegistry;
  /** largest accepted DER CMS, bytes (default 1 MiB) */
  maxCmsBytes?: number;
}

export interface CmsEvidence {
  format: 'cms';
  /** the CMS as received (base64 DER, whitespace removed): keep it, it is the proof */
  cms: string;
  detached: boolean;
  signedAttributes: boolean;
  /** signingTime as claimed by the signer (CAdES-BES has no trusted time) */
  signingTime?: string;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  /** SHA-256 of the signed bytes, hex */
  contentSha256: string;
  purpose: SignaturePurpose;
  signerCertificatePem: string;
  /** leaf first, trust anchor last */
  chain: CertificateSummary[];
  revocation: (RevocationStatus & { fingerprintSha256: string })[];
  verifiedAt: string;
}

const MAX_CERTS = 20;
const MAX_CHAIN = 8;

export class CmsVerifier implements SignatureVerifier {
  readonly format = 'cms' as const;
  private readonly anchors: ParsedCertificate[];
  private readonly purpose: SignaturePurpose;
  private readonly revocation: RevocationChecker;
  private readonly algorithms: AlgorithmRegistry;
  private readonly maxCmsBytes: number;

  constructor(options: CmsVerifierOptions) {
    const pems = Array.isArray(options.trustedCaPem) ? options.trustedCaPem : [options.trustedCaPem];
    const seen = new Set<string>();
    this.anchors = [];
    for (const der of pems.flatMap(pemCertificates)) {
      let cert: ParsedCertificate;
      try {
        cert = parseCertificate(der);
      } catch (e) {
        throw new Error(`esign: a trusted CA certificate cannot be parsed: ${(e as Error).message}`, {
          cause: e,
        });
      }
      if (!cert.basicConstraints?.ca)
        throw new Error(`esign: trusted certificate "${formatName(cert.subject)}" is not a CA`);
      if (!seen.has(cert.fingerprintSha256)) this.anchors.push(cert);
      seen.add(cert.fingerprintSha256);
    }
    if (this.anchors.length === 0)
      throw new Error('esign: no trusted CA certificate given (ESIGN_TRUSTED_CA)');
    this.purpose = options.purpose ?? 'sign';
    this.revocation = options.revocation ?? noRevocationCheck;
    this.algorithms = options.algorithms ?? AlgorithmRegistry.defaults();
    this.maxCmsBytes = options.maxCmsBytes ?? 1024 * 1024;
  }

  /** The trust anchors in use (for health/diagnostics). */
  get trustedCertificates(): CertificateSummary[] {
    return this.anchors.map(summarize);
  }

  async verify(
    envelope: unknown,
    bytesIn: Uint8Array,
    at: Date,
    options: VerifyOptions = {},
  ): Promise<VerifiedSigner> {
    if (!(at instanceof Date) || Number.isNaN(at.getTime()))
      throw new TypeError('verify: `at` must be a valid Date');
    const bytes = Buffer.from(bytesIn.buffer, bytesIn.byteOffset, bytesIn.byteLength);
    const purpose = options.purpose ?? this.purpose;
    const { base64, der } = this.readEnvelope(envelope);

    let cms: CmsSignedData;
    try {
      cms = parseCmsSignedData(der);
    } catch (e) {
      throw new SignatureError('signature_malformed', `not a CMS SignedData: ${(e as Error).message}`);
    }
    if (cms.signerInfos.length !== 1) {
      throw new SignatureError(
        'signature_malformed',
        `expected exactly one signer, found ${cms.signerInfos.length}`,
      );
    }
    if (cms.certificates.length > MAX_CERTS)
      throw new SignatureError('signature_malformed', 'too many certificates');
    if (cms.eContentType !== CMS_OIDS.data) {
      throw new SignatureError('signature_malformed', `unexpected content type ${cms.eContentType}`);
    }
    const si = cms.signerInfos[0];
    const signer = findSignerCertificate(cms, si);

    // 1. the content: attached content must be these very bytes
    const detached = cms.eContent === undefined;
    if (!detached && !cms.eContent!.equals(bytes)) {
      throw new SignatureError(
        'digest_mismatch',
        'the signed (encapsulated) content is not the submitted bytes',
      );
    }

    // 2. algorithms
    const digest = this.algorithms.digest(si.digestOid);
    const scheme = this.algorithms.signature(si.signatureOid);
    const implied = scheme.impliedDigestOid(si.signatureOid);
    if (implied && implied !== si.digestOid) {
      throw new SignatureError('signature_malformed', 'signatureAlgorithm and digestAlgorithm disagree');
    }

    // 3. signed attributes: messageDigest over the bytes, contentType, signing certificate binding
    let signingTime: Date | undefined;
    let signedData: Buffer;
    if (si.signedAttributes) {
      signingTime = checkSignedAttributes(si, cms.eContentType, digest.digest(bytes), signer);
      signedData = si.signedAttributesDer!;
    } else {
      signedData = bytes;
    }

    // 4. the signature value
    const ok = scheme.verify({
      data: signedData,
      signature: si.signature,
      publicKeyInfo: signer.spki,
      signatureOid: si.signatureOid,
      digest,
      parameters: si.signatureParams,
    });
    if (!ok)
      throw new SignatureError(
        'signature_invalid',
        'the signature does not verify with the signer certificate',
      );

    // 5. the chain to a trusted CA, validity at `at`, CA constraints
    const path = this.buildPath(signer, cms.certificates, at);
    checkValidity(path, at);

    // 6. key usage for the purpose
    checkKeyUsage(signer, purpose);

    // 7. revocation (seam)
    const revocation: CmsEvidence['revocation'] = [];
    for (let k = 0; k < path.length - 1; k++) {
      const status = await this.revocation.check({ certificate: path[k], issuer: path[k + 1], at });
      if (status.status === 'revoked') {
        const when = status.revokedAt ? ` on ${status.revokedAt}` : '';
        throw new SignatureError(
          'certificate_revoked',
          `certificate "${formatName(path[k].subject)}" was revoked${when}`,
        );
      }
      revocation.push({ ...status, fingerprintSha256: path[k].fingerprintSha256 });
    }

    // 8. who signed
    const identity = identityOf(signer);

    const evidence: CmsEvidence = {
      format: 'cms',
      cms: base64,
      detached,
      signedAttributes: si.signedAttributes !== undefined,
      signingTime: signingTime?.toISOString(),
      digestAlgorithm: describeOid(si.digestOid),
      signatureAlgorithm: describeOid(si.signatureOid),
      contentSha256: sha256.digest(bytes).toString('hex'),
      purpose,
      signerCertificatePem: toPem(signer.der),
      chain: path.map(summarize),
      revocation,
      verifiedAt: at.toISOString(),
    };
    if (evidence.signingTime === undefined) delete evidence.signingTime;
    return { format: 'cms', ...identity, certificate: summarize(signer), evidence };
  }

  private readEnvelope(envelope: unknown): { base64: string; der: Buffer } {
    if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope)) {
      throw new SignatureError('signature_malformed', 'the signature must be an object');
    }
    const env = envelope as Record<string, unknown>;
    if (env.format !== 'cms')
      throw new SignatureError('signature_malformed', 'the signature format is not "cms"');
    if (typeof env.cms !== 'string')
      throw new SignatureError('signature_malformed', '"cms" must be a base64 string');
    const base64 = env.cms.replace(/\s+/g, '');
    if (base64.length === 0 || base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
      throw new SignatureError('signature_malformed', '"cms" is not valid base64');
    }
    if ((base64.length / 4) * 3 > this.maxCmsBytes + 2)
      throw new SignatureError('signature_malformed', '"cms" is too large');
    return { base64, der: Buffer.from(base64, 'base64') };
  }

  /**
   * Builds signer -> intermediates (from the CMS) -> trust anchor, checking each link's signature,
   * then the CA constraints of every issuer. Throws certificate_untrusted.
   */
  private buildPath(leaf: ParsedCertificate, pool: ParsedCertificate[], at: Date): ParsedCertificate[] {
    const memo = new Map<string, boolean>();
    const signedBy = (child: ParsedCertificate, issuer: ParsedCertificate): boolean => {
      if (!child.issuer.der.equals(issuer.subject.der)) return false;
      if (child.authorityKeyId && issuer.subjectKeyId && !child.authorityKeyId.equals(issuer.subjectKeyId))
        return false;
      const key = `${child.fingerprintSha256}/${issuer.fingerprintSha256}`;
      let ok = memo.get(key);
      if (ok === undefined) {
        ok = this.certificateSignatureVerifies(child, issuer);
        memo.set(key, ok);
      }
      return ok;
    };
    const validFirst = (a: ParsedCertificate, b: ParsedCertificate) =>
      Number(!isValidAt(a, at)) - Number(!isValidAt(b, at));
    const anchors = [...this.anchors].sort(validFirst);
    const intermediates = pool.filter((c) => !c.der.equals(leaf.der)).sort(validFirst);

    // Depth-first over the CMS's certificates. A certificate from which no anchor was reached is
    // not explored again, so a CMS stuffed with cross-signed look-alikes costs O(n^2), not O(n^depth)
    // (at worst a chain needing a longer detour through it is refused: fail closed).
    const deadEnds = new Set<string>();
    const search = (path: ParsedCertificate[]): ParsedCertificate[] | undefined => {
      const current = path[path.length - 1];
      for (const anchor of anchors) if (signedBy(current, anchor)) return [...path, anchor];
      if (path.length >= MAX_CHAIN) return undefined;
      for (const c of intermediates) {
        if (deadEnds.has(c.fingerprintSha256) || path.some((p) => p.der.equals(c.der))) continue;
        if (signedBy(current, c)) {
          const found = search([...path, c]);
          if (found) return found;
          deadEnds.add(c.fingerprintSha256);
        }
      }
      return undefined;
    };
    const path = search([leaf]);
    if (!path) {
      const selfIssued = leaf.issuer.der.equals(leaf.subject.der);
      throw new SignatureError(
        'certificate_untrusted',
        selfIssued
          ? `the signer certificate "${formatName(leaf.subject)}" is self-issued, not issued by a trusted CA`
          : `the signer certificate (issuer "${formatName(leaf.issuer)}") does not chain to a trusted CA`,
      );
    }
    for (let k = 0; k < path.length; k++) {
      const cert = path[k];
      if (cert.unhandledCriticalExtensions.length) {
        throw new SignatureError(
          'certificate_untrusted',
          `certificate "${formatName(cert.subject)}" has unsupported critical extensions ${cert.unhandledCriticalExtensions.join(', ')}`,
        );
      }
      if (k === 0) continue;
      if (!cert.basicConstraints?.ca) {
        throw new SignatureError(
          'certificate_untrusted',
          `the issuer "${formatName(cert.subject)}" is not a CA`,
        );
      }
      if (cert.keyUsage && !cert.keyUsage.has('keyCertSign')) {
        throw new SignatureError(
          'certificate_untrusted',
          `the issuer "${formatName(cert.subject)}" may not sign certificates`,
        );
      }
      const below = k - 1; // intermediate CA certificates between this issuer and the signer
      if (cert.basicConstraints.pathLen !== undefined && below > cert.basicConstraints.pathLen) {
        throw new SignatureError(
          'certificate_untrusted',
          `path length constraint of "${formatName(cert.subject)}" exceeded`,
        );
      }
    }
    return path;
  }

  private certificateSignatureVerifies(child: ParsedCertificate, issuer: ParsedCertificate): boolean {
    const scheme = this.algorithms.signature(child.signatureOid);
    const digestOid = scheme.impliedDigestOid(child.signatureOid);
    if (!digestOid) return false;
    return scheme.verify({
      data: child.tbs,
      signature: child.signature,
      publicKeyInfo: issuer.spki,
      signatureOid: child.signatureOid,
      digest: this.algorithms.digest(digestOid),
      parameters: child.signatureParams,
    });
  }
}

function findSignerCertificate(cms: CmsSignedData, si: CmsSignerInfo): ParsedCertificate {
  const sid = si.sid;
  const found = cms.certificates.find((c) =>
    'subjectKeyId' in sid
      ? c.subjectKeyId !== undefined && c.subjectKeyId.equals(sid.subjectKeyId)
      : c.issuer.der.equals(sid.issuerDer) && c.serialNumber === sid.serialNumber,
  );
  if (!found)
    throw new SignatureError('signature_malformed', 'the signer certificate is not included in the CMS');
  return found;
}

function single(si: CmsSignerInfo, oid: string, name: string, required: boolean) {
  const attrs = si.signedAttributes!.filter((a) => a.oid === oid);
  if (attrs.length === 0 && !required) return undefined;
  if (attrs.length !== 1 || attrs[0].values.length !== 1) {
    throw new SignatureError(
      'signature_malformed',
      `signed attribute ${name} must occur exactly once with one value`,
    );
  }
  return attrs[0].values[0];
}

function checkSignedAttributes(
  si: CmsSignerInfo,
  eContentType: string,
  contentDigest: Buffer,
  signer: ParsedCertificate,
): Date | undefined {
  try {
    const ct = single(si, CMS_OIDS.contentType, 'contentType', true)!;
    if (decodeOid(ct, 'contentType') !== eContentType) {
      throw new SignatureError('signature_malformed', 'the contentType attribute does not match the content');
    }
    const md = decodeOctets(single(si, CMS_OIDS.messageDigest, 'messageDigest', true)!, 'messageDigest');
    if (!md.equals(contentDigest)) {
      throw new SignatureError(
        'digest_mismatch',
        'the signed message digest is not the digest of the submitted bytes',
      );
    }
    const st = single(si, CMS_OIDS.signingTime, 'signingTime', false);
    const signingTime = st ? decodeTime(st, 'signingTime') : undefined;
    checkSigningCertificate(si, signer);
    return signingTime;
  } catch (e) {
    if (e instanceof Asn1Error)
      throw new SignatureError('signature_malformed', `bad signed attribute: ${e.message}`);
    throw e;
  }
}

/** ESS signing-certificate(-v2) binds the signer certificate into the signature (CAdES-BES). */
function checkSigningCertificate(si: CmsSignerInfo, signer: ParsedCertificate): void {
  const v2 = single(si, CMS_OIDS.signingCertificateV2, 'signingCertificateV2', false);
  const v1 = single(si, CMS_OIDS.signingCertificate, 'signingCertificate', false);
  const attr = v2 ?? v1;
  if (!attr) return;
  const [certs] = expectSequence(attr, 'SigningCertificate');
  const [first] = expectSequence(certs, 'certs');
  const fields = expectSequence(first, 'ESSCertID');
  let i = 0;
  let hashName = 'sha1';
  if (v2) {
    hashName = 'sha256';
    if (fields[0]?.isUniversal(Tag.SEQUENCE)) {
      const oid = decodeOid(fields[0].children[0], 'ESSCertIDv2.hashAlgorithm');
      hashName =
        {
          '2.16.840.1.101.3.4.2.1': 'sha256',
          '2.16.840.1.101.3.4.2.2': 'sha384',
          '2.16.840.1.101.3.4.2.3': 'sha512',
        }[oid] ?? '';
      if (!hashName) return; // e.g. a GOST hash: the registry's signature check still binds the key
      i++;
    }
  }
  const certHash = decodeOctets(fields[i++], 'certHash');
  if (!createHash(hashName).update(signer.der).digest().equals(certHash)) {
    throw new SignatureError(
      'signature_invalid',
      'the signing-certificate attribute does not match the signer certificate',
    );
  }
  const issuerSerial = fields[i];
  if (issuerSerial?.isUniversal(Tag.SEQUENCE)) {
    const serial = issuerSerial.children[1];
    if (serial && decodeIntegerHex(serial) !== signer.serialNumber) {
      throw new SignatureError(
        'signature_invalid',
        'the signing-certificate attribute names another certificate',
      );
    }
  }
}

function isValidAt(cert: ParsedCertificate, at: Date): boolean {
  return at >= cert.notBefore && at <= cert.notAfter;
}

function checkValidity(path: ParsedCertificate[], at: Date): void {
  for (const [k, cert] of path.entries()) {
    const who = k === 0 ? 'the signer certificate' : `CA certificate "${formatName(cert.subject)}"`;
    if (at < cert.notBefore) {
      throw new SignatureError(
        'certificate_expired',
        `${who} is not valid before ${cert.notBefore.toISOString()}`,
      );
    }
    if (at > cert.notAfter) {
      throw new SignatureError('certificate_expired', `${who} expired on ${cert.notAfter.toISOString()}`);
    }
  }
}

function checkKeyUsage(cert: ParsedCertificate, purpose: SignaturePurpose): void {
  const ku = cert.keyUsage;
  if (purpose === 'sign') {
    if (!ku || !(ku.has('digitalSignature') || ku.has('nonRepudiation'))) {
      throw new SignatureError(
        'certificate_key_usage',
        'the certificate is not for signing (needs digitalSignature or nonRepudiation key usage)',
      );
    }
    if (cert.extKeyUsage && !cert.extKeyUsage.includes(OID.eku.emailProtection)) {
      throw new SignatureError(
        'certificate_key_usage',
        'the certificate is not a SIGNATURE key (extended key usage lacks 1.3.6.1.5.5.7.3.4)',
      );
    }
  } else {
    if (!ku || !ku.has('digitalSignature')) {
      throw new SignatureError(
        'certificate_key_usage',
        'the certificate is not for authentication (needs digitalSignature key usage)',
      );
    }
    if (cert.extKeyUsage && !cert.extKeyUsage.includes(OID.eku.clientAuth)) {
      throw new SignatureError(
        'certificate_key_usage',
        'the certificate is not an AUTHENTICATION key (extended key usage lacks 1.3.6.1.5.5.7.3.2)',
      );
    }
  }
}

/** IIN from SERIALNUMBER=IIN…, BIN from OU=BIN…, the name from CN (+ G, NCA's patronymic) or SURNAME + G. */
export function identityOf(
  cert: ParsedCertificate,
): Pick<VerifiedSigner, 'iin' | 'bin' | 'fullName' | 'organization'> {
  const iin = nameValues(cert.subject, OID.serialNumber)
    .map((v) => /^IIN(\d{12})$/.exec(v.trim())?.[1])
    .find(Boolean);
  const bin = nameValues(cert.subject, OID.organizationalUnit)
    .map((v) => /^BIN(\d{12})$/.exec(v.trim())?.[1])
    .find(Boolean);
  if (!iin && !bin) {
    throw new SignatureError(
      'certificate_no_iin',
      'the certificate subject has no SERIALNUMBER=IIN… and no OU=BIN…',
    );
  }
  const cn = nameValues(cert.subject, OID.commonName)[0]?.trim() ?? '';
  const surname = nameValues(cert.subject, OID.surname)[0]?.trim() ?? '';
  const g = nameValues(cert.subject, OID.givenName)[0]?.trim() ?? '';
  let fullName: string;
  if (cn) {
    const words = cn.toLocaleUpperCase().split(/\s+/);
    fullName = g && !words.includes(g.toLocaleUpperCase()) ? `${cn} ${g}` : cn;
  } else {
    fullName = [surname, g].filter(Boolean).join(' ');
  }
  const organization = nameValues(cert.subject, OID.organization)[0]?.trim();
  const out: Pick<VerifiedSigner, 'iin' | 'bin' | 'fullName' | 'organization'> = { fullName };
  if (iin) out.iin = iin;
  if (bin) out.bin = bin;
  if (organization) out.organization = organization;
  return out;
}
