import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../../src/adapters/feeds/parse.js';
import type { ParsedFeed } from '../../../../src/app/feeds/ports.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../../fixtures/feeds/${name}`, import.meta.url));

async function parsed(body: string | Uint8Array, url = 'https://news.example.org/afrique/rss', extra: { contentType?: string } = {}): Promise<ParsedFeed> {
  const result = await parseFeed(body, { url, sourceName: 'Sahel Desk', lang: 'fr', ...extra });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('parseFeed on RSS 2.0', () => {
  it('tolerates a blank line before the declaration and normalises every field', async () => {
    const feed = await parsed(fixture('sahel-news-rss2.xml'));
    expect(feed.format).toBe('rss2');
    expect(feed.lang).toBe('fr');
    expect(feed.items).toHaveLength(3);
    const [first, second, third] = feed.items;
    expect(first).toEqual({
      id: 'sd-20250703-001',
      link: 'https://news.example.org/afrique/mali-ouvriers-enleves',
      title: 'Mali : trois ouvriers enlevés près de Kayes',
      summary: "Des hommes armés ont enlevé trois ouvriers sur un chantier près de Kayes.\n\nAucune revendication pour l'instant.",
      published: '2025-07-03T09:30:00.000Z',
      source: 'Sahel Desk',
      lang: 'fr',
      author: 'Rédaction',
    });
    expect(second?.link).toBe('https://news.example.org/afrique/attaque-segou');
    expect(second?.published).toBe('2025-07-02T17:05:00.000Z');
    expect(second?.summary).toBe("Le poste a été visé tôt mercredi & l'armée dit avoir repoussé l'assaut.");
    expect(third?.id).toBe('https://news.example.org/afrique/bamako-vols');
    expect(third?.summary).toBe('Les vols reprennent… partiellement.');
  });

  it('reads Google News items: outlet as source, suffix cut from the title, tracking parameter dropped', async () => {
    const feed = await parsed(fixture('google-news-search.xml'), 'https://news.google.com/rss/search?q=Mali');
    const [first, second] = feed.items;
    expect(first?.title).toBe('Gunmen abduct workers at cement plant in western Mali');
    expect(first?.source).toBe('Sahel Wire');
    expect(first?.link).toBe('https://news.google.com/rss/articles/CBMiSGh0dHBzOi8vc2FoZWwtd2lyZS5leGFtcGxlLmNvbS9tYWxpLWNlbWVudA');
    expect(first?.lang).toBe('en');
    expect(second?.source).toBe('Bamako Daily');
    expect(second?.title).toBe('Army says attack repelled near Segou');
  });

  it('decodes a Latin-1 body declared in the XML declaration', async () => {
    const text = fixture('mali-headlines.rdf').toString('latin1').replace('Aid groups suspend work in Menaka', 'Reprise des activités à Ménaka');
    const feed = await parsed(Buffer.from(text, 'latin1'));
    expect(feed.format).toBe('rss1');
    expect(feed.items.map((i) => i.title)).toEqual(['Mali: Convoy ambushed on the road to Gao', 'Mali: Reprise des activités à Ménaka']);
    expect(feed.items[0]?.published).toBe('2025-07-02T06:45:00.000Z');
    expect(feed.lang).toBe('en');
  });

  it('prefers the charset of the Content-Type header over a wrong declaration', async () => {
    const xml = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title><item><title>Tombouctou, Ségou</title></item></channel></rss>';
    const feed = await parsed(Buffer.from(xml, 'latin1'), undefined, { contentType: 'text/xml; charset=ISO-8859-1' });
    expect(feed.items[0]?.title).toBe('Tombouctou, Ségou');
  });

  it('reads UTF-16 with and without a byte-order mark', async () => {
    const xml = '<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><title>Gao</title><item><title>Kidal, Ménaka</title></item></channel></rss>';
    const le = Buffer.from(xml, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const body of [le, be, Buffer.concat([Buffer.from([0xff, 0xfe]), le]), Buffer.concat([Buffer.from([0xfe, 0xff]), be])]) {
      expect((await parsed(body)).items[0]?.title).toBe('Kidal, Ménaka');
    }
  });
});

describe('parseFeed on Atom', () => {
  it('resolves links against xml:base, reads xhtml titles and survives a bad date', async () => {
    const feed = await parsed(fixture('travel-advice.atom'), 'https://advice.example.gov/feeds/mali.atom');
    expect(feed.format).toBe('atom');
    expect(feed.link).toBe('https://advice.example.gov/travel/mali');
    const [update, older] = feed.items;
    expect(update).toMatchObject({
      id: 'tag:advice.example.gov,2005:/travel/mali/2025-07-02T10:00:00Z',
      title: 'Mali',
      link: 'https://advice.example.gov/travel/mali/safety-and-security',
      published: '2025-07-02T10:00:00.000Z',
      summary: 'Updated information on the kidnapping risk in the Kayes region.',
      source: 'Sahel Desk',
    });
    expect(older?.title).toBe('Mali advice reviewed');
    expect(older?.published).toBe('2025-05-10T07:00:00.000Z');
    expect(older?.summary).toBe('No change to the advice level.');
  });
});

describe('parseFeed on JSON Feed', () => {
  it('validates items one by one and keeps the good ones', async () => {
    const feed = await parsed(fixture('sahel-brief.json'));
    expect(feed.format).toBe('json');
    expect(feed.items.map((i) => i.id)).toEqual(['brief-42', '43']);
    expect(feed.items[0]).toMatchObject({
      title: 'Kayes: what we know about the abduction',
      summary: 'Three workers were taken on 1 July & no group has claimed it.',
      published: '2025-07-03T08:00:00.000Z',
      lang: 'en',
    });
    expect(feed.items[1]?.published).toBe('2025-07-02T08:00:00.000Z');
    expect(feed.warnings).toContain('skipped_items:1');
  });

  it('calls JSON that is not a feed not_a_feed and broken JSON a parse_error', async () => {
    expect(await parseFeed('{"base_path": "/foreign-travel-advice"}', { url: 'https://x.example/' })).toMatchObject({ ok: false, error: { code: 'not_a_feed' } });
    expect(await parseFeed('{"version": "https://jsonfeed.org/version/1", "items": [', { url: 'https://x.example/' })).toMatchObject({
      ok: false,
      error: { code: 'parse_error' },
    });
  });
});

describe('parseFeed on hostile or broken input', () => {
  it('never expands entities declared in a DOCTYPE (billion laughs)', async () => {
    const lol = ['<!ENTITY lol0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`)].join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [${lol}]><rss version="2.0"><channel><title>&lol9;</title><item><title>Gao &lol9;</title></item></channel></rss>`;
    const started = process.hrtime.bigint();
    const feed = await parsed(xml);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2000);
    expect(feed.items[0]?.title).toBe('Gao &lol9;');
    expect(JSON.stringify(feed).length).toBeLessThan(2000);
  });

  it('does not fetch an external DTD or entity', async () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://127.0.0.1:9/never.dtd" [<!ENTITY ext SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>x &ext;</title><item><title>Mopti</title></item></channel></rss>';
    const feed = await parsed(xml);
    expect(feed.title).toBe('x &ext;');
    expect(feed.items[0]?.title).toBe('Mopti');
  });

  it('recovers the items of a truncated document and says so', async () => {
    const xml = '<rss version="2.0"><channel><title>t</title><item><title>Kayes</title><link>https://a.example/1</link></item><item><title>Segou</tit';
    const feed = await parsed(xml);
    expect(feed.warnings).toContain('truncated');
    expect(feed.items[0]?.title).toBe('Kayes');
  });

  it('gives typed errors for HTML pages, other XML, empty bodies and unknown encodings', async () => {
    const cases: [string | Uint8Array, string][] = [
      ['<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>', 'not_a_feed'],
      ['<note><to>Tove</to></note>', 'not_a_feed'],
      ['', 'not_a_feed'],
      ['   \n  ', 'not_a_feed'],
      [Buffer.concat([Buffer.from('<?xml version="1.0" encoding="x-unknown-9"?><rss><channel><title>'), Buffer.from([0xff, 0xfe, 0x81]), Buffer.from('</title></channel></rss>')]), 'bad_encoding'],
      ['<rss version="2.0"><channel><title>a</title><item><title>b</item></channel></rss>', 'parse_error'],
    ];
    for (const [body, code] of cases) {
      expect(await parseFeed(body, { url: 'https://x.example/' }), String(body).slice(0, 40)).toMatchObject({ ok: false, error: { code } });
    }
  });

  it('gives every item an id: guid, else link, else a hash of title and date', async () => {
    const xml = `<rss version="2.0"><channel><title>t</title>
      <item><title>No link here</title><pubDate>Tue, 01 Jul 2025 10:00:00 GMT</pubDate></item>
      <item><title>No link here</title><pubDate>Tue, 01 Jul 2025 10:00:00 GMT</pubDate></item>
      <item><title>No link here</title><pubDate>Wed, 02 Jul 2025 10:00:00 GMT</pubDate></item>
      <item><guid isPermaLink="false">https://not-a-permalink.example/1</guid><title>g</title></item>
    </channel></rss>`;
    const feed = await parsed(xml);
    expect(feed.items).toHaveLength(3);
    expect(feed.items[0]?.id).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(feed.items[0]?.id).not.toBe(feed.items[1]?.id);
    expect(feed.items[2]).toMatchObject({ id: 'https://not-a-permalink.example/1' });
    expect(feed.items[2]?.link).toBeUndefined();
  });

  it('keeps different items that share one guid apart, with ids that do not depend on their order', async () => {
    const entries = ['Kayes: workers freed', 'Gao: market reopens'].map(
      (title) => `<item><title>${title}</title><guid isPermaLink="false">https://a.example/spotlight/</guid></item>`,
    );
    const forward = await parsed(`<rss version="2.0"><channel><title>t</title>${entries.join('')}</channel></rss>`);
    const backward = await parsed(`<rss version="2.0"><channel><title>t</title>${[...entries].reverse().join('')}</channel></rss>`);
    expect(forward.items).toHaveLength(2);
    expect(new Set(forward.items.map((i) => i.id)).size).toBe(2);
    expect(forward.items[0]?.id).toMatch(/^https:\/\/a\.example\/spotlight\/#[0-9a-f]{12}$/);
    expect(new Set(backward.items.map((i) => i.id))).toEqual(new Set(forward.items.map((i) => i.id)));
  });
});
