// Development PKI command line (never for production keys):
//
//   node -r @swc-node/register libs/esign/scripts/dev-pki.ts init  --out .dev-pki [--cn "Jiyn Dev Root CA"] [--days 3650] [--force]
//   node -r @swc-node/register libs/esign/scripts/dev-pki.ts issue --out .dev-pki --iin 900515301234 --name "SURNAME GIVENNAME"
//        [--patronymic P] [--bin 123456789012 --org "LLP Name"] [--purpose sign|auth] [--days 365]
//   node -r @swc-node/register libs/esign/scripts/dev-pki.ts sign  --key K.pem --cert C.pem --file body.json [--detached] [--embed]
//   node -r @swc-node/register libs/esign/scripts/dev-pki.ts sign  --key K.pem --cert C.pem --text "<login challenge>"
//   node -r @swc-node/register libs/esign/scripts/dev-pki.ts stub  --iin 900515301234 --name "SURNAME GIVENNAME" --file body.json
//
// `sign --file` signs the RFC 8785 canonical JSON of the file's object without its `signature`
// member (what the API verifies for filings and decisions); `--raw` signs the file's bytes as
// they are; `--text` signs a string's UTF-8 (the login challenge). It prints the envelope JSON,
// or with `--embed` the body with the envelope put in its `signature` member.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signedJsonOf } from '../src/canonical-json';
import { createDevCa, issuePersonalCertificate, signCms } from '../src/dev-pki';
import { createStubEnvelope } from '../src/stub-verifier';

type Args = { _: string[]; [flag: string]: string | boolean | string[] };

const BOOLEAN_FLAGS = new Set(['detached', 'embed', 'raw', 'force', 'help']);

function parseArgs(argv: string[]): Args {
  const args: Args = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      args._.push(a);
      continue;
    }
    const name = a.slice(2);
    if (BOOLEAN_FLAGS.has(name)) {
      args[name] = true;
      continue;
    }
    const value = argv[++i];
    if (value === undefined) fail(`--${name} needs a value`);
    if (name === 'chain') args.chain = [...((args.chain as string[]) ?? []), value];
    else args[name] = value;
  }
  return args;
}

function fail(message: string): never {
  console.error(`dev-pki: ${message}`);
  process.exit(2);
}

function str(args: Args, name: string, required = true): string | undefined {
  const v = args[name];
  if (typeof v === 'string' && v !== '') return v;
  if (required) fail(`--${name} is required`);
  return undefined;
}

function init(args: Args): void {
  const out = str(args, 'out')!;
  const certPath = join(out, 'ca.cert.pem');
  const keyPath = join(out, 'ca.key.pem');
  if (existsSync(certPath) && !args.force) fail(`${certPath} exists (use --force to replace the CA)`);
  mkdirSync(out, { recursive: true });
  const ca = createDevCa({
    commonName: str(args, 'cn', false) ?? 'Jiyn Dev Root CA',
    validDays: Number(str(args, 'days', false) ?? 3650),
  });
  writeFileSync(certPath, ca.certPem);
  writeFileSync(keyPath, ca.keyPem, { mode: 0o600 });
  console.log(`CA written: ${certPath} (trust it with ESIGN_TRUSTED_CA=${certPath}) and ${keyPath}`);
}

function issue(args: Args): void {
  const out = str(args, 'out')!;
  const caCert = join(out, 'ca.cert.pem');
  const caKey = join(out, 'ca.key.pem');
  if (!existsSync(caCert) || !existsSync(caKey)) fail(`no CA in ${out}: run "init --out ${out}" first`);
  const iin = str(args, 'iin', false);
  const bin = str(args, 'bin', false);
  if (!iin && !bin) fail('--iin or --bin is required');
  if (iin && !/^\d{12}$/.test(iin)) fail('--iin must be 12 digits');
  if (bin && !/^\d{12}$/.test(bin)) fail('--bin must be 12 digits');
  const name = str(args, 'name')!.trim();
  const [surname, ...rest] = name.split(/\s+/);
  if (rest.length === 0) fail('--name must be "SURNAME GIVENNAME"');
  const purpose = (str(args, 'purpose', false) ?? 'sign') as 'sign' | 'auth';
  if (purpose !== 'sign' && purpose !== 'auth') fail('--purpose must be sign or auth');
  const days = Number(str(args, 'days', false) ?? 365);
  const notBefore = new Date(Date.now() - 3_600_000);
  const pair = issuePersonalCertificate(
    { certPem: readFileSync(caCert, 'utf8'), keyPem: readFileSync(caKey, 'utf8') },
    {
      iin,
      bin,
      organization: str(args, 'org', false),
      surname,
      givenName: rest.join(' '),
      patronymic: str(args, 'patronymic', false),
      purpose,
      notBefore,
      notAfter: new Date(notBefore.getTime() + days * 86_400_000),
    },
  );
  const base = join(out, `${iin ?? bin}-${purpose}`);
  writeFileSync(`${base}.cert.pem`, pair.certPem);
  writeFileSync(`${base}.key.pem`, pair.keyPem, { mode: 0o600 });
  console.log(`certificate: ${base}.cert.pem\nkey:         ${base}.key.pem`);
}

/** The bytes to sign and, for --embed, the body to put the envelope into. */
function payload(args: Args): { bytes: Buffer; body?: Record<string, unknown> } {
  const text = str(args, 'text', false);
  if (text !== undefined) return { bytes: Buffer.from(text, 'utf8') };
  const file = str(args, 'file')!;
  const raw = readFileSync(file);
  if (args.raw) return { bytes: raw };
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch (e) {
    fail(`${file} is not JSON (${(e as Error).message}); use --raw to sign its bytes as they are`);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    fail(`${file} must hold a JSON object`);
  return { bytes: Buffer.from(signedJsonOf(body as object), 'utf8'), body: body as Record<string, unknown> };
}

function output(args: Args, envelope: object, body?: Record<string, unknown>): void {
  if (args.embed) {
    if (!body) fail('--embed needs --file with a JSON body');
    console.log(JSON.stringify({ ...body, signature: envelope }, null, 2));
  } else {
    console.log(JSON.stringify(envelope));
  }
}

function sign(args: Args): void {
  const signer = {
    certPem: readFileSync(str(args, 'cert')!, 'utf8'),
    keyPem: readFileSync(str(args, 'key')!, 'utf8'),
  };
  const chain = ((args.chain as string[] | undefined) ?? []).map((p) => readFileSync(p, 'utf8'));
  const { bytes, body } = payload(args);
  output(
    args,
    { format: 'cms', cms: signCms(bytes, signer, { detached: Boolean(args.detached), chain }) },
    body,
  );
}

function stub(args: Args): void {
  const { bytes, body } = payload(args);
  output(args, createStubEnvelope(bytes, { iin: str(args, 'iin')!, fullName: str(args, 'name')! }), body);
}

const USAGE = `usage: dev-pki.ts <init|issue|sign|stub> [options]   (see the header of libs/esign/scripts/dev-pki.ts)`;

function main(argv: string[]): void {
  const args = parseArgs(argv);
  const [command] = args._;
  if (!command || args.help) {
    console.log(USAGE);
    return;
  }
  const commands: Record<string, (a: Args) => void> = { init, issue, sign, stub };
  const run = commands[command];
  if (!run) fail(`unknown command "${command}"\n${USAGE}`);
  run(args);
}

main(process.argv.slice(2));
