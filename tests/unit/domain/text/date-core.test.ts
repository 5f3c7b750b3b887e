import { describe, expect, it } from 'vitest';
import { dateCore, vocabularyOf } from '../../../../src/domain/text/date-core.js';
import { parseDateExpressions } from '../../../../src/domain/text/date-expressions.js';

/** A small stand-in for chrono's patterns: months, weekdays, articles, units and "ago". */
const known = vocabularyOf([
  String.raw`(\W|^)(?:on\s*)?(july|june|jul|tuesday|mardi|janvier)\s*(\d{1,2})?(?=\W|$)`,
  String.raw`(?:les?|la|l'|du|des?|une?|a|the)\s*(\d+)?\s*(jours?|days?|mins|s|h)\s*(?:ago|derni[eè]re?s?)`,
]);

function span(window: string): string | undefined {
  const found = dateCore(window, known);
  return found === undefined ? undefined : window.slice(found[0], found[1]);
}

describe('vocabularyOf', () => {
  it('knows the words of the patterns, with an optional last letter left out or added after a long one', () => {
    for (const word of ['July', 'on', 'jours', 'jour', 'mins', 'min', 'minutes', 'dernière', 'derniers', 'ago', 's', 'h']) expect(known(word)).toBe(true);
    for (const word of ['Kidal', 'killing', 'Mali', 'fuel', 'at']) expect(known(word)).toBe(false);
  });
});

describe('dateCore', () => {
  it('cuts inert words off either side, keeping the space before the date and the word after it', () => {
    expect(span('Kayes on Tuesday, July 4, cutting fuel')).toBe(' on Tuesday, July 4, cutting');
    expect(span('de Kidal mardi 3 janvier, faisant 88')).toBe(' mardi 3 janvier, faisant');
  });

  it('leaves numbers between inert words outside, and takes those next to the date in', () => {
    expect(span('Mali on July 6, killing 61')).toBe(' on July 6, killing');
    expect(span('killing 61 July 6 near Gao')).toBe(' 61 July 6 near');
  });

  it('keeps articles and quantities inert only between inert words', () => {
    expect(span('seized at a camp on July 6 near Gao')).toBe(' on July 6 near');
    expect(span('seized on July 6 at a')).toBe(' on July 6 at');
    expect(span('loin de Kidal le 3 janvier sur place')).toBe(' le 3 janvier sur');
    expect(span('loin de la mine le 3 janvier sur place')).toBe(' de la mine le 3 janvier sur');
  });

  it('takes in words whose letters chrono reads apart from their accents', () => {
    expect(span('Ténenkou on July 6 near Gao')).toBe(' on July 6 near');
    expect(span('Ségou on July 6 near Gao')).toBe(' on July 6 near');
    expect(span('killing Sévaréa days ago near Gao')).toBe(' Sévaréa days ago near');
    expect(span('61 Kayes on July 6 near Gao')).toBe(' on July 6 near');
    expect(span('61 Ségou on July 6 near Gao')).toBe('61 Ségou on July 6 near');
  });

  it('takes in punctuation before the date and words of the patterns wherever they stand', () => {
    expect(span('Mali, on July 6 near Gao')).toBe('Mali, on July 6 near');
    expect(span('coaching (Tuesday 8th near Gao')).toBe(' (Tuesday 8th near');
  });

  it('reads the whole window when nothing can be cut, or when the cut would be all chrono reads', () => {
    expect(span('on July 6 near')).toBeUndefined();
    expect(span('Officials say May')).toBeUndefined();
    expect(span('nothing to read here')).toBeUndefined();
  });
});

describe('parseDateExpressions with cut windows', () => {
  it('reads dates as it reads the whole window, however the words around them change', () => {
    const read = (text: string): [number, string, string][] => parseDateExpressions(text, '2025-07-10', 'en').map((e) => [e.index, e.text, e.date]);
    expect(read('Gunmen struck Kayes on Tuesday, July 1, killing 61 people.')).toEqual([[20, 'on Tuesday, July 1', '2025-07-01']]);
    expect(read('Gunmen struck Sévaré on Tuesday, July 1, killing 61 people.')).toEqual([[21, 'on Tuesday, July 1', '2025-07-01']]);
    expect(read('A raid (Saturday 5th July) left ten dead.')).toEqual([[7, '(Saturday 5th July', '2025-07-05']]);
    expect(read('It was found on July 4 ample evidence showed.')).toEqual(read('It was found on July 4 ample'));
  });
});
