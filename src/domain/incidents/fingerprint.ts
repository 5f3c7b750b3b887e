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
function shingleHashes(words: readonly string[]): number[] {
  const hashes = words.map((word) => fnv1a(word));
  if (hashes.length < SHINGLE) return hashes.length === 0 ? [] : [hashes.reduce((a, h) => mix(a ^ h), 0)];
  const out: number[] = [];
  for (let i = 0; i + SHINGLE <= hashes.length; i++) {
    out.push(mix((hashes[i] as number) ^ rotl(hashes[i + 1] as number, 11) ^ rotl(hashes[i + 2] as number, 22)));
  }
  return out;
}

const rotl = (value: number, bits: number) => ((value << bits) | (value >>> (32 - bits))) >>> 0;

/** Hex signature of a text's folded words; empty when there are no words. */
export function fingerprint(words: readonly string[]): string {
  const hashes = shingleHashes(words);
  if (hashes.length === 0) return '';
  const mins = new Uint32Array(HASHES).fill(0xffffffff);
  for (const base of hashes) {
    for (let i = 0; i < HASHES; i++) {
      const value = mix((Math.imul(base, MULTIPLIERS[i] as number) + (OFFSETS[i] as number)) >>> 0);
      if (value < (mins[i] as number)) mins[i] = value;
    }
  }
  // Joined rather than concatenated: the signature is kept in incidents, and a flat string is smaller than a rope.
  return Array.from(mins, (m) => m.toString(16).padStart(HEX, '0')).join('');
}

/**
 * Estimated Jaccard similarity of the two shingle sets (0 when either signature is missing). With
 * `atLeast`, 0 as soon as the similarity cannot reach it: most comparisons are with other stories.
 */
export function fingerprintSimilarity(a: string, b: string, atLeast = 0): number {
  if (a.length !== HASHES * HEX || b.length !== HASHES * HEX) return 0;
  const needed = Math.ceil(atLeast * HASHES);
  let equal = 0;
  for (let i = 0, position = 0; i < a.length; i += HEX, position++) {
    if (equal + HASHES - position < needed) return 0;
    let same = true;
    for (let j = i; j < i + HEX && same; j++) same = a.charCodeAt(j) === b.charCodeAt(j);
    if (same) equal++;
  }
  return equal / HASHES;
}

/** Index keys, one per band: two stories share a band key when a whole band of hashes agrees. */
export function fingerprintBands(signature: string): string[] {
  if (signature.length !== HASHES * HEX) return [];
  const width = ROWS_PER_BAND * HEX;
  const keys: string[] = [];
  for (let start = 0, band = 0; start < signature.length; start += width, band++) {
    keys.push(`mh:${band}:${fnv1a(signature, start, start + width).toString(16)}`);
  }
  return keys;
}
