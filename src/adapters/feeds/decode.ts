import { err, ok, type Result } from '../../domain/shared/result.js';
import { restoreC1 } from './cp1252.js';

/**
 * Bytes to text for feed bodies. Order of evidence: byte-order mark, the NUL pattern of UTF-16/32,
 * valid UTF-8, then the declared charset (HTTP header first, XML declaration second), then a guess
 * between damaged UTF-8 and Windows-1252.
 */

export interface Decoded {
  readonly text: string;
  /** WHATWG name of the encoding used, or "utf-32be"/"utf-32le". */
  readonly encoding: string;
  /** True when bytes had to be replaced or the encoding was guessed against the declaration. */
  readonly lossy: boolean;
}

type Wide = 'utf-16be' | 'utf-16le' | 'utf-32be' | 'utf-32le';

export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): Result<Decoded, 'bad_encoding'> {
  const bom = byteOrderMark(bytes);
  if (bom) return ok({ text: decodeWide(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding, lossy: false });
  const wide = sniffWide(bytes);
  if (wide) return ok({ text: decodeWide(bytes, wide), encoding: wide, lossy: false });

  const strict = tryUtf8(bytes);
  if (strict !== undefined) return ok({ text: strict, encoding: 'utf-8', lossy: false });

  const labels = [charsetFromContentType(contentType), declaredEncoding(bytes)].filter((l): l is string => l !== undefined);
  let unknownLabel: string | undefined;
  for (const label of labels) {
    const decoder = decoderFor(label);
    if (!decoder) {
      unknownLabel ??= label;
      continue;
    }
    // A declared UTF-8 (or a wide encoding the bytes do not show) is a wrong label: fall through to the guess.
    if (decoder.encoding === 'utf-8' || decoder.encoding.startsWith('utf-16')) continue;
    const text = decoder.decode(bytes);
    return ok({ text: decoder.encoding === 'windows-1252' ? restoreC1(text) : text, encoding: decoder.encoding, lossy: false });
  }
  if (unknownLabel !== undefined && labels.every((l) => decoderFor(l) === undefined)) {
    return err('bad_encoding', `declared encoding "${unknownLabel}" is unknown and the bytes are not UTF-8`);
  }
  return ok(guessDamaged(bytes));
}

function byteOrderMark(b: Uint8Array): { length: number; encoding: Wide | 'utf-8' } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { length: 3, encoding: 'utf-8' };
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return { length: 4, encoding: 'utf-32be' };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return { length: 4, encoding: 'utf-32le' };
  if (b[0] === 0xfe && b[1] === 0xff) return { length: 2, encoding: 'utf-16be' };
  if (b[0] === 0xff && b[1] === 0xfe) return { length: 2, encoding: 'utf-16le' };
  return undefined;
}

/** A document starts with "<" or whitespace: in UTF-16/32 that shows as NUL bytes around it. */
function sniffWide(b: Uint8Array): Wide | undefined {
  if (b.length < 4) return undefined;
  const [b0, b1, b2, b3] = [b[0], b[1], b[2], b[3]];
  if (b0 === 0 && b1 === 0 && b2 === 0 && b3 !== 0) return 'utf-32be';
  if (b0 !== 0 && b1 === 0 && b2 === 0 && b3 === 0) return 'utf-32le';
  if (b0 === 0 && b1 !== 0 && b2 === 0) return 'utf-16be';
  if (b0 !== 0 && b1 === 0 && b3 === 0) return 'utf-16le';
  return undefined;
}

function decodeWide(bytes: Uint8Array, encoding: Wide | 'utf-8'): string {
  if (encoding === 'utf-32be' || encoding === 'utf-32le') return decodeUtf32(bytes, encoding === 'utf-32le');
  return new TextDecoder(encoding).decode(bytes);
}

/** TextDecoder has no UTF-32. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const code = view.getUint32(i, littleEndian);
    parts.push(code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd');
  }
  return parts.join('');
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decoderFor(label: string): InstanceType<typeof TextDecoder> | undefined {
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return undefined;
  }
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '');
  return match?.[1];
}

/** The encoding named in an XML declaration within the first bytes (read as ASCII). */
export function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return /<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
}

/**
 * Invalid UTF-8 is either UTF-8 with a few damaged bytes (keep it, with replacement characters)
 * or an undeclared single-byte encoding, which is almost always Windows-1252 in feeds.
 */
function guessDamaged(bytes: Uint8Array): Decoded {
  const { valid, invalid } = countUtf8Sequences(bytes);
  if (valid > invalid) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', lossy: true };
  return { text: restoreC1(new TextDecoder('windows-1252').decode(bytes)), encoding: 'windows-1252', lossy: true };
}

function countUtf8Sequences(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < b.length; i += 1) {
    const lead = b[i] ?? 0;
    if (lead < 0x80) continue;
    const length = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 0;
    let good = length > 0;
    for (let k = 1; good && k < length; k += 1) good = ((b[i + k] ?? 0) & 0xc0) === 0x80;
    if (good) {
      valid += 1;
      i += length - 1;
    } else {
      invalid += 1;
    }
  }
  return { valid, invalid };
}
