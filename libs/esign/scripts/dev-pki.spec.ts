import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CmsVerifier } from '../src/cms-verifier';
import { signedBytesOf } from '../src/signed-bytes';
import { StubVerifier } from '../src/stub-verifier';

// Runs the script the way the README says: node -r @swc-node/register libs/esign/scripts/dev-pki.ts …
const root = resolve(__dirname, '../../..');
const cli = (...args: string[]) =>
  execFileSync(process.execPath, ['-r', '@swc-node/register', 'libs/esign/scripts/dev-pki.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('dev-pki CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dev-pki-'));
  const out = join(dir, '.dev-pki');
  const bodyPath = join(dir, 'body.json');
  const body = { form: 'picket', purpose: 'Тест', expectedParticipants: 1, signature: { old: true } };

  beforeAll(() => {
    writeFileSync(bodyPath, JSON.stringify(body, null, 2));
    cli('init', '--out', out);
    cli('issue', '--iin', '900515301234', '--name', 'SURNAME GIVENNAME', '--out', out);
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('signs the canonical bytes of a body without its signature, verifiable against the CA', async () => {
    const envelope = JSON.parse(
      cli(
        'sign',
        '--key',
        join(out, '900515301234-sign.key.pem'),
        '--cert',
        join(out, '900515301234-sign.cert.pem'),
        '--file',
        bodyPath,
      ),
    );
    expect(envelope.format).toBe('cms');
    const verifier = new CmsVerifier({ trustedCaPem: readFileSync(join(out, 'ca.cert.pem'), 'utf8') });
    await expect(verifier.verify(envelope, signedBytesOf(body), new Date())).resolves.toMatchObject({
      iin: '900515301234',
      fullName: 'SURNAME GIVENNAME',
    });
  }, 30_000);

  it('embeds a stub signature into the body', async () => {
    const signed = JSON.parse(
      cli('stub', '--iin', '900515301234', '--name', 'SURNAME GIVENNAME', '--file', bodyPath, '--embed'),
    );
    expect(signed.purpose).toBe('Тест');
    await expect(
      new StubVerifier().verify(signed.signature, signedBytesOf(signed), new Date()),
    ).resolves.toMatchObject({
      iin: '900515301234',
    });
  }, 30_000);

  it('refuses to overwrite a CA', () => {
    expect(() => cli('init', '--out', out)).toThrow(/exists/);
  }, 30_000);
});
