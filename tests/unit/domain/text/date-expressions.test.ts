import { describe, expect, it } from 'vitest';
import { mayOpenDate, parseDateExpressions } from '../../../../src/domain/text/date-expressions.js';

function dates(text: string, reference: string, lang: 'en' | 'fr' | 'und' = 'en'): [string, string, string][] {
  return parseDateExpressions(text, reference, lang).map((e) => [e.text, e.date, e.precision]);
}

describe('parseDateExpressions', () => {
  it('reads absolute English and French dates', () => {
    expect(dates('It occurred on July 1, 2025 and again on 6 Nov 2025.', '2025-12-01')).toEqual([
      ['July 1, 2025', '2025-07-01', 'day'],
      ['on 6 Nov 2025', '2025-11-06', 'day'],
    ]);
    expect(dates('Le 1er juillet 2025, trois Indiens ont été enlevés.', '2025-12-01', 'fr')).toEqual([['1er juillet 2025', '2025-07-01', 'day']]);
  });

  it('does not read the number that opens the next clause as a year or a day', () => {
    expect(dates('In September, 35 people died in the town.', '2023-03-01')).toEqual([['September', '2022-09-01', 'month']]);
    expect(dates('In June, 2,000 people fled.', '2023-07-01')).toEqual([['June', '2023-06-01', 'month']]);
    expect(dates('On June 2, 2025, gunmen struck.', '2025-07-01')).toEqual([['June 2, 2025', '2025-06-02', 'day']]);
  });

  it('puts a date without a year on or before the reference day', () => {
    expect(dates('Five were kidnapped on November 6.', '2025-11-10')).toEqual([['November 6', '2025-11-06', 'day']]);
    expect(dates('Five were kidnapped on November 6.', '2025-03-10')).toEqual([['November 6', '2024-11-06', 'day']]);
    expect(dates('Cinq Indiens enlevés jeudi 6 novembre.', '2025-03-10', 'fr')).toEqual([['jeudi 6 novembre', '2024-11-06', 'day']]);
  });

  it('takes the year in which a written weekday falls on the day', () => {
    // Out between 29 September 2023 and 18 December 2024: 7 September 2023 is a Thursday, 7 September 2024 a Saturday.
    const read = (text: string) => parseDateExpressions(text, '2023-09-29', 'fr', undefined, 446).map((e) => e.date);
    expect(read('Des civils ont été tués le samedi 7 septembre.')).toEqual(['2024-09-07']);
    expect(read('Des civils ont été tués le jeudi 7 septembre.')).toEqual(['2023-09-07']);
    expect(dates('Civilians were killed on Monday, August 25.', '2025-09-01')).toEqual([['on Monday, August 25', '2025-08-25', 'day']]);
  });

  it('does not read the first weekday of a night written as a span for the latest such weekday', () => {
    const found = dates("L'armée a été attaquée dans la nuit du dimanche 29 au lundi 30 septembre.", '2019-10-16', 'fr');
    expect(found.map((d) => d[1])).toEqual(['2019-09-30']);
  });

  it('takes a weekday that falls on the day only a year before the text for a slip, not for that year', () => {
    // 18 March 2019 is a Monday, 18 March 2018 a Sunday: no writer leaves out the year of a day a year back.
    expect(dates("Des militaires ont été tués dimanche 18 mars à l'aube.", '2019-03-23', 'fr')).toEqual([['dimanche 18 mars', '2019-03-18', 'day']]);
    expect(parseDateExpressions('tués dimanche 18 mars', '2019-01-09', 'fr', undefined, 73).map((e) => e.date)).toEqual(['2019-03-18']);
  });

  it('takes the month next to the one written when only it has the weekday, in the days the text is about', () => {
    // 5 June 2021 is a Saturday, 5 May 2021 a Wednesday: a report of early June slipped its month.
    const night = 'Une centaine de morts dans la nuit du vendredi 4 au samedi 5 mai.';
    expect(parseDateExpressions(night, '2021-05-26', 'fr', undefined, 14).map((e) => e.date)).toEqual(['2021-06-05']);
    expect(dates(night, '2021-06-09', 'fr').map((d) => d[1])).toEqual(['2021-06-05']);
    // Read a month later, the slipped day is too far back to be the text's: the month written stands.
    expect(dates(night, '2021-07-20', 'fr').map((d) => d[1])).toEqual(['2021-05-05']);
  });

  it('takes the month next to the one written, in the year written, when only it has the weekday and is not yet to come', () => {
    // 4 November 2022 is a Friday, 4 December 2022 a Sunday.
    const slipped = 'Cinq enseignants ont été tués le dimanche 4 novembre 2022 à Bittou.';
    expect(dates(slipped, '2022-12-06', 'fr').map((d) => d[1])).toEqual(['2022-12-04']);
    // Written before 4 December, the day cannot be it: the date written stands.
    expect(dates(slipped, '2022-11-20', 'fr').map((d) => d[1])).toEqual(['2022-11-04']);
    expect(dates('Cinq enseignants ont été tués le vendredi 4 novembre 2022.', '2022-12-06', 'fr').map((d) => d[1])).toEqual(['2022-11-04']);
  });

  it('reads a day without a year up to a given number of days after the reference', () => {
    const read = (ahead: number) => parseDateExpressions('Des civils ont été tués le 24 août.', '2024-07-28', 'fr', undefined, ahead).map((e) => e.date);
    expect(read(0)).toEqual(['2023-08-24']);
    expect(read(45)).toEqual(['2024-08-24']);
    expect(read(20)).toEqual(['2023-08-24']);
  });

  it('weighs each year of a day without a year by how long, and how soon after it, the text may have come out', () => {
    const read = (text: string, reference: string, ahead: number) => parseDateExpressions(text, reference, 'fr', undefined, ahead).map((e) => e.date);
    // Out between 29 September 2023 and 18 December 2024: 7 September 2023 is the latest for eleven months, 2024 for three.
    expect(read("l'attaque du 7 septembre", '2023-09-29', 446)).toEqual(['2023-09-07']);
    // Out between 11 January and 9 July 2025: 17 April 2025 is meant for less time, but soon after it.
    expect(read('les attaques du 17 avril', '2025-01-11', 179)).toEqual(['2025-04-17']);
  });

  it('takes the latest weekday on or before the reference day', () => {
    expect(dates('Gunmen struck on Tuesday.', '2025-07-03')).toEqual([['on Tuesday', '2025-07-01', 'day']]);
    expect(dates('Gunmen struck on Tuesday.', '2025-07-08')).toEqual([['on Tuesday', '2025-07-08', 'day']]);
    expect(dates('Gunmen struck on Tuesday.', '2025-07-07')).toEqual([['on Tuesday', '2025-07-01', 'day']]);
  });

  it('gives months and years their precision', () => {
    expect(dates('It killed 200 soldiers in June 2025.', '2025-07-03')).toEqual([['June 2025', '2025-06-01', 'month']]);
    expect(dates('Ils ont attaqué en juin 2025.', '2025-07-03', 'fr')).toEqual([['en juin 2025', '2025-06-01', 'month']]);
    expect(dates('He spoke in an interview in October.', '2025-07-03')).toEqual([['October', '2024-10-01', 'month']]);
    expect(dates('Earlier this year, three were kidnapped.', '2025-11-10')).toEqual([['this year', '2025-01-01', 'year']]);
    expect(dates("L'an dernier, trois avaient été enlevés.", '2025-11-10', 'fr')).toEqual([["L'an dernier", '2024-01-01', 'year']]);
  });

  it('reads relative days against the reference day', () => {
    expect(dates('Il y a trois jours, le JNIM a revendiqué une embuscade.', '2025-11-10', 'fr')).toEqual([['Il y a trois jours', '2025-11-07', 'day']]);
    expect(dates('Three days ago the convoy was hit.', '2025-11-10')).toEqual([['Three days ago', '2025-11-07', 'day']]);
    expect(dates('The army said yesterday that it had repelled them.', '2025-11-10')).toEqual([['yesterday', '2025-11-09', 'day']]);
  });

  it('reads years after a preposition, lists of years included', () => {
    expect(dates('Formed in 2017, the group grew after coups in 2020 and 2021.', '2025-11-10')).toEqual([
      ['in 2017', '2017-01-01', 'year'],
      ['in 2020', '2020-01-01', 'year'],
      ['2021', '2021-01-01', 'year'],
    ]);
    expect(dates('Le Mali est en crise depuis 2012.', '2025-11-10', 'fr')).toEqual([['depuis 2012', '2012-01-01', 'year']]);
  });

  it('does not take counts and other numbers for dates', () => {
    for (const text of [
      'About 400 Indians live in Mali.',
      'It neutralised more than 80 militants.',
      'JNIM killed over 5,800 civilians and has between 5,000 and 6,000 fighters.',
      'The army sent 2000 soldiers and, by 2000 soldiers more, the town held.',
      'Resolution 2100 was adopted at 10:30.',
      'Plus de 2000 soldats ont été déployés depuis 2000 kilomètres.',
    ]) {
      expect(dates(text, '2025-07-03', 'und')).toEqual([]);
    }
  });

  it('does not take numbers that merely contain a date for dates', () => {
    const text = 'Case 20251110, batch 2025-11-101 and 12025 soldiers: in 2025.5 percent of cases, call +223 2025 1106 or write to ref 2025/11/06.';
    expect(dates(text, '2025-12-01', 'und')).toEqual([]);
  });

  it('does not take verbs for months, nor relative phrases about another event for dates', () => {
    expect(dates('The situation may worsen as troops march north.', '2025-07-03')).toEqual([]);
    expect(dates('A day before that, a raid killed 30 soldiers. JNIM is now embedded.', '2025-07-03')).toEqual([]);
    expect(dates('Talks may first resume after the march.', '2025-07-03')).toEqual([]);
  });

  it('still reads a lower-case month beside a number, and a capitalised one anywhere', () => {
    expect(dates('It happened on may 5 near Gao.', '2025-07-03')).toEqual([['may 5', '2025-05-05', 'day']]);
    expect(dates('Troops left on 3 march.', '2025-07-03')).toEqual([['on 3 march', '2025-03-03', 'day']]);
    expect(dates('Officials may say more in May.', '2025-07-03')).toEqual([['May', '2025-05-01', 'month']]);
  });

  it('reads the same French relative dates however often it is asked', () => {
    for (let i = 0; i < 3; i++) {
      expect(dates(`Il y a ${['deux', 'trois', 'quatre'][i]} jours, hier encore, des hommes armés ont attaqué le poste.`, '2025-07-10', 'fr')).toEqual([
        [`Il y a ${['deux', 'trois', 'quatre'][i]} jours`, ['2025-07-08', '2025-07-07', '2025-07-06'][i], 'day'],
        ['hier', '2025-07-09', 'day'],
      ]);
    }
  });

  it('reads both languages for an undetermined text', () => {
    expect(dates('Attaque le 3 juillet 2025 et July 4, 2025', '2025-07-10', 'und').map(([, d]) => d)).toEqual(['2025-07-03', '2025-07-04']);
  });

  it('gives offsets into the original text, accents included', () => {
    const text = 'Enlèvement à Kobri le jeudi 6 novembre 2025.';
    const [found] = parseDateExpressions(text, '2025-11-10', 'fr');
    expect(found).toBeDefined();
    if (found !== undefined) expect(text.slice(found.index, found.index + found.text.length)).toBe(found.text);
  });

  it('reuses a reading across reference days only where the reference cannot change it', () => {
    const written = 'Gunmen attacked on July 1, 2025 near Gao.';
    expect(dates(written, '2025-12-01')).toEqual([['July 1, 2025', '2025-07-01', 'day']]);
    expect(dates(written, '2026-03-15')).toEqual([['July 1, 2025', '2025-07-01', 'day']]);
    const yearless = 'Gunmen attacked on July 1 near Gao.';
    expect(dates(yearless, '2025-12-01')).toEqual([['July 1', '2025-07-01', 'day']]);
    expect(dates(yearless, '2025-03-15')).toEqual([['July 1', '2024-07-01', 'day']]);
    const relative = 'Written in 2025, this year was the worst.';
    expect(dates(relative, '2025-12-01')).toContainEqual(['this year', '2025-01-01', 'year']);
    expect(dates(relative, '2026-02-01')).toContainEqual(['this year', '2026-01-01', 'year']);
    expect(dates(relative, '2026-11-30')).toContainEqual(['this year', '2026-01-01', 'year']);
    expect(dates('Two years ago the town fell.', '2026-11-30')).toEqual([['Two years ago', '2024-01-01', 'year']]);
    expect(dates('Two years ago the town fell.', '2027-01-05')).toEqual([['Two years ago', '2025-01-01', 'year']]);
  });

  it('moves a year-less day, month or weekday with the reference day it is read against', () => {
    const text = 'Gunmen came on Tuesday, then in March, and again on December 31.';
    expect(dates(text, '2025-07-10')).toEqual([
      ['on Tuesday', '2025-07-08', 'day'],
      ['March', '2025-03-01', 'month'],
      ['December 31', '2024-12-31', 'day'],
    ]);
    expect(dates(text, '2026-01-06')).toEqual([
      ['on Tuesday', '2026-01-06', 'day'],
      ['March', '2025-03-01', 'month'],
      ['December 31', '2025-12-31', 'day'],
    ]);
  });

  it('finds a year-less February 29 only in leap years, whatever was asked before', () => {
    const text = 'They were seized on February 29 near Menaka.';
    expect(dates(text, '2025-06-01')).toEqual([]);
    expect(dates(text, '2024-06-01')).toEqual([['February 29', '2024-02-29', 'day']]);
  });
});

describe('mayOpenDate', () => {
  it('holds for the first word of every date the parser can find', () => {
    for (const word of ['july', 'jul', 'tuesday', 'juillet', 'mardi', 'yesterday', 'last', 'il', 'aujourd', 'avant', 'cette', 'ce', 'dernier', 'passe', '2025', 'enjanvier']) {
      expect(mayOpenDate(word), word).toBe(true);
    }
    expect(['kidal', 'attack', 'on', 'in', 'depuis', 'hui', '12', '20250', 'mali'].filter(mayOpenDate)).toEqual([]);
  });

  it('leaves no date behind in a sentence without such a word', () => {
    const sentences = ['Gunmen attacked the convoy near Kidal, killing 12 soldiers.', "Depuis l'attaque, 5,800 personnes ont fui.", 'In 20 of the towns, the army left.'];
    for (const text of sentences) {
      expect(text.toLowerCase().split(/[^a-z0-9]+/).some(mayOpenDate), text).toBe(false);
      for (const lang of ['en', 'fr', 'und'] as const) expect(parseDateExpressions(text, '2025-07-03', lang)).toEqual([]);
    }
  });
});
