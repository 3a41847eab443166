/**
 * Interning of decoded DER values by their octets. Certificates repeat the same OIDs, algorithm
 * identifiers and issuer names thousands of times (every leaf of one CA has the same issuer);
 * decoding each once and handing out the same frozen value spares the work and the garbage, and
 * lets what is computed lazily on a value (a name's comparison key) be computed once.
 *
 * Only values decoded without error are kept, so a hit is exactly what decoding would return.
 * Each table is bounded in entries and in the size of what it keeps, and is cleared when full:
 * hostile input can make it miss, never grow.
 */

export class InternTable<T> {
  readonly #entries = new Map<number, { readonly octets: Uint8Array; readonly value: T }>();

  constructor(
    private readonly maxEntries: number,
    /** Values encoded in more octets than this are never kept. */
    readonly maxOctets: number,
  ) {}

  /** The value kept for `buf[start, end)`, if any. */
  find(hash: number, buf: Uint8Array, start: number, end: number): T | undefined {
    const entry = this.#entries.get(hash);
    if (entry === undefined) return undefined;
    const octets = entry.octets;
    if (octets.length !== end - start) return undefined;
    for (let i = 0; i < octets.length; i++) if (octets[i] !== buf[start + i]) return undefined;
    return entry.value;
  }

  /** Keeps `value` as the decoding of `buf[start, end)` (copied, so `buf` is not retained). */
  keep(hash: number, buf: Uint8Array, start: number, end: number, value: T): void {
    if (end - start > this.maxOctets) return;
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    this.#entries.set(hash, { octets: buf.slice(start, end), value });
  }
}

/** FNV-1a over `buf[start, end)`, kept below 2^30 so it stays a small integer Map key. */
export function hashOctets(buf: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5 ^ (end - start);
  for (let p = start; p < end; p++) hash = Math.imul(hash ^ buf[p]!, 0x01000193);
  return hash & 0x3fffffff;
}
