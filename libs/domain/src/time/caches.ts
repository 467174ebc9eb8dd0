/**
 * Sparse caches by integer key (UTC hour or day, local day number), in chunks of typed arrays:
 * a lookup is a shift, a compare and an array read, with no hashing of large maps.
 */

export const CHUNK_BITS = 12;
export const CHUNK_SIZE = 1 << CHUNK_BITS;
/** index & CHUNK_MASK is the position of an index in its chunk. */
export const CHUNK_MASK = CHUNK_SIZE - 1;

/** Numbers by integer key; NaN = not yet known. */
export class NumberCache {
  private readonly chunks = new Map<number, Float64Array>();
  private lastKey = NaN;
  private lastChunk: Float64Array | undefined;

  chunk(index: number): Float64Array {
    const key = index >> CHUNK_BITS;
    if (key === this.lastKey) return this.lastChunk!;
    let chunk = this.chunks.get(key);
    if (chunk === undefined) {
      chunk = new Float64Array(CHUNK_SIZE).fill(NaN);
      this.chunks.set(key, chunk);
    }
    this.lastKey = key;
    this.lastChunk = chunk;
    return chunk;
  }
}

/** Strings by integer key; undefined = not yet known. */
export class StringCache {
  private readonly chunks = new Map<number, (string | undefined)[]>();
  private lastKey = NaN;
  private lastChunk: (string | undefined)[] | undefined;

  chunk(index: number): (string | undefined)[] {
    const key = index >> CHUNK_BITS;
    if (key === this.lastKey) return this.lastChunk!;
    let chunk = this.chunks.get(key);
    if (chunk === undefined) {
      chunk = new Array<string | undefined>(CHUNK_SIZE).fill(undefined);
      this.chunks.set(key, chunk);
    }
    this.lastKey = key;
    this.lastChunk = chunk;
    return chunk;
  }
}
