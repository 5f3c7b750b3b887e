import { describe, expect, it } from 'vitest';
import type { DateFact, Document } from '../../../../src/domain/model.js';
import { documentDate, extractDates } from '../../../../src/domain/extract/dates.js';
import { documentOf, seedDocument } from '../text/seed-documents.js';

function summary(facts: readonly DateFact[]): [string, string, string, boolean, string][] {
  return facts.map((f) => [f.matched, f.date, f.precision, f.background, f.role]);
}

/** A document published on `day` (metadata), so relative dates resolve against it. */
function dated(body: string, day: string, lang?: string): Document {
  return documentOf(body, { title: 'Report', published: day, ...(lang === undefined ? {} : { lang }) });
}

function bodyDates(doc: Document): [string, string, string, boolean, string][] {
  return summary(extractDates(doc).filter((f) => f.evidence.sentence > 0));
}

describe('seed 000', () => {
  const doc = seedDocument('000');
  const facts = extractDates(doc);

  it('takes the date under the byline as the publication date, not an event date', () => {
    const publication = facts.filter((f) => f.role === 'publication');
    expect(summary(publication)).toEqual([['Jul 03 2025', '2025-07-03', 'day', false, 'publication']]);
    expect(publication[0]?.evidence.text).toBe('Jul 03 2025');
    expect(facts.filter((f) => f.role === 'event' && f.date === '2025-07-03')).toEqual([]);
  });

  it('reads "Tuesday, July 1" in a document dated July 3, 2025 as 2025-07-01', () => {
    expect(facts.find((f) => f.matched === 'on Tuesday, July 1')).toMatchObject({ date: '2025-07-01', precision: 'day', role: 'event', background: false });
  });

  it('dates the earlier attacks it recalls', () => {
    expect(facts.find((f) => f.matched === 'June 2')).toMatchObject({ date: '2025-06-02', role: 'event' });
  });

  it('has the date line as the document date', () => {
    expect(documentDate(doc)).toBe('2025-07-03');
  });
});

describe('seed 003', () => {
  const doc = seedDocument('003');
  const facts = extractDates(doc);

  it('takes the glued date as publication and the kidnapping as November 6', () => {
    expect(summary(facts.filter((f) => f.role === 'publication'))).toEqual([['2025-11-10', '2025-11-10', 'day', false, 'publication']]);
    expect(facts.find((f) => f.matched === 'November 6')).toMatchObject({ date: '2025-11-06', role: 'event', background: false });
    expect(facts.find((f) => f.matched === 'on 6 Nov 2025')).toMatchObject({ date: '2025-11-06', role: 'event' });
  });

  it('marks "Formed in 2017" and "Earlier this year" as background', () => {
    expect(facts.find((f) => f.matched === 'in 2017')).toMatchObject({ date: '2017-01-01', precision: 'year', background: true });
    expect(facts.find((f) => f.evidence.text.startsWith('Earlier this year'))).toMatchObject({ date: '2025-01-01', precision: 'year', background: true });
  });
});

describe('documentDate', () => {
  it('prefers metadata, then a date line, and is undefined otherwise', () => {
    expect(documentDate(dated('Jul 03 2025\n\nGunmen attacked Kayes.', '2025-07-05T09:00:00Z'))).toBe('2025-07-05');
    expect(documentDate(documentOf('Gunmen attacked Kayes.\n\nPublished: July 4, 2025'))).toBe('2025-07-04');
    expect(documentDate(seedDocument('001'))).toBeUndefined();
  });
});

describe('relative and partial dates', () => {
  it('resolves a weekday to the latest one on or before the document date', () => {
    expect(bodyDates(dated('Gunmen struck the convoy on Tuesday.', '2025-07-03'))).toEqual([['on Tuesday', '2025-07-01', 'day', false, 'event']]);
    expect(bodyDates(dated('Gunmen struck the convoy on Tuesday.', '2025-07-07'))).toEqual([['on Tuesday', '2025-07-01', 'day', false, 'event']]);
  });

  it('gives "earlier this year" year precision and marks it background', () => {
    expect(bodyDates(dated('Earlier this year, two workers were kidnapped.', '2025-11-10'))).toEqual([['this year', '2025-01-01', 'year', true, 'event']]);
  });

  it('gives "in June 2025" month precision', () => {
    expect(bodyDates(dated('It killed 200 soldiers in June 2025.', '2025-07-03'))).toEqual([['June 2025', '2025-06-01', 'month', false, 'event']]);
  });

  it('puts a date without a year on or before the document date', () => {
    expect(bodyDates(dated('Five Indians were kidnapped on November 6.', '2025-03-10'))).toEqual([['November 6', '2024-11-06', 'day', false, 'event']]);
  });

  it('takes a date more than a year before the document date as background', () => {
    expect(bodyDates(dated('In 2019, twin attacks on Boulkessi and Mondoro killed dozens of soldiers.', '2025-06-03'))).toEqual([['In 2019', '2019-01-01', 'year', true, 'event']]);
    expect(bodyDates(dated('Attacks grew in 2024 across the region.', '2025-06-03'))).toEqual([['in 2024', '2024-01-01', 'year', true, 'event']]);
  });

  it('ignores counts, amounts and times', () => {
    const doc = dated('About 400 Indians live in Mali. The army neutralised more than 80 militants and 2000 soldiers came. JNIM killed over 5,800 civilians at 10:30.', '2025-07-03');
    expect(bodyDates(doc)).toEqual([]);
  });

  it('reads a wire dateline as the publication date', () => {
    const doc = documentOf('BAMAKO, July 3 (Reuters) - Gunmen kidnapped three workers on Tuesday, officials said.', { title: 'Report' });
    expect(bodyDates(doc)).toEqual([
      ['July 3', '2025-07-03', 'day', false, 'publication'],
      ['on Tuesday', '2025-07-01', 'day', false, 'event'],
    ]);
  });
});

describe('French dates', () => {
  const article = `Cinq ressortissants indiens ont été enlevés jeudi 6 novembre près de Kobri, dans l'ouest du Mali. Trois autres Indiens avaient déjà été enlevés le 1er juillet 2025 à Kayes. Il y a trois jours, le JNIM a revendiqué une embuscade. Le blocus imposé en septembre se poursuit.`;

  it('reads absolute, weekday, relative and month dates against the document date', () => {
    expect(bodyDates(dated(article, '2025-11-10', 'fr'))).toEqual([
      ['jeudi 6 novembre', '2025-11-06', 'day', false, 'event'],
      ['1er juillet 2025', '2025-07-01', 'day', true, 'event'],
      ['Il y a trois jours', '2025-11-07', 'day', false, 'event'],
      ['en septembre', '2025-09-01', 'month', false, 'event'],
    ]);
  });

  it('takes a French date line as the publication date', () => {
    const doc = documentOf(`Publié le 8 novembre 2025 à 10h30\n\n${article}`, { title: 'Mali : cinq Indiens enlevés' });
    expect(doc.lang).toBe('fr');
    expect(extractDates(doc).filter((f) => f.role === 'publication').map((f) => f.date)).toEqual(['2025-11-08']);
    expect(extractDates(doc).find((f) => f.matched === 'Il y a trois jours')?.date).toBe('2025-11-05');
  });
});

describe('evidence', () => {
  it('points at the sentence the date came from', () => {
    const doc = seedDocument('004');
    for (const f of extractDates(doc)) {
      expect(doc.sentences[f.evidence.sentence]?.text).toBe(f.evidence.text);
      expect(f.evidence.text).toContain(f.matched);
    }
  });
});

describe('undated documents', () => {
  const SEEN = '2026-11-21T12:00:00Z';
  const undated = (body: string, lang?: string): Document =>
    documentOf(body, { title: 'Report', seenAt: SEEN, ...(lang === undefined ? {} : { lang }) });
  const dateOf = (doc: Document, matched: string): string | undefined => extractDates(doc).find((f) => f.matched === matched)?.date;

  const article = 'Three workers were kidnapped on July 1 at a cement plant. The group killed 200 soldiers in June 2025.';

  it('places year-less dates in the latest year the text writes out, when that year ended before it was seen', () => {
    const doc = undated(article);
    expect(dateOf(doc, 'July 1')).toBe('2025-07-01');
    expect(dateOf(doc, 'June 2025')).toBe('2025-06-01');
  });

  it('keeps the publication date unknown: only the day it was seen', () => {
    const doc = undated(article);
    expect(doc).toMatchObject({ publishedFrom: 'seen', published: SEEN });
    expect(documentDate(doc)).toBeUndefined();
    expect(extractDates(doc).filter((f) => f.role === 'publication')).toEqual([]);
  });

  it('keeps the seen year when the text writes out no year', () => {
    expect(dateOf(undated('Three workers were kidnapped on July 1 at a cement plant. Earlier this year, two traders were abducted.'), 'July 1')).toBe('2026-07-01');
  });

  it('keeps the seen year when the latest year written is the seen year', () => {
    expect(dateOf(undated('Three workers were kidnapped on July 1. The army lost a base in June 2025 and another in March 2026.'), 'July 1')).toBe('2026-07-01');
  });

  it('counts a year written in a period or a full date, and not a year after the day it was seen', () => {
    expect(dateOf(undated('Gunmen stormed the mine on July 1. Deaths in the first quarter of 2025 matched all of 2024.'), 'July 1')).toBe('2025-07-01');
    expect(dateOf(undated('Gunmen stormed the mine on July 1. The group was founded on March 2, 2017, and gained ground in June 2025; elections are due in 2027.'), 'July 1')).toBe('2025-07-01');
  });

  it('does not take a year recalled from long ago for the time of the text', () => {
    expect(dateOf(undated('Gunmen attacked the camp in Timbuktu on July 1, the city jihadists occupied in 2012.'), 'July 1')).toBe('2026-07-01');
  });

  it('keeps the seen year for a story of a stream that writes out last year, ended less than a year before the next dated item', () => {
    const text = 'A year after ethnic violence cost hundreds of lives in 2018, gunmen attacked Koulogon on January 1.';
    const streamed = documentOf(text, { title: 'Report', seenAt: '2019-03-18T00:00:00Z', publishedBefore: '2019-03-18T00:00:00Z' });
    expect(dateOf(streamed, 'January 1')).toBe('2019-01-01');
    // Without a stream to bound it, the year the text writes out still places the day.
    const read = documentOf(text, { title: 'Report', seenAt: '2019-03-18T00:00:00Z' });
    expect(dateOf(read, 'January 1')).toBe('2018-01-01');
  });

  it('keeps the seen year for a story of a stream that writes out a year long past', () => {
    const text = "L'attaque a visé un poste dans la nuit du 10 au 11 juin, la première depuis l'attentat de Grand-Bassam en 2016.";
    const streamed = documentOf(text, { title: 'Report', lang: 'fr', seenAt: '2020-07-22T00:00:00Z', publishedBefore: '2020-07-22T00:00:00Z' });
    expect(extractDates(streamed).find((f) => f.matched.includes('11 juin'))?.date).toBe('2020-06-11');
  });

  it('reads French the same way', () => {
    const doc = undated('Trois ouvriers ont été enlevés le 1er juillet sur le site de la cimenterie. Le groupe avait tué 200 soldats en juin 2025.', 'fr');
    expect(extractDates(doc).find((f) => f.matched.includes('1er juillet'))?.date).toBe('2025-07-01');
  });

  it('leaves a document with a metadata date as it was', () => {
    const doc = documentOf(article, { title: 'Report', seenAt: SEEN, published: '2026-07-03T08:00:00Z' });
    expect(doc.publishedFrom).toBe('metadata');
    expect(dateOf(doc, 'July 1')).toBe('2026-07-01');
    expect(documentDate(doc)).toBe('2026-07-03');
  });

  it('leaves a document with a date line as it was', () => {
    const doc = documentOf(`Jul 03 2026\n\n${article}`, { title: 'Report', seenAt: SEEN });
    expect(doc.publishedFrom).toBe('text');
    expect(dateOf(doc, 'July 1')).toBe('2026-07-01');
  });
});

describe('the day a text was stamped', () => {
  it('reads "mis à jour le" and "updated on" as the day the text changed, not a day of the news', () => {
    const doc = dated('Article mis à jour le 17 novembre 2021. La gendarmerie a été attaquée le dimanche 14 novembre 2021.', '2021-11-15', 'fr');
    expect(bodyDates(doc).map(([matched, , , , role]) => [matched, role])).toEqual([
      ['17 novembre 2021', 'publication'],
      ['dimanche 14 novembre 2021', 'event'],
    ]);
    expect(bodyDates(dated('Updated on March 3, 2024. Gunmen attacked the post on March 1.', '2024-03-02')).map(([, , , , role]) => role)).toEqual(['publication', 'event']);
  });
});

describe('a weekday the text pins', () => {
  it('reads a bare weekday as the day the text gives that weekday elsewhere', () => {
    const doc = dated('The toll was announced on Tuesday, September 27 by the government. A government report on Tuesday night gave 11 dead.', '2022-10-06');
    expect(bodyDates(doc).map(([matched, date]) => [matched, date])).toEqual([
      ['on Tuesday, September 27', '2022-09-27'],
      ['on Tuesday', '2022-09-27'],
    ]);
    // Without a weekday pinned, a bare one is the latest before the day the text is read against.
    expect(bodyDates(dated('A government report on Tuesday night gave 11 dead.', '2022-10-06')).map(([, date]) => date)).toEqual(['2022-10-04']);
  });

  it("reads a day of the month without weekday or year as the year's that the text pins it to with its weekday", () => {
    const text = 'Ce 30 septembre, des tirs ont été entendus à Ouagadougou. La ville a des allures de siège, ce vendredi 30 septembre.';
    // Undated, out between mid-May and early October 2022: alone, "30 septembre" is likelier the September before.
    const streamed = (body: string) =>
      bodyDates(documentOf(body, { title: 'Report', lang: 'fr', seenAt: '2022-05-17T00:00:00Z', publishedAfter: '2022-05-17T00:00:00Z', publishedBefore: '2022-10-03T00:00:00Z' }));
    expect(streamed(text).map(([matched, date]) => [matched, date])).toEqual([
      ['30 septembre', '2022-09-30'],
      ['ce vendredi 30 septembre', '2022-09-30'],
    ]);
    expect(streamed('Ce 30 septembre, des tirs ont été entendus à Ouagadougou.').map(([, date]) => date)).toEqual(['2021-09-30']);
    // A year written out is kept.
    expect(streamed('Le 30 septembre 2021, des tirs. Ce vendredi 30 septembre, encore.').map(([, date]) => date)).toEqual(['2021-09-30', '2022-09-30']);
  });
});
