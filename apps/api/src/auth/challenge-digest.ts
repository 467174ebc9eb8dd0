import { createHash } from 'node:crypto';
import { decodeOctets, parseCmsSignedData } from '@jiyn/esign';

const MESSAGE_DIGEST_OID = '1.2.840.113549.1.9.4';

/**
 * The SHA-256 (hex) of the bytes a login signature covers, read from the envelope itself, so that
 * the client need not send the challenge back: a stub envelope names it, an attached CMS carries
 * the content, a detached one its messageDigest attribute. Undefined when it cannot be told.
 */
export function signedContentDigest(envelope: unknown): string | undefined {
  const e = envelope as { format?: unknown; digest?: unknown; cms?: unknown } | null;
  if (!e || typeof e !== 'object') return undefined;
  if (e.format === 'stub')
    return typeof e.digest === 'string' && /^[0-9a-f]{64}$/i.test(e.digest)
      ? e.digest.toLowerCase()
      : undefined;
  if (e.format !== 'cms' || typeof e.cms !== 'string') return undefined;
  try {
    const signed = parseCmsSignedData(Buffer.from(e.cms, 'base64'));
    if (signed.eContent) return createHash('sha256').update(signed.eContent).digest('hex');
    const digest = signed.signerInfos[0]?.signedAttributes?.find((a) => a.oid === MESSAGE_DIGEST_OID);
    return digest?.values[0] ? decodeOctets(digest.values[0]).toString('hex') : undefined;
  } catch {
    return undefined;
  }
}
