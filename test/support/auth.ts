import { createStubEnvelope, signedBytesOf } from '@jiyn/esign';
import { json } from './test-app';

export interface Session {
  token: string;
  iin: string;
  fullName: string;
  headers: Record<string, string>;
  user: any;
}

/** Demo people of the seed (valid synthetic IINs). */
export const PEOPLE = {
  admin: { iin: '850101300005', fullName: 'DEMO ADMINISTRATOR' },
  almatyOfficer: { iin: '870302400008', fullName: 'SULTANOVA AIGERIM' },
  almatyMaslikhat: { iin: '900515300107', fullName: 'BEKOV NURLAN' },
  astanaOfficer: { iin: '920701400009', fullName: 'ZHAKSYBEKOVA DANA' },
  organizer: { iin: '880808300004', fullName: 'ERMEKOV TIMUR' },
} as const;

/** Signs in over HTTP with the development stub signature over a fresh challenge. */
export async function signIn(baseUrl: string, person: { iin: string; fullName: string }): Promise<Session> {
  const { challenge } = await json(await fetch(`${baseUrl}/api/v1/auth/challenge`, { method: 'POST' }));
  const response = await fetch(`${baseUrl}/api/v1/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ signature: createStubEnvelope(Buffer.from(challenge, 'utf8'), person) }),
  });
  const body = await json(response);
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(body)}`);
  return {
    token: body.token,
    iin: person.iin,
    fullName: person.fullName,
    user: body.user,
    headers: { authorization: `Bearer ${body.token}`, 'content-type': 'application/json' },
  };
}

/** Adds a stub signature by `person` over the JCS canonical bytes of `body` (without signature). */
export function signBody<T extends object>(
  body: T,
  person: { iin: string; fullName: string },
): T & { signature: unknown } {
  const { signature: _ignored, ...rest } = body as any;
  return { ...rest, signature: createStubEnvelope(signedBytesOf(rest), person) };
}

/** POSTs JSON with a session; answers status and parsed body. */
export async function post(
  baseUrl: string,
  path: string,
  session: Session | undefined,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(session?.headers ?? {}), ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await json(response), headers: response.headers };
}

export async function get(baseUrl: string, path: string, session?: Session) {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: session ? { authorization: `Bearer ${session.token}` } : {},
  });
  return { status: response.status, body: await json(response), headers: response.headers };
}
