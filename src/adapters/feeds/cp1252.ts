/**
 * Windows-1252 characters of bytes 0x80-0x9F. Node's TextDecoder("windows-1252") leaves these bytes
 * as C1 control characters, and feeds use them for quotes, dashes and the euro sign.
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((code) => String.fromCharCode(code));

/** Character -> Windows-1252 byte, for the characters that differ from Latin-1. */
export const CP1252_BYTE: ReadonlyMap<string, number> = new Map(HIGH.map((char, i) => [char, 0x80 + i]));

/** Replaces C1 controls (U+0080-U+009F) by the Windows-1252 characters of the same byte values. */
export function restoreC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => HIGH[c.charCodeAt(0) - 0x80] ?? c);
}
