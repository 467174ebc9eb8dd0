// RFC 8785 (JCS) canonical JSON: what is signed for a filing or a decision is the canonical form of
// the request body without its `signature` member. The implementation is the shared, browser-safe
// one the api verifies with (it has no imports); the esign index itself pulls in Node-only code,
// hence the direct path.
// eslint-disable-next-line no-restricted-imports
export { canonicalJson, signedJsonOf, signedUtf8Of } from '../../../../libs/esign/src/canonical-json';
