import { describe, expect, it } from 'vitest';
import { headlineFromSentence, isHeadlineLike, splitGluedHeadline, stripSourceSuffix } from '../../../../src/domain/text/headline.js';

describe('isHeadlineLike', () => {
  it.each([
    'Three Indians Kidnapped in Mali Amid Coordinated Attacks by Al Qaeda-Linked Terror group',
    'Who Is JNIM?',
    'Mali : cinq ressortissants indiens enlevés près de Kobri',
  ])('%s reads as a headline', (line) => {
    expect(isHeadlineLike(line)).toBe(true);
  });

  it.each([
    'The three Indians, employed at the factory, were taken hostage during the raid.',
    'JNIM is an alliance of various factions of jihadists operating in the region, namely:',
    'Bamako',
    'Kayes attack',
  ])('%s does not', (line) => {
    expect(isHeadlineLike(line)).toBe(false);
  });
});

describe('splitGluedHeadline', () => {
  const glued = 'Five Indians kidnapped in Mali amid growing Al-Qaeda-activities, Embassy pushes for safe release Five Indian nationals have been kidnapped in Mali, with the Indian Embassy confirming active coordination with local authorities for their safe release.';

  it('splits where the body repeats the headline’s first word', () => {
    expect(splitGluedHeadline(glued, false)).toEqual([
      'Five Indians kidnapped in Mali amid growing Al-Qaeda-activities, Embassy pushes for safe release',
      'Five Indian nationals have been kidnapped in Mali, with the Indian Embassy confirming active coordination with local authorities for their safe release.',
    ]);
  });

  it('falls back to the last capital after a content word only when the paragraph is known to be glued', () => {
    const paragraph = 'Jihadists attack army camp in central Mali, several soldiers killed Dozens of soldiers were killed when gunmen stormed the camp at dawn, the army said.';
    expect(splitGluedHeadline(paragraph, false)).toBeUndefined();
    expect(splitGluedHeadline(paragraph, true)).toEqual([
      'Jihadists attack army camp in central Mali, several soldiers killed',
      'Dozens of soldiers were killed when gunmen stormed the camp at dawn, the army said.',
    ]);
  });

  it('leaves an ordinary first paragraph alone', () => {
    const paragraph = 'The abduction of three Indian nationals in Mali has prompted serious concern and swift action from the Indian government. The incident occurred on July 1, 2025.';
    expect(splitGluedHeadline(paragraph, false)).toBeUndefined();
  });
});

describe('headlineFromSentence', () => {
  it('uses a short sentence without its full stop', () => {
    expect(headlineFromSentence('Gunmen kidnapped three workers in Kayes.')).toBe('Gunmen kidnapped three workers in Kayes');
  });

  it('cuts a long sentence at a word, never after a small word', () => {
    const sentence = 'Three Indian citizens have been taken hostage in western Mali following a terrorist assault that hit multiple locations in the region on July 1.';
    const headline = headlineFromSentence(sentence);
    expect(headline).toBe('Three Indian citizens have been taken hostage in western Mali following a terrorist assault that hit multiple locations in the region…');
    expect(headline.length).toBeLessThanOrEqual(141);
  });
});

describe('stripSourceSuffix', () => {
  it('removes the outlet name a feed appends to its titles', () => {
    expect(stripSourceSuffix('Five Indians kidnapped in Mali - The Hindu', 'The Hindu')).toBe('Five Indians kidnapped in Mali');
    expect(stripSourceSuffix('Attaque à Kayes | Journal du Mali', 'journal du mali')).toBe('Attaque à Kayes');
  });

  it('keeps a dash that is part of the headline', () => {
    expect(stripSourceSuffix('Mali - Five Indians kidnapped', 'The Hindu')).toBe('Mali - Five Indians kidnapped');
  });
});
