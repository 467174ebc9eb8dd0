import { sha256Hex } from './encoding';
import type { SignatureEnvelope } from './types';

/**
 * The development envelope: it binds an IIN and a name to the SHA-256 of the bytes and proves
 * nothing about the person. The api accepts it only where `stub` is in ESIGN_PROVIDERS.
 */
export async function stubEnvelope(
  bytes: Uint8Array,
  who: { iin: string; fullName: string },
): Promise<SignatureEnvelope> {
  return { format: 'stub', iin: who.iin, fullName: who.fullName, digest: await sha256Hex(bytes) };
}
