// A small BER/DER reader that keeps the exact bytes of every element.
//
// Why not node-forge's asn1.fromDer here: signature checks need the bytes *as received* (the
// TBSCertificate, the signed attributes), forge re-encodes on output and keeps no offsets; and
// NCALayer (BouncyCastle inside) emits CMS with BER indefinite lengths and constructed OCTET
// STRINGs. This reader accepts BER on the outside (indefinite lengths, constructed strings) and
// gives each node its raw slice. node-forge stays in use for building certificates and CMS in
// dev-pki.ts.

export const TagClass = { Universal: 0, Application: 1, Context: 2, Private: 3 } as const;
export type TagClass = (typeof TagClass)[keyof typeof TagClass];

export const Tag = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OID: 6,
  UTF8_STRING: 12,
  SEQUENCE: 16,
  SET: 17,
  NUMERIC_STRING: 18,
  PRINTABLE_STRING: 19,
  T61_STRING: 20,
  IA5_STRING: 22,
  UTC_TIME: 23,
  GENERALIZED_TIME: 24,
  VISIBLE_STRING: 26,
  UNIVERSAL_STRING: 28,
  BMP_STRING: 30,
} as const;

/** Thrown for any structural problem; callers turn it into their own error code. */
export class Asn1Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Asn1Error';
  }
}

const MAX_DEPTH = 40;

export class Asn1Node {
  private cachedChildren?: Asn1Node[];

  constructor(
    readonly buf: Buffer,
    readonly cls: TagClass,
    readonly constructed: boolean,
    readonly tag: number,
    /** offset of the identifier octet */
    readonly start: number,
    readonly contentStart: number,
    /** end of the content (before the end-of-contents octets of an indefinite length) */
    readonly contentEnd: number,
    /** end of the whole element */
    readonly end: number,
    readonly indefinite: boolean,
    private readonly depth: number,
  ) {}

  /** The element exactly as encoded (identifier, length, content). */
  get raw(): Buffer {
    return this.buf.subarray(this.start, this.end);
  }

  get content(): Buffer {
    return this.buf.subarray(this.contentStart, this.contentEnd);
  }

  get children(): Asn1Node[] {
    if (!this.constructed) throw new Asn1Error(`${this.describe()} is not constructed`);
    if (!this.cachedChildren) {
      const out: Asn1Node[] = [];
      let pos = this.contentStart;
      while (pos < this.contentEnd) {
        const child = readNode(this.buf, pos, this.contentEnd, this.depth + 1);
        out.push(child);
        pos = child.end;
      }
      this.cachedChildren = out;
    }
    return this.cachedChildren;
  }

  is(cls: TagClass, tag: number): boolean {
    return this.cls === cls && this.tag === tag;
  }

  isUniversal(tag: number): boolean {
    return this.cls === TagClass.Universal && this.tag === tag;
  }

  isContext(tag: number): boolean {
    return this.cls === TagClass.Context && this.tag === tag;
  }

  describe(): string {
    const cls = ['universal', 'application', 'context', 'private'][this.cls];
    return `${cls} tag ${this.tag} at offset ${this.start}`;
  }
}

/** Parses exactly one element filling the whole buffer (trailing bytes are an error). */
export function parseAsn1(input: Uint8Array): Asn1Node {
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (buf.length === 0) throw new Asn1Error('empty input');
  const node = readNode(buf, 0, buf.length, 0);
  if (node.end !== buf.length)
    throw new Asn1Error(`${buf.length - node.end} trailing bytes after the element`);
  return node;
}

function readNode(buf: Buffer, offset: number, limit: number, depth: number): Asn1Node {
  if (depth > MAX_DEPTH) throw new Asn1Error('nesting too deep');
  let pos = offset;
  if (pos >= limit) throw new Asn1Error(`truncated identifier at offset ${offset}`);
  const id = buf[pos++];
  const cls = (id >> 6) as TagClass;
  const constructed = (id & 0x20) !== 0;
  let tag = id & 0x1f;
  if (tag === 0x1f) {
    tag = 0;
    let b: number;
    let count = 0;
    do {
      if (pos >= limit) throw new Asn1Error(`truncated tag at offset ${offset}`);
      b = buf[pos++];
      tag = tag * 128 + (b & 0x7f);
      if (++count > 4) throw new Asn1Error(`tag number too large at offset ${offset}`);
    } while (b & 0x80);
  }
  if (pos >= limit) throw new Asn1Error(`truncated length at offset ${offset}`);
  const first = buf[pos++];
  if (first === 0x80) {
    if (!constructed) throw new Asn1Error(`indefinite length on a primitive element at offset ${offset}`);
    const contentStart = pos;
    for (;;) {
      if (pos + 2 > limit) throw new Asn1Error(`missing end-of-contents for element at offset ${offset}`);
      if (buf[pos] === 0 && buf[pos + 1] === 0) break;
      pos = readNode(buf, pos, limit, depth + 1).end;
    }
    return new Asn1Node(buf, cls, constructed, tag, offset, contentStart, pos, pos + 2, true, depth);
  }
  let length: number;
  if (first < 0x80) {
    length = first;
  } else {
    const n = first & 0x7f;
    if (n > 4) throw new Asn1Error(`length too large at offset ${offset}`);
    if (pos + n > limit) throw new Asn1Error(`truncated length at offset ${offset}`);
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + buf[pos++];
  }
  const contentStart = pos;
  const end = contentStart + length;
  if (end > limit) throw new Asn1Error(`element at offset ${offset} overruns its container`);
  return new Asn1Node(buf, cls, constructed, tag, offset, contentStart, end, end, false, depth);
}

// ---- expectations --------------------------------------------------------------------------

export function expectUniversal(node: Asn1Node | undefined, tag: number, what: string): Asn1Node {
  if (!node || !node.isUniversal(tag)) {
    throw new Asn1Error(`${what}: expected universal tag ${tag}, got ${node ? node.describe() : 'nothing'}`);
  }
  if ((tag === Tag.SEQUENCE || tag === Tag.SET) && !node.constructed) {
    throw new Asn1Error(`${what}: SEQUENCE/SET must be constructed`);
  }
  return node;
}

export function expectSequence(node: Asn1Node | undefined, what: string): Asn1Node[] {
  return expectUniversal(node, Tag.SEQUENCE, what).children;
}

// ---- value decoders ------------------------------------------------------------------------

export function decodeOid(node: Asn1Node, what = 'OID'): string {
  expectUniversal(node, Tag.OID, what);
  if (node.constructed) throw new Asn1Error(`${what}: OID must be primitive`);
  return oidFromBytes(node.content, what);
}

export function oidFromBytes(bytes: Buffer, what = 'OID'): string {
  if (bytes.length === 0) throw new Asn1Error(`${what}: empty OID`);
  const arcs: bigint[] = [];
  let value = 0n;
  let started = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (!started && b === 0x80) throw new Asn1Error(`${what}: non-minimal OID arc`);
    started = true;
    value = (value << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) {
      arcs.push(value);
      value = 0n;
      started = false;
    }
  }
  if (started) throw new Asn1Error(`${what}: truncated OID`);
  const first = arcs[0];
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].map(String).join('.');
}

/** INTEGER as lowercase hex of its magnitude (sign octet stripped), as certificates print serials. */
export function decodeIntegerHex(node: Asn1Node, what = 'INTEGER'): string {
  expectUniversal(node, Tag.INTEGER, what);
  const c = node.content;
  if (c.length === 0) throw new Asn1Error(`${what}: empty INTEGER`);
  let i = 0;
  while (i < c.length - 1 && c[i] === 0) i++;
  return c.subarray(i).toString('hex');
}

export function decodeSmallInteger(node: Asn1Node, what = 'INTEGER'): number {
  expectUniversal(node, Tag.INTEGER, what);
  const c = node.content;
  if (c.length === 0 || c.length > 4) throw new Asn1Error(`${what}: INTEGER out of range`);
  let u = 0;
  for (const b of c) u = u * 256 + b;
  return c[0] & 0x80 ? u - 2 ** (8 * c.length) : u; // two's complement
}

export function decodeBoolean(node: Asn1Node, what = 'BOOLEAN'): boolean {
  expectUniversal(node, Tag.BOOLEAN, what);
  if (node.content.length !== 1) throw new Asn1Error(`${what}: bad BOOLEAN`);
  return node.content[0] !== 0;
}

/** OCTET STRING content; BER constructed OCTET STRINGs are concatenated. */
export function decodeOctets(node: Asn1Node, what = 'OCTET STRING'): Buffer {
  expectUniversal(node, Tag.OCTET_STRING, what);
  if (!node.constructed) return node.content;
  return Buffer.concat(node.children.map((c) => decodeOctets(c, what)));
}

export function decodeBitString(node: Asn1Node, what = 'BIT STRING'): { unusedBits: number; bytes: Buffer } {
  expectUniversal(node, Tag.BIT_STRING, what);
  if (node.constructed) throw new Asn1Error(`${what}: constructed BIT STRING not supported`);
  const c = node.content;
  if (c.length === 0 || c[0] > 7 || (c.length === 1 && c[0] !== 0))
    throw new Asn1Error(`${what}: bad BIT STRING`);
  return { unusedBits: c[0], bytes: c.subarray(1) };
}

export function decodeTime(node: Asn1Node, what = 'Time'): Date {
  const s = node.content.toString('latin1');
  let m: RegExpMatchArray | null;
  if (node.isUniversal(Tag.UTC_TIME)) {
    m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s);
    if (!m) throw new Asn1Error(`${what}: bad UTCTime "${s}"`);
    const yy = Number(m[1]);
    const year = yy >= 50 ? 1900 + yy : 2000 + yy;
    return utcDate(year, m[2], m[3], m[4], m[5], m[6] ?? '00', '', what);
  }
  if (node.isUniversal(Tag.GENERALIZED_TIME)) {
    m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:[.,](\d+))?Z$/.exec(s);
    if (!m) throw new Asn1Error(`${what}: bad GeneralizedTime "${s}"`);
    return utcDate(Number(m[1]), m[2], m[3], m[4], m[5], m[6], m[7] ?? '', what);
  }
  throw new Asn1Error(`${what}: expected UTCTime or GeneralizedTime, got ${node.describe()}`);
}

function utcDate(
  year: number,
  mo: string,
  d: string,
  h: string,
  mi: string,
  s: string,
  frac: string,
  what: string,
): Date {
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const t = Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const date = new Date(t);
  if (
    Number.isNaN(t) ||
    date.getUTCMonth() !== Number(mo) - 1 ||
    date.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    throw new Asn1Error(`${what}: not a real time`);
  }
  return date;
}

/** The directory string types seen in certificate names. */
export function decodeString(node: Asn1Node, what = 'string'): string {
  if (node.cls !== TagClass.Universal || node.constructed)
    throw new Asn1Error(`${what}: expected a string type`);
  const c = node.content;
  switch (node.tag) {
    case Tag.UTF8_STRING:
      return new TextDecoder('utf-8', { fatal: true }).decode(c);
    case Tag.PRINTABLE_STRING:
    case Tag.IA5_STRING:
    case Tag.NUMERIC_STRING:
    case Tag.VISIBLE_STRING:
    case Tag.T61_STRING:
      return c.toString('latin1');
    case Tag.BMP_STRING: {
      if (c.length % 2) throw new Asn1Error(`${what}: odd BMPString`);
      let out = '';
      for (let i = 0; i < c.length; i += 2) out += String.fromCharCode(c.readUInt16BE(i));
      return out;
    }
    case Tag.UNIVERSAL_STRING: {
      if (c.length % 4) throw new Asn1Error(`${what}: bad UniversalString`);
      let out = '';
      for (let i = 0; i < c.length; i += 4) out += String.fromCodePoint(c.readUInt32BE(i));
      return out;
    }
    default:
      throw new Asn1Error(`${what}: unsupported string type ${node.tag}`);
  }
}

/** Re-tags an element's raw bytes: `[0] IMPLICIT SET OF` signed attributes become a `SET OF`. */
export function withUniversalSetTag(node: Asn1Node): Buffer {
  const raw = Buffer.from(node.raw);
  if (node.tag > 30) throw new Asn1Error('cannot re-tag a high-tag-number element');
  raw[0] = 0x31;
  return raw;
}
