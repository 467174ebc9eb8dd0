/**
 * A tiny SMTP server that accepts every message and keeps it: the mail sink of development and of
 * the tests (SMTP_URL=smtp://127.0.0.1:2525). No TLS, no authentication, no relaying: never expose
 * it beyond localhost.
 *
 *   node -r @swc-node/register apps/worker/src/dev/smtp-sink.ts [--port 2525] [--dir .tmp/mail]
 *
 * prints one line per message received and, with --dir, writes each as an .eml file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, Server, Socket } from 'node:net';
import { join } from 'node:path';

export interface SunkMessage {
  from: string;
  to: string[];
  raw: string;
  headers: Record<string, string>;
  subject: string;
  text: string;
  messageId: string;
  receivedAt: Date;
}

export interface SmtpSink {
  port: number;
  url: string;
  messages: SunkMessage[];
  /** Resolves when `predicate` holds for the messages received so far (polls every 50 ms). */
  waitFor(predicate: (messages: SunkMessage[]) => boolean, timeoutMs?: number): Promise<SunkMessage[]>;
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  port?: number;
  host?: string;
  /** Write every message to this directory as <n>.eml. */
  dir?: string;
  onMessage?: (message: SunkMessage) => void;
}

function decodeQuotedPrintable(text: string): Buffer {
  const soft = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (=?UTF-8?B?...?= and =?UTF-8?Q?...?=) in a header value. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')).toString('utf8'),
    );
}

/** Headers (unfolded, lower-case names) and the decoded text of a single-part message. */
export function parseMessage(raw: string): { headers: Record<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = split >= 0 ? raw.slice(0, split) : raw;
  const body = split >= 0 ? raw.slice(split + 4) : '';
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body).toString('utf8')
        : body;
  return { headers, text: text.replace(/\r\n/g, '\n').replace(/\n$/, '') };
}

const address = (arg: string) => (/<([^>]*)>/.exec(arg)?.[1] ?? arg.replace(/^[^:]*:/, '')).trim();

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: SunkMessage[] = [];
  const sockets = new Set<Socket>();
  if (options.dir) mkdirSync(options.dir, { recursive: true });

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let data: string[] = [];
    let from = '';
    let to: string[] = [];
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 jiyn-smtp-sink ready');

    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            const raw = data.join('\r\n');
            const { headers, text } = parseMessage(raw);
            const message: SunkMessage = {
              from,
              to,
              raw,
              headers,
              subject: decodeHeader(headers.subject ?? ''),
              text,
              messageId: headers['message-id'] ?? '',
              receivedAt: new Date(),
            };
            messages.push(message);
            if (options.dir) writeFileSync(join(options.dir, `${messages.length}.eml`), raw);
            options.onMessage?.(message);
            from = '';
            to = [];
            data = [];
            reply('250 2.0.0 queued');
          } else {
            data.push(line.startsWith('..') ? line.slice(1) : line);
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') {
          socket.write('250-jiyn-smtp-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760\r\n');
        } else if (verb === 'HELO') reply('250 jiyn-smtp-sink');
        else if (verb === 'MAIL') {
          from = address(line);
          to = [];
          reply('250 2.1.0 ok');
        } else if (verb === 'RCPT') {
          to.push(address(line));
          reply('250 2.1.5 ok');
        } else if (verb === 'DATA') {
          if (to.length === 0) reply('503 5.5.1 no recipients');
          else {
            inData = true;
            reply('354 end data with <CR><LF>.<CR><LF>');
          }
        } else if (verb === 'RSET') {
          from = '';
          to = [];
          reply('250 2.0.0 ok');
        } else if (verb === 'NOOP') reply('250 2.0.0 ok');
        else if (verb === 'QUIT') {
          reply('221 2.0.0 bye');
          socket.end();
        } else reply('502 5.5.2 command not implemented');
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    port,
    url: `smtp://${options.host ?? '127.0.0.1'}:${port}`,
    messages,
    async waitFor(predicate, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (!predicate(messages)) {
        if (Date.now() > until)
          throw new Error(`the SMTP sink did not get the expected messages in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return messages;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

if (require.main === module) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const port = Number(arg('--port') ?? process.env.SMTP_SINK_PORT ?? 2525);
  const dir = arg('--dir');
  startSmtpSink({
    port,
    dir,
    onMessage: (m) =>
      process.stdout.write(`${m.receivedAt.toISOString()}  to ${m.to.join(', ')}  ${m.subject}\n`),
  }).then(
    (sink) =>
      process.stdout.write(
        `jiyn smtp sink listening on ${sink.url}${dir ? `, writing to ${dir}` : ''}; set SMTP_URL=${sink.url}\n`,
      ),
    (error) => {
      process.stderr.write(`jiyn smtp sink: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
