import { lang } from '../i18n';
import { connectNcaLayer, ncaSign } from './ncalayer';
import { stubEnvelope } from './stub';
import { askStubIdentity, type StubIdentity } from './stub-dialog';
import type { SignPurpose, Signed } from './types';

export { signedJsonOf, signedUtf8Of, canonicalJson } from './canonical-json';
export { utf8 } from './encoding';
export * from './types';

/**
 * Signs `bytes`: with NCALayer when it answers on this computer (a CMS from the person's key),
 * otherwise with the development stub after asking who signs. Says which one it used.
 */
export async function signBytes(
  bytes: Uint8Array,
  purpose: SignPurpose,
  signer?: Partial<StubIdentity>,
): Promise<Signed> {
  const ws = await connectNcaLayer();
  if (ws) {
    const cms = await ncaSign(ws, bytes, purpose, lang());
    return { envelope: { format: 'cms', cms }, method: 'ncalayer' };
  }
  const who = await askStubIdentity(signer);
  return { envelope: await stubEnvelope(bytes, who), method: 'stub' };
}
