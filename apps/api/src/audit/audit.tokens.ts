export const AUDIT_SIGNING_KEY = Symbol('AUDIT_SIGNING_KEY');
