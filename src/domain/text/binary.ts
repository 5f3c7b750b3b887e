/** How much of the start of a body is inspected: binary junk shows itself early. */
const SAMPLE = 4096;
/** Above this share of unprintable characters the body is not text. */
const MAX_UNPRINTABLE = 0.1;
/** The characters counted below: controls other than tab, line feed and carriage return, DEL and U+FFFD. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;

/**
 * True for bodies that are not text: any NUL byte, or a sample made mostly of control characters
 * and U+FFFD (what a decoder leaves behind when it was fed bytes of an image or an archive).
 */
export function looksBinary(body: string): boolean {
  const end = Math.min(body.length, SAMPLE);
  if (end === 0) return false;
  // Text has none at all: one scan by the regular expression engine settles it, without counting.
  if (!UNPRINTABLE.test(end < body.length ? body.slice(0, end) : body)) return false;
  let bad = 0;
  for (let i = 0; i < end; i++) {
    const c = body.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f || c === 0xfffd) bad++;
  }
  return bad / end > MAX_UNPRINTABLE;
}
