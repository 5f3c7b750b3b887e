import { describe, expect, it } from 'vitest';
import type { RawInput } from '../../../../src/domain/model.js';
import { buildDocument } from '../../../../src/domain/text/document.js';
import { fold } from '../../../../src/domain/text/normalize.js';
import { documentOf, SEEN_AT, seedDocument, seedInput } from './seed-documents.js';

const FRENCH = `Mali : cinq ressortissants indiens enlevés près de Kobri

Publié le 8 novembre 2025 à 10h30

Cinq ressortissants indiens ont été enlevés jeudi 6 novembre près de Kobri, dans l'ouest du Mali, par des hommes armés. L'enlèvement n'a pas encore été revendiqué. Selon une source sécuritaire, les assaillants ont attaqué le site d'une entreprise d'électrification.

« Nous condamnons fermement cet acte. » Le ministère a appelé à leur libération rapide.

Publicité`;

function raw(body: string, extra: Partial<RawInput> = {}): RawInput {
  return { id: 'doc', kind: 'news', source: 'Test Wire', body, seenAt: SEEN_AT, ...extra };
}

function errorCode(input: RawInput, options?: { maxChars?: number }): string | undefined {
  const built = buildDocument(input, options);
  return built.ok ? undefined : built.error.code;
}

describe('titles of the seed documents', () => {
  it('takes the headline line of seed 000 and leaves it out of the text', () => {
    const doc = seedDocument('000');
    expect(doc.title).toBe('Three Indians Kidnapped in Mali Amid Coordinated Attacks by Al Qaeda-Linked Terror group');
    expect(doc.text.startsWith('The kidnapping took place on July 1')).toBe(true);
  });

  it('separates the headline glued between the date and the body of seed 003', () => {
    const doc = seedDocument('003');
    expect(doc.title).toBe('Five Indians kidnapped in Mali amid growing Al-Qaeda-activities, Embassy pushes for safe release');
    expect(doc.sentences[1]?.text).toBe('date 2025-11-10');
    expect(doc.sentences[2]?.text).toBe('Five Indian nationals have been kidnapped in Mali, with the Indian Embassy confirming active coordination with local authorities for their safe release.');
  });

  it.each(['002', '004'])('makes a headline from the long first sentence of seed %s and keeps that sentence whole', (prefix) => {
    const doc = seedDocument(prefix);
    const first = doc.sentences[1]?.text ?? '';
    expect(doc.title.length).toBeLessThanOrEqual(141);
    expect(doc.title.endsWith('…')).toBe(true);
    expect(first.startsWith(doc.title.replace(/…$/, ''))).toBe(true);
  });

  it('makes the headline of seed 001 from its short first sentence without repeating it', () => {
    const doc = seedDocument('001');
    expect(doc.title).toBe('The abduction of three Indian nationals in Mali has prompted serious concern and swift action from the Indian government');
    expect(doc.sentences[1]?.text.startsWith('The incident, which occurred on July 1, 2025')).toBe(true);
    expect(doc.sentences.filter((s) => s.text.startsWith('The abduction of three Indian nationals'))).toHaveLength(1);
  });

  it('uses the title given by the feed, without the outlet suffix, and drops its copy from the body', () => {
    const doc = documentOf('Gunmen kidnap workers in Mali\n\nGunmen abducted two workers near Kayes on Monday.', {
      title: 'Gunmen kidnap workers in Mali - Test Wire',
    });
    expect(doc.title).toBe('Gunmen kidnap workers in Mali');
    expect(doc.text).toBe('Gunmen abducted two workers near Kayes on Monday.');
  });
});

describe('sentences', () => {
  it('puts the title first and marks the lead, skipping the date line', () => {
    const doc = seedDocument('000');
    expect(doc.sentences[0]).toEqual({ index: 0, text: doc.title, folded: fold(doc.title), lead: true });
    expect(doc.sentences.slice(0, 6).map((s) => [s.text.slice(0, 30), s.lead])).toEqual([
      ['Three Indians Kidnapped in Mal', true],
      ['The kidnapping took place on J', true],
      ['The three Indians, employed at', true],
      ['Jul 03 2025', false],
      ['New Delhi: Three Indian nation', true],
      ['According to a press release f', false],
    ]);
  });

  it('keeps a sentence that a wire dateline opens in the lead', () => {
    const doc = documentOf('COTONOU, April 24, 2025 — The government confirmed that 54 soldiers were killed on April 17 in W National Park.\n\nA spokesman gave the toll on Wednesday.', {
      title: 'Benin confirms 54 soldiers killed',
    });
    expect(doc.sentences.map((s) => s.lead)).toEqual([true, true, true]);
    expect(doc).toMatchObject({ published: '2025-04-24', publishedFrom: 'text' });
  });

  it('numbers sentences in order and folds each one', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const doc = seedDocument(prefix);
      doc.sentences.forEach((s, i) => {
        expect(s.index).toBe(i);
        expect(s.folded).toBe(fold(s.text));
      });
    }
  });

  it('splits paragraphs at abbreviations correctly', () => {
    const doc = seedDocument('002');
    expect(doc.sentences.map((s) => s.text)).toContain('Army spokesperson Col. Souleymane Dembele, in a nationally broadcast statement, said, “The enemy suffered significant losses in every location where they engaged with the security and defence forces.”');
  });
});

describe('publication date', () => {
  it('comes from the date line when there is no metadata', () => {
    expect(seedDocument('000')).toMatchObject({ published: '2025-07-03', publishedFrom: 'text' });
    expect(seedDocument('003')).toMatchObject({ published: '2025-11-10', publishedFrom: 'text' });
  });

  it('is the time the document was seen when nothing else is known', () => {
    expect(seedDocument('001')).toMatchObject({ published: SEEN_AT, publishedFrom: 'seen', seenAt: SEEN_AT });
  });

  it('comes from metadata first, ISO or RSS style', () => {
    expect(documentOf('Jul 03 2025\n\nGunmen attacked Kayes.', { published: '2025-07-04T08:00:00+05:30' })).toMatchObject({
      published: '2025-07-04T08:00:00+05:30', publishedFrom: 'metadata',
    });
    // Seconds are optional: the day stays the one the outlet gave, not the UTC day.
    expect(documentOf('Gunmen attacked Kayes.', { published: '2019-01-18T00:49+05:30' })).toMatchObject({
      published: '2019-01-18T00:49+05:30', publishedFrom: 'metadata',
    });
    expect(documentOf('Gunmen attacked Kayes.', { published: 'Thu, 03 Jul 2025 10:00:00 GMT' })).toMatchObject({
      published: '2025-07-03T10:00:00.000Z', publishedFrom: 'metadata',
    });
  });

  it('ignores metadata it cannot read', () => {
    expect(documentOf('Gunmen attacked Kayes.', { published: 'last week' })).toMatchObject({ publishedFrom: 'seen' });
  });
});

describe('language', () => {
  it('is English for the seeds and French for a French article', () => {
    expect(seedDocument('002').lang).toBe('en');
    const doc = documentOf(FRENCH);
    expect(doc).toMatchObject({ lang: 'fr', title: 'Mali : cinq ressortissants indiens enlevés près de Kobri', published: '2025-11-08', publishedFrom: 'text' });
    expect(doc.text).not.toContain('Publicité');
  });

  it('follows a declared English or French tag', () => {
    expect(documentOf(FRENCH, { lang: 'en-US' }).lang).toBe('en');
  });

  it('is und for a title-only item with nothing to go on', () => {
    expect(documentOf('', { title: 'Kidal' })).toMatchObject({ title: 'Kidal', text: '', lang: 'und', sentences: [{ index: 0, text: 'Kidal' }] });
  });

  it('is French for a French title-only item', () => {
    expect(documentOf('', { title: 'Trois Indiens enlevés au Mali' }).lang).toBe('fr');
  });
});

describe('failures', () => {
  it('reports empty bodies and bodies made only of clutter', () => {
    expect(errorCode(raw(''))).toBe('empty');
    expect(errorCode(raw(' \n\t \n'))).toBe('empty');
    expect(errorCode(raw('Advertisement\n• whatsapp\n)\nhttps://example.org/x'))).toBe('empty');
  });

  it('reports binary bodies', () => {
    expect(errorCode(raw('PK\u0003\u0004\u0000\u0000\u0008\u0000 archive'))).toBe('binary');
    expect(errorCode(raw('\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008'.repeat(100)))).toBe('binary');
  });

  it('reports a long text in neither English nor French', () => {
    const german = 'Die Regierung von Mali hat am Dienstag erklärt, dass die Lage in der Region Kayes nach den Angriffen weiterhin angespannt bleibt. Mehrere Ausländer wurden entführt, und die Botschaften raten von Reisen in das Land ab. Die Armee hat zusätzliche Truppen in den Westen verlegt. Viele Familien haben ihre Dörfer verlassen.';
    expect(errorCode(raw(german))).toBe('unknown_language');
  });

  it('refuses a body far beyond the cap and gives every failure a message', () => {
    const built = buildDocument(raw('x'.repeat(60_001)), { maxChars: 1000 });
    expect(built.ok).toBe(false);
    if (!built.ok) {
      expect(built.error.code).toBe('too_large');
      expect(built.error.message.length).toBeGreaterThan(10);
    }
  });

  it('throws on a malformed seenAt, which only a bug can produce', () => {
    expect(() => buildDocument(raw('Gunmen attacked Kayes.', { seenAt: 'yesterday' }))).toThrow();
  });
});

describe('limits and shape', () => {
  it('processes only the first maxChars of a long article', () => {
    const paragraph = 'Gunmen attacked a convoy near Kayes and took two drivers hostage, officials said on Monday.';
    const body = Array.from({ length: 20_000 }, (_, i) => `${paragraph} Report ${i}.`).join('\n\n');
    const built = buildDocument(raw(body), { maxChars: 50_000 });
    expect(built.ok).toBe(true);
    if (built.ok) {
      expect(built.value.text.length).toBeLessThanOrEqual(50_000);
      expect(built.value.sentences.length).toBeGreaterThan(100);
    }
  });

  it('copies identity fields and sets url only when given', () => {
    const withUrl = documentOf('Gunmen attacked Kayes on Monday.', { url: 'https://news.example/a', kind: 'official', source: 'GOV.UK' });
    expect(withUrl).toMatchObject({ id: 'doc', kind: 'official', source: 'GOV.UK', url: 'https://news.example/a' });
    expect('url' in seedDocument('001')).toBe(false);
    expect(buildDocument(seedInput('001')).ok).toBe(true);
  });
});
