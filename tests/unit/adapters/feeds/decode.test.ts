import { describe, expect, it } from 'vitest';
import { charsetFromContentType, declaredEncoding, decodeFeedBytes } from '../../../../src/adapters/feeds/decode.js';

const text = 'Ségou – “Kayes” €';

function decoded(bytes: Uint8Array, contentType?: string): { text: string; encoding: string; lossy: boolean } {
  const result = decodeFeedBytes(bytes, contentType);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('decodeFeedBytes', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decoded(Buffer.from(text, 'utf8')).text).toBe(text);
    expect(decoded(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])).text).toBe(text);
  });

  it('reads UTF-16 from its BOM or from the NUL pattern of "<"', () => {
    const le = Buffer.from(`<?xml version="1.0"?><t>${text}</t>`, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decoded(le)).toMatchObject({ encoding: 'utf-16le', text: `<?xml version="1.0"?><t>${text}</t>` });
    expect(decoded(be).encoding).toBe('utf-16be');
    expect(decoded(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text).toBe(`<?xml version="1.0"?><t>${text}</t>`);
  });

  it('reads UTF-32, which TextDecoder lacks', () => {
    const chars = [...'<a>Ségou</a>'];
    const be = Buffer.alloc(4 + chars.length * 4);
    be.writeUInt32BE(0xfeff, 0);
    chars.forEach((c, i) => be.writeUInt32BE(c.codePointAt(0) ?? 0, 4 + i * 4));
    expect(decoded(be)).toMatchObject({ encoding: 'utf-32be', text: '<a>Ségou</a>' });
  });

  it('uses the declared single-byte encoding, with Windows-1252 punctuation in 0x80-0x9F', () => {
    const body = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1252"?><t>S'), Buffer.from([0xe9, 0x67, 0x6f, 0x75, 0x20, 0x96, 0x20, 0x93, 0x4b, 0x61, 0x79, 0x65, 0x73, 0x94, 0x20, 0x80]), Buffer.from('</t>')]);
    expect(decoded(body).text).toBe(`<?xml version="1.0" encoding="windows-1252"?><t>${text}</t>`);
    expect(decoded(Buffer.from('<t>café</t>', 'latin1'), 'text/xml; charset=latin1').text).toBe('<t>café</t>');
  });

  it('trusts valid UTF-8 over a single-byte label, and guesses when nothing fits', () => {
    expect(decoded(Buffer.from('<t>Ségou</t>', 'utf8'), 'text/xml; charset=iso-8859-1').text).toBe('<t>Ségou</t>');
    expect(decoded(Buffer.from('<t>Ségou à Mopti</t>', 'latin1'))).toMatchObject({ text: '<t>Ségou à Mopti</t>', encoding: 'windows-1252', lossy: true });
    const damaged = Buffer.concat([Buffer.from('<t>Ségou, Ménaka, Tombouctou '), Buffer.from([0xff]), Buffer.from('</t>')]);
    expect(decoded(damaged)).toMatchObject({ text: '<t>Ségou, Ménaka, Tombouctou \ufffd</t>', encoding: 'utf-8', lossy: true });
  });

  it('refuses an unknown declared encoding when the bytes are not UTF-8', () => {
    const body = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="bogus"?><t>'), Buffer.from([0xe9, 0xff]), Buffer.from('</t>')]);
    expect(decodeFeedBytes(body)).toMatchObject({ ok: false, error: { code: 'bad_encoding' } });
  });

  it('reads the charset parameter and the XML declaration', () => {
    expect(charsetFromContentType('application/rss+xml; charset="ISO-8859-1"')).toBe('ISO-8859-1');
    expect(charsetFromContentType('text/xml')).toBeUndefined();
    expect(declaredEncoding(Buffer.from("<?xml version='1.0' encoding='gb2312'?><rss/>"))).toBe('gb2312');
  });
});
