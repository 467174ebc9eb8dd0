/** `auth` signs a sign-in challenge; `sign` signs a filing or a decision. */
export type SignPurpose = 'auth' | 'sign';

export type SignatureEnvelope =
  { format: 'cms'; cms: string } | { format: 'stub'; iin: string; fullName: string; digest: string };

export interface Signed {
  envelope: SignatureEnvelope;
  method: 'ncalayer' | 'stub';
}

export class SigningCancelled extends Error {
  constructor() {
    super('signing cancelled');
    this.name = 'SigningCancelled';
  }
}

export class SigningFailed extends Error {
  constructor(reason: string) {
    super(`signing failed: ${reason}`);
    this.name = 'SigningFailed';
  }
}
