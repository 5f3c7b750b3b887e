import { describe, expect, it } from 'vitest';
import { datelineAhead, findDateline, parseDateline, splitGluedDateline } from '../../../../src/domain/text/dateline.js';

const REF = '2026-01-15';

describe('parseDateline', () => {
  it.each([
    ['Jul 03 2025', '2025-07-03', 'Jul 03 2025'],
    ['date 2025-11-10', '2025-11-10', '2025-11-10'],
    ['Updated: Jul 03, 2025 14:22 IST', '2025-07-03', 'Jul 03, 2025'],
    ['Published on July 3, 2025', '2025-07-03', 'July 3, 2025'],
    ['Thursday, July 3, 2025', '2025-07-03', 'Thursday, July 3, 2025'],
    ['Publié le 8 novembre 2025 à 10h30', '2025-11-08', '8 novembre 2025'],
    ['Mis à jour le 1er juillet 2025', '2025-07-01', '1er juillet 2025'],
  ])('%s is the date %s', (line, date, matched) => {
    expect(parseDateline(line, REF)).toEqual({ date, matched, offset: line.trim().indexOf(matched), standalone: true });
  });

  it('reads a wire dateline at the start of a sentence, year or not', () => {
    expect(parseDateline('BAMAKO, July 3 (Reuters) - Gunmen kidnapped three workers on Tuesday.', REF)).toEqual({ date: '2025-07-03', matched: 'July 3', offset: 8, standalone: false });
    expect(parseDateline('Bamako, le 3 juillet 2025 (AFP) — Des hommes armés ont attaqué.', REF)).toEqual({ date: '2025-07-03', matched: '3 juillet 2025', offset: 11, standalone: false });
    expect(parseDateline('LONDON, United Kingdom, May 3, 2023/APO Group/ -- The authorities must act.', REF)).toEqual({ date: '2023-05-03', matched: 'May 3, 2023', offset: 24, standalone: false });
    // A press release names the offices it comes from.
    expect(parseDateline('Bamako/New York, January 8, 2021—A Doctors Without Borders ambulance was stopped.', REF)).toEqual({ date: '2021-01-08', matched: 'January 8, 2021', offset: 17, standalone: false });
  });

  it('reads a full date heading a line, then a dash, as the date of the page', () => {
    const line = 'June 6, 2016 – Boko Haram Kills 2 Nigerian Soldiers, Injures 8 In Niger Republic, the defence ministry said on Saturday';
    expect(parseDateline(line, REF)).toEqual({ date: '2016-06-06', matched: 'June 6, 2016', offset: 0, standalone: false });
    expect(parseDateline('June 6, 2016 the army said it had retaken Bosso.', REF)).toBeUndefined();
  });

  it('places a wire dateline without a year in the days an undated item of a stream can have come out', () => {
    const line = 'DAKAR, July 23 (Reuters) - Al Qaeda\'s affiliate in Mali claimed responsibility on Saturday.';
    // Read as of 22 July 2022 alone, 23 July is still to come: the latest 23 July is a year before.
    expect(parseDateline(line, '2022-07-22')?.date).toBe('2021-07-23');
    expect(parseDateline(line, '2022-07-22', 2)?.date).toBe('2022-07-23');
    expect(datelineAhead('2022-07-22', '2022-07-24T00:00:00.000Z')).toBe(2);
    expect(datelineAhead('2022-07-22', undefined)).toBe(0);
  });

  it('puts a dateline without a year in the days the item can have come out, however many months they span', () => {
    const line = 'Bamako, January 8 (Reuters) - A Swiss woman was kidnapped overnight in Timbuktu.';
    // Between 7 May 2015 and 8 January 2016, only 8 January 2016 is a day it can have come out.
    expect(parseDateline(line, '2015-05-07', 246)?.date).toBe('2016-01-08');
    expect(parseDateline(line, '2015-05-07')?.date).toBe('2015-01-08');
  });

  it('reads a wire dateline whose page dropped the dash before the lead', () => {
    expect(parseDateline('Bamako, January 8 A Swiss woman was kidnapped overnight in Timbuktu.', '2016-01-10')).toMatchObject({ date: '2016-01-08', matched: 'January 8' });
  });

  it('does not take a place and a date inside a sentence for a wire dateline', () => {
    expect(parseDateline('Kayes, July 3 was a quiet day for the workers.', REF)).toBeUndefined();
    expect(parseDateline('Gunmen struck Kayes, July 3 (Reuters) - no more.', REF)).toBeUndefined();
  });

  it.each([
    'July 1',
    'Tuesday',
    'The kidnapping took place on July 1, 2025.',
    'About 400 Indians live in Mali, 2025',
    'Formed in 2017',
    'June 2025',
    'Jul 03 2025 attack on the factory',
    '',
  ])('%s is not a date line', (line) => {
    expect(parseDateline(line, REF)).toBeUndefined();
  });
});

describe('findDateline', () => {
  it('finds the first date line and its index', () => {
    expect(findDateline(['Three Indians kidnapped', 'The Wire Staff', 'Jul 03 2025', 'Jul 04 2025'], REF)).toEqual({
      index: 2, date: '2025-07-03', matched: 'Jul 03 2025', offset: 0, standalone: true,
    });
  });

  it('looks only near the top', () => {
    const lines = [...Array.from({ length: 20 }, (_, i) => `Paragraph ${i} of the article.`), 'Jul 03 2025'];
    expect(findDateline(lines, REF)).toBeUndefined();
  });
});

describe('splitGluedDateline', () => {
  it('splits a date label glued in front of a headline', () => {
    expect(splitGluedDateline(' date 2025-11-10 Five Indians kidnapped in Mali')).toEqual(['date 2025-11-10', 'Five Indians kidnapped in Mali']);
    expect(splitGluedDateline('Published: 2025-07-03T10:00:00Z Gunmen attack')).toEqual(['Published: 2025-07-03T10:00:00Z', 'Gunmen attack']);
  });

  it('leaves other lines alone', () => {
    expect(splitGluedDateline('date 2025-11-10')).toBeUndefined();
    expect(splitGluedDateline('Five Indians kidnapped on 2025-11-06 in Mali')).toBeUndefined();
  });
});
