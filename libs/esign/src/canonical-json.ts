// RFC 8785 JSON Canonicalization Scheme (JCS): what the signer signs and the server verifies.
//
// Browser-safe on purpose: no imports, no Node globals (the web client signs the same bytes).
//
// - object members sorted by their names as arrays of UTF-16 code units, no whitespace;
// - numbers as ECMAScript's Number.prototype.toString (so -0 is "0", 1e21 is "1e+21");
//   NaN and ±Infinity are not JSON and are refused;
// - strings: `"` and `\` escaped, U+0000..U+001F as \b \t \n \f \r or \u00xx (lowercase hex),
//   everything else as is; a lone surrogate is refused (it has no UTF-8 form).
//
// For JavaScript values it follows JSON.stringify where JSON has no say, so that what a client
// canonicalizes is what the server canonicalizes after JSON.stringify + JSON.parse: toJSON() is
// honoured (Date -> ISO string), members whose value is undefined, a function or a symbol are
// left out (in arrays they become null), Number/String/Boolean wrapper objects are unwrapped.
// BigInt and cycles throw TypeError.

/** The RFC 8785 canonical form of a JSON value. */
export function canonicalJson(value: unknown): string {
  const out = serialize(value, '', []);
  if (out === undefined) throw new TypeError('canonicalJson: the value is not representable in JSON');
  return out;
}

/** A request body without its top-level `signature` member, in canonical form: what is signed. */
export function signedJsonOf(body: object): string {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new TypeError('signedJsonOf: the body must be a JSON object');
  }
  return serializeObject(body as Record<string, unknown>, [], 'signature');
}

/** UTF-8 of signedJsonOf(body) as a Uint8Array (browser); the server uses signedBytesOf (Buffer). */
export function signedUtf8Of(body: object): Uint8Array {
  return new TextEncoder().encode(signedJsonOf(body));
}

function serialize(input: unknown, key: string, stack: object[]): string | undefined {
  let value = input;
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  if (value instanceof Number) value = Number(value);
  else if (value instanceof String) value = String(value);
  else if (value instanceof Boolean) value = value.valueOf();

  switch (typeof value) {
    case 'string':
      return serializeString(value);
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`canonicalJson: ${value} is not a JSON number`);
      return String(value); // ECMAScript Number::toString is the JCS number form; String(-0) is "0"
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: BigInt is not a JSON value');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      break;
  }
  if (value === null) return 'null';
  const obj = value as object;
  if (stack.includes(obj)) throw new TypeError('canonicalJson: cyclic structure');
  if (Array.isArray(obj)) {
    stack.push(obj);
    const parts: string[] = [];
    for (let i = 0; i < obj.length; i++) parts.push(serialize(obj[i], String(i), stack) ?? 'null');
    stack.pop();
    return `[${parts.join(',')}]`;
  }
  return serializeObject(obj as Record<string, unknown>, stack, undefined);
}

function serializeObject(obj: Record<string, unknown>, stack: object[], omitKey: string | undefined): string {
  if (stack.includes(obj)) throw new TypeError('canonicalJson: cyclic structure');
  stack.push(obj);
  // Array.prototype.sort without a comparator compares UTF-16 code units, exactly as JCS wants
  // (not code points, not locale). Object.keys puts integer-like keys first: sorting fixes that.
  const keys = Object.keys(obj).sort();
  const parts: string[] = [];
  for (const k of keys) {
    if (k === omitKey) continue;
    const v = serialize(obj[k], k, stack);
    if (v !== undefined) parts.push(`${serializeString(k)}:${v}`);
  }
  stack.pop();
  return `{${parts.join(',')}}`;
}

const SHORT_ESCAPES: Record<number, string> = {
  8: '\\b',
  9: '\\t',
  10: '\\n',
  12: '\\f',
  13: '\\r',
  34: '\\"',
  92: '\\\\',
};

function serializeString(s: string): string {
  let out = '"';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c) {
      out += s.slice(from, i) + (SHORT_ESCAPES[c] ?? `\\u00${c.toString(16).padStart(2, '0')}`);
      from = i + 1;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++; // a well-formed surrogate pair, kept as is
      } else {
        throw new TypeError(`canonicalJson: lone surrogate U+${c.toString(16).toUpperCase()} at index ${i}`);
      }
    }
  }
  return `${out}${s.slice(from)}"`;
}
