import { createPrivateKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { JiynConfig } from './config';

/**
 * The key that signs audit head exports: AUDIT_SIGNING_KEY_FILE (required in production), or
 * outside production a fresh key per process (each export carries its public key).
 */
export function loadAuditSigningKey(config: JiynConfig, logger?: Logger): KeyObject {
  if (config.auditSigningKeyFile) {
    const key = createPrivateKey(readFileSync(config.auditSigningKeyFile, 'utf8'));
    if (key.asymmetricKeyType !== 'ed25519')
      throw new Error('AUDIT_SIGNING_KEY_FILE must hold an Ed25519 private key');
    return key;
  }
  logger?.warn('AUDIT_SIGNING_KEY_FILE is not set: audit heads are signed with a key made for this process');
  return generateKeyPairSync('ed25519').privateKey;
}
