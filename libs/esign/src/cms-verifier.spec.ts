import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlgorithmRegistry, SignatureAlgorithm, rsaPkcs1v15, sha256 } from './algorithms';
import { CmsEvidence, CmsVerifier } from './cms-verifier';
import { DevKeyPair, createDevCa, createIntermediateCa, issuePersonalCertificate, signCms } from './dev-pki';
import { SignatureError } from './errors';
import { RevocationChecker, RevocationQuery } from './revocation';
import { signedBytesOf } from './signed-bytes';

const DAY = 86_400_000;
const now = new Date();
const body = {
  form: 'rally',
  jurisdiction: '750000000',
  purpose: 'За чистый воздух',
  expectedParticipants: 200,
  signature: { placeholder: true },
};
const bytes = signedBytesOf(body);
const env = (cms: string) => ({ format: 'cms', cms });

async function rejection(p: Promise<unknown>): Promise<SignatureError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SignatureError) return e;
    throw e;
  }
  throw new Error('expected a SignatureError');
}
const codeOf = async (p: Promise<unknown>) => (await rejection(p)).code;

const person = {
  iin: '900515301234',
  surname: 'ИВАНОВ',
  givenName: 'ИВАН',
  patronymic: 'ИВАНОВИЧ',
  purpose: 'sign' as const,
};

describe('CmsVerifier with the development PKI', () => {
  let ca: DevKeyPair;
  let inter: DevKeyPair;
  let signer: DevKeyPair;
  let company: DevKeyPair;
  let viaInter: DevKeyPair;
  let verifier: CmsVerifier;

  beforeAll(() => {
    ca = createDevCa({ commonName: 'Jiyn Test Root CA', notBefore: new Date(now.getTime() - 1000 * DAY) });
    inter = createIntermediateCa(ca, { commonName: 'Jiyn Test Intermediate CA', pathLen: 0 });
    signer = issuePersonalCertificate(ca, person);
    company = issuePersonalCertificate(ca, {
      iin: '880202300013',
      bin: '150340000019',
      organization: 'ТОО "Жиын"',
      surname: 'СЕРІКОВ',
      givenName: 'АЙДОС',
      purpose: 'sign',
    });
    viaInter = issuePersonalCertificate(inter, person);
    verifier = new CmsVerifier({ trustedCaPem: ca.certPem });
  });

  /** the signer's person and key, for certificates whose key does not matter (RSA key generation is slow) */
  const sameKey = () => ({ ...person, keyPem: signer.keyPem });

  describe('accepts', () => {
    it('an attached signature, and reads IIN, name and certificate', async () => {
      const cms = signCms(bytes, signer, { signingTime: new Date(now.getTime() - 60_000) });
      const result = await verifier.verify(env(cms), bytes, now);
      expect(result).toMatchObject({ format: 'cms', iin: '900515301234', fullName: 'ИВАНОВ ИВАН ИВАНОВИЧ' });
      expect(result.bin).toBeUndefined();
      expect(result.certificate).toMatchObject({
        subject: 'CN=ИВАНОВ ИВАН, SURNAME=ИВАНОВ, SERIALNUMBER=IIN900515301234, C=KZ, G=ИВАНОВИЧ',
        issuer: 'CN=Jiyn Test Root CA, C=KZ',
      });
      expect(result.certificate!.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
      const evidence = result.evidence as CmsEvidence;
      expect(evidence).toMatchObject({
        format: 'cms',
        cms,
        detached: false,
        signedAttributes: true,
        purpose: 'sign',
        contentSha256: sha256.digest(bytes).toString('hex'),
        signingTime: new Date(Math.floor((now.getTime() - 60_000) / 1000) * 1000).toISOString(),
        verifiedAt: now.toISOString(),
      });
      expect(evidence.chain.map((c) => c.subject)).toEqual([
        result.certificate!.subject,
        'CN=Jiyn Test Root CA, C=KZ',
      ]);
      expect(evidence.signerCertificatePem).toBe(signer.certPem);
      expect(JSON.parse(JSON.stringify(evidence))).toEqual(evidence); // storable as JSON
    });

    it('a detached signature', async () => {
      const result = await verifier.verify(env(signCms(bytes, signer, { detached: true })), bytes, now);
      expect(result).toMatchObject({ iin: '900515301234', fullName: 'ИВАНОВ ИВАН ИВАНОВИЧ' });
      expect((result.evidence as CmsEvidence).detached).toBe(true);
    });

    it("a company employee's certificate: IIN, BIN and organization", async () => {
      const result = await verifier.verify(env(signCms(bytes, company)), bytes, now);
      expect(result).toMatchObject({
        iin: '880202300013',
        bin: '150340000019',
        organization: 'ТОО "Жиын"',
        fullName: 'СЕРІКОВ АЙДОС',
      });
    });

    it('a chain through an intermediate CA carried in the CMS', async () => {
      const result = await verifier.verify(
        env(signCms(bytes, viaInter, { chain: [inter.certPem] })),
        bytes,
        now,
      );
      expect(result.iin).toBe('900515301234');
      expect((result.evidence as CmsEvidence).chain.map((c) => c.subject)).toEqual([
        result.certificate!.subject,
        'CN=Jiyn Test Intermediate CA, C=KZ',
        'CN=Jiyn Test Root CA, C=KZ',
      ]);
    });

    it('a chain ending at a trusted intermediate, and a bundle of several CAs', async () => {
      const trustsInter = new CmsVerifier({ trustedCaPem: inter.certPem });
      await expect(trustsInter.verify(env(signCms(bytes, viaInter)), bytes, now)).resolves.toMatchObject({
        iin: '900515301234',
      });
      const bundle = new CmsVerifier({
        trustedCaPem: [createDevCa({ commonName: 'Unrelated CA' }).certPem + ca.certPem],
      });
      await expect(bundle.verify(env(signCms(bytes, signer)), bytes, now)).resolves.toMatchObject({
        iin: '900515301234',
      });
    });

    it('a SignerInfo without signed attributes (signature directly over the content)', async () => {
      const cms = signCms(bytes, signer, { signedAttributes: false, detached: true });
      const result = await verifier.verify(env(cms), bytes, now);
      expect(result.iin).toBe('900515301234');
      expect((result.evidence as CmsEvidence).signedAttributes).toBe(false);
    });

    it('a signer identified by subject key identifier', async () => {
      const cms = signCms(bytes, signer, { sid: 'subjectKeyIdentifier' });
      await expect(verifier.verify(env(cms), bytes, now)).resolves.toMatchObject({ iin: '900515301234' });
    });

    it('base64 with line breaks, as some clients wrap it', async () => {
      const cms = signCms(bytes, signer).replace(/.{76}/g, '$&\r\n');
      await expect(verifier.verify(env(cms), bytes, now)).resolves.toMatchObject({ iin: '900515301234' });
    });

    it('a certificate that has expired since, when verified at an instant it was valid', async () => {
      const old = issuePersonalCertificate(ca, {
        ...sameKey(),
        notBefore: new Date(now.getTime() - 400 * DAY),
        notAfter: new Date(now.getTime() - 35 * DAY),
      });
      await expect(
        verifier.verify(env(signCms(bytes, old)), bytes, new Date(now.getTime() - 100 * DAY)),
      ).resolves.toMatchObject({
        iin: '900515301234',
      });
    });
  });

  describe('rejects tampering', () => {
    // With signed attributes (what NCALayer makes) altered bytes are caught by the messageDigest
    // attribute: digest_mismatch. Without signed attributes there is no separate digest and the
    // signature itself fails: signature_invalid. An altered signature or signed attribute is
    // always signature_invalid.
    const tampered = signedBytesOf({ ...body, expectedParticipants: 2000 });

    it('of the bytes, detached: digest_mismatch', async () => {
      const cms = signCms(bytes, signer, { detached: true });
      expect(await codeOf(verifier.verify(env(cms), tampered, now))).toBe('digest_mismatch');
    });

    it('of the bytes, attached (the content is not the submitted bytes): digest_mismatch', async () => {
      const cms = signCms(bytes, signer);
      expect(await codeOf(verifier.verify(env(cms), tampered, now))).toBe('digest_mismatch');
    });

    it('of the bytes without signed attributes: signature_invalid', async () => {
      const cms = signCms(bytes, signer, { detached: true, signedAttributes: false });
      expect(await codeOf(verifier.verify(env(cms), tampered, now))).toBe('signature_invalid');
    });

    it('of the signature value: signature_invalid', async () => {
      const der = Buffer.from(signCms(bytes, signer), 'base64');
      der[der.length - 1] ^= 0x01; // the signature OCTET STRING ends the structure
      expect(await codeOf(verifier.verify(env(der.toString('base64')), bytes, now))).toBe(
        'signature_invalid',
      );
    });

    it('of a signed attribute (the signing time): signature_invalid', async () => {
      const der = Buffer.from(
        signCms(bytes, signer, { signingTime: new Date('2025-03-14T05:00:00Z') }),
        'base64',
      );
      const at = der.indexOf('250314050000Z', 0, 'latin1');
      expect(at).toBeGreaterThan(0);
      der.write('250314050001Z', at, 'latin1');
      expect(await codeOf(verifier.verify(env(der.toString('base64')), bytes, now))).toBe(
        'signature_invalid',
      );
    });

    it('a signature made with another key than the embedded certificate: signature_invalid', async () => {
      const other = issuePersonalCertificate(ca, person);
      const mixed = signCms(bytes, { certPem: signer.certPem, keyPem: other.keyPem });
      expect(await codeOf(verifier.verify(env(mixed), bytes, now))).toBe('signature_invalid');
    });
  });

  describe('rejects certificates', () => {
    it('expired: certificate_expired', async () => {
      const expired = issuePersonalCertificate(ca, {
        ...sameKey(),
        notBefore: new Date(now.getTime() - 400 * DAY),
        notAfter: new Date(now.getTime() - 35 * DAY),
      });
      const e = await rejection(verifier.verify(env(signCms(bytes, expired)), bytes, now));
      expect(e.code).toBe('certificate_expired');
      expect(e.message).toMatch(/expired/);
    });

    it('not yet valid: certificate_expired', async () => {
      const future = issuePersonalCertificate(ca, {
        ...sameKey(),
        notBefore: new Date(now.getTime() + 10 * DAY),
        notAfter: new Date(now.getTime() + 400 * DAY),
      });
      const e = await rejection(verifier.verify(env(signCms(bytes, future)), bytes, now));
      expect(e.code).toBe('certificate_expired');
      expect(e.message).toMatch(/not valid before/);
    });

    it('under an expired intermediate CA: certificate_expired', async () => {
      const oldInter = createIntermediateCa(ca, {
        commonName: 'Old Intermediate',
        notBefore: new Date(now.getTime() - 800 * DAY),
        notAfter: new Date(now.getTime() - DAY),
      });
      const leaf = issuePersonalCertificate(oldInter, {
        ...person,
        notBefore: new Date(now.getTime() - 10 * DAY),
      });
      expect(
        await codeOf(verifier.verify(env(signCms(bytes, leaf, { chain: [oldInter.certPem] })), bytes, now)),
      ).toBe('certificate_expired');
    });

    it('from a foreign CA, even one with the same name as the trusted CA: certificate_untrusted', async () => {
      const impostorCa = createDevCa({ commonName: 'Jiyn Test Root CA' });
      const impostor = issuePersonalCertificate(impostorCa, person);
      expect(await codeOf(verifier.verify(env(signCms(bytes, impostor)), bytes, now))).toBe(
        'certificate_untrusted',
      );
      // carrying its own root inside the CMS does not make it trusted
      const withRoot = signCms(bytes, impostor, { chain: [impostorCa.certPem] });
      expect(await codeOf(verifier.verify(env(withRoot), bytes, now))).toBe('certificate_untrusted');
      const otherCa = createDevCa({ commonName: 'Some Other CA' });
      const foreign = issuePersonalCertificate(otherCa, person);
      expect(
        await codeOf(verifier.verify(env(signCms(bytes, foreign, { chain: [otherCa.certPem] })), bytes, now)),
      ).toBe('certificate_untrusted');
    });

    it('self-signed personal certificate (the FCALayer trick): certificate_untrusted', async () => {
      const selfSigned = issuePersonalCertificate('self-signed', person);
      const e = await rejection(verifier.verify(env(signCms(bytes, selfSigned)), bytes, now));
      expect(e.code).toBe('certificate_untrusted');
      expect(e.message).toMatch(/self-issued/);
    });

    it('issued by a personal certificate that is not a CA: certificate_untrusted', async () => {
      const notCa = issuePersonalCertificate(ca, { ...person, iin: '880202300013' });
      const leaf = issuePersonalCertificate(notCa, person);
      const e = await rejection(
        verifier.verify(env(signCms(bytes, leaf, { chain: [notCa.certPem] })), bytes, now),
      );
      expect(e.code).toBe('certificate_untrusted');
      expect(e.message).toMatch(/not a CA/);
    });

    it("beyond an intermediate's path length constraint: certificate_untrusted", async () => {
      const sub = createIntermediateCa(inter, { commonName: 'Too Deep CA' }); // inter has pathLen 0
      const leaf = issuePersonalCertificate(sub, person);
      const e = await rejection(
        verifier.verify(env(signCms(bytes, leaf, { chain: [sub.certPem, inter.certPem] })), bytes, now),
      );
      expect(e.code).toBe('certificate_untrusted');
      expect(e.message).toMatch(/path length/);
    });

    it('whose intermediate is missing from the CMS: certificate_untrusted', async () => {
      expect(await codeOf(verifier.verify(env(signCms(bytes, viaInter)), bytes, now))).toBe(
        'certificate_untrusted',
      );
    });

    it('with keyEncipherment only: certificate_key_usage', async () => {
      const cert = issuePersonalCertificate(ca, { ...sameKey(), keyUsage: ['keyEncipherment'] });
      expect(await codeOf(verifier.verify(env(signCms(bytes, cert)), bytes, now))).toBe(
        'certificate_key_usage',
      );
    });

    it('without a key usage extension: certificate_key_usage', async () => {
      const cert = issuePersonalCertificate(ca, { ...sameKey(), keyUsage: null });
      expect(await codeOf(verifier.verify(env(signCms(bytes, cert)), bytes, now))).toBe(
        'certificate_key_usage',
      );
    });

    it('an AUTHENTICATION key (clientAuth EKU) used to sign: certificate_key_usage', async () => {
      const auth = issuePersonalCertificate(ca, { ...sameKey(), purpose: 'auth' });
      const e = await rejection(verifier.verify(env(signCms(bytes, auth)), bytes, now));
      expect(e.code).toBe('certificate_key_usage');
      expect(e.message).toMatch(/SIGNATURE key/);
      // ...which is what login asks for
      await expect(
        verifier.verify(env(signCms(bytes, auth)), bytes, now, { purpose: 'auth' }),
      ).resolves.toMatchObject({ iin: '900515301234' });
    });

    it('a SIGNATURE key used to log in: certificate_key_usage', async () => {
      expect(
        await codeOf(verifier.verify(env(signCms(bytes, signer)), bytes, now, { purpose: 'auth' })),
      ).toBe('certificate_key_usage');
    });

    it('no EKU extension at all is fine when the key usage fits', async () => {
      const cert = issuePersonalCertificate(ca, { ...sameKey(), extKeyUsage: null });
      await expect(verifier.verify(env(signCms(bytes, cert)), bytes, now)).resolves.toMatchObject({
        iin: '900515301234',
      });
    });

    it('without SERIALNUMBER=IIN and OU=BIN: certificate_no_iin', async () => {
      const anonymous = issuePersonalCertificate(ca, {
        surname: 'ИВАНОВ',
        givenName: 'ИВАН',
        purpose: 'sign',
        keyPem: signer.keyPem,
      });
      expect(await codeOf(verifier.verify(env(signCms(bytes, anonymous)), bytes, now))).toBe(
        'certificate_no_iin',
      );
    });

    it('revoked, as the revocation checker reports: certificate_revoked', async () => {
      const queries: RevocationQuery[] = [];
      const revocation: RevocationChecker = {
        async check(q) {
          queries.push(q);
          return q.certificate.subject.der.equals(q.issuer.subject.der)
            ? { status: 'good' }
            : { status: 'revoked', revokedAt: '2025-01-01T00:00:00.000Z', source: 'test' };
        },
      };
      const checking = new CmsVerifier({ trustedCaPem: ca.certPem, revocation });
      const e = await rejection(checking.verify(env(signCms(bytes, signer)), bytes, now));
      expect(e.code).toBe('certificate_revoked');
      expect(queries).toHaveLength(1);
      expect(queries[0].issuer.subject.rdns[0][0].value).toBe('Jiyn Test Root CA');
      expect(queries[0].at).toBe(now);
    });

    it('records the revocation answers as evidence', async () => {
      const good: RevocationChecker = { check: async () => ({ status: 'good', source: 'ocsp:test' }) };
      const checking = new CmsVerifier({ trustedCaPem: ca.certPem, revocation: good });
      const result = await checking.verify(
        env(signCms(bytes, viaInter, { chain: [inter.certPem] })),
        bytes,
        now,
      );
      expect((result.evidence as CmsEvidence).revocation.map((r) => r.status)).toEqual(['good', 'good']);
    });
  });

  describe('rejects malformed envelopes: signature_malformed', () => {
    it.each([
      ['not base64', 'this is not base64!'],
      ['empty', ''],
      ['base64 of a few bytes', 'AAAA'],
      ['base64 of text', Buffer.from('hello world, not DER').toString('base64')],
      ['an X.509 certificate instead of a CMS', 'MIIB'],
    ])('%s', async (_, cms) => {
      expect(await codeOf(verifier.verify(env(cms), bytes, now))).toBe('signature_malformed');
    });

    it('a truncated CMS, or one with trailing bytes', async () => {
      const der = Buffer.from(signCms(bytes, signer), 'base64');
      expect(
        await codeOf(verifier.verify(env(der.subarray(0, der.length - 10).toString('base64')), bytes, now)),
      ).toBe('signature_malformed');
      expect(
        await codeOf(
          verifier.verify(env(Buffer.concat([der, Buffer.from([0])]).toString('base64')), bytes, now),
        ),
      ).toBe('signature_malformed');
    });

    it('a certificate sent instead of a CMS', async () => {
      const certB64 = signer.certPem.replace(/-----[^-]+-----|\s/g, '');
      expect(await codeOf(verifier.verify(env(certB64), bytes, now))).toBe('signature_malformed');
    });

    it('bad envelope shapes', async () => {
      for (const e of [
        null,
        'cms',
        [],
        { format: 'cms' },
        { format: 'cms', cms: 42 },
        { format: 'stub', cms: 'AAAA' },
      ]) {
        expect(await codeOf(verifier.verify(e, bytes, now))).toBe('signature_malformed');
      }
    });

    it('a CMS without the signer certificate', async () => {
      const e = await rejection(
        verifier.verify(env(signCms(bytes, signer, { embedCertificates: false })), bytes, now),
      );
      expect(e.code).toBe('signature_malformed');
      expect(e.message).toMatch(/signer certificate/);
    });

    it('a CMS larger than the limit', async () => {
      const small = new CmsVerifier({ trustedCaPem: ca.certPem, maxCmsBytes: 512 });
      expect(await codeOf(small.verify(env(signCms(bytes, signer)), bytes, now))).toBe('signature_malformed');
    });
  });

  describe('the algorithm seam', () => {
    it('refuses algorithms it has no provider for: signature_algorithm_unsupported', async () => {
      const noRsa = new CmsVerifier({
        trustedCaPem: ca.certPem,
        algorithms: new AlgorithmRegistry([sha256], []),
      });
      const e = await rejection(noRsa.verify(env(signCms(bytes, signer)), bytes, now));
      expect(e.code).toBe('signature_algorithm_unsupported');
      expect(e.message).toMatch(/rsaEncryption/);
    });

    it('uses the signature schemes registered by OID (where GOST plugs in)', async () => {
      const rsa = rsaPkcs1v15();
      const calls: string[] = [];
      const spy: SignatureAlgorithm = {
        ...rsa,
        name: 'spy',
        verify: (c) => (calls.push(c.signatureOid), rsa.verify(c)),
      };
      const algorithms = new AlgorithmRegistry([sha256], [spy]);
      const v = new CmsVerifier({ trustedCaPem: ca.certPem, algorithms });
      await expect(v.verify(env(signCms(bytes, signer)), bytes, now)).resolves.toMatchObject({
        iin: '900515301234',
      });
      // once for the SignerInfo (rsaEncryption), once for the certificate (sha256WithRSAEncryption)
      expect(calls).toEqual(['1.2.840.113549.1.1.1', '1.2.840.113549.1.1.11']);
    });
  });

  it('needs a valid Date', async () => {
    await expect(verifier.verify(env(signCms(bytes, signer)), bytes, new Date('nope'))).rejects.toThrow(
      TypeError,
    );
  });
});

describe('CmsVerifier with CMS made by OpenSSL (libs/esign/scripts/make-openssl-fixtures.sh)', () => {
  const dir = join(__dirname, '__fixtures__', 'openssl');
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const content = readFileSync(join(dir, 'content.bin'));
  const at = new Date('2030-01-01T00:00:00Z');
  const verifier = new CmsVerifier({ trustedCaPem: read('ca.pem') });
  const expected = {
    format: 'cms',
    iin: '880202300013',
    bin: '150340000019',
    organization: 'ТОО "Тест"',
    fullName: 'СЕРІКОВ АЙДОС ЕРЛАНҰЛЫ',
  };

  it('verifies an attached, streamed (BER, indefinite-length) signature like NCALayer emits', async () => {
    const cms = read('attached-ber.b64');
    expect(cms.startsWith('MIAGCSqGSIb3DQEHAqCA')).toBe(true);
    await expect(verifier.verify(env(cms), content, at)).resolves.toMatchObject(expected);
  });

  it('verifies a detached CAdES-BES signature with signingCertificateV2 and a key-id signer', async () => {
    const result = await verifier.verify(env(read('detached-cades.b64')), content, at);
    expect(result).toMatchObject(expected);
    expect((result.evidence as CmsEvidence).signingTime).toMatch(/^\d{4}-/);
  });

  it('rejects them over other bytes', async () => {
    const other = Buffer.from(content.toString('utf8').replace('picket', 'rally__'));
    expect(await codeOf(verifier.verify(env(read('attached-ber.b64')), other, at))).toBe('digest_mismatch');
    expect(await codeOf(verifier.verify(env(read('detached-cades.b64')), other, at))).toBe('digest_mismatch');
  });

  it('rejects them against another trust store', async () => {
    const other = new CmsVerifier({
      trustedCaPem: createDevCa({ commonName: 'OpenSSL Test Root (Jiyn)' }).certPem,
    });
    expect(await codeOf(other.verify(env(read('attached-ber.b64')), content, at))).toBe(
      'certificate_untrusted',
    );
  });
});
