import { signedJsonOf } from './canonical-json';

/**
 * The bytes a filing or decision signature covers: UTF-8 of the RFC 8785 canonical JSON of the
 * request body without its top-level `signature` member.
 */
export function signedBytesOf(body: object): Buffer {
  return Buffer.from(signedJsonOf(body), 'utf8');
}
