import fc from 'fast-check';
import { canonicalJson, signedJsonOf, signedUtf8Of } from './canonical-json';
import { signedBytesOf } from './signed-bytes';

function fromIeeeHex(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalJson (RFC 8785)', () => {
  it('serializes the RFC 8785 section 3.2.2 sample', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        '"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        '"literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units (RFC 8785 section 3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    // U+1F600 (surrogates D83D DE00) sorts before U+FB33 by code units, though after it by code points
    expect(Object.keys(JSON.parse(canonicalJson(input))).slice(-2)).toEqual(['\ud83d\ude00', '\ufb33']);
  });

  it('orders integer-like keys as strings, not the way JavaScript enumerates them', () => {
    expect(canonicalJson({ a: 3, 9: 2, 10: 1 })).toBe('{"10":1,"9":2,"a":3}');
  });

  // RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical text
  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'], // -0
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('number %s -> %s', (hex, text) => {
    expect(canonicalJson(fromIeeeHex(hex))).toBe(text);
  });

  it('refuses NaN and infinities (RFC 8785 Appendix B)', () => {
    expect(() => canonicalJson(fromIeeeHex('7fffffffffffffff'))).toThrow(RangeError);
    expect(() => canonicalJson(fromIeeeHex('7ff0000000000000'))).toThrow(RangeError);
    expect(() => canonicalJson({ a: [-Infinity] })).toThrow(RangeError);
  });

  it('escapes only what JCS escapes', () => {
    expect(canonicalJson('\u0000\u0007\b\t\n\u000b\f\r\u001f "\\/\u007f\u2028\u2029é')).toBe(
      '"\\u0000\\u0007\\b\\t\\n\\u000b\\f\\r\\u001f \\"\\\\/\u007f\u2028\u2029é"',
    );
  });

  it('refuses lone surrogates (not representable in UTF-8)', () => {
    expect(() => canonicalJson('\ud800')).toThrow(/lone surrogate/);
    expect(() => canonicalJson({ ['a\udc00']: 1 })).toThrow(/lone surrogate/);
    expect(() => canonicalJson('\ude00\ud83d')).toThrow(/lone surrogate/);
    expect(canonicalJson('\ud83d\ude00')).toBe('"😀"');
  });

  it('has no whitespace and keeps array order', () => {
    expect(canonicalJson({ b: [3, 1, { d: 1, c: [] }], a: {} })).toBe('{"a":{},"b":[3,1,{"c":[],"d":1}]}');
  });

  it('follows JSON.stringify for JavaScript-only values', () => {
    expect(canonicalJson({ u: undefined, f: () => 1, s: Symbol('x'), a: [undefined, () => 1] })).toBe(
      '{"a":[null,null]}',
    );
    expect(canonicalJson({ d: new Date('2025-03-26T06:00:00.000Z') })).toBe(
      '{"d":"2025-03-26T06:00:00.000Z"}',
    );
    expect(canonicalJson([new Number(1), new String('x'), new Boolean(false)])).toBe('[1,"x",false]');
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cyclic/);
    // the same object twice (not a cycle) is fine
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}');
  });

  it('keeps a "__proto__" member of parsed JSON as data', () => {
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":1}'))).toBe('{"__proto__":{"x":1},"a":1}');
  });
});

describe('signed bytes', () => {
  const body = { purpose: 'Митинг', expectedParticipants: 200, signature: { format: 'stub' }, form: 'rally' };

  it('drop the top-level signature member only', () => {
    expect(signedJsonOf(body)).toBe('{"expectedParticipants":200,"form":"rally","purpose":"Митинг"}');
    expect(signedJsonOf({ a: { signature: 1 }, signature: null })).toBe('{"a":{"signature":1}}');
  });

  it('are the UTF-8 of the canonical text, as Buffer (server) and Uint8Array (browser)', () => {
    const expected = Buffer.from('{"expectedParticipants":200,"form":"rally","purpose":"Митинг"}', 'utf8');
    expect(signedBytesOf(body).equals(expected)).toBe(true);
    expect(Buffer.from(signedUtf8Of(body)).equals(expected)).toBe(true);
  });

  it('do not depend on key order, whitespace or the signature', () => {
    const wire =
      '{ "signature": {"format":"cms","cms":"AAAA"},\n "purpose": "Митинг", "form": "rally", "expectedParticipants": 2e2 }';
    expect(signedBytesOf(JSON.parse(wire)).equals(signedBytesOf(body))).toBe(true);
  });

  it('refuse a non-object body', () => {
    expect(() => signedJsonOf([] as unknown as object)).toThrow(TypeError);
    expect(() => signedJsonOf(null as unknown as object)).toThrow(TypeError);
  });
});

describe('canonicalJson properties', () => {
  const normalizeNegativeZero = (v: unknown): unknown => {
    if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
    if (Array.isArray(v)) return v.map(normalizeNegativeZero);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalizeNegativeZero(x)]));
    }
    return v;
  };

  /** the same value with every object's keys inserted in a different (seeded) order */
  const reorder = (v: unknown, seed: number): unknown => {
    if (Array.isArray(v)) return v.map((x, i) => reorder(x, seed + i));
    if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      let s = seed;
      for (let i = entries.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) & 0x7fffffff;
        const j = s % (i + 1);
        [entries[i], entries[j]] = [entries[j], entries[i]];
      }
      const out: Record<string, unknown> = {};
      for (const [k, x] of entries)
        Object.defineProperty(out, k, {
          value: reorder(x, s),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return out;
    }
    return v;
  };

  const json = fc.jsonValue({ stringUnit: 'grapheme', maxDepth: 4 });

  it('round-trips: JSON.parse(canonicalJson(v)) deep-equals v', () => {
    fc.assert(
      fc.property(json, (v) => {
        expect(JSON.parse(canonicalJson(v))).toEqual(normalizeNegativeZero(v));
      }),
      { numRuns: 300 },
    );
  });

  it('is stable under key reordering', () => {
    fc.assert(
      fc.property(json, fc.nat(), (v, seed) => {
        expect(canonicalJson(reorder(v, seed))).toBe(canonicalJson(v));
      }),
      { numRuns: 300 },
    );
  });

  it('is a fixed point: canonicalizing the canonical text again changes nothing', () => {
    fc.assert(
      fc.property(json, (v) => {
        const c = canonicalJson(v);
        expect(canonicalJson(JSON.parse(c))).toBe(c);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with JSON.stringify on everything but member order', () => {
    fc.assert(
      fc.property(json, (v) => {
        expect(canonicalJson(v).length).toBe(JSON.stringify(v).length);
      }),
      { numRuns: 300 },
    );
  });
});
