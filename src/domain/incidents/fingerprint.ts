/**
 * MinHash signatures over word shingles of a story's title and lead. Wire copies carried by several
 * outlets keep most of their wording, so their signatures agree on most positions; the share of equal
 * positions estimates the Jaccard similarity of the shingle sets. Bands of the signature serve as index
 * keys (locality-sensitive hashing), so copies find each other without a scan.
 */

const HASHES = 24;
const ROWS_PER_BAND = 4;
const SHINGLE = 3;
const HEX = 8;

/** Fixed odd multipliers and offsets, one pair per hash function. */
const MULTIPLIERS = Uint32Array.from({ length: HASHES }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0);
const OFFSETS = Uint32Array.from({ length: HASHES }, (_, i) => Math.imul(i + 7, 0x85ebca6b) >>> 0);

function fnv1a(text: string, from = 0, to = text.length): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** murmur3's finaliser: spreads the bits of a 32-bit value. */
function mix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hash of each run of SHINGLE consecutive words, from per-word hashes (rotated so that order counts):
 * no shingle strings are built.
 */
function shingleHashes(words: readonly string[]): Uint32Array {
  const count = words.length;
  if (count < SHINGLE) {
    let hash = 0;
    for (const word of words) hash = mix(hash ^ fnv1a(word));
    return count === 0 ? new Uint32Array(0) : Uint32Array.of(hash);
  }
  const out = new Uint32Array(count - SHINGLE + 1);
  let first = 0;
  let second = fnv1a(words[0] as string);
  let third = fnv1a(words[1] as string);
  for (let i = 0; i < out.length; i++) {
    first = second;
    second = third;
    third = fnv1a(words[i + 2] as string);
    out[i] = mix(first ^ rotl(second, 11) ^ rotl(third, 22));
  }
  return out;
}

const rotl = (value: number, bits: number) => ((value << bits) | (value >>> (32 - bits))) >>> 0;

/** Hex digits by value, so that a signature is written without a string per hash. */
const HEX_DIGITS = '0123456789abcdef';

/** Hex signature of a text's folded words; empty when there are no words. */
export function fingerprint(words: readonly string[]): string {
  const hashes = shingleHashes(words);
  if (hashes.length === 0) return '';
  // One hash function at a time over all shingles: its multiplier, offset and running minimum stay in registers.
  const mins = new Uint32Array(HASHES);
  for (let i = 0; i < HASHES; i++) {
    const multiplier = MULTIPLIERS[i] as number;
    const offset = OFFSETS[i] as number;
    let min = 0xffffffff;
    for (let j = 0; j < hashes.length; j++) {
      const value = mix((Math.imul(hashes[j] as number, multiplier) + offset) >>> 0);
      if (value < min) min = value;
    }
    mins[i] = min;
  }
  return hexOf(mins);
}

function hexOf(values: Uint32Array): string {
  const codes = new Array<number>(values.length * HEX);
  let at = 0;
  for (const value of values) {
    for (let shift = 28; shift >= 0; shift -= 4) codes[at++] = HEX_DIGITS.charCodeAt((value >>> shift) & 15);
  }
  return String.fromCharCode(...codes);
}

/**
 * A signature as it is compared and keyed: its hashes as numbers and its band keys. Matching compares
 * a story with the same few sources of every candidate and keys the same first and latest reports at
 * every save, so each signature is read once.
 */
interface Decoded {
  /** Empty when the text is not a signature. */
  readonly hashes: Uint32Array;
  readonly bands: readonly string[];
}

const NOT_A_SIGNATURE: Decoded = { hashes: new Uint32Array(0), bands: [] };
const MAX_DECODED = 16_384;
const decoded = new Map<string, Decoded>();

function decode(signature: string): Decoded {
  if (signature.length !== HASHES * HEX) return NOT_A_SIGNATURE;
  let found = decoded.get(signature);
  if (found === undefined) {
    found = { hashes: hashesOf(signature), bands: bandKeys(signature) };
    if (decoded.size >= MAX_DECODED) decoded.clear();
    decoded.set(signature, found);
  }
  return found;
}

function hashesOf(signature: string): Uint32Array {
  const hashes = new Uint32Array(HASHES);
  for (let i = 0; i < HASHES; i++) hashes[i] = Number.parseInt(signature.slice(i * HEX, (i + 1) * HEX), 16);
  return hashes;
}

/** A signature's hashes, to compare with signatureSimilarity; empty when the text is not a signature. */
export function signatureHashes(signature: string): Uint32Array {
  return decode(signature).hashes;
}

/**
 * Estimated Jaccard similarity of the two shingle sets (0 when either signature is missing). With
 * `atLeast`, 0 as soon as the similarity cannot reach it: most comparisons are with other stories.
 */
export function signatureSimilarity(x: Uint32Array, y: Uint32Array, atLeast = 0): number {
  if (x.length !== HASHES || y.length !== HASHES) return 0;
  const needed = Math.ceil(atLeast * HASHES);
  let equal = 0;
  for (let i = 0; i < HASHES; i++) {
    if (equal + HASHES - i < needed) return 0;
    if (x[i] === y[i]) equal++;
  }
  return equal / HASHES;
}

/** Index keys, one per band: two stories share a band key when a whole band of hashes agrees. */
export function fingerprintBands(signature: string): readonly string[] {
  return decode(signature).bands;
}

function bandKeys(signature: string): string[] {
  const width = ROWS_PER_BAND * HEX;
  const keys: string[] = [];
  for (let start = 0, band = 0; start < signature.length; start += width, band++) {
    keys.push(`mh:${band}:${fnv1a(signature, start, start + width).toString(16)}`);
  }
  return keys;
}
