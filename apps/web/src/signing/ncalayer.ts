import { toBase64 } from './encoding';
import { SigningCancelled, SigningFailed, type SignPurpose } from './types';

export const NCALAYER_URL = 'wss://127.0.0.1:13579';
const CONNECT_TIMEOUT_MS = 1500;
/** The signer waits for a person to choose a key and type a PIN. */
const SIGN_TIMEOUT_MS = 5 * 60_000;

const KEY_USAGE: Record<SignPurpose, string> = {
  auth: '1.3.6.1.5.5.7.3.2', // client authentication
  sign: '1.3.6.1.5.5.7.3.4', // e-mail protection: the signing key of a Kazakh EDS
};

/** Opens NCALayer's socket, or resolves null when it does not answer within ~1.5 s. */
export function connectNcaLayer(
  url = NCALAYER_URL,
  timeoutMs = CONNECT_TIMEOUT_MS,
): Promise<WebSocket | null> {
  return new Promise((resolve) => {
    let ws: WebSocket;
    try {
      ws = new WebSocket(url);
    } catch {
      resolve(null);
      return;
    }
    const timer = setTimeout(() => {
      ws.onopen = ws.onerror = ws.onclose = null;
      try {
        ws.close();
      } catch {}
      resolve(null);
    }, timeoutMs);
    ws.onopen = () => {
      clearTimeout(timer);
      ws.onerror = ws.onclose = null;
      resolve(ws);
    };
    ws.onerror = ws.onclose = () => {
      clearTimeout(timer);
      resolve(null);
    };
  });
}

/** Asks NCALayer (module kz.gov.pki.knca.basics) for an attached CMS over `data`; returns its base64. */
export function ncaSign(
  ws: WebSocket,
  data: Uint8Array,
  purpose: SignPurpose,
  locale: string,
): Promise<string> {
  const request = {
    module: 'kz.gov.pki.knca.basics',
    method: 'sign',
    args: {
      allowedStorages: ['PKCS12', 'AKKZIDCardStore', 'AKKaztokenStore'],
      format: 'cms',
      data: toBase64(data),
      signingParams: { decode: true, encapsulate: true, digested: false },
      signerParams: { extKeyUsageOids: [KEY_USAGE[purpose]] },
      locale,
    },
  };
  return new Promise((resolve, reject) => {
    const done = (fn: () => void) => {
      clearTimeout(timer);
      ws.onmessage = ws.onclose = ws.onerror = null;
      try {
        ws.close();
      } catch {}
      fn();
    };
    const timer = setTimeout(() => done(() => reject(new SigningFailed('timeout'))), SIGN_TIMEOUT_MS);
    ws.onmessage = (event: MessageEvent) => {
      let reply: any;
      try {
        reply = JSON.parse(String(event.data));
      } catch {
        return;
      }
      if (reply?.result?.version) return; // the greeting some versions send on connect
      if (reply?.status === true) {
        const cms = reply.body?.result?.[0];
        if (typeof cms === 'string' && cms) done(() => resolve(cms));
        else done(() => reject(new SigningCancelled())); // an empty body: the person closed the dialog
      } else {
        const message = String(reply?.message ?? reply?.code ?? 'error');
        done(() => reject(/cancel/i.test(message) ? new SigningCancelled() : new SigningFailed(message)));
      }
    };
    ws.onclose = () => done(() => reject(new SigningFailed('closed')));
    ws.onerror = () => done(() => reject(new SigningFailed('socket')));
    ws.send(JSON.stringify(request));
  });
}
