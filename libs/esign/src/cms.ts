import {
  Asn1Error,
  Asn1Node,
  Tag,
  decodeOctets,
  decodeOid,
  decodeSmallInteger,
  expectSequence,
  expectUniversal,
  parseAsn1,
  withUniversalSetTag,
} from './der';
import { ParsedCertificate, parseCertificateNode } from './x509';

// CMS SignedData (RFC 5652) parsing. Structure only; cms-verifier.ts decides what it means.

export const CMS_OIDS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

export interface CmsAttribute {
  oid: string;
  values: Asn1Node[];
}

export interface CmsSignerInfo {
  version: number;
  sid: { issuerDer: Buffer; serialNumber: string } | { subjectKeyId: Buffer };
  digestOid: string;
  /** the signed attributes, re-tagged as the DER `SET OF` that was signed; undefined when absent */
  signedAttributesDer?: Buffer;
  signedAttributes?: CmsAttribute[];
  signatureOid: string;
  signatureParams?: Buffer;
  signature: Buffer;
}

export interface CmsSignedData {
  version: number;
  digestOids: string[];
  eContentType: string;
  /** the encapsulated content, undefined for a detached signature */
  eContent?: Buffer;
  certificates: ParsedCertificate[];
  signerInfos: CmsSignerInfo[];
}

/** Parses a ContentInfo holding SignedData. Throws Asn1Error on any structural problem. */
export function parseCmsSignedData(der: Uint8Array): CmsSignedData {
  const [ct, content, ...rest] = expectSequence(parseAsn1(der), 'ContentInfo');
  if (rest.length) throw new Asn1Error('ContentInfo: unexpected fields');
  const contentType = decodeOid(ct, 'contentType');
  if (contentType !== CMS_OIDS.signedData)
    throw new Asn1Error(`ContentInfo: not SignedData (${contentType})`);
  if (!content?.isContext(0) || !content.constructed) throw new Asn1Error('ContentInfo: missing [0] content');
  const [sd] = content.children;
  const parts = expectSequence(sd, 'SignedData');

  let i = 0;
  const version = decodeSmallInteger(parts[i++], 'SignedData.version');
  const digestOids = expectUniversal(parts[i++], Tag.SET, 'digestAlgorithms').children.map((alg) =>
    decodeOid(expectSequence(alg, 'DigestAlgorithmIdentifier')[0], 'digestAlgorithm'),
  );
  const [eType, eContentWrap, ...eRest] = expectSequence(parts[i++], 'EncapsulatedContentInfo');
  if (eRest.length) throw new Asn1Error('EncapsulatedContentInfo: unexpected fields');
  const eContentType = decodeOid(eType, 'eContentType');
  let eContent: Buffer | undefined;
  if (eContentWrap) {
    if (!eContentWrap.isContext(0) || !eContentWrap.constructed)
      throw new Asn1Error('EncapsulatedContentInfo: bad eContent');
    const [octets, ...more] = eContentWrap.children;
    if (!octets || more.length) throw new Asn1Error('eContent: expected one OCTET STRING');
    eContent = Buffer.from(decodeOctets(octets, 'eContent'));
  }

  const certificates: ParsedCertificate[] = [];
  if (parts[i]?.isContext(0)) {
    for (const choice of parts[i].children) {
      // CertificateChoices: only plain X.509 certificates matter; attribute certs etc. are skipped.
      if (choice.isUniversal(Tag.SEQUENCE)) certificates.push(parseCertificateNode(choice));
    }
    i++;
  }
  if (parts[i]?.isContext(1)) i++; // crls / other revocation info: not used
  const signerInfos = expectUniversal(parts[i++], Tag.SET, 'signerInfos').children.map(parseSignerInfo);
  if (i !== parts.length) throw new Asn1Error('SignedData: unexpected fields');
  return { version, digestOids, eContentType, eContent, certificates, signerInfos };
}

function parseSignerInfo(node: Asn1Node): CmsSignerInfo {
  const parts = expectSequence(node, 'SignerInfo');
  let i = 0;
  const version = decodeSmallInteger(parts[i++], 'SignerInfo.version');
  const sidNode = parts[i++];
  let sid: CmsSignerInfo['sid'];
  if (sidNode?.isUniversal(Tag.SEQUENCE)) {
    const [issuer, serial] = sidNode.children;
    expectUniversal(issuer, Tag.SEQUENCE, 'sid.issuer');
    expectUniversal(serial, Tag.INTEGER, 'sid.serialNumber');
    let s = serial.content;
    while (s.length > 1 && s[0] === 0) s = s.subarray(1);
    sid = { issuerDer: Buffer.from(issuer.raw), serialNumber: s.toString('hex') };
  } else if (sidNode?.isContext(0) && !sidNode.constructed) {
    sid = { subjectKeyId: Buffer.from(sidNode.content) };
  } else {
    throw new Asn1Error('SignerInfo: bad sid');
  }
  const digestOid = decodeOid(expectSequence(parts[i++], 'digestAlgorithm')[0], 'digestAlgorithm');
  let signedAttributesDer: Buffer | undefined;
  let signedAttributes: CmsAttribute[] | undefined;
  if (parts[i]?.isContext(0)) {
    const attrs = parts[i++];
    if (!attrs.constructed) throw new Asn1Error('signedAttrs must be constructed');
    if (attrs.indefinite) throw new Asn1Error('signedAttrs must be DER (definite length)');
    signedAttributesDer = withUniversalSetTag(attrs);
    signedAttributes = attrs.children.map((a) => {
      const [type, values, ...more] = expectSequence(a, 'Attribute');
      if (more.length) throw new Asn1Error('Attribute: unexpected fields');
      return {
        oid: decodeOid(type, 'attrType'),
        values: expectUniversal(values, Tag.SET, 'attrValues').children,
      };
    });
  }
  const sigAlg = expectSequence(parts[i++], 'signatureAlgorithm');
  const signatureOid = decodeOid(sigAlg[0], 'signatureAlgorithm');
  const signatureParams =
    sigAlg[1] && !sigAlg[1].isUniversal(Tag.NULL) ? Buffer.from(sigAlg[1].raw) : undefined;
  const signature = Buffer.from(decodeOctets(parts[i++], 'signature'));
  if (parts[i]?.isContext(1)) i++; // unsigned attributes (e.g. a timestamp token): not used yet
  if (i !== parts.length) throw new Asn1Error('SignerInfo: unexpected fields');
  return {
    version,
    sid,
    digestOid,
    signedAttributesDer,
    signedAttributes,
    signatureOid,
    signatureParams,
    signature,
  };
}
