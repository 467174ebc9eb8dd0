import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDevCa, issuePersonalCertificate, signCms } from './dev-pki';
import { SignatureError } from './errors';
import { createVerifierRegistry, createVerifierRegistryFromEnv, parseProvidersSetting } from './registry';
import { createStubEnvelope } from './stub-verifier';

const at = new Date();
const bytes = Buffer.from('challenge-123', 'utf8');
const stubEnvelope = createStubEnvelope(bytes, { iin: '900515301234', fullName: 'SURNAME GIVENNAME' });

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SignatureError) return e.code;
    throw e;
  }
  throw new Error('expected a SignatureError');
}

describe('parseProvidersSetting', () => {
  it('defaults to stub,cms outside production and cms in production', () => {
    expect(parseProvidersSetting(undefined, undefined)).toEqual(['stub', 'cms']);
    expect(parseProvidersSetting('', 'development')).toEqual(['stub', 'cms']);
    expect(parseProvidersSetting(' ', 'test')).toEqual(['stub', 'cms']);
    expect(parseProvidersSetting(undefined, 'production')).toEqual(['cms']);
  });

  it('reads a comma list, case and spaces aside, without duplicates', () => {
    expect(parseProvidersSetting(' CMS , stub,cms', 'development')).toEqual(['cms', 'stub']);
    expect(parseProvidersSetting('stub', 'test')).toEqual(['stub']);
    expect(parseProvidersSetting('cms', 'production')).toEqual(['cms']);
  });

  it('refuses stub in production and unknown names', () => {
    expect(() => parseProvidersSetting('stub,cms', 'production')).toThrow(/refused in production/);
    expect(() => parseProvidersSetting('cms,xml', 'development')).toThrow(/unknown provider "xml"/);
  });
});

describe('createVerifierRegistry', () => {
  let caPem: string;
  let cmsEnvelope: { format: 'cms'; cms: string };

  beforeAll(() => {
    const ca = createDevCa({ commonName: 'Registry Test CA' });
    caPem = ca.certPem;
    const person = issuePersonalCertificate(ca, {
      iin: '900515301234',
      surname: 'SURNAME',
      givenName: 'GIVENNAME',
      purpose: 'auth',
    });
    cmsEnvelope = { format: 'cms', cms: signCms(bytes, person) };
  });

  it('dispatches on the format', async () => {
    const registry = createVerifierRegistry({ providers: ['stub', 'cms'], trustedCaPem: caPem });
    await expect(registry.verify(stubEnvelope, bytes, at)).resolves.toMatchObject({
      format: 'stub',
      iin: '900515301234',
    });
    await expect(registry.verify(cmsEnvelope, bytes, at, { purpose: 'auth' })).resolves.toMatchObject({
      format: 'cms',
      iin: '900515301234',
      fullName: 'SURNAME GIVENNAME',
    });
  });

  it('passes the purpose through: an AUTH key does not sign filings', async () => {
    const registry = createVerifierRegistry({ providers: ['cms'], trustedCaPem: caPem });
    expect(await codeOf(registry.verify(cmsEnvelope, bytes, at))).toBe('certificate_key_usage');
    const loginRegistry = createVerifierRegistry({
      providers: ['cms'],
      trustedCaPem: caPem,
      purpose: 'auth',
    });
    await expect(loginRegistry.verify(cmsEnvelope, bytes, at)).resolves.toMatchObject({
      iin: '900515301234',
    });
  });

  it('refuses stub when it is not configured: signature_format_not_accepted', async () => {
    const registry = createVerifierRegistry({ providers: ['cms'], trustedCaPem: caPem });
    expect(registry.providers).toEqual(['cms']);
    expect(await codeOf(registry.verify(stubEnvelope, bytes, at))).toBe('signature_format_not_accepted');
  });

  it('refuses cms when only stub is configured, and unknown formats', async () => {
    const registry = createVerifierRegistry({ providers: ['stub'] });
    expect(await codeOf(registry.verify(cmsEnvelope, bytes, at))).toBe('signature_format_not_accepted');
    expect(await codeOf(registry.verify({ format: 'xml', xml: '<a/>' }, bytes, at))).toBe(
      'signature_format_not_accepted',
    );
    expect(await codeOf(registry.verify({ format: '__proto__' }, bytes, at))).toBe(
      'signature_format_not_accepted',
    );
  });

  it('calls an envelope without a format malformed', async () => {
    const registry = createVerifierRegistry({ providers: ['stub'] });
    for (const e of [null, 'stub', [], {}, { format: 1 }]) {
      expect(await codeOf(registry.verify(e, bytes, at))).toBe('signature_malformed');
    }
  });

  it('needs trusted CAs for cms', () => {
    expect(() => createVerifierRegistry({ providers: ['cms'] })).toThrow(/trusted CA/);
    expect(() => createVerifierRegistry({ providers: ['cms'], trustedCaPem: 'not a pem' })).toThrow(
      /no trusted CA/,
    );
  });

  it('refuses a trust store entry that is not a CA', () => {
    const ca = createDevCa({ commonName: 'Other CA' });
    const leaf = issuePersonalCertificate(ca, {
      iin: '900515301234',
      surname: 'A',
      givenName: 'B',
      purpose: 'sign',
    });
    expect(() => createVerifierRegistry({ providers: ['cms'], trustedCaPem: leaf.certPem })).toThrow(
      /not a CA/,
    );
  });

  it('is built from the environment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esign-'));
    const path = join(dir, 'ca.pem');
    writeFileSync(path, caPem);
    const registry = createVerifierRegistryFromEnv({ NODE_ENV: 'production', ESIGN_TRUSTED_CA: path });
    expect(registry.providers).toEqual(['cms']);
    expect(await codeOf(registry.verify(stubEnvelope, bytes, at))).toBe('signature_format_not_accepted');
    expect(() => createVerifierRegistryFromEnv({ NODE_ENV: 'production' })).toThrow(/ESIGN_TRUSTED_CA/);
    expect(() =>
      createVerifierRegistryFromEnv({ NODE_ENV: 'production', ESIGN_TRUSTED_CA: join(dir, 'missing.pem') }),
    ).toThrow(/cannot read/);
    expect(() =>
      createVerifierRegistryFromEnv({
        NODE_ENV: 'production',
        ESIGN_PROVIDERS: 'stub',
        ESIGN_TRUSTED_CA: path,
      }),
    ).toThrow(/production/);
    // outside production with nothing configured: stub only, instead of refusing to start
    expect(createVerifierRegistryFromEnv({ NODE_ENV: 'development' }).providers).toEqual(['stub']);
    expect(createVerifierRegistryFromEnv({ ESIGN_TRUSTED_CA: path }).providers).toEqual(['stub', 'cms']);
    // but an explicit cms without a CA is an error
    expect(() => createVerifierRegistryFromEnv({ ESIGN_PROVIDERS: 'cms' })).toThrow(/ESIGN_TRUSTED_CA/);
    rmSync(dir, { recursive: true, force: true });
  });
});
