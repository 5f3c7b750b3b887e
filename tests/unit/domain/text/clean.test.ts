import { describe, expect, it } from 'vitest';
import { cleanInline, cleanParagraphs } from '../../../../src/domain/text/clean.js';
import { isClutterLine } from '../../../../src/domain/text/clutter.js';
import { seedBody, seedNames } from './seed-documents.js';

const MAX = 200_000;

/** Whitespace-insensitive form, so that a line can be looked up in the cleaned text. */
function flat(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

function cleanedText(prefix: string): string {
  return cleanParagraphs(seedBody(prefix), MAX).join('\n\n');
}

/** The lines of each seed that are page furniture; every other line is article text. */
const CLUTTER: Readonly<Record<string, readonly string[]>> = {
  '000': [
    'For the best experience, open',
    'https://m.thewire.in',
    'on your mobile browser.',
    'Advertisement',
    'article_Author',
    'The Wire Staff',
    '• whatsapp',
    '• fb',
    '• twitter',
    'three indians kidnapped in mali amid coordinated attacks by al qaeda linked terror group',
    'The Diamond Cement Factory at Kayes in Mali on Google Street View.',
    'The Wire is now on WhatsApp. Follow our channel for sharp analysis and opinions on the latest developments.',
    "tlbr_img1 Video tlbr_img2 Editor's pick tlbr_img3 Trending",
  ],
  '001': [],
  '002': ['Also Watch:', 'With inputs from agencies', ')'],
  '003': [],
  '004': [],
};

describe('cleaning the seed articles', () => {
  it.each(seedNames.map((n) => n.slice(0, 3)))('keeps every article line of seed %s', (prefix) => {
    const text = flat(cleanedText(prefix));
    const clutter = new Set(CLUTTER[prefix]);
    const article = seedBody(prefix).split('\n').map(flat).filter((l) => l.length > 0 && !clutter.has(l));
    expect(article.length).toBeGreaterThan(4);
    for (const line of article) expect(text).toContain(line);
  });

  it('removes the mobile banner, ads, share buttons, byline template, caption, slug and promotions of seed 000', () => {
    const paragraphs = cleanParagraphs(seedBody('000'), MAX);
    const text = paragraphs.join('\n');
    for (const gone of ['best experience', 'm.thewire.in', 'mobile browser', 'Advertisement', 'whatsapp', 'WhatsApp', '• fb', 'twitter', 'article_Author', 'tlbr_img', "Editor's pick", 'Google Street View', 'The Wire Staff']) {
      expect(text).not.toContain(gone);
    }
    expect(paragraphs).not.toContain('three indians kidnapped in mali amid coordinated attacks by al qaeda linked terror group');
  });

  it('keeps one copy of the lead paragraph that seed 000 prints twice', () => {
    const lead = 'The kidnapping took place on July 1 when armed assailants attacked the Diamond Cement Factory in Kayes, in western Mali. The three Indians, employed at the factory, were taken hostage during the raid.';
    const paragraphs = cleanParagraphs(seedBody('000'), MAX);
    expect(paragraphs.filter((p) => p === lead)).toHaveLength(1);
    expect(paragraphs[1]).toBe(lead);
  });

  it('keeps the headline and the date line of seed 000 as paragraphs of their own', () => {
    const paragraphs = cleanParagraphs(seedBody('000'), MAX);
    expect(paragraphs[0]).toBe('Three Indians Kidnapped in Mali Amid Coordinated Attacks by Al Qaeda-Linked Terror group');
    expect(paragraphs).toContain('Jul 03 2025');
  });

  it('drops the "Also Watch", agency credit and stray brackets at the end of seed 002', () => {
    const paragraphs = cleanParagraphs(seedBody('002'), MAX);
    expect(paragraphs.at(-1)).toBe('Counterterrorism operations by state forces have often included abuses, particularly against the Fulani population, which in turn fuels recruitment by extremist groups.');
    expect(paragraphs).not.toContain(')');
    expect(paragraphs.join('\n')).not.toMatch(/Also Watch|inputs from agencies/);
  });

  it('splits the date glued in front of seed 003 and joins the "Bamako:" slug to its paragraph', () => {
    const paragraphs = cleanParagraphs(seedBody('003'), MAX);
    expect(paragraphs[0]).toBe('date 2025-11-10');
    expect(paragraphs[1]).toMatch(/^Five Indians kidnapped in Mali amid growing Al-Qaeda-activities/);
    expect(paragraphs[2]).toMatch(/^Bamako: The Embassy of India in Bamako has confirmed/);
  });

  it('keeps the list items of seed 004 as paragraphs', () => {
    const paragraphs = cleanParagraphs(seedBody('004'), MAX);
    expect(paragraphs).toContain('- Ansar al-Din');
    expect(paragraphs).toContain('- The Sahara Emirate subgroup of AQIM (al-Qaeda in the Islamic Maghreb)');
  });
});

describe('cleaning HTML', () => {
  const html = [
    '<html><head><title>Page</title><style>p { color: red }</style><script>var tracking = "JNIM";</script></head><body>',
    '<nav><a href="/">Home</a></nav>',
    '<h1>Gunmen kidnap workers in Mali</h1>',
    '<p>By Staff Reporter</p>',
    '<p>Gunmen abducted two workers near Kayes &amp; Diboli on Monday, officials said.</p>',
    '<figure><img src="a.jpg" alt="tlbr_img1"><figcaption>The site of the attack.</figcaption></figure>',
    '<p>The workers&#8217; employer, a <b>cement</b> maker, said it was &eacute;vacuating staff.&nbsp;</p>',
    '<p>Advertisement</p>',
    '</body></html>',
  ].join('\n');

  it('turns markup into paragraphs, decodes entities and drops scripts, navigation, figures and clutter', () => {
    expect(cleanParagraphs(html, MAX)).toEqual([
      'Gunmen kidnap workers in Mali',
      'Gunmen abducted two workers near Kayes & Diboli on Monday, officials said.',
      'The workers’ employer, a cement maker, said it was évacuating staff.',
    ]);
  });

  it('decodes entities in plain text without losing its lines', () => {
    expect(cleanParagraphs('Attaque &agrave; Kayes\n\nL&#39;arm&eacute;e a riposté.', MAX)).toEqual(['Attaque à Kayes', "L'armée a riposté."]);
  });

  it('cleans a title: markup, entities and line breaks', () => {
    expect(cleanInline('  Five <i>Indians</i>\n kidnapped &ndash; Mali ')).toBe('Five Indians kidnapped – Mali');
  });
});

describe('clutter lines', () => {
  it.each([
    'Advertisement', 'Publicité', '• whatsapp', '* Facebook', '| X', 'Share this article', 'Also Read: Mali junta extends transition',
    'Lire aussi : Le JNIM revendique l’attaque', 'À lire aussi: Bamako sous blocus', 'With inputs from PTI', 'Avec AFP',
    'For the best experience, open', 'https://example.org/a/b?c=d', 'www.example.org', 'Follow us on Telegram for updates',
    'The Hindu is now on WhatsApp. Join our channel.', '3 min read', ')', '•', 'tlbr_img1 Video tlbr_img2', 'article_Author',
    'Photo: AFP', 'File photo: soldiers in Gao', 'Soldiers on patrol near Gao (Photo: Reuters)', '© 2025 The Wire', 'All rights reserved.',
    'By Staff Reporter', 'By J. Smith', 'The Wire Staff', 'Written by Amadou Diallo', 'Click here to subscribe',
  ])('%s is clutter', (line) => {
    expect(isClutterLine(line)).toBe(true);
  });

  it.each([
    'By Tuesday, the army had retaken the town.',
    'By then the group had fled.',
    'Photo evidence showed burned vehicles near the camp.',
    'Follow-up talks were held in Bamako on Friday.',
    'The staff of the embassy were moved to Dakar.',
    'Share prices of the mining company fell after the attack.',
    'Video footage showed armed men entering the factory.',
    'Three Indian nationals were abducted from a cement factory in Mali on Tuesday, July 1.',
    'The report is at https://example.org/some_report and names the victims.',
  ])('%s is article text', (line) => {
    expect(isClutterLine(line)).toBe(false);
  });
});

describe('lines and paragraphs', () => {
  it('rejoins hard-wrapped lines but not lines separated by a blank line', () => {
    const body = 'Gunmen attacked the cement factory in Kayes and\ntook three workers hostage on Tuesday.\n\nthe army said nothing.';
    expect(cleanParagraphs(body, MAX)).toEqual([
      'Gunmen attacked the cement factory in Kayes and took three workers hostage on Tuesday.',
      'the army said nothing.',
    ]);
  });

  it('treats a copy in other case as the same paragraph', () => {
    const body = 'Gunmen attacked the factory, officials said.\nGUNMEN ATTACKED THE FACTORY, OFFICIALS SAID.\nA second paragraph.';
    expect(cleanParagraphs(body, MAX)).toEqual(['Gunmen attacked the factory, officials said.', 'A second paragraph.']);
  });

  it('normalises invisible characters, non-breaking spaces and line separators', () => {
    expect(cleanParagraphs('Kay\u00ades\u00a0attack\u200b\r\nSecond\u2028Third', MAX)).toEqual(['Kayes attack', 'Second', 'Third']);
  });

  it('composes accents written apart, and leaves precomposed text as it is', () => {
    expect(cleanParagraphs('Se\u0301gou et Mopti', MAX)).toEqual(['S\u00e9gou et Mopti']);
    expect(cleanParagraphs('S\u00e9gou, \u00c5 \u00ff', MAX)).toEqual(['S\u00e9gou, \u00c5 \u00ff']);
  });
});

describe('bounded work on enormous input', () => {
  it('processes only about maxChars of a five-megabyte body', () => {
    const body = 'Gunmen attacked the Diamond Cement Factory in Kayes on July 1.\n'.repeat(80_000);
    const paragraphs = cleanParagraphs(`${body}A distinct last line.`, 50_000);
    expect(paragraphs.join('').length).toBeLessThanOrEqual(50_000);
    expect(paragraphs).toEqual(['Gunmen attacked the Diamond Cement Factory in Kayes on July 1.']);
  });

  it.each([
    ['a run of dots', `Attack${'.'.repeat(3_000_000)}`],
    ['a run of commas', `Attack ${', '.repeat(1_000_000)}end`],
    ['lower-case lines that could be joined', Array.from({ length: 100_000 }, (_, i) => `three indians kidnapped in mali ${i}`).join('\n')],
    ['unclosed tags', '<p'.repeat(500_000)],
    ['one endless word', `a-july-${'x'.repeat(1_000_000)}`],
  ])('returns a bounded result for %s', (_name, body) => {
    const paragraphs = cleanParagraphs(body, MAX);
    expect(paragraphs.join('').length).toBeLessThanOrEqual(MAX);
  });
});
