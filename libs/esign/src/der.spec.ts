import {
  Asn1Error,
  decodeIntegerHex,
  decodeOctets,
  decodeOid,
  decodeSmallInteger,
  decodeString,
  decodeTime,
  parseAsn1,
} from './der';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('BER/DER reader', () => {
  it('keeps raw slices of definite-length elements', () => {
    const node = parseAsn1(hex('30 06 02 01 05 04 01 ff'));
    expect(node.children.map((c) => c.raw.toString('hex'))).toEqual(['020105', '0401ff']);
    expect(decodeSmallInteger(node.children[0])).toBe(5);
  });

  it('reads BER indefinite lengths and constructed OCTET STRINGs (NCALayer/BouncyCastle output)', () => {
    // SEQUENCE(indef) { OCTET STRING(constructed, indef) { 'ab', 'cd' } }
    const node = parseAsn1(hex('30 80 24 80 04 02 6162 04 02 6364 0000 0000'));
    expect(node.indefinite).toBe(true);
    expect(decodeOctets(node.children[0]).toString()).toBe('abcd');
    expect(node.raw.length).toBe(16);
  });

  it('decodes OIDs, including large arcs', () => {
    expect(decodeOid(parseAsn1(hex('06 09 2a864886f70d010702')))).toBe('1.2.840.113549.1.7.2');
    expect(decodeOid(parseAsn1(hex('06 0a 2a830e030a0101010202')))).toBe('1.2.398.3.10.1.1.1.2.2');
    expect(decodeOid(parseAsn1(hex('06 03 883703')))).toBe('2.999.3');
  });

  it('decodes integers, times and strings', () => {
    expect(decodeIntegerHex(parseAsn1(hex('02 03 00 ff 01')))).toBe('ff01');
    expect(decodeSmallInteger(parseAsn1(hex('02 01 ff')))).toBe(-1);
    expect(decodeTime(parseAsn1(Buffer.from('\x17\x0d250314050000Z', 'latin1'))).toISOString()).toBe(
      '2025-03-14T05:00:00.000Z',
    );
    expect(decodeTime(parseAsn1(Buffer.from('\x17\x0d491231235959Z', 'latin1'))).getUTCFullYear()).toBe(2049);
    expect(decodeTime(parseAsn1(Buffer.from('\x17\x0d500101000000Z', 'latin1'))).getUTCFullYear()).toBe(1950);
    expect(decodeTime(parseAsn1(Buffer.from('\x18\x0f21260101000000Z', 'latin1'))).toISOString()).toBe(
      '2126-01-01T00:00:00.000Z',
    );
    expect(() => decodeTime(parseAsn1(Buffer.from('\x17\x0d250230050000Z', 'latin1')))).toThrow(Asn1Error);
    expect(decodeString(parseAsn1(Buffer.concat([hex('0c 0c'), Buffer.from('ИВАНОВ')])))).toBe('ИВАНОВ');
    expect(decodeString(parseAsn1(hex('1e 04 0418 0412')))).toBe('ИВ');
    expect(() => decodeString(parseAsn1(hex('0c 02 c328')))).toThrow(); // invalid UTF-8
  });

  it.each([
    ['empty', ''],
    ['truncated content', '30 05 02 01 05'],
    ['truncated length', '30 82 01'],
    ['trailing bytes', '02 01 05 00'],
    ['missing end-of-contents', '30 80 02 01 05'],
    ['indefinite primitive', '04 80 00 00'],
    ['absurd length', '30 85 0100000000'],
    ['child overruns parent', '30 03 04 05 0000'],
  ])('rejects %s', (_, input) => {
    expect(() => {
      const node = parseAsn1(hex(input));
      if (node.constructed) void node.children;
    }).toThrow(Asn1Error);
  });

  it('refuses pathological nesting', () => {
    const deep = Buffer.concat([Buffer.from('3080'.repeat(100), 'hex'), Buffer.alloc(200)]);
    expect(() => parseAsn1(deep)).toThrow(/too deep/);
  });
});
