import { createHash, createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { SignatureError } from './errors';

// The algorithm seam. Digests and signature schemes are looked up by OID, so NCA's GOST
// algorithms can be added later by registering a DigestAlgorithm and a SignatureAlgorithm (backed
// by Kalkan, an NCANode-type service, or a GOST library) without touching CmsVerifier:
//
//   const algorithms = AlgorithmRegistry.defaults().withDigest(gost34311).withSignature(gost34310);
//   new CmsVerifier({ trustedCaPem, algorithms });

export interface DigestAlgorithm {
  readonly oid: string;
  readonly name: string;
  digest(data: Uint8Array): Buffer;
}

export interface SignatureCheck {
  /** what was signed: the DER SET of signed attributes, the content, or a TBSCertificate */
  data: Buffer;
  signature: Buffer;
  /** the signer's SubjectPublicKeyInfo, DER */
  publicKeyInfo: Buffer;
  /** the OID of the signature algorithm (SignerInfo.signatureAlgorithm or Certificate.signatureAlgorithm) */
  signatureOid: string;
  /** the digest algorithm to use (SignerInfo.digestAlgorithm, or the one the signature OID implies) */
  digest: DigestAlgorithm;
  /** DER of the AlgorithmIdentifier parameters, when present and not NULL */
  parameters?: Buffer;
}

export interface SignatureAlgorithm {
  readonly name: string;
  /** signature algorithm OIDs this scheme verifies */
  readonly oids: readonly string[];
  /** the digest OID a combined OID fixes (sha256WithRSAEncryption -> sha256), undefined for a bare key OID */
  impliedDigestOid(signatureOid: string): string | undefined;
  /** true when the signature verifies; false when it does not; SignatureError for an unusable key */
  verify(check: SignatureCheck): boolean;
}

export const DIGEST_OIDS = {
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
} as const;

export const RSA_OIDS = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
  sha384WithRSAEncryption: '1.2.840.113549.1.1.12',
  sha512WithRSAEncryption: '1.2.840.113549.1.1.13',
} as const;

/** NCA's GOST algorithm OIDs (recognised so the error can name them; no provider is built in). */
export const GOST_OIDS = {
  /** GOST 34.311-95 hash */
  gost34311_95: '1.2.398.3.10.1.3.1',
  /** GOST R 34.11-2015 (Streebog) 256 / 512 */
  gost34112015_256: '1.2.398.3.10.1.3.2',
  gost34112015_512: '1.2.398.3.10.1.3.3',
  /** GOST 34.310-2004 public key */
  gost34310_2004Key: '1.2.398.3.10.1.1.1.1',
  /** GOST 34.311-95 with GOST 34.310-2004 (ECGOST34310) */
  gost34310_2004: '1.2.398.3.10.1.1.1.2',
  /** GOST R 34.10-2015 with GOST R 34.11-2015, 256 / 512 bit */
  gost34102015_256: '1.2.398.3.10.1.1.2.3.1',
  gost34102015_512: '1.2.398.3.10.1.1.2.3.2',
} as const;

const KNOWN_NAMES: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
  '1.2.840.113549.1.1.1': 'rsaEncryption',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.3.14.3.2.26': 'SHA-1',
  '1.2.840.113549.2.5': 'MD5',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  [GOST_OIDS.gost34311_95]: 'GOST 34.311-95',
  [GOST_OIDS.gost34112015_256]: 'GOST R 34.11-2015 (256)',
  [GOST_OIDS.gost34112015_512]: 'GOST R 34.11-2015 (512)',
  [GOST_OIDS.gost34310_2004Key]: 'GOST 34.310-2004',
  [GOST_OIDS.gost34310_2004]: 'GOST 34.310-2004 with GOST 34.311-95',
  [GOST_OIDS.gost34102015_256]: 'GOST R 34.10-2015 (256)',
  [GOST_OIDS.gost34102015_512]: 'GOST R 34.10-2015 (512)',
};

function nodeDigest(oid: string, name: string, nodeName: string): DigestAlgorithm {
  return { oid, name, digest: (data) => createHash(nodeName).update(data).digest() };
}

export const sha256: DigestAlgorithm = nodeDigest(DIGEST_OIDS.sha256, 'SHA-256', 'sha256');
export const sha384: DigestAlgorithm = nodeDigest(DIGEST_OIDS.sha384, 'SHA-384', 'sha384');
export const sha512: DigestAlgorithm = nodeDigest(DIGEST_OIDS.sha512, 'SHA-512', 'sha512');

const NODE_HASH: Record<string, string> = {
  [DIGEST_OIDS.sha256]: 'sha256',
  [DIGEST_OIDS.sha384]: 'sha384',
  [DIGEST_OIDS.sha512]: 'sha512',
};

/** RSASSA-PKCS1-v1_5 through node:crypto (OpenSSL). */
export function rsaPkcs1v15(options: { minModulusBits?: number } = {}): SignatureAlgorithm {
  const minBits = options.minModulusBits ?? 2048;
  const implied: Record<string, string> = {
    [RSA_OIDS.sha256WithRSAEncryption]: DIGEST_OIDS.sha256,
    [RSA_OIDS.sha384WithRSAEncryption]: DIGEST_OIDS.sha384,
    [RSA_OIDS.sha512WithRSAEncryption]: DIGEST_OIDS.sha512,
  };
  return {
    name: 'RSASSA-PKCS1-v1_5',
    oids: Object.values(RSA_OIDS),
    impliedDigestOid: (oid) => implied[oid],
    verify({ data, signature, publicKeyInfo, digest }) {
      const hash = NODE_HASH[digest.oid];
      if (!hash)
        throw new SignatureError(
          'signature_algorithm_unsupported',
          `RSA with ${digest.name} is not supported`,
        );
      let key;
      try {
        key = createPublicKey({ key: publicKeyInfo, format: 'der', type: 'spki' });
      } catch {
        throw new SignatureError(
          'signature_algorithm_unsupported',
          'the public key cannot be read as an RSA key',
        );
      }
      if (key.asymmetricKeyType !== 'rsa') {
        throw new SignatureError(
          'signature_algorithm_unsupported',
          `an RSA signature with a ${key.asymmetricKeyType} key`,
        );
      }
      const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
      if (bits < minBits) {
        throw new SignatureError(
          'signature_algorithm_unsupported',
          `RSA key of ${bits} bits is below the minimum of ${minBits}`,
        );
      }
      try {
        return cryptoVerify(hash, data, key, signature);
      } catch {
        return false;
      }
    },
  };
}

export class AlgorithmRegistry {
  private readonly digests = new Map<string, DigestAlgorithm>();
  private readonly signatures = new Map<string, SignatureAlgorithm>();

  constructor(digests: readonly DigestAlgorithm[] = [], signatures: readonly SignatureAlgorithm[] = []) {
    digests.forEach((d) => this.digests.set(d.oid, d));
    signatures.forEach((s) => s.oids.forEach((oid) => this.signatures.set(oid, s)));
  }

  /** SHA-256/384/512 and RSA PKCS#1 v1.5 (2048 bits and more). */
  static defaults(): AlgorithmRegistry {
    return new AlgorithmRegistry([sha256, sha384, sha512], [rsaPkcs1v15()]);
  }

  /** A copy with one more digest (e.g. GOST 34.311-95). */
  withDigest(d: DigestAlgorithm): AlgorithmRegistry {
    return new AlgorithmRegistry([...this.digests.values(), d], [...new Set(this.signatures.values())]);
  }

  /** A copy with one more signature scheme (e.g. GOST 34.310-2004). */
  withSignature(s: SignatureAlgorithm): AlgorithmRegistry {
    return new AlgorithmRegistry([...this.digests.values()], [...new Set(this.signatures.values()), s]);
  }

  digest(oid: string): DigestAlgorithm {
    const d = this.digests.get(oid);
    if (!d)
      throw new SignatureError(
        'signature_algorithm_unsupported',
        `digest algorithm ${describeOid(oid)} is not supported`,
      );
    return d;
  }

  signature(oid: string): SignatureAlgorithm {
    const s = this.signatures.get(oid);
    if (!s)
      throw new SignatureError(
        'signature_algorithm_unsupported',
        `signature algorithm ${describeOid(oid)} is not supported`,
      );
    return s;
  }
}

export function describeOid(oid: string): string {
  return KNOWN_NAMES[oid] ? `${KNOWN_NAMES[oid]} (${oid})` : oid;
}
