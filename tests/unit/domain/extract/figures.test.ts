import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../../src/domain/extract/figures.js';
import { sentenceDocument } from './make-document.js';

function figures(text: string): [number, string][] {
  return extractFigures(sentenceDocument(text)).map((f) => [f.value, f.what]);
}

describe('extractFigures', () => {
  it('reads how many people of a community live in a country', () => {
    const text = "It's estimated that approximately 400 Indians reside in Mali, primarily working in retail and mining.";
    expect(extractFigures(sentenceDocument(text))).toEqual([{ value: 400, what: 'Indians living in Mali', evidence: { sentence: 0, text } }]);
    expect(figures('Environ quatre cents Indiens vivent au Mali.')).toEqual([[400, 'Indians living in Mali']]);
    expect(figures('Some 1,200 Chinese workers live in Burkina Faso.')).toEqual([[1200, 'Chinese living in Burkina Faso']]);
  });

  it('reads running totals', () => {
    expect(figures('The latest abduction takes the total number of Indians kidnapped in Mali this year to eight.')).toEqual([
      [8, 'Indians kidnapped in Mali this year'],
    ]);
    expect(figures("Ce rapt porte le nombre total d'Indiens enlevés cette année à huit.")).toEqual([[8, 'Indiens enlevés cette année']]);
  });

  it('finds no figure in an event or in an unrelated count', () => {
    expect(figures('Three Indian nationals were abducted on July 1.')).toEqual([]);
    expect(figures('The number of attacks rose.')).toEqual([]);
  });
});
