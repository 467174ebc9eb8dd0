import { SignatureError } from './errors';
import { signedBytesOf } from './signed-bytes';
import { StubVerifier, createStubEnvelope } from './stub-verifier';

const at = new Date('2025-03-14T05:00:00Z');
const body = { form: 'picket', purpose: 'Тест', signature: null };
const bytes = signedBytesOf(body);

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SignatureError) return e.code;
    throw e;
  }
  throw new Error('expected a SignatureError');
}

describe('StubVerifier', () => {
  const stub = new StubVerifier();

  it('accepts a valid IIN and the digest of the bytes', async () => {
    const envelope = createStubEnvelope(bytes, { iin: '900515301234', fullName: 'SURNAME GIVENNAME' });
    const signer = await stub.verify(envelope, bytes, at);
    expect(signer).toEqual({
      format: 'stub',
      iin: '900515301234',
      fullName: 'SURNAME GIVENNAME',
      evidence: {
        format: 'stub',
        iin: '900515301234',
        fullName: 'SURNAME GIVENNAME',
        digest: envelope.digest,
        verifiedAt: at.toISOString(),
      },
    });
    expect(signer.certificate).toBeUndefined();
  });

  it('accepts an upper-case hex digest', async () => {
    const envelope = createStubEnvelope(bytes, { iin: '900515301234', fullName: 'X Y' });
    await expect(
      stub.verify({ ...envelope, digest: envelope.digest.toUpperCase() }, bytes, at),
    ).resolves.toMatchObject({ iin: '900515301234' });
  });

  it('rejects a digest that is not of these bytes: digest_mismatch', async () => {
    const envelope = createStubEnvelope(bytes, { iin: '900515301234', fullName: 'X Y' });
    const tampered = signedBytesOf({ ...body, purpose: 'Другое' });
    expect(await codeOf(stub.verify(envelope, tampered, at))).toBe('digest_mismatch');
  });

  it('rejects an IIN that fails the checksum: iin_invalid', async () => {
    const envelope = createStubEnvelope(bytes, { iin: '900515301235', fullName: 'X Y' });
    expect(await codeOf(stub.verify(envelope, bytes, at))).toBe('iin_invalid');
  });

  it.each([
    ['not an object', 'stub'],
    ['null', null],
    ['an array', []],
    ['wrong format', { format: 'cms', iin: '900515301234', fullName: 'X', digest: 'a'.repeat(64) }],
    ['IIN of 11 digits', { format: 'stub', iin: '90051530123', fullName: 'X', digest: 'a'.repeat(64) }],
    ['IIN as a number', { format: 'stub', iin: 900515301234, fullName: 'X', digest: 'a'.repeat(64) }],
    ['empty name', { format: 'stub', iin: '900515301234', fullName: '  ', digest: 'a'.repeat(64) }],
    ['short digest', { format: 'stub', iin: '900515301234', fullName: 'X', digest: 'abc' }],
    ['no digest', { format: 'stub', iin: '900515301234', fullName: 'X' }],
  ])('rejects a malformed envelope (%s): signature_malformed', async (_, envelope) => {
    expect(await codeOf(stub.verify(envelope, bytes, at))).toBe('signature_malformed');
  });
});
