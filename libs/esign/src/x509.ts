import { createHash } from 'node:crypto';
import {
  Asn1Error,
  Asn1Node,
  Tag,
  decodeBitString,
  decodeBoolean,
  decodeIntegerHex,
  decodeOctets,
  decodeOid,
  decodeSmallInteger,
  decodeString,
  decodeTime,
  expectSequence,
  expectUniversal,
  parseAsn1,
} from './der';
import type { CertificateSummary } from './types';

// X.509 certificate parsing over the raw-preserving reader: key-type agnostic, so a GOST
// certificate parses as well as an RSA one (node-forge's pki refuses non-RSA keys).

export const OID = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  locality: '2.5.4.7',
  state: '2.5.4.8',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  givenName: '2.5.4.42',
  email: '1.2.840.113549.1.9.1',
  ext: {
    subjectKeyIdentifier: '2.5.29.14',
    keyUsage: '2.5.29.15',
    privateKeyUsagePeriod: '2.5.29.16',
    subjectAltName: '2.5.29.17',
    issuerAltName: '2.5.29.18',
    basicConstraints: '2.5.29.19',
    crlDistributionPoints: '2.5.29.31',
    certificatePolicies: '2.5.29.32',
    authorityKeyIdentifier: '2.5.29.35',
    extKeyUsage: '2.5.29.37',
    freshestCrl: '2.5.29.46',
    subjectDirectoryAttributes: '2.5.29.9',
    authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  },
  eku: {
    clientAuth: '1.3.6.1.5.5.7.3.2',
    emailProtection: '1.3.6.1.5.5.7.3.4',
  },
} as const;

const SHORT_NAMES: Record<string, string> = {
  [OID.commonName]: 'CN',
  [OID.surname]: 'SURNAME',
  [OID.serialNumber]: 'SERIALNUMBER',
  [OID.country]: 'C',
  [OID.locality]: 'L',
  [OID.state]: 'ST',
  [OID.organization]: 'O',
  [OID.organizationalUnit]: 'OU',
  [OID.givenName]: 'G',
  [OID.email]: 'E',
  '0.9.2342.19200300.100.1.25': 'DC',
  '2.5.4.9': 'STREET',
  '2.5.4.12': 'T',
};

/** Extensions this code understands; an unknown *critical* extension makes a certificate unusable (RFC 5280 4.2). */
const UNDERSTOOD_EXTENSIONS = new Set<string>(Object.values(OID.ext));

export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly';

const KEY_USAGE_BITS: KeyUsageName[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

export interface NameAttribute {
  oid: string;
  value: string;
}

export interface DistinguishedName {
  /** the Name exactly as encoded (chain building compares these bytes) */
  der: Buffer;
  /** RDNs in encoded order; each RDN a set of attributes (almost always one) */
  rdns: NameAttribute[][];
}

export interface Extension {
  critical: boolean;
  value: Buffer;
}

export interface ParsedCertificate {
  der: Buffer;
  /** TBSCertificate exactly as encoded: what the issuer signed */
  tbs: Buffer;
  version: number;
  serialNumber: string;
  /** signatureAlgorithm of the outer Certificate */
  signatureOid: string;
  signatureParams?: Buffer;
  signature: Buffer;
  issuer: DistinguishedName;
  subject: DistinguishedName;
  notBefore: Date;
  notAfter: Date;
  /** SubjectPublicKeyInfo DER */
  spki: Buffer;
  publicKeyOid: string;
  extensions: Map<string, Extension>;
  basicConstraints?: { ca: boolean; pathLen?: number };
  keyUsage?: Set<KeyUsageName>;
  extKeyUsage?: string[];
  subjectKeyId?: Buffer;
  authorityKeyId?: Buffer;
  /** OIDs of critical extensions this code does not process */
  unhandledCriticalExtensions: string[];
  fingerprintSha256: string;
}

export function parseCertificate(der: Uint8Array): ParsedCertificate {
  return parseCertificateNode(parseAsn1(der));
}

export function parseCertificateNode(node: Asn1Node): ParsedCertificate {
  const [tbsNode, outerAlg, sigNode] = expectSequence(node, 'Certificate');
  const tbsParts = expectSequence(tbsNode, 'TBSCertificate');
  if (!outerAlg || !sigNode) throw new Asn1Error('Certificate: missing fields');
  let i = 0;
  let version = 1;
  if (tbsParts[0]?.isContext(0)) {
    version = decodeSmallInteger(tbsParts[0].children[0], 'version') + 1;
    i++;
  }
  const serialNumber = decodeIntegerHex(tbsParts[i++], 'serialNumber');
  const tbsAlg = tbsParts[i++];
  const issuer = parseName(tbsParts[i++], 'issuer');
  const [nb, na] = expectSequence(tbsParts[i++], 'validity');
  const subject = parseName(tbsParts[i++], 'subject');
  const spkiNode = tbsParts[i++];
  const [spkiAlg] = expectSequence(spkiNode, 'subjectPublicKeyInfo');
  const publicKeyOid = decodeOid(expectSequence(spkiAlg, 'SPKI algorithm')[0], 'SPKI algorithm');
  const extensions = new Map<string, Extension>();
  for (; i < tbsParts.length; i++) {
    const part = tbsParts[i];
    if (part.isContext(3)) {
      for (const ext of expectSequence(part.children[0], 'extensions')) {
        const fields = expectSequence(ext, 'extension');
        const oid = decodeOid(fields[0], 'extnID');
        const critical = fields.length === 3 ? decodeBoolean(fields[1], 'critical') : false;
        const value = decodeOctets(fields[fields.length - 1], 'extnValue');
        if (extensions.has(oid)) throw new Asn1Error(`duplicate extension ${oid}`);
        extensions.set(oid, { critical, value });
      }
    }
  }
  const alg = expectSequence(outerAlg, 'signatureAlgorithm');
  if (!tbsAlg || !tbsAlg.raw.equals(outerAlg.raw))
    throw new Asn1Error('signature algorithm differs between TBSCertificate and Certificate');
  const { unusedBits, bytes: signature } = decodeBitString(sigNode, 'signatureValue');
  if (unusedBits !== 0) throw new Asn1Error('signatureValue has unused bits');

  const cert: ParsedCertificate = {
    der: Buffer.from(node.raw),
    tbs: Buffer.from(tbsNode.raw),
    version,
    serialNumber,
    signatureOid: decodeOid(alg[0], 'signatureAlgorithm'),
    signatureParams: alg[1] && !alg[1].isUniversal(Tag.NULL) ? Buffer.from(alg[1].raw) : undefined,
    signature: Buffer.from(signature),
    issuer,
    subject,
    notBefore: decodeTime(nb, 'notBefore'),
    notAfter: decodeTime(na, 'notAfter'),
    spki: Buffer.from(spkiNode.raw),
    publicKeyOid,
    extensions,
    unhandledCriticalExtensions: [...extensions]
      .filter(([oid, e]) => e.critical && !UNDERSTOOD_EXTENSIONS.has(oid))
      .map(([oid]) => oid),
    fingerprintSha256: createHash('sha256').update(node.raw).digest('hex'),
  };
  decodeKnownExtensions(cert);
  return cert;
}

function parseName(node: Asn1Node | undefined, what: string): DistinguishedName {
  const rdns = expectSequence(node, what).map((rdn) =>
    expectUniversal(rdn, Tag.SET, `${what} RDN`).children.map((atv) => {
      const [type, value] = expectSequence(atv, `${what} attribute`);
      if (!value) throw new Asn1Error(`${what}: attribute without a value`);
      const oid = decodeOid(type, `${what} attribute type`);
      return { oid, value: decodeString(value, `${what} ${SHORT_NAMES[oid] ?? oid}`) };
    }),
  );
  return { der: Buffer.from(node!.raw), rdns };
}

function decodeKnownExtensions(cert: ParsedCertificate): void {
  const get = (oid: string) => cert.extensions.get(oid)?.value;
  const bc = get(OID.ext.basicConstraints);
  if (bc) {
    const fields = expectSequence(parseAsn1(bc), 'basicConstraints');
    let ca = false;
    let pathLen: number | undefined;
    for (const f of fields) {
      if (f.isUniversal(Tag.BOOLEAN)) ca = decodeBoolean(f, 'cA');
      else if (f.isUniversal(Tag.INTEGER)) pathLen = decodeSmallInteger(f, 'pathLenConstraint');
    }
    cert.basicConstraints = { ca, pathLen };
  }
  const ku = get(OID.ext.keyUsage);
  if (ku) {
    const { bytes } = decodeBitString(parseAsn1(ku), 'keyUsage');
    const set = new Set<KeyUsageName>();
    KEY_USAGE_BITS.forEach((name, bit) => {
      const byte = bytes[bit >> 3] ?? 0;
      if (byte & (0x80 >> (bit & 7))) set.add(name);
    });
    cert.keyUsage = set;
  }
  const eku = get(OID.ext.extKeyUsage);
  if (eku)
    cert.extKeyUsage = expectSequence(parseAsn1(eku), 'extKeyUsage').map((n) => decodeOid(n, 'KeyPurposeId'));
  const ski = get(OID.ext.subjectKeyIdentifier);
  if (ski) cert.subjectKeyId = Buffer.from(decodeOctets(parseAsn1(ski), 'subjectKeyIdentifier'));
  const aki = get(OID.ext.authorityKeyIdentifier);
  if (aki) {
    const keyId = expectSequence(parseAsn1(aki), 'authorityKeyIdentifier').find((n) => n.isContext(0));
    if (keyId) cert.authorityKeyId = Buffer.from(keyId.content);
  }
}

// ---- names -----------------------------------------------------------------------------------

export function nameValues(name: DistinguishedName, oid: string): string[] {
  return name.rdns
    .flat()
    .filter((a) => a.oid === oid)
    .map((a) => a.value);
}

/** `CN=ИВАНОВ ИВАН, SURNAME=ИВАНОВ, SERIALNUMBER=IIN900515301234, C=KZ` (encoded order, as NCA tools print it). */
export function formatName(name: DistinguishedName): string {
  return name.rdns
    .map((rdn) => rdn.map((a) => `${SHORT_NAMES[a.oid] ?? a.oid}=${escapeDnValue(a.value)}`).join('+'))
    .join(', ');
}

function escapeDnValue(v: string): string {
  return v.replace(/[,+"\\<>;=]/g, (c) => `\\${c}`).replace(/^[ #]|[ ]$/g, (c) => `\\${c}`);
}

export function summarize(cert: ParsedCertificate): CertificateSummary {
  return {
    serialNumber: cert.serialNumber,
    issuer: formatName(cert.issuer),
    subject: formatName(cert.subject),
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    fingerprintSha256: cert.fingerprintSha256,
  };
}

export function toPem(der: Buffer): string {
  const b64 = der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}-----END CERTIFICATE-----\n`;
}

/** All CERTIFICATE blocks of a PEM bundle, as DER. */
export function pemCertificates(pem: string): Buffer[] {
  const out: Buffer[] = [];
  const re = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
  for (let m = re.exec(pem); m; m = re.exec(pem)) out.push(Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
  return out;
}
