import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign as cryptoSign,
  createHash,
} from 'node:crypto';
import forge from 'node-forge';
import { DIGEST_OIDS, RSA_OIDS } from './algorithms';
import { CMS_OIDS } from './cms';
import type { SignaturePurpose } from './types';
import { KeyUsageName, OID, parseCertificate, pemCertificates } from './x509';

// A development PKI that looks like NCA's, so that `cms` runs end to end without mocks:
// a root CA, optional intermediate CAs, personal SIGNATURE/AUTHENTICATION certificates with
// NCA-style subjects, and a CAdES-BES signer. Never trust this CA in production.
//
// Keys come from node:crypto (fast), certificates are assembled with node-forge and signed with
// node:crypto, and the issuer name is copied byte for byte from the issuing certificate.

export interface DevKeyPair {
  certPem: string;
  /** PKCS#8 PEM, unencrypted */
  keyPem: string;
}

export interface CaOptions {
  commonName: string;
  /** validity from notBefore (default: now - 1 day); default 3650 days */
  validDays?: number;
  notBefore?: Date;
  notAfter?: Date;
  organization?: string;
  /** basicConstraints pathLenConstraint */
  pathLen?: number;
  /** reuse this RSA private key (PKCS#8 PEM) instead of generating one */
  keyPem?: string;
}

export interface PersonalCertificateOptions {
  iin?: string;
  /** a legal entity's BIN, put in OU=BIN… (with O=organization) */
  bin?: string;
  organization?: string;
  surname: string;
  givenName: string;
  /** NCA puts the patronymic in G (2.5.4.42) */
  patronymic?: string;
  email?: string;
  purpose: SignaturePurpose;
  /** default: now - 1 hour */
  notBefore?: Date;
  /** default: notBefore + 365 days */
  notAfter?: Date;
  /** override the key usage (tests); null leaves the extension out */
  keyUsage?: KeyUsageName[] | null;
  /** override the extended key usage OIDs (tests); null leaves the extension out */
  extKeyUsage?: string[] | null;
  /** mark the certificate as a CA (tests: a personal certificate abused as an issuer is still refused without it) */
  ca?: boolean;
  /** reuse this RSA private key (PKCS#8 PEM) instead of generating one (tests: key generation takes ~0.3 s) */
  keyPem?: string;
}

export interface SignCmsOptions {
  /** detached: the content is not encapsulated (default false: attached) */
  detached?: boolean;
  /** further certificates to embed (PEM), e.g. intermediate CAs */
  chain?: string[];
  /** default: now */
  signingTime?: Date;
  /** false signs the content directly without signed attributes (default true) */
  signedAttributes?: boolean;
  /** include the ESS signing-certificate-v2 attribute (default true; CAdES-BES) */
  signingCertificateV2?: boolean;
  /** identify the signer by issuer+serial (default) or by subject key identifier */
  sid?: 'issuerAndSerialNumber' | 'subjectKeyIdentifier';
  /** false leaves all certificates out (tests; NCALayer always embeds the signer's) */
  embedCertificates?: boolean;
}

const DAY = 86_400_000;

export function createDevCa(options: CaOptions): DevKeyPair {
  return createCa('self-signed', options);
}

export function createIntermediateCa(parent: DevKeyPair, options: CaOptions): DevKeyPair {
  return createCa(parent, options);
}

function createCa(issuer: DevKeyPair | 'self-signed', options: CaOptions): DevKeyPair {
  const notBefore = options.notBefore ?? new Date(Date.now() - DAY);
  const notAfter = options.notAfter ?? new Date(notBefore.getTime() + (options.validDays ?? 3650) * DAY);
  const subject: forge.pki.CertificateField[] = [utf8(OID.commonName, options.commonName)];
  if (options.organization) subject.push(utf8(OID.organization, options.organization));
  subject.push(printable(OID.country, 'KZ'));
  const bc: Record<string, unknown> = { name: 'basicConstraints', cA: true, critical: true };
  if (options.pathLen !== undefined) bc.pathLenConstraint = options.pathLen;
  return issue(issuer, subject, notBefore, notAfter, [
    bc,
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ]);
}

/** A personal certificate with an NCA-like subject: CN="SURNAME GIVENNAME", SURNAME, SERIALNUMBER=IIN…, C=KZ, [O, OU=BIN…], G=patronymic. */
export function issuePersonalCertificate(
  ca: DevKeyPair | 'self-signed',
  options: PersonalCertificateOptions,
): DevKeyPair {
  const notBefore = options.notBefore ?? new Date(Date.now() - 3_600_000);
  const notAfter = options.notAfter ?? new Date(notBefore.getTime() + 365 * DAY);
  const subject: forge.pki.CertificateField[] = [
    utf8(OID.commonName, `${options.surname} ${options.givenName}`),
    utf8(OID.surname, options.surname),
  ];
  if (options.iin) subject.push(printable(OID.serialNumber, `IIN${options.iin}`));
  subject.push(printable(OID.country, 'KZ'));
  if (options.organization) subject.push(utf8(OID.organization, options.organization));
  if (options.bin) subject.push(utf8(OID.organizationalUnit, `BIN${options.bin}`));
  if (options.patronymic) subject.push(utf8(OID.givenName, options.patronymic));
  if (options.email) subject.push(field(OID.email, options.email, forge.asn1.Type.IA5STRING));

  const sign = options.purpose === 'sign';
  const keyUsage =
    options.keyUsage === undefined
      ? sign
        ? ['digitalSignature', 'nonRepudiation']
        : ['digitalSignature', 'keyEncipherment']
      : options.keyUsage;
  const eku =
    options.extKeyUsage === undefined
      ? [sign ? OID.eku.emailProtection : OID.eku.clientAuth]
      : options.extKeyUsage;
  const extensions: Record<string, unknown>[] = [];
  if (options.ca) extensions.push({ name: 'basicConstraints', cA: true, critical: true });
  if (keyUsage) {
    const ku: Record<string, unknown> = { name: 'keyUsage', critical: true };
    for (const k of keyUsage) ku[k] = true;
    if (options.ca) ku.keyCertSign = true;
    extensions.push(ku);
  }
  if (eku) {
    // built here: forge's extKeyUsage shortcut mangles OIDs it knows by name
    extensions.push({ id: OID.ext.extKeyUsage, value: seq(...eku.map(oid)).toString('binary') });
  }
  return issue(ca, subject, notBefore, notAfter, extensions, options.keyPem);
}

// (@types/node-forge types valueTagClass as a tag class; forge reads it as the universal tag)
function field(type: string, value: string, tag: number): forge.pki.CertificateField {
  return { type, value, valueTagClass: tag } as unknown as forge.pki.CertificateField;
}

function utf8(type: string, value: string): forge.pki.CertificateField {
  return field(type, value, forge.asn1.Type.UTF8);
}

function printable(type: string, value: string): forge.pki.CertificateField {
  return field(type, value, forge.asn1.Type.PRINTABLESTRING);
}

// untyped in @types/node-forge
const getTBSCertificate = (
  forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 }
).getTBSCertificate;

function issue(
  issuer: DevKeyPair | 'self-signed',
  subject: forge.pki.CertificateField[],
  notBefore: Date,
  notAfter: Date,
  extensions: Record<string, unknown>[],
  keyPem?: string,
): DevKeyPair {
  const { publicKey, privateKey } = keyPem
    ? {
        publicKey: createPublicKey(keyPem).export({ type: 'spki', format: 'pem' }).toString(),
        privateKey: keyPem,
      }
    : generateKeyPairSync('rsa', {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  cert.setSubject(subject);
  cert.setIssuer(subject); // replaced below by the issuer's exact name bytes
  const ownSki = cert.generateSubjectKeyIdentifier().getBytes();
  let issuerSki = ownSki;
  let issuerNameDer: Buffer | undefined;
  if (issuer !== 'self-signed') {
    const parsed = parseCertificate(pemCertificates(issuer.certPem)[0]);
    issuerNameDer = parsed.subject.der;
    issuerSki = parsed.subjectKeyId ? parsed.subjectKeyId.toString('binary') : ownSki;
  }
  cert.setExtensions([
    ...extensions,
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: issuerSki },
  ]);
  // forge needs these set to produce the TBS; the signature itself is made by node:crypto.
  cert.signatureOid = RSA_OIDS.sha256WithRSAEncryption;
  (cert as unknown as { siginfo: { algorithmOid: string } }).siginfo.algorithmOid =
    RSA_OIDS.sha256WithRSAEncryption;
  const tbs = getTBSCertificate(cert);
  if (issuerNameDer)
    (tbs.value as forge.asn1.Asn1[])[3] = forge.asn1.fromDer(issuerNameDer.toString('binary'));
  const tbsDer = Buffer.from(forge.asn1.toDer(tbs).getBytes(), 'binary');
  const signingKey = issuer === 'self-signed' ? privateKey : issuer.keyPem;
  const signature = cryptoSign('sha256', tbsDer, createPrivateKey(signingKey));
  const certDer = seq(
    tbsDer,
    algorithmIdentifier(RSA_OIDS.sha256WithRSAEncryption),
    tlv(0x03, Buffer.from([0]), signature),
  );
  return { certPem: pem('CERTIFICATE', certDer), keyPem: privateKey };
}

function randomSerial(): string {
  const b = randomBytes(16);
  b[0] = (b[0] & 0x7f) | 0x10; // positive, no leading zero octet
  return b.toString('hex');
}

// ---- CMS -------------------------------------------------------------------------------------

/** CAdES-BES CMS SignedData over `bytes`, SHA-256 with RSA, certificates embedded. Returns base64 DER. */
export function signCms(bytes: Uint8Array, signer: DevKeyPair, options: SignCmsOptions = {}): string {
  const content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signerDer = pemCertificates(signer.certPem)[0];
  const signerCert = parseCertificate(signerDer);
  const chainDers = (options.chain ?? []).flatMap(pemCertificates);
  const digestAlg = algorithmIdentifier(DIGEST_OIDS.sha256);
  const useSki = options.sid === 'subjectKeyIdentifier';
  if (useSki && !signerCert.subjectKeyId)
    throw new Error('signCms: the certificate has no subject key identifier');

  let signedAttrs: Buffer | undefined;
  let toSign: Buffer = content;
  if (options.signedAttributes !== false) {
    const attrs = [
      attribute(CMS_OIDS.contentType, oid(CMS_OIDS.data)),
      attribute(CMS_OIDS.signingTime, utcTime(options.signingTime ?? new Date())),
      attribute(CMS_OIDS.messageDigest, tlv(0x04, createHash('sha256').update(content).digest())),
    ];
    if (options.signingCertificateV2 !== false) {
      // SigningCertificateV2 { certs SEQUENCE OF ESSCertIDv2 { certHash } } (hashAlgorithm defaults to SHA-256)
      const essCertId = seq(tlv(0x04, createHash('sha256').update(signerDer).digest()));
      attrs.push(attribute(CMS_OIDS.signingCertificateV2, seq(seq(essCertId))));
    }
    attrs.sort(Buffer.compare); // DER SET OF order
    toSign = tlv(0x31, ...attrs);
    signedAttrs = tlv(0xa0, ...attrs);
  }
  const signature = cryptoSign('sha256', toSign, createPrivateKey(signer.keyPem));
  const sid = useSki
    ? tlv(0x80, signerCert.subjectKeyId!)
    : seq(signerCert.issuer.der, integerFromHex(signerCert.serialNumber));
  const signerInfo = seq(
    integer(useSki ? 3 : 1),
    sid,
    digestAlg,
    ...(signedAttrs ? [signedAttrs] : []),
    algorithmIdentifier(RSA_OIDS.rsaEncryption),
    tlv(0x04, signature),
  );
  const encap = options.detached
    ? seq(oid(CMS_OIDS.data))
    : seq(oid(CMS_OIDS.data), tlv(0xa0, tlv(0x04, content)));
  const signedData = seq(
    integer(useSki ? 3 : 1),
    tlv(0x31, digestAlg),
    encap,
    ...(options.embedCertificates === false ? [] : [tlv(0xa0, signerDer, ...chainDers)]),
    tlv(0x31, signerInfo),
  );
  return seq(oid(CMS_OIDS.signedData), tlv(0xa0, signedData)).toString('base64');
}

/** `{"format":"cms","cms":…}` over `bytes`. */
export function createCmsEnvelope(bytes: Uint8Array, signer: DevKeyPair, options?: SignCmsOptions) {
  return { format: 'cms' as const, cms: signCms(bytes, signer, options) };
}

// ---- a minimal DER writer --------------------------------------------------------------------

function tlv(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const n = body.length;
  let len: Buffer;
  if (n < 0x80) len = Buffer.from([n]);
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
    len = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), len, body]);
}

function seq(...parts: Buffer[]): Buffer {
  return tlv(0x30, ...parts);
}

function oid(dotted: string): Buffer {
  return tlv(0x06, Buffer.from(forge.asn1.oidToDer(dotted).getBytes(), 'binary'));
}

function integer(n: number): Buffer {
  return tlv(0x02, Buffer.from([n]));
}

function integerFromHex(hex: string): Buffer {
  let b = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}

function algorithmIdentifier(dotted: string): Buffer {
  return seq(oid(dotted), Buffer.from([0x05, 0x00]));
}

function attribute(type: string, value: Buffer): Buffer {
  return seq(oid(type), tlv(0x31, value));
}

function utcTime(d: Date): Buffer {
  const year = d.getUTCFullYear();
  const p = (n: number) => String(n).padStart(2, '0');
  const body = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  return year >= 1950 && year < 2050
    ? tlv(0x17, Buffer.from(`${p(year % 100)}${body}`))
    : tlv(0x18, Buffer.from(`${year}${body}`));
}

function pem(label: string, der: Buffer): string {
  return `-----BEGIN ${label}-----\n${der.toString('base64').replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}
